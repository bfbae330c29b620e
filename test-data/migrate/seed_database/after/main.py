from engine import create_engine

from dagwire import ConfigurableResource, job, op


class MyDBResource(ConfigurableResource):
    connection_uri: str

    def query(self, query: str):
        return create_engine(self.connection_uri).query(query)


@op
def count_users(my_db: MyDBResource):
    print(my_db.query("select * from users"))


@job(resource_defs={"my_db": MyDBResource.configure_at_launch()})
def report():
    count_users()


result = report.execute_in_process(
    run_config={"resources": {"my_db": {"config": {"connection_uri": "sqlite:///app.db"}}}}
)
print("success:", result.success)
