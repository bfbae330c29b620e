import os

import dagster as dg


class Snowflake(dg.ConfigurableResource):
    account: str
    password: str


SHARED = {
    "account": "acme",
    "password": os.environ.get("SNOWFLAKE_PASSWORD"),  # advice: RSC302
}


@dg.asset
def tables(snowflake: Snowflake) -> None:
    assert snowflake.password == "from-env", snowflake.password


defs = dg.Definitions(assets=[tables], resources={"snowflake": Snowflake(**SHARED)})


def exercise() -> None:
    dg.Definitions.validate_loadable(defs)
    assert dg.materialize([tables], resources={"snowflake": defs.resources["snowflake"]}).success
