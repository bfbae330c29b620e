# shape: reach: a star-imported package whose lists come from load_assets_from_package_module(package_module=<submodule its own `from .sub import *` binds>)
import dagster as dg

from .assets import *  # noqa: F403
from .lake import LakeIOManager

defs = dg.Definitions(  # expect: unbound lake_io
    assets=[*table_assets, *report_assets],  # noqa: F405
    resources={"io_manager": LakeIOManager(root="/tmp/lake")},
)
