"""Config the way Dagster projects write it (pydantic's Field, Optional, lists, dicts,
nested Config, Enum by name, PermissiveConfig), given as a dict, as RunConfig, and in direct
calls: ``op(config=...)``, ``op(build_op_context(config=...))`` for an op without a context
parameter, ``asset(build_asset_context(resources=...))``, resources as keyword arguments,
load_assets_from_modules, with_resources, Definitions.merge; independent ops run in name
order."""

import sys
import types
from enum import Enum
from typing import Dict, List, Optional

from pydantic import Field

from dagwire import (AssetExecutionContext, Config, ConfigurableResource, Definitions,
                     PermissiveConfig, RunConfig, asset, build_asset_context, build_op_context,
                     job, load_assets_from_modules, materialize, op, with_resources)


class Mode(Enum):
    FAST = "fast"
    SLOW = "slow"


class Inner(Config):
    a: int = 1
    b: str = "x"


class Outer(Config):
    name: str = Field(description="the name")
    mode: Mode = Mode.FAST
    limit: Optional[int] = None
    tags: List[str] = []
    weights: Dict[str, float] = {}
    inner: Inner = Inner()


class Loose(PermissiveConfig):
    known: int = 0


@op
def show(config: Outer) -> str:
    text = (f"{config.name} {config.mode} {config.limit} {config.tags} {config.weights} "
            f"{config.inner.a}{config.inner.b}")
    print(text)
    return text


@op
def loose(config: Loose):
    print(config.known, sorted(config.model_dump().items()))


@job
def cfg_job():
    show()
    loose()


run = cfg_job.execute_in_process(run_config={"ops": {
    "show": {"config": {"name": "n", "mode": "SLOW", "limit": 5, "tags": ["t"],
                        "weights": {"w": 1.5}, "inner": {"a": 7}}},
    "loose": {"config": {"known": 2, "extra": "yes"}}}})
print(run.success)
run = cfg_job.execute_in_process(run_config=RunConfig(ops={
    "show": Outer(name="m", mode=Mode.SLOW, inner=Inner(b="q")),
    "loose": Loose(known=3)}))
print(run.success)
show(config=Outer(name="direct"))
show(build_op_context(config={"name": "ctx", "mode": "FAST"}))


@asset
def scaled(context, config: Inner) -> int:
    return config.a * 10


print(scaled(build_asset_context(), config=Inner(a=4)))
print(materialize([scaled], run_config={"ops": {"scaled": {"config": {"a": 2}}}})
      .output_for_node("scaled"))


class Warehouse(ConfigurableResource):
    url: str

    def read(self, table):
        return f"{table}@{self.url}"


@asset
def raw(context: AssetExecutionContext, warehouse: Warehouse) -> str:
    context.log.info("reading")
    return warehouse.read("raw")


@asset
def clean(raw: str) -> str:
    return raw.upper()


print(raw(build_asset_context(resources={"warehouse": Warehouse(url="ctx")})))
print(raw(build_asset_context(), warehouse=Warehouse(url="kw")))
print(clean("abc"), clean(raw="def"))


@op
def needs_wh(warehouse: Warehouse) -> str:
    return warehouse.read("op")


print(needs_wh(build_op_context(resources={"warehouse": Warehouse(url="opctx")})))
print(needs_wh(warehouse=Warehouse(url="opkw")))

module = types.ModuleType("parity_assets")
module.raw = raw
module.clean = clean
sys.modules["parity_assets"] = module
loaded = load_assets_from_modules([module], group_name="loaded")
print(sorted(a.key.to_user_string() for a in loaded))
print(materialize(with_resources([raw, clean], {"warehouse": Warehouse(url="wr")}))
      .output_for_node("clean"))
merged = Definitions.merge(Definitions(assets=[raw, clean]),
                           Definitions(resources={"warehouse": Warehouse(url="merged")}))
print(merged.get_implicit_global_asset_job_def().execute_in_process().output_for_node("raw"))


class Choice(Config):
    optional: Optional[int] = None
    mode: Mode = Mode.FAST
    inner: Inner = Inner()


@op
def reports_config(context, config: Choice, warehouse: Warehouse):
    # Dagster's context.op_config: a dict, Enums by value, None kept
    print(context.op_config, context.resources.warehouse.url)


@job
def config_report():
    reports_config()


config_report.execute_in_process(run_config={"ops": {"reports_config": {"config": {"optional": 3}}}},
                                 resources={"warehouse": Warehouse(url="w")})
reports_config(build_op_context(resources={"warehouse": Warehouse(url="v")}),
               Choice(mode=Mode.SLOW))
