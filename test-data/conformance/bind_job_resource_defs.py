# shape: binding-site: @job(resource_defs=) missing a key its ops need, Definitions binds it
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


@dg.job(resource_defs={"mailer": Mailer(host="smtp")})  # expect: unbound store  # gap: mypy-dagwire dagwire merges a job's resource_defs with the Definitions' resources  # gap: runtime dagwire merges a job's resource_defs with the Definitions' resources
def etl() -> None:
    notify(extract())


defs = dg.Definitions(jobs=[etl], resources={"store": Store(root="/data")})
