# Import fallbacks: the same framework name from either framework is understood; a name that
# may be the framework's or something else is not, and stays silent.
try:
    from dagster import ConfigurableResource, Definitions, asset
except ImportError:
    from dagwire import ConfigurableResource, Definitions, asset

try:
    from dagster import op
except ImportError:
    def op(fn=None, **kwargs):
        return fn


class Db(ConfigurableResource):
    url: str


@asset
def rows(db: Db) -> None:
    pass


@op(required_resource_keys={"db"})
def maybe_op(context) -> None:
    context.resources.whatever


defs = Definitions(assets=[rows], resources={})  # expect@8: RSC101 resource key 'db' is required by asset 'rows' but not bound in Definitions; bound keys: (none)
