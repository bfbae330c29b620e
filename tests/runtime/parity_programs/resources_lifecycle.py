"""Resources the way Dagster projects write them: nested resources, EnvVar / EnvVar.int,
setup_for_execution / teardown_after_execution, yield_for_execution as a @contextmanager
(Dagster's documented form), ResourceParam for a plain object, configure_at_launch with RunConfig and
with the dict form, a ConfigurableIOManager; set-up and teardown order."""

import os
from contextlib import contextmanager

from dagwire import (ConfigurableIOManager, ConfigurableResource, Definitions, EnvVar,
                     InitResourceContext, InputContext, OutputContext, ResourceParam, RunConfig,
                     asset, build_init_resource_context, build_resources, define_asset_job,
                     materialize, resource)

os.environ["PARITY_HOST"] = "db.local"
os.environ["PARITY_PORT"] = "5433"


class Credentials(ConfigurableResource):
    user: str
    password: str


class Database(ConfigurableResource):
    host: str
    port: int = 5432
    creds: Credentials

    def setup_for_execution(self, context: InitResourceContext) -> None:
        print("setup db")

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        print("teardown db")

    def url(self) -> str:
        return f"{self.creds.user}@{self.host}:{self.port}"


class Client(ConfigurableResource):
    name: str

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext):
        print("open client", self.name)
        yield self
        print("close client", self.name)


class Api(ConfigurableResource):
    token: str
    region: str = "eu"


class DictIO(ConfigurableIOManager):
    prefix: str

    def handle_output(self, context: OutputContext, obj) -> None:
        print("store", self.prefix, context.asset_key.path, obj)
        STORE[tuple(context.asset_key.path)] = obj

    def load_input(self, context: InputContext):
        print("load", context.asset_key.path)
        return STORE[tuple(context.asset_key.path)]


STORE = {}


@asset
def users(db: Database, client: Client, plain: ResourceParam[dict]) -> list:
    print(db.url(), client.name, plain["k"], type(db.port).__name__)
    return ["a", "b"]


@asset
def user_count(users: list, api: Api) -> int:
    print("api", api.token, api.region)
    return len(users)


defs = Definitions(
    assets=[users, user_count],
    jobs=[define_asset_job("everything")],
    resources={
        "db": Database(host=EnvVar("PARITY_HOST"), port=EnvVar.int("PARITY_PORT"),
                       creds=Credentials(user="u", password="p")),
        "client": Client(name="c1"),
        "plain": {"k": "v"},
        "api": Api.configure_at_launch(),
        "io_manager": DictIO(prefix="p"),
    },
)
run = defs.get_job_def("everything").execute_in_process(
    run_config=RunConfig(resources={"api": Api(token="t0")})
)
print(run.success, run.output_for_node("user_count"))
run = defs.get_job_def("everything").execute_in_process(
    run_config={"resources": {"api": {"config": {"token": "t1", "region": "us"}}}}
)
print(run.success)

# -- a Pythonic resource set up from a legacy resource function's context
print("-- from_resource_context")


class Token(ConfigurableResource):
    value: str

    def setup_for_execution(self, context: InitResourceContext) -> None:
        print("setup token", self.value, context.resource_config)


token = Token.from_resource_context(build_init_resource_context(config={"value": "abc"}))
print(token.value)


class Session(ConfigurableResource):
    user: str

    def setup_for_execution(self, context: InitResourceContext) -> None:
        print("open session", self.user)

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        print("close session", self.user)


try:
    Session.from_resource_context(build_init_resource_context(config={"user": "x"}))
except Exception:  # a teardown needs from_resource_context_cm (Dagster: CheckError)
    print("refused")
with Session.from_resource_context_cm(build_init_resource_context(config={"user": "ada"})) as s:
    print("in session", s.user)
with Client.from_resource_context_cm(build_init_resource_context(config={"name": "c9"})) as c:
    print("in client", c.name)


@resource(config_schema={"user": str})
def session_resource(context):
    with Session.from_resource_context_cm(context) as session:
        yield session


@asset(required_resource_keys={"session"})
def greeting(context) -> str:
    return f"hi {context.resources.session.user}"


print(materialize([greeting], resources={"session": session_resource.configured(
    {"user": "grace"})}).output_for_node("greeting"))

# -- resources set up outside a run, as a step sees them
print("-- build_resources")
with build_resources({"db": Database(host=EnvVar("PARITY_HOST"), creds=Credentials(
        user="u", password="p")), "client": Client(name="c5"), "plain": 42}) as built:
    print(built.db.url(), built.client.name, built.plain)
with build_resources({"api": Api.configure_at_launch()},
                     resource_config={"api": {"config": {"token": "t9"}}}) as built:
    print(built.api.token, built.api.region)
