# shape: binding-site: BindResourcesToJobs in Definitions(jobs=), missing a key
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.op
def touch(db: Db) -> None:
    pass


@dg.job
def touch_job() -> None:
    touch()


defs = dg.Definitions(jobs=dg.BindResourcesToJobs([touch_job]), resources={"dbb": Db(url="x")})  # expect: unbound db
