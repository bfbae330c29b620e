# {"env": ...} values are never reported: a config field named `env` ({"env": "prod"}) is not
# a source, and {"env": "VAR_NAME"} as a field's value in `.configured(...)` or run config is
# the form Dagster reads there (an EnvVar(...) object is refused in a config dict). The
# StringSource in the schema is the legacy part (RSC205).
import dagster as dg
from dagster import resource


@resource(config_schema={"env": str, "url": dg.StringSource})  # expect@1: RSC203 @resource function 'settings' is the legacy resource API: define a ConfigurableResource class with its config as fields (dagwire migrate rewrites the cases it can prove safe) # expect@45: RSC205 StringSource is the legacy environment config source: declare a plain field and pass EnvVar(...) (dagwire migrate rewrites the cases it can prove safe)
def settings(init_context):
    return init_context.resource_config


local_settings = settings.configured({"env": "local", "url": {"env": "SETTINGS_URL"}})
prod_settings = settings.configured({"env": "prod", "url": "https://settings"})
single_field = settings.configured({"env": "staging"})
run_config = {"resources": {"settings": {"config": {"env": "STAGING", "url": {"env": "URL"}}}}}


class Settings(dg.Config):
    url: str


@dg.op
def read(config: Settings) -> None:
    pass


@dg.job(config={"ops": {"read": {"config": {"url": {"env": "JOB_URL"}}}}})
def read_job():
    read()


read_job.execute_in_process(run_config={"ops": {"read": {"config": {"url": {"env": "RUN_URL"}}}}})
read_job.execute_in_process(run_config=dg.RunConfig(ops={"read": {"config": {"url": {"env": "RC"}}}}))
read(dg.build_op_context(config={"url": {"env": "CONTEXT_URL"}}))
