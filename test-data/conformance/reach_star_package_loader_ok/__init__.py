# shape: reach: a star-imported package whose lists come from package loaders of submodule names its star imports bind, every key bound (trap)
import dagster as dg

from .assets import *  # noqa: F403
from .lake import LakeIOManager

defs = dg.Definitions(
    assets=[*table_assets, *report_assets],  # noqa: F405
    resources={"lake_io": LakeIOManager(root="/tmp/lake")},
)
