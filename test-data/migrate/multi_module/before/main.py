import os

import assets
from resources import warehouse

from dagwire import Definitions, define_asset_job, load_assets_from_modules

os.environ["WAREHOUSE_URL"] = "duckdb://local"

defs = Definitions(
    assets=load_assets_from_modules([assets]),
    jobs=[define_asset_job("refresh")],
    resources={"warehouse": warehouse.configured({"url": {"env": "WAREHOUSE_URL"}})},
)
result = defs.get_job_def("refresh").execute_in_process(
    run_config={"ops": {"raw_orders": {"config": {"limit": 4}}}}
)
print("success:", result.success, "count:", result.output_for_node("order_count"))
