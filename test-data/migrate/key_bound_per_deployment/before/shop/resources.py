from dagwire import ConfigurableResource, resource

from shop.clients import WarehouseClient


class Store(ConfigurableResource):
    def shelf(self, item: str) -> str:
        raise NotImplementedError


class BucketStore(Store):
    bucket: str

    def shelf(self, item: str) -> str:
        return f"s3://{self.bucket}/{item}"


class MemoryStore(Store):
    def shelf(self, item: str) -> str:
        return f"memory/{item}"


class FakeWarehouse:
    """What the local deployment binds instead of the warehouse."""

    def stock(self, item: str) -> str:
        return f"{item}@fake"


@resource(config_schema={"url": str})
def warehouse(context) -> WarehouseClient:
    return WarehouseClient(context.resource_config["url"])


RESOURCES_BY_DEPLOYMENT = {
    "prod": {
        "warehouse": warehouse.configured({"url": "wh.prod"}),
        "store": BucketStore(bucket="shop-prod"),
    },
    "local": {"warehouse": FakeWarehouse(), "store": MemoryStore()},
}
