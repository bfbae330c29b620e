"""The same kind of mistakes in code written against the real dagster package.

dagster's decorators return un-parameterised types; the plugin captures each decorated
function's signature itself, so direct calls are checked too.
"""

from dagster import (
    Config,
    ConfigurableIOManager,
    ConfigurableResource,
    Definitions,
    InputContext,
    OpExecutionContext,
    OutputContext,
    RunConfig,
    asset,
    build_op_context,
    job,
    op,
)


class PostgresResource(ConfigurableResource):
    dsn: str


class SnowflakeResource(ConfigurableResource):
    account: str


class Warehouse(ConfigurableResource):
    db: PostgresResource


class GreetingConfig(Config):
    greeting: str


class OtherConfig(Config):
    other: str


@asset
def orders(db: PostgresResource) -> int:
    return 1


@op(required_resource_keys={"audit"})
def greet(context: OpExecutionContext, config: GreetingConfig) -> None:
    context.resources.audit  # RSC201
    context.resources.slack  # RSC102, RSC201


@op
def plain() -> None:
    pass


@job
def hello() -> None:
    greet()
    plain()


Warehouse(db=SnowflakeResource(account="acme"))
greet(build_op_context(), config=OtherConfig(other="x"))
orders(db=SnowflakeResource(account="acme"))
orders()
hello.execute_in_process(run_config=RunConfig(ops={"greet": OtherConfig(other="x")}))  # RSC101

defs = Definitions(  # RSC101
    assets=[orders], jobs=[hello], resources={"db": PostgresResource(dsn="pg://")}
)


# 6. an IO manager class as a resource annotation: dagster refuses to load the asset
class ParquetStore(ConfigurableIOManager):
    root: str

    def handle_output(self, context: OutputContext, obj: object) -> None:
        pass

    def load_input(self, context: InputContext) -> object:
        return None


@asset
def archived(store: ParquetStore) -> int:  # RSC104
    return 1
