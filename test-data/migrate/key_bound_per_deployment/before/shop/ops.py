from dagwire import op


@op(required_resource_keys={"warehouse", "store"})
def restock(context):
    item = "tea"
    print(context.resources.store.shelf(item), context.resources.warehouse.stock(item))
