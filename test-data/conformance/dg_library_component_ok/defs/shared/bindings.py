import dagster as dg

from dg_library_component_ok.defs.orders.assets import Notifier

defs = dg.Definitions(resources={"notifier": Notifier(channel="#orders")})
