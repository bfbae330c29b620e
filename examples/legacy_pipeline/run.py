"""Run both jobs and print what they produced (the same before and after the migration)."""

import os

from examples.legacy_pipeline.definitions import defs


def main() -> None:
    os.environ.setdefault("WAREHOUSE_URL", "duckdb://local")
    orders = defs.get_job_def("orders_job").execute_in_process(
        run_config={"ops": {"raw_orders": {"config": {"days": 2}}}})
    print("orders_job:", orders.success, orders.output_for_node("order_count"))
    alerts = defs.get_job_def("alerts_job").execute_in_process(
        run_config={"ops": {"count_orders": {"config": {"threshold": 41}}}})
    print("alerts_job:", alerts.success, alerts.output_for_node("alert"))


if __name__ == "__main__":
    main()
