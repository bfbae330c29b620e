# shape: binding-site: a job with resource_defs={} listed in a Definitions without resources=
import dagster as dg


class Store(dg.ConfigurableResource):
    root: str


@dg.op
def extract(store: Store) -> int:
    return 1


@dg.job(resource_defs={})
def extract_job() -> None:
    extract()


defs = dg.Definitions(jobs=[extract_job])  # expect: unbound store
