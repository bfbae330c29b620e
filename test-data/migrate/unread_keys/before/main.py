"""Ops that require a key they never read: the resource is still set up (and torn down) for
their step, so the key stays required after the migration."""

from dagwire import ConfigurableResource, Definitions, job, op, resource


class Warehouse(ConfigurableResource):
    name: str

    def rows(self) -> list[int]:
        return [3, 1, 2]


@resource
def audit_trail(context):
    print("audit trail opened")
    try:
        yield "audit"
    finally:
        print("audit trail closed")


@op(required_resource_keys={"warehouse", "audit"})
def load(context):
    rows = context.resources.warehouse.rows()
    context.log.info(f"loaded {len(rows)} rows")
    return rows


@op(required_resource_keys={"warehouse", "audit"})
def summarize(context, rows):
    print("sum", sum(rows))


@op(required_resource_keys={"audit"})
def finish(context, rows):
    print("finished with", len(rows), "rows")


@job
def nightly():
    rows = load()
    summarize(rows)
    finish(rows)


defs = Definitions(
    jobs=[nightly],
    resources={"warehouse": Warehouse(name="main"), "audit": audit_trail},
)

if __name__ == "__main__":
    result = defs.get_job_def("nightly").execute_in_process()
    print("success", result.success)
