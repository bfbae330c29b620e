# RSC301/RSC302 advice follows the place of the secret: EnvVar where a Pythonic class takes
# it, {"env": ...} in a config dict, and a StringSource first for a legacy plain str field.
import os

import dagster as dg


class Api(dg.ConfigurableResource):
    base_url: str
    api_token: str
    retries: int = 3


@dg.resource(config_schema={"host": str, "password": dg.StringSource, "secret": str})  # expect@1: RSC203 @resource function 'legacy_db' is the legacy resource API: define a ConfigurableResource class with its config as fields (dagwire migrate rewrites the cases it can prove safe) # expect@54: RSC205 StringSource is the legacy environment config source: declare a plain field and pass EnvVar(...) (dagwire migrate rewrites the cases it can prove safe)
def legacy_db(context: dg.InitResourceContext) -> dict:
    # resource init: read when a run builds the resource, not at import
    return {"password": os.environ["DB_PASSWORD"], **context.resource_config}


@dg.op(required_resource_keys={"db"})
def ping(context: dg.OpExecutionContext) -> None:
    context.log.info(str(context.resources.db))  # expect@26: RSC201 context.resources.db is the legacy resource API: request 'db' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@dg.job(
    resource_defs={
        "db": legacy_db.configured({"host": "db", "password": "pw-1234", "secret": "s-1234"}),  # expect@63: RSC301 hard-coded secret for 'password': give {"env": "..."} so the value is read from the environment at run time (in a config dict, EnvVar(...) is refused) # expect@84: RSC301 hard-coded secret for 'secret': declare 'secret' as StringSource in the config_schema of resource 'legacy_db' and give {"env": "..."} so the value is read from the environment at run time
    },
    config={"ops": {"ping": {"config": {"token": "t-1234"}}}},  # expect@50: RSC301 hard-coded secret for 'token': give {"env": "..."} so the value is read from the environment at run time (a StringSource field or a Pythonic Config or resource field reads it; in a config dict, EnvVar(...) is refused)
)
def ping_job() -> None:
    ping()


@dg.asset
def feed(api: Api) -> str:
    return api.base_url


defs = dg.Definitions(
    assets=[feed],
    jobs=[ping_job],
    resources={
        "api": Api(base_url=os.getenv("API_URL", "https://api"), api_token=os.getenv("API_TOKEN")),  # expect@76: RSC302 os.getenv() reads the secret 'api_token' when the definition is imported: pass EnvVar("API_TOKEN") so the value is read at run time
    },
)


@dg.definitions
def other_defs() -> dg.Definitions:
    # an unset variable has a fallback here: EnvVar has none, so nothing is advised
    return dg.Definitions(
        resources={"api": Api(base_url="https://api", api_token=os.getenv("API_TOKEN", "dev"))}
    )
