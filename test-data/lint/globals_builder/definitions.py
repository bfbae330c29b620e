import dagster as dg

from .registry import sweep


class Store(dg.ConfigurableResource):
    root: str


class Pager(dg.ConfigurableResource):
    team: str


@dg.asset
def snapshots(store: Store) -> int:
    return 1


@dg.asset_check(asset=snapshots)
def snapshots_fresh(pager: Pager) -> dg.AssetCheckResult:  # the builder keeps no checks
    return dg.AssetCheckResult(passed=True)


@dg.op
def page(pager: Pager) -> None:
    pass


@dg.job
def paging() -> None:
    page()


found = sweep(globals())


@dg.asset
def late(pager: Pager) -> int:  # made after the namespace was read
    return 2


defs = dg.Definitions(**found, resources={"store": Store(root="/tmp")})  # expect@8: RSC101 resource key 'pager' is required by op 'page' in job 'paging' but not bound in Definitions; bound keys: 'store'
