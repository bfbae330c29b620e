# shape: reach: load_assets_from_modules([assets]) where `assets` is the submodule a `from .assets import ...` binds
import dagster as dg

from .assets import daily_totals  # noqa: F401  (also binds the submodule `assets` here)

defs = dg.Definitions(assets=dg.load_assets_from_modules([assets]), resources={})  # noqa: F821  # expect: unbound warehouse  # extra: mypy error name-defined: mypy does not bind the submodule a relative import loads
