# shape: run-config: define_asset_job(config=) for the selected asset (trap)
import dagster as dg


class LimitConfig(dg.Config):
    limit: int = 10


@dg.asset
def orders(config: LimitConfig) -> int:
    return config.limit


orders_job = dg.define_asset_job(
    "orders_job", selection=[orders], config=dg.RunConfig(ops={"orders": LimitConfig(limit=5)})
)

defs = dg.Definitions(assets=[orders], jobs=[orders_job])


def exercise() -> None:
    assert defs.get_job_def("orders_job").execute_in_process().output_for_node("orders") == 5
