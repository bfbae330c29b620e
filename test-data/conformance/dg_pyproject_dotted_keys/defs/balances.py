import dagster as dg


class Ledger(dg.ConfigurableResource):
    path: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def balances(ledger: Ledger, mailer: Mailer) -> int:
    return 1
