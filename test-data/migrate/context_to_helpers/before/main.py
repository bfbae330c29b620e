"""Ops that hand their context to helpers, which read resources through it."""

from dagwire import ConfigurableResource, Definitions, job, op

from reporting import summarize


class Warehouse(ConfigurableResource):
    dsn: str

    def query(self, sql: str) -> list[str]:
        return [f"{self.dsn}: {sql}"]


class Audit(ConfigurableResource):
    def note(self, text: str) -> None:
        print("audit:", text)


def fetch(context, sql):
    context.log.info("fetching")
    return context.resources.warehouse.query(sql)


class Exporter:
    def push(self, context, rows):
        context.resources.audit.note(f"exported {len(rows)} rows")


@op(required_resource_keys={"warehouse"})
def daily(context):
    return fetch(context, "select 1")


@op(required_resource_keys={"warehouse", "audit"})
def weekly(context):
    rows = fetch(context, "select 7")
    return summarize(context, rows)


@op(required_resource_keys={"audit"})
def export(context, rows):
    Exporter().push(context, rows)


@job
def reports():
    export(daily())
    weekly()


defs = Definitions(jobs=[reports], resources={"warehouse": Warehouse(dsn="wh"), "audit": Audit()})
result = defs.get_job_def("reports").execute_in_process()
print(result.success, result.output_for_node("daily"), result.output_for_node("weekly"))
