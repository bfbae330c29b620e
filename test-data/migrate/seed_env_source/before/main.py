import os

from engine import create_engine

from dagwire import (
    BoolSource,
    Definitions,
    IntSource,
    StringSource,
    asset,
    define_asset_job,
    resource,
)

os.environ["DB_URI"] = "postgres://warehouse"
os.environ["DB_POOL"] = "4"


class MyDBResource:
    def __init__(self, connection_uri: str, pool_size: int, echo: bool):
        self.connection_uri = connection_uri
        self.pool_size = pool_size
        self.echo = echo

    def query(self, query: str):
        return create_engine(self.connection_uri).query(query)


@resource(
    config_schema={"connection_uri": StringSource, "pool_size": IntSource, "echo": BoolSource}
)
def my_db(context):
    config = context.resource_config
    return MyDBResource(config["connection_uri"], config["pool_size"], config["echo"])


@asset(required_resource_keys={"my_db"})
def user_count(context):
    db = context.resources.my_db
    print("pool", db.pool_size, "of type", type(db.pool_size).__name__, "echo", db.echo)
    answer = db.query("select * from users")
    print(answer)
    return answer


defs = Definitions(
    assets=[user_count],
    jobs=[define_asset_job("refresh")],
    resources={
        "my_db": my_db.configured(
            {"connection_uri": {"env": "DB_URI"}, "pool_size": {"env": "DB_POOL"}, "echo": False}
        )
    },
)
result = defs.get_job_def("refresh").execute_in_process()
print("success:", result.success)
print("output:", result.output_for_node("user_count"))
