from dagwire import (
    RunRequest,
    asset,
    build_schedule_context,
    build_sensor_context,
    define_asset_job,
    job,
    op,
    repository,
    resource,
    schedule,
    sensor,
    with_resources,
)


class Inbox:
    def __init__(self, files):
        self.files = files

    def list_files(self):
        return list(self.files)


@resource(config_schema={"files": [str]})
def inbox(context):
    return Inbox(context.resource_config["files"])


@op(config_schema={"filename": str})
def parse_file(context):
    print("parse", context.op_config["filename"])


@job
def parse_job():
    parse_file()


INCOMING = ["x.csv", "y.csv", "z.csv"]


@sensor(job=parse_job)
def inbox_sensor(context):
    for filename in INCOMING:
        yield RunRequest(
            run_key=filename, run_config={"ops": {"parse_file": {"config": {"filename": filename}}}}
        )


@schedule(cron_schedule="0 6 * * *", job=parse_job)
def morning(context):
    return {"ops": {"parse_file": {"config": {"filename": "morning.csv"}}}}


@asset(required_resource_keys={"inbox"})
def inbox_size(context):
    size = len(context.resources.inbox.list_files())
    print("inbox size:", size)
    return size


@repository
def files_repo():
    return [
        parse_job,
        inbox_sensor,
        morning,
        define_asset_job("sizes"),
        *with_resources(
            [inbox_size], resource_defs={"inbox": inbox.configured({"files": ["a.csv", "b.csv"]})}
        ),
    ]


print("repository:", files_repo.name)
sensor_def = files_repo.get_sensor_def("inbox_sensor")
requests = sensor_def.evaluate_tick(build_sensor_context()).run_requests
for request in requests:
    print("run request:", request.run_key)
    result = parse_job.execute_in_process(run_config=request.run_config)
    print("  success:", result.success)
schedule_config = files_repo.get_schedule_def("morning")(build_schedule_context())
print("schedule:", parse_job.execute_in_process(run_config=schedule_config).success)
print("sizes:", files_repo.get_job("sizes").execute_in_process().success)
