# RSC101 in one module: Definitions, @repository and @job(resource_defs=...) binding sites.
from dagster import (
    ConfigurableResource,
    Definitions,
    ResourceParam,
    asset,
    job,
    op,
    repository,
    schedule,
    sensor,
    with_resources,
)


class Warehouse(ConfigurableResource):
    dsn: str


class Mailer(ConfigurableResource):
    host: str


@asset
def orders(warehouse: Warehouse) -> int:
    return 1


@asset(required_resource_keys={"mailer"})
def report(context, orders: int) -> None:
    context.resources.mailer.send(orders)  # expect@5: RSC201 context.resources.mailer is the legacy resource API: request 'mailer' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@asset(resource_defs={"warehouse": Warehouse(dsn="x")})
def self_bound(warehouse: Warehouse) -> int:
    return 2


@op
def load(warehouse: Warehouse, cache: ResourceParam[dict]) -> None:
    pass


@job
def nightly():
    load()


@sensor(job=nightly)
def watch(context, mailer: Mailer):
    return None


@schedule(job=nightly, cron_schedule="0 0 * * *")
def every_night(context):
    return {}


defs = Definitions(  # expect@8: RSC101 resource key 'cache' is required by op 'load' in job 'nightly' but not bound in Definitions; bound keys: 'warehouse' # expect@8: RSC101 resource key 'mailer' is required by asset 'report', sensor 'watch' but not bound in Definitions; bound keys: 'warehouse'
    assets=[orders, report, self_bound],
    jobs=[nightly],
    sensors=[watch],
    schedules=[every_night],
    resources={"warehouse": Warehouse(dsn="postgres://")},
)

# Everything bound: silent.
complete = Definitions(
    assets=[orders, report, self_bound],
    jobs=[nightly],
    sensors=[watch],
    resources={
        "warehouse": Warehouse(dsn="postgres://"),
        "mailer": Mailer(host="smtp"),
        "cache": {},
    },
)


@job(resource_defs={"warehouse": Warehouse(dsn="x")})  # expect@1: RSC101 resource key 'cache' is required by op 'load' but not bound in resource_defs of job 'self_contained'; bound keys: 'warehouse'
def self_contained():
    load()


@repository  # expect@1: RSC101 resource key 'warehouse' is required by asset 'orders' but not bound in repository 'legacy_repo'; bound keys: (none)
def legacy_repo():
    return [
        orders,
        *with_resources([report], resource_defs={"mailer": Mailer(host="smtp")}),
        self_contained,
    ]


# Partial Definitions meant for Definitions.merge: silent.
part_a = Definitions(assets=[orders])
part_b = Definitions(resources={"warehouse": Warehouse(dsn="x")})
merged = Definitions.merge(part_a, part_b)
