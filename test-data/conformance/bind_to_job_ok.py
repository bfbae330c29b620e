# shape: binding-site: graph.to_job(resource_defs=) binding every key, job run (trap)
import dagster as dg


class Store(dg.ConfigurableResource):
    root: str


@dg.op
def extract(store: Store) -> int:
    return len(store.root)


@dg.graph
def etl() -> None:
    extract()


etl_local = etl.to_job(name="etl_local", resource_defs={"store": Store(root="/data")})

defs = dg.Definitions(jobs=[etl_local])


def exercise() -> None:
    assert defs.get_job_def("etl_local").execute_in_process().success
