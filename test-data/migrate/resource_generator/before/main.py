from dagwire import job, op, resource


class Connection:
    def __init__(self, name: str):
        self.name = name
        self.open = True

    def fetch(self, what: str) -> str:
        assert self.open
        return f"{what} via {self.name}"


@resource(config_schema={"name": str})
def connection(context):
    conn = Connection(context.resource_config["name"])
    print("open", conn.name)
    try:
        yield conn
    finally:
        conn.open = False
        print("close", conn.name)


@op(required_resource_keys={"connection"})
def first(context):
    print("first:", context.resources.connection.fetch("rows"))
    return 1


@op(required_resource_keys={"connection"})
def second(context, value):
    print("second:", context.resources.connection.fetch(f"page {value}"))


@job(resource_defs={"connection": connection})
def pipeline():
    second(first())


print("start")
result = pipeline.execute_in_process(
    run_config={"resources": {"connection": {"config": {"name": "warehouse"}}}}
)
print("success:", result.success)
