import dagster as dg

from dg_load_defs_namespace.defs.resources import Ledger, Warehouse


@dg.asset
def daily_totals(ledger: Ledger, warehouse: Warehouse) -> int:
    return 2
