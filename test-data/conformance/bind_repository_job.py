# shape: binding-site: @repository listing a job whose resource_defs= miss a key
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Cache(dg.ConfigurableResource):
    host: str


@dg.op
def warm(db: Db, cache: Cache) -> None:
    pass


@dg.job(resource_defs={"db": Db(url="pg://")})  # expect: unbound cache  # gap: mypy-dagwire dagwire merges a job's resource_defs with what binds it: reported where the repository lists the job
def warm_job() -> None:
    warm()


@dg.repository  # extra: mypy-dagwire unbound cache: reported where the repository lists the job (dagwire checks a job's own resource_defs where it is bound)
def shop() -> list[dg.JobDefinition]:
    return [warm_job]
