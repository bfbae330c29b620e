"""Ops that require a key they never read: the resource is still set up (and torn down) for
their step, so the key stays required after the migration."""

from contextlib import contextmanager

from dagwire import ConfigurableResource, Definitions, ResourceParam, job, op


class Warehouse(ConfigurableResource):
    name: str

    def rows(self) -> list[int]:
        return [3, 1, 2]


class AuditTrailResource(ConfigurableResource):
    @contextmanager
    def yield_for_execution(self, context):
        print("audit trail opened")
        try:
            yield "audit"
        finally:
            print("audit trail closed")


@op
def load(context, warehouse: Warehouse, audit: ResourceParam[str]):
    rows = warehouse.rows()
    context.log.info(f"loaded {len(rows)} rows")
    return rows


@op
def summarize(rows, warehouse: Warehouse, audit: ResourceParam[str]):
    print("sum", sum(rows))


@op
def finish(rows, audit: ResourceParam[str]):
    print("finished with", len(rows), "rows")


@job
def nightly():
    rows = load()
    summarize(rows)
    finish(rows)


defs = Definitions(
    jobs=[nightly],
    resources={"warehouse": Warehouse(name="main"), "audit": AuditTrailResource()},
)

if __name__ == "__main__":
    result = defs.get_job_def("nightly").execute_in_process()
    print("success", result.success)
