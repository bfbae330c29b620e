import dagster as dg


@dg.asset(io_manager_key="lake_io")
def daily_sales() -> int:
    return 3
