import dagster as dg

from .resources import Api, Db

__all__ = ["pull", "pull_check", "combined"]


@dg.op
def fetch_op(api: Api) -> int:
    return 1


@dg.graph_asset
def combined():
    return fetch_op()


@dg.asset
def pull(db: Db) -> int:
    return 1


@dg.asset_check(asset=pull)
def pull_check(api: Api) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


@dg.asset
def hidden_backfill(cache: Api) -> int:
    return 1
