# shape: binding-site: @repository listing a job whose resource_defs= miss a key
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.op
def warm(db: Db, cache: Cache) -> None:
    pass


@dg.job(resource_defs={"db": Db(url="pg://")})  # expect: unbound cache  # gap: mypy-dagwire a job's resource_defs= are checked in dagster mode only, and @repository is not a binding site
def warm_job() -> None:
    warm()


@dg.repository
def shop() -> list[dg.JobDefinition]:
    return [warm_job]
