# Helpers of the `<project>_tests/` folder that `dagster project scaffold` creates: throw-away
# credentials and environment reads are part of the test set-up (RSC3xx does not apply).
import os

import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str
    password: str


def warehouse_for_tests() -> Warehouse:
    return Warehouse(dsn=os.environ.get("TEST_DSN", "duckdb://"), password="test-password")


local = Warehouse(dsn=os.getenv("TEST_DSN", "duckdb://"), password="hunter2")
