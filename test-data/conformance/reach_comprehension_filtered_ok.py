# shape: reach: a comprehension with a filter may leave out the asset that needs the key (trap)
import dagster as dg


class Ledger(dg.ConfigurableResource):
    path: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def invoices(ledger: Ledger) -> int:
    return 1


@dg.asset
def reminders(mailer: Mailer) -> int:
    return 2


BILLING = [invoices, reminders]

defs = dg.Definitions(
    assets=[a for a in BILLING if a is not reminders],
    resources={"ledger": Ledger(path="/srv/ledger")},
)
