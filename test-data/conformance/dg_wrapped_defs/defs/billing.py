import dagster as dg


class Ledger(dg.ConfigurableResource):
    url: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def invoices(ledger: Ledger, mailer: Mailer) -> int:
    return 1


@dg.definitions
def billing_defs() -> dg.Definitions:
    return dg.Definitions(assets=[invoices], resources={"ledger": Ledger(url="pg://")})
