# A config field named `env` is not a config source: {"env": "prod"} in a resource's config
# (lower-case value, or the config dict itself) is silent; {"env": "VAR_NAME"} as a field's
# value is the legacy source and is reported.
import dagster as dg
from dagster import resource


@resource(config_schema={"env": str, "url": dg.StringSource})  # expect@1: RSC203 @resource function 'settings' is the legacy resource API: define a ConfigurableResource class with its config as fields (dagwire migrate rewrites this) # expect@45: RSC205 StringSource is the legacy environment config source: declare a plain field and pass EnvVar(...) (dagwire migrate rewrites this)
def settings(init_context):
    return init_context.resource_config


local_settings = settings.configured({"env": "local", "url": {"env": "SETTINGS_URL"}})  # expect@62: RSC205 {"env": "SETTINGS_URL"} is the legacy environment config source: use EnvVar("SETTINGS_URL") (dagwire migrate rewrites this)
prod_settings = settings.configured({"env": "prod", "url": "https://settings"})
single_field = settings.configured({"env": "staging"})
run_config = {"resources": {"settings": {"config": {"env": "STAGING", "url": {"env": "URL"}}}}}  # expect@78: RSC205 {"env": "URL"} is the legacy environment config source: use EnvVar("URL") (dagwire migrate rewrites this)
