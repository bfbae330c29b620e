import dagster as dg

from . import marts
from .assets import *  # noqa: F403
from .resources import Api, Db
from .sensors import *  # noqa: F403

defs = dg.Definitions(  # expect@8: RSC101 resource key 'api' is required by op 'fetch_op' in graph_asset 'combined', asset_check 'pull_check' but not bound in Definitions; bound keys: 'db' # expect@8: RSC101 resource key 'slack' is required by sensor 'watch' but not bound in Definitions; bound keys: 'db'
    assets=[pull, combined],  # noqa: F405
    asset_checks=[pull_check],  # noqa: F405
    sensors=[watch],  # noqa: F405
    jobs=[pull_job],  # noqa: F405
    resources={"db": Db(url="duckdb://")},
)

marts_defs = dg.Definitions(  # expect@14: RSC101 resource key 'warehouse' is required by asset 'daily_rollup' but not bound in Definitions; bound keys: 'api', 'db'
    assets=dg.load_assets_from_modules([marts]),
    resources={"db": Db(url="duckdb://"), "api": Api(url="https://api")},
)
