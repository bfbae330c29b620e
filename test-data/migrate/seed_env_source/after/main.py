import os

from engine import create_engine

from dagwire import (
    ConfigurableResource,
    Definitions,
    EnvVar,
    asset,
    define_asset_job,
)

os.environ["DB_URI"] = "postgres://warehouse"
os.environ["DB_POOL"] = "4"


class MyDBResource(ConfigurableResource):
    connection_uri: str
    pool_size: int
    echo: bool

    def query(self, query: str):
        return create_engine(self.connection_uri).query(query)


@asset
def user_count(my_db: MyDBResource):
    db = my_db
    print("pool", db.pool_size, "of type", type(db.pool_size).__name__, "echo", db.echo)
    answer = db.query("select * from users")
    print(answer)
    return answer


defs = Definitions(
    assets=[user_count],
    jobs=[define_asset_job("refresh")],
    resources={
        "my_db": MyDBResource(
            connection_uri=EnvVar("DB_URI"), pool_size=EnvVar.int("DB_POOL"), echo=False
        )
    },
)
result = defs.get_job_def("refresh").execute_in_process()
print("success:", result.success)
print("output:", result.output_for_node("user_count"))
