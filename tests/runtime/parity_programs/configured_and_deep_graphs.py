"""``op.configured(...)`` for a legacy config_schema op and a Config op, graphs nested two
deep with an aliased graph and run config reaching the innermost op, and the
``resource_config`` a configurable resource sees in setup_for_execution."""

from typing import Optional

from dagwire import (Config, ConfigurableResource, InitResourceContext, asset, graph, job,
                     materialize, op)


class Count(Config):
    n: int


@op(config_schema={"n": int})
def legacy(context):
    print("legacy", context.op_config["n"])


@op
def pythonic(config: Count):
    print("pythonic", config.n)
    return config.n


fixed_legacy = legacy.configured({"n": 3}, name="fixed_legacy")
fixed_pythonic = pythonic.configured({"n": 7}, name="fixed_pythonic")


@job
def configured_job():
    fixed_legacy()
    fixed_pythonic()


print(configured_job.execute_in_process().output_for_node("fixed_pythonic"))


@graph
def inner():
    return pythonic()


@graph
def middle():
    inner()
    return inner.alias("inner2")()


@job
def deep():
    middle()


run = deep.execute_in_process(run_config={"ops": {"middle": {"ops": {
    "inner": {"ops": {"pythonic": {"config": {"n": 1}}}},
    "inner2": {"ops": {"pythonic": {"config": {"n": 2}}}},
}}}})
print(run.success, run.output_for_node("middle"), run.output_for_node("middle.inner"),
      run.output_for_node("middle.inner2.pythonic"))


class Inner(ConfigurableResource):
    a: int = 1


class Conn(ConfigurableResource):
    dsn: str
    port: int = 5
    opt: Optional[str] = None
    inner: Inner

    def setup_for_execution(self, context: InitResourceContext) -> None:
        print("setup", context.resource_config)


@asset
def table(conn: Conn):
    return conn.dsn


print(materialize([table], resources={"conn": Conn(dsn="x", inner=Inner())})
      .output_for_node("table"))
