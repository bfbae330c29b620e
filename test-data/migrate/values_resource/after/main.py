from dagwire import Definitions, Field, ResourceParam, job, make_values_resource, op


@op
def plan(settings: ResourceParam[dict]):
    print("batch size:", settings["batch_size"], "label:", settings["label"])
    return settings["batch_size"] * 2


@op
def report(doubled, settings: ResourceParam[dict]):
    print(settings["label"], "->", doubled)


@job
def nightly():
    report(plan())


defs = Definitions(
    jobs=[nightly],
    resources={
        "settings": make_values_resource(batch_size=int, label=Field(str, default_value="daily"))
    },
)
job_def = defs.get_job_def("nightly")
for resource_config in ({"batch_size": 10}, {"batch_size": 7, "label": "backfill"}):
    result = job_def.execute_in_process(
        run_config={"resources": {"settings": {"config": resource_config}}}
    )
    print("success:", result.success)
