import dagster as dg

from . import orders
from .orders import Db

defs = dg.load_definitions_from_modules([orders], resources={"db": Db(url="duckdb://")})  # expect: unbound cache  # gap: mypy load_definitions_from_modules(...) is not followed
