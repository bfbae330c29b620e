import dagster as dg

from .factories import STAGED, Notifier

defs = dg.Definitions(assets=STAGED, resources={"notifier": Notifier(channel="#ops")})  # expect: unbound fetcher
