# shape: requirer: an asset whose decorator call mypy rejects (`kinds=` a list, annotated as a set)
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset(kinds=["duckdb"], group_name="raw")  # extra: mypy-dagster error call-overload: dagster annotates kinds as a set and makes a set of the list
def orders(warehouse: Warehouse) -> int:
    return len(warehouse.dsn)


defs = dg.Definitions(assets=[orders], resources={})  # expect: unbound warehouse
