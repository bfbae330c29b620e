import dagster as dg

from .reports import *  # noqa: F403
from .tables import *  # noqa: F403

table_assets = dg.load_assets_from_package_module(package_module=tables, group_name="tables")  # noqa: F405  # extra: mypy error name-defined: mypy does not bind the submodule a relative import loads
# the name is the submodule until this statement binds the loaded list to it
reports = dg.load_assets_from_package_module(package_module=reports, group_name="reports")  # noqa: F405  # extra: mypy error has-type: mypy does not bind the submodule a relative import loads
report_assets = reports
