from typing import Optional

from dagwire import ConfigurableResource, Definitions, job, op


class Connection:
    def __init__(self, name: str):
        self.name = name
        self.open = True

    def fetch(self, what: str) -> str:
        assert self.open
        return f"{what} via {self.name}"


class ConnectionResource(ConfigurableResource):
    name: str
    _conn: Optional[Connection] = None

    def setup_for_execution(self, context) -> None:
        self._conn = Connection(self.name)
        print("open", self._conn.name)

    def teardown_after_execution(self, context) -> None:
        self._conn.open = False
        print("close", self._conn.name)

    def fetch(self, what: str) -> str:
        return self._conn.fetch(what)


@op
def first(connection: ConnectionResource):
    print("first:", connection.fetch("rows"))
    return 1


@op
def second(connection: ConnectionResource, value):
    print("second:", connection.fetch(f"page {value}"))


@job
def pipeline():
    second(first())


defs = Definitions(jobs=[pipeline], resources={"connection": ConnectionResource(name="warehouse")})
print("start")
result = defs.get_job_def("pipeline").execute_in_process()
print("success:", result.success)
