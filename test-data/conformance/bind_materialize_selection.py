# shape: binding-site: materialize(assets, selection=) binds every listed asset, selected or not
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.asset
def summary() -> int:
    return 2


def exercise() -> None:
    dg.materialize([orders, summary], selection=[summary], resources={})  # expect: unbound db  # gap: runtime materialize(..., selection=) binds only the selected assets; dagster binds every listed asset
