import dagster as dg


class Ledger(dg.ConfigurableResource):
    path: str


@dg.asset
def balances(ledger: Ledger) -> int:
    return 1
