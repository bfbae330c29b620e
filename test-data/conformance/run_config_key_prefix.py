# shape: run-config: an asset with key_prefix= configured under its bare name
import dagster as dg


class LimitConfig(dg.Config):
    limit: int = 10


@dg.asset(key_prefix=["core"])
def items(config: LimitConfig) -> int:
    return config.limit


def exercise() -> None:
    dg.materialize([items], run_config=dg.RunConfig(ops={"items": LimitConfig(limit=3)}))  # expect: run-config-op items  # gap: flake8 no RSC rule checks run config
