from functools import cache

import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


class OrdersFactory:
    @cache
    @staticmethod
    def build_definitions(region: str) -> dg.Definitions:
        return dg.Definitions(assets=[OrdersFactory._orders_asset(region)])

    @staticmethod
    def _orders_asset(region: str) -> dg.AssetsDefinition:
        @dg.asset(name=f"orders_{region}")
        def orders(warehouse: Warehouse) -> int:
            return 1

        return orders
