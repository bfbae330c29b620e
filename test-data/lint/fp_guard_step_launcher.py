# A step launcher is declared and used by Dagster itself, never read by the op.
from dagster import asset, op


@op(required_resource_keys={"pyspark_step_launcher", "pyspark"})
def big_join(context) -> None:
    context.resources.pyspark.spark_session.sql("select 1")  # expect@5: RSC201 context.resources.pyspark is the legacy resource API: request 'pyspark' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@asset(required_resource_keys={"step_launcher", "warehouse", "cache"})  # expect@62: RSC204 resource key 'cache' is declared in required_resource_keys of asset 'orders' but never read
def orders(context) -> None:
    context.resources.warehouse.run("select 1")  # expect@5: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
