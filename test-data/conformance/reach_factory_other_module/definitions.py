import dagster as dg

from .factories import Mailer, table_asset

TABLES = [table_asset(name) for name in ("orders", "refunds")]

defs = dg.Definitions(assets=TABLES, resources={"mailer": Mailer(host="smtp")})  # expect: unbound db
