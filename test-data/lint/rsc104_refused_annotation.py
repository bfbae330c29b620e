# RSC104: a resource parameter annotated with an IO manager class, which dagster refuses when
# the definition is made (the parameter requires no key, so RSC101 does not report it too).
from typing import Any

import dagster as dg
from dagster import ConfigurableIOManager as BaseStore


class Store(dg.ConfigurableIOManager):
    root: str

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        pass

    def load_input(self, context: dg.InputContext) -> object:
        return None


class ArchiveStore(Store):
    pass


class StoreFactory(dg.ConfigurableIOManagerFactory):
    root: str

    def create_io_manager(self, context: dg.InitResourceContext) -> Store:
        return Store(root=self.root)


class Warehouse(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(store: Store, warehouse: Warehouse) -> int:  # expect@12: RSC104 parameter 'store' of asset 'orders' is annotated with IO manager class 'Store', which dagster refuses as a resource annotation: use ResourceParam[Store]
    return 1


@dg.op
def archive(archived: ArchiveStore) -> None:  # expect@13: RSC104 parameter 'archived' of op 'archive' is annotated with IO manager class 'ArchiveStore', which dagster refuses as a resource annotation: use ResourceParam[ArchiveStore]
    pass


@dg.sensor(target="*")
def watch(factory: StoreFactory):  # expect@11: RSC104 parameter 'factory' of sensor 'watch' is annotated with IO manager class 'StoreFactory', which dagster refuses as a resource annotation: use ResourceParam[Any] or ResourceParam[<the type it creates>]
    return None


@dg.asset
def base(store: BaseStore) -> int:  # expect@10: RSC104 parameter 'store' of asset 'base' is annotated with IO manager class 'BaseStore', which dagster refuses as a resource annotation: use ResourceParam[BaseStore]
    return 1


# What each parameter receives, said with ResourceParam: accepted, and the key is required.
@dg.asset
def shipments(store: dg.ResourceParam[Store], factory: dg.ResourceParam[Any]) -> int:
    return 1


defs = dg.Definitions(  # expect@8: RSC101 resource key 'factory' is required by asset 'shipments' but not bound in Definitions; bound keys: 'store', 'warehouse'
    assets=[orders, base, shipments],
    resources={"store": Store(root="/tmp"), "warehouse": Warehouse(url="db://")},
)
