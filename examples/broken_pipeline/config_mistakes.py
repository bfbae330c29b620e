"""RSC103 and RSC104: config fields that do not exist, config and resources mixed up."""

from dagwire import Config, asset

from .resources_with_secrets import WarehouseResource


class OrdersConfig(Config):
    days: int = 7
    region: str = "eu"


@asset
def raw_orders(config: OrdersConfig, warehouse: WarehouseResource) -> list[int]:
    return [config.days, len(config.regoin)]  # RSC103: misspelt field


@asset
def report(settings: OrdersConfig, raw_orders: list[int]) -> int:  # RSC104
    return sum(raw_orders) + settings.days


@asset
def export(config: WarehouseResource, report: int) -> None:  # RSC104
    print(report)
