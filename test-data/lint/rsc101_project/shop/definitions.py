# The binding module: its local imports are followed to the modules defining the assets.
from dagwire import Definitions, load_assets_from_modules

from . import assets
from .assets import customers
from .jobs import maintenance
from .resources import RESOURCES

defs = Definitions(  # expect@8: RSC101 resource key 'blob' is required by asset 'exports' but not bound in Definitions; bound keys: 'db' # expect@8: RSC101 resource key 'mailer' is required by op 'notify' in job 'maintenance' but not bound in Definitions; bound keys: 'db'
    assets=[customers, assets.exports],
    jobs=[maintenance],
    resources=RESOURCES,
)

everything = Definitions(  # expect@14: RSC101 resource key 'blob' is required by asset 'exports' but not bound in Definitions; bound keys: 'db'
    assets=load_assets_from_modules([assets]),
    resources={**RESOURCES},
)
