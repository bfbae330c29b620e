"""EnvVar / EnvVar.int in every position Dagster reads them, each printing the values a run
got: a Config's fields (top level, Optional, list of str, nested Config, list and dict of
Config, field defaults) through RunConfig, through materialize and in a direct call;
{"env": ...} in a run-config dict (str, int, bool, nested); a resource's fields, its nested
resource and nested Config, lists and dicts, field defaults; configure_at_launch given by
RunConfig and by a dict; and run config given for a field, whose EnvVar is then never read
(the variable is not set), and which for a fully configured resource replaces its whole
config, as Dagster does."""

import enum
import os
from typing import Dict, List, Optional

from dagwire import (Config, ConfigurableResource, Definitions, EnvVar, RunConfig, RunRequest,
                     asset, build_sensor_context, define_asset_job, job, materialize, op,
                     sensor)

os.environ.update({"PARITY_STR": "from-env", "PARITY_INT": "42", "PARITY_OTHER": "other-env",
                   "PARITY_FLAG": "true"})
os.environ.pop("PARITY_UNSET", None)


class Leaf(Config):
    s: str
    n: int = 0


class Settings(Config):
    s: str
    n: int = 0
    maybe: Optional[str] = None
    names: List[str] = []
    inner: Leaf = Leaf(s="default")
    leaves: List[Leaf] = []
    by_key: Dict[str, Leaf] = {}
    flag: bool = False


@op
def read(config: Settings) -> None:
    print("read:", config.s, config.n, config.maybe, config.names, config.inner.s,
          config.inner.n, [(leaf.s, leaf.n) for leaf in config.leaves],
          {key: (leaf.s, leaf.n) for key, leaf in config.by_key.items()}, config.flag)


@job
def read_job():
    read()


print("-- RunConfig ops: top level, EnvVar.int, Optional, list, nested, list and dict of Config")
result = read_job.execute_in_process(run_config=RunConfig(ops={"read": Settings(
    s=EnvVar("PARITY_STR"),
    n=EnvVar.int("PARITY_INT"),
    maybe=EnvVar("PARITY_OTHER"),
    names=["plain", EnvVar("PARITY_OTHER")],
    inner=Leaf(s=EnvVar("PARITY_STR"), n=EnvVar.int("PARITY_INT")),
    leaves=[Leaf(s=EnvVar("PARITY_OTHER")), Leaf(s="plain", n=EnvVar.int("PARITY_INT"))],
    by_key={"k": Leaf(s=EnvVar("PARITY_STR"), n=EnvVar.int("PARITY_INT"))},
)}))
print(result.success)

print('-- {"env": ...} in a run-config dict: str, int, bool, nested, list items')
result = read_job.execute_in_process(run_config={"ops": {"read": {"config": {
    "s": {"env": "PARITY_STR"},
    "n": {"env": "PARITY_INT"},
    "flag": {"env": "PARITY_FLAG"},
    "inner": {"s": {"env": "PARITY_OTHER"}},
    "names": [{"env": "PARITY_STR"}, "plain"],
    "by_key": {"k": {"s": {"env": "PARITY_OTHER"}, "n": {"env": "PARITY_INT"}}},
}}}})
print(result.success)

print("-- RunConfig in Dagster's dict form; a sensor's RunRequest run with it")
print(RunConfig(ops={"read": Leaf(s=EnvVar("PARITY_STR"), n=EnvVar.int("PARITY_INT"))})
      .to_config_dict())


@sensor(job=read_job)
def watch():
    yield RunRequest(run_key="r", run_config=RunConfig(ops={"read": Settings(
        s=EnvVar("PARITY_OTHER"), inner=Leaf(s=EnvVar("PARITY_STR")))}))


for request in watch.evaluate_tick(build_sensor_context()).run_requests:
    print(request.run_config["ops"])
    print(read_job.execute_in_process(run_config=request.run_config).success)


@asset
def labelled(config: Leaf) -> str:
    return f"{config.s}/{config.n}"


print("-- asset config: materialize with RunConfig, and a direct call")
print(materialize([labelled], run_config=RunConfig(ops={"labelled": Leaf(
    s=EnvVar("PARITY_STR"), n=EnvVar.int("PARITY_INT"))})).output_for_node("labelled"))
print(labelled(config=Leaf(s=EnvVar("PARITY_OTHER"), n=EnvVar.int("PARITY_INT"))))


class Defaults(Config):
    s: str = EnvVar("PARITY_STR")
    n: int = EnvVar.int("PARITY_INT")
    unread: str = EnvVar("PARITY_UNSET")


@op
def defaults(config: Defaults) -> None:
    print("defaults:", config.s, config.n, config.unread)


@job
def defaults_job():
    defaults()


print("-- Config field defaults; run config for the field whose variable is not set")
print(defaults_job.execute_in_process(
    run_config={"ops": {"defaults": {"config": {"unread": "given"}}}}).success)
print(defaults_job.execute_in_process(
    run_config=RunConfig(ops={"defaults": Defaults(unread="given too")})).success)


class Credentials(ConfigurableResource):
    user: str
    port: int = 0


class Warehouse(ConfigurableResource):
    url: str
    pool: int = 1
    creds: Credentials
    options: Leaf = Leaf(s="none")
    tags: List[str] = []
    headers: Dict[str, str] = {}


class Api(ConfigurableResource):
    token: str
    retries: int = 0
    region: str = EnvVar("PARITY_OTHER")


@asset
def stock(warehouse: Warehouse) -> str:
    print("warehouse:", warehouse.url, warehouse.pool, warehouse.creds.user,
          warehouse.creds.port, warehouse.options.s, warehouse.options.n, warehouse.tags,
          warehouse.headers)
    return warehouse.url


@asset
def call(api: Api) -> str:
    print("api:", api.token, api.retries, api.region)
    return api.token


print("-- resource fields, nested resource, nested Config, list and dict, a field default")
defs = Definitions(
    assets=[stock, call],
    jobs=[define_asset_job("all_assets")],
    resources={
        "warehouse": Warehouse(
            url=EnvVar("PARITY_STR"),
            pool=EnvVar.int("PARITY_INT"),
            creds=Credentials(user=EnvVar("PARITY_OTHER"), port=EnvVar.int("PARITY_INT")),
            options=Leaf(s=EnvVar("PARITY_OTHER"), n=EnvVar.int("PARITY_INT")),
            tags=[EnvVar("PARITY_STR"), "plain"],
            headers={"h": EnvVar("PARITY_OTHER")},
        ),
        "api": Api(token=EnvVar("PARITY_STR")),
    },
)
print(defs.get_job_def("all_assets").execute_in_process().success)

print("-- configure_at_launch: RunConfig with a resource object, a dict with env, and EnvVars")
print("-- given to configure_at_launch itself")
launch = Definitions(assets=[call], jobs=[define_asset_job("call_job")],
                     resources={"api": Api.configure_at_launch()})
print(launch.get_job_def("call_job").execute_in_process(run_config=RunConfig(resources={
    "api": Api(token=EnvVar("PARITY_OTHER"), retries=EnvVar.int("PARITY_INT"))})).success)
print(launch.get_job_def("call_job").execute_in_process(run_config={"resources": {"api": {
    "config": {"token": {"env": "PARITY_STR"}, "retries": {"env": "PARITY_INT"}}}}}).success)
given = Definitions(assets=[call], jobs=[define_asset_job("call_job")], resources={
    "api": Api.configure_at_launch(token=EnvVar("PARITY_OTHER"), retries=EnvVar.int("PARITY_INT"))})
print(given.get_job_def("call_job").execute_in_process(
    run_config={"resources": {"api": {"config": {"region": "launch-region"}}}}).success)


class Tier(enum.Enum):
    GOLD = "gold-tier"
    SILVER = "silver-tier"


class Tiered(ConfigurableResource):
    name: str
    tier: Tier


@asset
def ranked(tiered: Tiered) -> None:
    print("tiered:", tiered.name, tiered.tier.name)


print("-- an Enum beside an EnvVar; run config giving the Enum by member name")
tiered = Definitions(assets=[ranked], jobs=[define_asset_job("rank")],
                     resources={"tiered": Tiered(name=EnvVar("PARITY_STR"), tier=Tier.GOLD)})
print(tiered.get_job_def("rank").execute_in_process().success)
print(tiered.get_job_def("rank").execute_in_process(run_config={"resources": {"tiered": {
    "config": {"name": "given", "tier": "SILVER"}}}}).success)

print("-- run config given for a field: its EnvVar (variable not set) is never read; for a")
print("-- fully configured resource it replaces the whole config (region: the class default)")
partial = Definitions(assets=[call], jobs=[define_asset_job("call_job")],
                      resources={"api": Api.configure_at_launch(token=EnvVar("PARITY_UNSET"))})
print(partial.get_job_def("call_job").execute_in_process(
    run_config={"resources": {"api": {"config": {"token": "launch"}}}}).success)
full = Definitions(assets=[call], jobs=[define_asset_job("call_job")],
                   resources={"api": Api(token=EnvVar("PARITY_UNSET"), region="here")})
print(full.get_job_def("call_job").execute_in_process(
    run_config={"resources": {"api": {"config": {"token": "override"}}}}).success)
print(full.get_job_def("call_job").execute_in_process(
    run_config=RunConfig(resources={"api": Api(token=EnvVar("PARITY_STR"))})).success)

print("-- EnvVar (text) for an int field is refused when the resource is built; EnvVar.int fits")


class Pool(ConfigurableResource):
    size: int


try:
    Pool(size=EnvVar("PARITY_INT"))
except Exception as error:
    print(type(error).__name__, error.errors()[0]["loc"])
print(type(Pool(size=EnvVar.int("PARITY_INT"))).__name__)
