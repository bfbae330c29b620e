import dagster as dg

from dg_yaml_component_method.lib.shipping import Courier, Depot


@dg.asset
def stock(depot: Depot, courier: Courier) -> int:
    return 1
