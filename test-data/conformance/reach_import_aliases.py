# shape: reach: framework names imported under aliases
from dagster import ConfigurableResource as Resource
from dagster import Definitions as Defs
from dagster import asset as software_defined_asset


class Db(Resource):
    url: str


@software_defined_asset
def orders(db: Db) -> int:
    return 1


defs = Defs(assets=[orders], resources={})  # expect: unbound db
