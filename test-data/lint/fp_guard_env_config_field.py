# A config field named `env` is not a config source: {"env": "prod"} in a resource's config
# (lower-case value, or the config dict itself) is silent; {"env": "VAR_NAME"} as a field's
# value in `.configured(...)` is the legacy source and is reported. In run config it is the
# form both frameworks read (EnvVar(...) is refused there), so it is silent.
import dagster as dg
from dagster import resource


@resource(config_schema={"env": str, "url": dg.StringSource})  # expect@1: RSC203 @resource function 'settings' is the legacy resource API: define a ConfigurableResource class with its config as fields (dagwire migrate rewrites this) # expect@45: RSC205 StringSource is the legacy environment config source: declare a plain field and pass EnvVar(...) (dagwire migrate rewrites this)
def settings(init_context):
    return init_context.resource_config


local_settings = settings.configured({"env": "local", "url": {"env": "SETTINGS_URL"}})  # expect@62: RSC205 {"env": "SETTINGS_URL"} is the legacy environment config source: use EnvVar("SETTINGS_URL") (dagwire migrate rewrites this)
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
