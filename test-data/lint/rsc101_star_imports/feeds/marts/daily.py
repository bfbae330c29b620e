import dagster as dg

from ..resources import Db


@dg.asset
def daily_rollup(db: Db, warehouse: Db) -> int:
    return 1
