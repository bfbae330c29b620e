from typing import Any

from dagwire import ResourceParam, op

from shop.resources import Store


@op
def restock(warehouse: ResourceParam[Any], store: Store):
    item = "tea"
    print(store.shelf(item), warehouse.stock(item))
