# shape: run-config: an asset with key_prefix= is configured under its whole key as op name (trap)
import dagster as dg


class LimitConfig(dg.Config):
    limit: int = 10


@dg.asset(key_prefix=["core"])
def items(config: LimitConfig) -> int:
    return config.limit


def exercise() -> None:
    result = dg.materialize([items], run_config=dg.RunConfig(ops={"core__items": LimitConfig(limit=3)}))
    assert result.success
