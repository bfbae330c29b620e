# A step is given the IO managers of its outputs and the input managers of its inputs:
# reading them from context.resources is declared.
import dagster as dg

PARQUET = "parquet_io_manager"
OUTS = {"a": dg.AssetOut(io_manager_key="warehouse_io_manager"), "b": dg.AssetOut()}


@dg.asset(io_manager_key=PARQUET)
def items(context: dg.AssetExecutionContext) -> int:
    context.log.info(context.resources.parquet_io_manager.base_path)  # expect@22: RSC201 context.resources.parquet_io_manager is the legacy resource API: request 'parquet_io_manager' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    return 1


@dg.op(out={"rows": dg.Out(io_manager_key="db_io")}, ins={"raw": dg.In(input_manager_key="raw_loader")})
def load(context, raw) -> int:
    context.resources.db_io.flush()  # expect@5: RSC201 context.resources.db_io is the legacy resource API: request 'db_io' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    context.resources.raw_loader.close()  # expect@5: RSC201 context.resources.raw_loader is the legacy resource API: request 'raw_loader' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    context.resources.cache.clear()  # expect@5: RSC102 context.resources.cache is not declared by op 'load': add 'cache' to its required_resource_keys # expect@5: RSC201 context.resources.cache is the legacy resource API: request 'cache' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    return 1


@dg.multi_asset(outs=OUTS)
def pair(context):
    context.resources.warehouse_io_manager.ping()  # expect@5: RSC201 context.resources.warehouse_io_manager is the legacy resource API: request 'warehouse_io_manager' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    return 1, 2


def outs_for(table: str) -> dict:
    return {table: dg.AssetOut(io_manager_key=f"{table}_io")}


@dg.multi_asset(outs=outs_for("events"))
def events(context):
    # the outputs are built at run time: their managers are unknown, say nothing
    context.resources.events_io.ping()  # expect@5: RSC201 context.resources.events_io is the legacy resource API: request 'events_io' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    return 1
