from dagster import Definitions
from dagster_sling import SlingResource

from replication.ingest import raw_tables

defs = Definitions(  # expect@8: RSC101 resource key 'sling' is required by asset 'raw_tables' but not bound in Definitions; bound keys: 'slng'; did you mean 'slng' (line 8)?
    assets=[raw_tables],
    resources={"slng": SlingResource(connections=[])},
)
