"""Sensors and schedules the way Dagster projects write them: a sensor with a cursor and a
resource yielding RunRequests with RunConfig (stored as Dagster's plain dict), returning a
SkipReason or a list, default_status, ScheduleDefinition's constructor form, @schedule
returning a RunRequest, lookups through Definitions, and a requested run executed."""

from datetime import datetime

from dagwire import (AssetKey, Config, ConfigurableResource, DefaultScheduleStatus, DefaultSensorStatus,
                     Definitions, RunConfig, RunRequest, ScheduleDefinition,
                     ScheduleEvaluationContext, SensorEvaluationContext, SkipReason, asset,
                     build_schedule_context, build_sensor_context, define_asset_job, job, op,
                     schedule, sensor)


class Bucket(ConfigurableResource):
    name: str

    def list_new(self, after):
        files = ["a.csv", "b.csv", "c.csv"]
        return [f for f in files if after is None or f > after]


class ProcessConfig(Config):
    path: str = ""


@op
def process(config: ProcessConfig):
    print("process", config.path)


@job
def process_job():
    process()


@sensor(job=process_job, minimum_interval_seconds=30, default_status=DefaultSensorStatus.RUNNING)
def new_files(context: SensorEvaluationContext, bucket: Bucket):
    files = bucket.list_new(context.cursor)
    if not files:
        return SkipReason("no new files")
    for f in files:
        yield RunRequest(run_key=f, run_config=RunConfig(ops={"process": ProcessConfig(path=f)}))
    context.update_cursor(files[-1])


@sensor(job=process_job)
def returns_skip(context):
    return SkipReason("nothing")


@sensor(job=process_job)
def returns_list(context):
    return [RunRequest(run_key="x"), RunRequest(run_key="y", tags={"t": "1"})]


context = build_sensor_context(cursor="a.csv", resources={"bucket": Bucket(name="b")})
requests = list(new_files(context))
print([r.run_key for r in requests], context.cursor)
print([r.run_config for r in requests])
print(returns_skip(build_sensor_context()).skip_message)
listed = returns_list(build_sensor_context())
print([r.run_key for r in listed], listed[1].tags, listed[0].run_config)


@asset
def nightly_asset():
    return 1


nightly = define_asset_job("nightly", selection=[nightly_asset])
every_day = ScheduleDefinition(job=nightly, cron_schedule="0 2 * * *",
                               default_status=DefaultScheduleStatus.RUNNING)
print(every_day.name, every_day.cron_schedule, every_day.default_status)


@schedule(cron_schedule="0 * * * *", job=process_job, execution_timezone="UTC")
def hourly(context: ScheduleEvaluationContext):
    hour = context.scheduled_execution_time.strftime("%H")
    return RunRequest(run_key=None, run_config={"ops": {"process": {"config": {"path": hour}}}})


request = hourly(build_schedule_context(scheduled_execution_time=datetime(2024, 1, 1, 5)))
print(request.run_config)
defs = Definitions(assets=[nightly_asset], jobs=[process_job, nightly],
                   schedules=[every_day, hourly],
                   sensors=[new_files, returns_skip, returns_list],
                   resources={"bucket": Bucket(name="prod")})
found = defs.get_sensor_def("new_files")
print(found.name, found.minimum_interval_seconds, found.job_name, found.default_status)
print(defs.get_schedule_def("hourly").cron_schedule, defs.get_schedule_def("nightly_schedule").job_name)
run = defs.get_job_def("process_job").execute_in_process(run_config=requests[0].run_config)
print(run.success)
print(RunRequest(run_key="r", asset_selection=[AssetKey(["raw", "x"])]).asset_selection)


print("-- a context given first to a sensor or schedule that takes only resources")


@sensor(job=process_job)
def bucket_only(bucket: Bucket):
    return [RunRequest(run_key=f) for f in bucket.list_new("a.csv")]


@schedule(cron_schedule="0 * * * *", job=process_job)
def bucket_schedule(bucket: Bucket):
    return RunRequest(run_key=bucket.name)


class FakeBucket(Bucket):
    """A test double that type-checks where a Bucket is expected: a subclass."""

    def list_new(self, after):
        return ["fake.csv"]


print([r.run_key for r in bucket_only(build_sensor_context(resources={"bucket": Bucket(name="b")}))])
print([r.run_key for r in bucket_only(bucket=FakeBucket(name="f"))])
print(bucket_schedule(build_schedule_context(resources={"bucket": Bucket(name="hourly")})).run_key)
