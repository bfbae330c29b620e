"""The shop pipeline's Definitions: one place that binds every resource."""

from dagwire import Definitions, EnvVar, load_assets_from_modules

from examples.shop import assets
from examples.shop.jobs import alerts_job, daily_refresh_job, morning_alerts, new_orders_sensor
from examples.shop.resources import NotifierResource, OrdersApiResource, WarehouseResource

defs = Definitions(
    assets=load_assets_from_modules([assets]),
    jobs=[daily_refresh_job, alerts_job],
    sensors=[new_orders_sensor],
    schedules=[morning_alerts],
    resources={
        "orders_api": OrdersApiResource(base_url="https://api.shop.example/v1", page_size=100),
        "warehouse": WarehouseResource(database=EnvVar("SHOP_WAREHOUSE_DB")),
        "notifier": NotifierResource(),
    },
)
