from dagwire import (
    Config,
    ConfigurableResource,
    Definitions,
    RunRequest,
    asset,
    build_schedule_context,
    build_sensor_context,
    define_asset_job,
    job,
    op,
    schedule,
    sensor,
)


class Inbox(ConfigurableResource):
    files: list[str]

    def list_files(self):
        return list(self.files)


class ParseFileConfig(Config):
    filename: str


@op
def parse_file(config: ParseFileConfig):
    print("parse", config.filename)


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


@asset
def inbox_size(inbox: Inbox):
    size = len(inbox.list_files())
    print("inbox size:", size)
    return size


files_repo = Definitions(
    assets=[inbox_size],
    jobs=[parse_job, define_asset_job("sizes")],
    sensors=[inbox_sensor],
    schedules=[morning],
    resources={"inbox": Inbox(files=["a.csv", "b.csv"])},
)


print("repository:", "files_repo")
sensor_def = files_repo.get_sensor_def("inbox_sensor")
requests = sensor_def.evaluate_tick(build_sensor_context()).run_requests
for request in requests:
    print("run request:", request.run_key)
    result = parse_job.execute_in_process(run_config=request.run_config)
    print("  success:", result.success)
schedule_config = files_repo.get_schedule_def("morning")(build_schedule_context())
print("schedule:", parse_job.execute_in_process(run_config=schedule_config).success)
print("sizes:", files_repo.get_job_def("sizes").execute_in_process().success)
