from engine import create_engine

from dagwire import InitResourceContext, job, op, resource


class MyDBResource:
    def __init__(self, connection_uri: str):
        self._connection_uri = connection_uri

    def query(self, query: str):
        return create_engine(self._connection_uri).query(query)


@resource(config_schema={"connection_uri": str})
def my_db(context: InitResourceContext):
    return MyDBResource(context.resource_config["connection_uri"])


@op(required_resource_keys={"my_db"})
def count_users(context):
    print(context.resources.my_db.query("select * from users"))


@job(resource_defs={"my_db": my_db})
def report():
    count_users()


result = report.execute_in_process(
    run_config={"resources": {"my_db": {"config": {"connection_uri": "sqlite:///app.db"}}}}
)
print("success:", result.success)
