import dagster as dg

from . import assets
from .assets.sales import Db

defs = dg.Definitions(  # expect: unbound crm
    assets=dg.load_assets_from_package_module(assets),
    resources={"db": Db(url="pg://")},
)
