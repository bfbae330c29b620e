from dagster.components import definitions


@definitions
def defs():
    from .factory import OrdersFactory

    return OrdersFactory.build_definitions("emea")
