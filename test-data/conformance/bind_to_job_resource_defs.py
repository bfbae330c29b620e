# shape: binding-site: graph.to_job(resource_defs=) missing a key its ops need
import dagster as dg


class Store(dg.ConfigurableResource):
    root: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.op
def extract(store: Store) -> int:
    return 1


@dg.op
def notify(mailer: Mailer, n: int) -> None:
    pass


@dg.graph
def etl() -> None:
    notify(extract())


etl_local = etl.to_job(name="etl_local", resource_defs={"mailer": Mailer(host="localhost")})  # expect: unbound store  # gap: mypy-dagwire dagwire merges a job's resource_defs with the Definitions' resources: reported where the Definitions lists the job

defs = dg.Definitions(jobs=[etl_local])  # extra: mypy-dagwire unbound store: reported where the Definitions lists the job (dagwire merges the job's resource_defs with the Definitions' resources)
