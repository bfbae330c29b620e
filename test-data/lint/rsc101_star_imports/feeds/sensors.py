import dagster as dg

pull_job = dg.define_asset_job("pull_job", selection="pull")


@dg.sensor(job=pull_job, required_resource_keys={"slack"})
def watch(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    context.resources.slack.post("tick")  # expect@5: RSC201 context.resources.slack is the legacy resource API: request 'slack' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    return dg.SkipReason("nothing new")
