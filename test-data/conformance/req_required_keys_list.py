# shape: requirer: required_resource_keys= in list form on an op
import dagster as dg


class Spark(dg.ConfigurableResource):
    master: str


@dg.op(required_resource_keys=["spark"])  # extra: mypy-dagster error call-overload: dagster's own annotation of op() takes a set of keys, dagster accepts a list
def features(context: dg.OpExecutionContext) -> None:
    context.log.info(context.resources.spark.master)


@dg.job
def features_job() -> None:
    features()


defs = dg.Definitions(jobs=[features_job], resources={"sparkk": Spark(master="local")})  # expect: unbound spark  # gap: mypy-dagster list-form required_resource_keys= is not read
