import dagster as dg

from .builders import gather


class Warehouse(dg.ConfigurableResource):
    dsn: str


class Notifier(dg.ConfigurableResource):
    channel: str


class Archive(dg.ConfigurableResource):
    bucket: str


@dg.asset
def daily_sales(warehouse: Warehouse) -> int:
    return 1


@dg.asset_check(asset=daily_sales)
def sales_present(notifier: Notifier) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)


@dg.op
def announce(notifier: Notifier) -> None:
    pass


@dg.job
def announce_job() -> None:
    announce()


collected = gather(globals())


@dg.asset
def archived_sales(archive: Archive) -> int:  # not in the namespace when gather ran
    return 2


defs = dg.Definitions(
    **collected,
    resources={"notifier": Notifier(channel="ops"), "warehouse": Warehouse(dsn="sqlite://")},
)
