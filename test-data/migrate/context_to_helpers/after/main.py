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


@op
def daily(context, warehouse: Warehouse):
    return fetch(context, "select 1")


@op
def weekly(context, warehouse: Warehouse, audit: Audit):
    rows = fetch(context, "select 7")
    return summarize(context, rows)


@op
def export(context, rows, audit: Audit):
    Exporter().push(context, rows)


@job
def reports():
    export(daily())
    weekly()


defs = Definitions(jobs=[reports], resources={"warehouse": Warehouse(dsn="wh"), "audit": Audit()})
result = defs.get_job_def("reports").execute_in_process()
print(result.success, result.output_for_node("daily"), result.output_for_node("weekly"))
