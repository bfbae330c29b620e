# shape: run-config: define_asset_job(config=) names an asset outside its selection
import dagster as dg


class LimitConfig(dg.Config):
    limit: int = 10


@dg.asset
def orders(config: LimitConfig) -> int:
    return config.limit


@dg.asset
def refunds(config: LimitConfig) -> int:
    return config.limit


orders_job = dg.define_asset_job(  # expect: run-config-op refunds  # gap: flake8 no RSC rule checks run config
    "orders_job",
    selection=[orders],
    config=dg.RunConfig(ops={"refunds": LimitConfig(limit=5)}),
)

defs = dg.Definitions(assets=[orders, refunds], jobs=[orders_job])


def exercise() -> None:
    defs.get_job_def("orders_job").execute_in_process()
