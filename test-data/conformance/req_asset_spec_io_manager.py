# shape: requirer: AssetSpec(...).with_io_manager_key() on an external asset read by an asset
import dagster as dg

raw_orders = dg.AssetSpec("raw_orders").with_io_manager_key("landing_io")


@dg.asset
def orders(raw_orders: int) -> int:
    return raw_orders


defs = dg.Definitions(assets=[raw_orders, orders], resources={})  # expect: unbound landing_io  # gap: flake8 an AssetSpec listed in assets= is not read for its IO manager key
