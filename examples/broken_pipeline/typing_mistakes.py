"""A pipeline with one of each config/resource mistake the dagwire mypy plugin reports.

Nothing here fails at import: every mistake below would only show up when definitions are
loaded or a run starts. `python -m examples.demo_mypy` runs mypy with the plugin on it.
"""

from dagwire import (
    AssetExecutionContext,
    Config,
    ConfigurableResource,
    Definitions,
    EnvVar,
    RunConfig,
    RunRequest,
    asset,
    job,
    op,
    schedule,
    sensor,
)


class PostgresResource(ConfigurableResource):
    dsn: str
    pool_size: int = 5


class SnowflakeResource(ConfigurableResource):
    account: str


class SlackResource(ConfigurableResource):
    token: str


class ReportConfig(Config):
    top_n: int = 3


class GreetingConfig(Config):
    greeting: str


@asset
def orders(db: PostgresResource) -> int:
    return 1


@asset(required_resource_keys={"warehouse"})
def report(context: AssetExecutionContext, config: ReportConfig) -> str:
    context.resources.warehouse  # RSC201
    context.resources.slack  # 6. not declared in required_resource_keys (RSC102, RSC201)
    return "report"


@op
def greet(config: GreetingConfig) -> None:
    pass


@op
def notify(slack: SlackResource) -> None:
    pass


@job
def hello() -> None:
    greet()
    notify()


@sensor(job=hello)
def new_files(s3: SnowflakeResource) -> RunRequest:
    return RunRequest(run_key="x")


@schedule("0 6 * * *", job=hello)
def morning(db: PostgresResource) -> RunRequest:
    return RunRequest(run_key="m")


# 5. constructors: wrong field type, unknown field, EnvVar (a str) where an int is expected
PostgresResource(dsn="postgres://", pool_size="10")
PostgresResource(dsn="postgres://", timeout=3)
PostgresResource(dsn=EnvVar("PG_DSN"), pool_size=EnvVar("PG_POOL"))
PostgresResource()

# 3. direct invocation: wrong config class, missing resource
greet(config=ReportConfig(top_n=1))
orders()

# 4. run config: another Config class, an op without config, an op not in the job
hello.execute_in_process(  # RSC101: slack (the run binds no resources)
    run_config=RunConfig(
        ops={"greet": ReportConfig(), "notify": ReportConfig(), "gret": ReportConfig()}
    )
)

# 1, 2 and 7: unbound keys, a binding of the wrong class, a binding nothing requires
defs = Definitions(  # RSC101 x2: slack, s3
    assets=[orders, report],
    jobs=[hello],
    sensors=[new_files],
    schedules=[morning],
    resources={
        "db": SnowflakeResource(account="acme"),
        "warehouse": PostgresResource(dsn="postgres://"),
        "cache": PostgresResource(dsn="redis://"),
    },
)
