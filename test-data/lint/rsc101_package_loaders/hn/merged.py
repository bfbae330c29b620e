from dagster import Definitions, load_assets_from_modules

from . import assets
from .assets.stories import top
from .resources import RESOURCES_LOCAL, Slack

# Partial: no resources here, the merge below binds them. Silent on its own.
core = Definitions(assets=load_assets_from_modules([assets, top]))
alerts = Definitions(resources={"slack": Slack(token="${SLACK_TOKEN}")})

defs = Definitions.merge(core, alerts, Definitions(resources=RESOURCES_LOCAL))

broken = Definitions.merge(  # expect@10: RSC101 resource key 'slack' is required by asset 'story_digest' but not bound in Definitions.merge; bound keys: 'hn_client', 'warehouse'
    core,
    Definitions(resources=RESOURCES_LOCAL),
)
