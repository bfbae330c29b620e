import dagster as dg

from . import assets
from .assets import *  # noqa: F401,F403

defs = dg.Definitions(assets=dg.load_assets_from_package_module(assets), resources={})  # expect: unbound feed
