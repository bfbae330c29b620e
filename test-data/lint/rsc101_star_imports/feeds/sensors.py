import dagster as dg

pull_job = dg.define_asset_job("pull_job", selection="pull")


@dg.sensor(job=pull_job, required_resource_keys={"slack"})
def watch(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    context.resources.slack.post("tick")
    return dg.SkipReason("nothing new")
