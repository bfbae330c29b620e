"""The project's Definitions: resources bound once, for every asset and job."""

from dagwire import Definitions, define_asset_job

from examples.legacy_pipeline.alerts import alerts_job
from examples.legacy_pipeline.assets import order_count, raw_orders
from examples.legacy_pipeline.clients import mailer, warehouse

defs = Definitions(
    assets=[raw_orders, order_count],
    jobs=[alerts_job, define_asset_job("orders_job")],
    resources={
        "warehouse": warehouse.configured({"url": {"env": "WAREHOUSE_URL"}}),
        "mailer": mailer.configured({"sender": "ops@example.com"}),
    },
)
