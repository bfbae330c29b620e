from engine import create_engine

from dagwire import ConfigurableResource, Definitions, job, op


class MyDBResource(ConfigurableResource):
    connection_uri: str

    def query(self, query: str):
        return create_engine(self.connection_uri).query(query)


@op
def count_users(my_db: MyDBResource):
    print(my_db.query("select * from users"))


@job
def report():
    count_users()


defs = Definitions(
    jobs=[report],
    resources={"my_db": MyDBResource(connection_uri="sqlite:///app.db")},
)
result = defs.get_job_def("report").execute_in_process()
print("success:", result.success)
