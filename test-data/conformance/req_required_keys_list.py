# shape: requirer: required_resource_keys= in list form on an op
import dagster as dg


class Spark(dg.ConfigurableResource):
    master: str


@dg.op(required_resource_keys=["spark"])
def features(context: dg.OpExecutionContext) -> None:
    context.log.info(context.resources.spark.master)


@dg.job
def features_job() -> None:
    features()


defs = dg.Definitions(jobs=[features_job], resources={"sparkk": Spark(master="local")})  # expect: unbound spark
