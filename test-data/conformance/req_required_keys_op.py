# shape: requirer: required_resource_keys= on an op (legacy context.resources access)
import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.op(required_resource_keys={"warehouse"})
def vacuum(context: dg.OpExecutionContext) -> None:
    context.log.info(context.resources.warehouse.dsn)


@dg.job
def maintenance() -> None:
    vacuum()


defs = dg.Definitions(jobs=[maintenance], resources={"wh": Warehouse(dsn="x")})  # expect: unbound warehouse
