"""RSC101: Definitions that forget a resource the assets in another module need."""

from dagwire import Definitions, EnvVar

from .config_mistakes import export, raw_orders, report
from .resources_with_secrets import MAILER

defs = Definitions(  # RSC101: 'warehouse' is required by raw_orders but not bound
    assets=[raw_orders, report, export],
    resources={"mailer": MAILER, "warehouse_db": EnvVar("WAREHOUSE_DB")},
)
