# shape: run-config: materialize(run_config=) names an asset not materialized
import dagster as dg


class LimitConfig(dg.Config):
    limit: int = 10


@dg.asset
def orders(config: LimitConfig) -> int:
    return config.limit


def exercise() -> None:
    dg.materialize([orders], run_config=dg.RunConfig(ops={"order": LimitConfig(limit=1)}))  # expect: run-config-op order  # gap: flake8 no RSC rule checks run config
