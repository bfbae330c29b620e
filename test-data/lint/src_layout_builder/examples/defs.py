import dagster as dg
from harvest_tools import harvest


class Silo(dg.ConfigurableResource):
    bucket: str


@dg.asset
def grain(silo: Silo) -> int:
    return 1


defs = dg.Definitions(**harvest(globals()), resources={})  # expect@8: RSC101 resource key 'silo' is required by asset 'grain' but not bound in Definitions; bound keys: (none)
