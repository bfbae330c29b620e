# shape: reach: an asset defined in the module but listed nowhere needs nothing bound (trap)
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.asset
def summary() -> int:
    return 2


summary_job = dg.define_asset_job("summary_job", selection=[summary])

defs = dg.Definitions(assets=[summary], jobs=[summary_job], resources={})


def exercise() -> None:
    assert defs.get_job_def("summary_job").execute_in_process().success
