from contextlib import contextmanager

from dagwire import ConfigurableResource, ResourceParam, job, op


class Connection:
    def __init__(self, name: str):
        self.name = name
        self.open = True

    def fetch(self, what: str) -> str:
        assert self.open
        return f"{what} via {self.name}"


class ConnectionResource(ConfigurableResource):
    name: str

    @contextmanager
    def yield_for_execution(self, context):
        conn = Connection(self.name)
        print("open", conn.name)
        try:
            yield conn
        finally:
            conn.open = False
            print("close", conn.name)


@op
def first(connection: ResourceParam[Connection]):
    print("first:", connection.fetch("rows"))
    return 1


@op
def second(value, connection: ResourceParam[Connection]):
    print("second:", connection.fetch(f"page {value}"))


@job(resource_defs={"connection": ConnectionResource.configure_at_launch()})
def pipeline():
    second(first())


print("start")
result = pipeline.execute_in_process(
    run_config={"resources": {"connection": {"config": {"name": "warehouse"}}}}
)
print("success:", result.success)
