import os

import dagster as dg

from . import assets
from .checks import items_fresh, no_duplicate_stories
from .resources import resources_by_deployment_name

deployment_name = os.getenv("DAGSTER_DEPLOYMENT", "local")

all_assets = dg.load_assets_from_package_module(assets, group_name="hn")

defs = dg.Definitions(  # expect@8: RSC101 resource key 'pager' is required by asset_check 'items_fresh' but not bound in Definitions (resources for 'local'); bound keys: 'hn_client', 'warehouse' # expect@8: RSC101 resource key 'pager' is required by asset_check 'items_fresh' but not bound in Definitions (resources for 'prod'); bound keys: 'hn_client', 'slack', 'warehouse' # expect@8: RSC101 resource key 'slack' is required by asset 'story_digest' but not bound in Definitions (resources for 'local'); bound keys: 'hn_client', 'warehouse' # expect@8: RSC101 resource key 'translator' is required by op 'translate' in graph_asset 'translated_stories' but not bound in Definitions (resources for 'local'); bound keys: 'hn_client', 'warehouse' # expect@8: RSC101 resource key 'translator' is required by op 'translate' in graph_asset 'translated_stories' but not bound in Definitions (resources for 'prod'); bound keys: 'hn_client', 'slack', 'warehouse'
    assets=all_assets,
    asset_checks=[no_duplicate_stories, items_fresh],
    resources=resources_by_deployment_name[deployment_name],
)
