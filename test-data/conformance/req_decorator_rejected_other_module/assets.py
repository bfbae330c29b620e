import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset(kinds=["duckdb", "python"], io_manager_key="lake")  # extra: mypy-dagster error call-overload: dagster annotates kinds as a set and makes a set of the list
def orders(warehouse: Warehouse) -> int:
    return len(warehouse.dsn)
