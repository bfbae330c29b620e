# shape: reach: a comprehension regrouping each asset of a list with with_attributes(...)
# dagster-only: dagwire assets have no with_attributes(...)
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

defs = dg.Definitions(  # expect: unbound mailer
    assets=[a.with_attributes(group_names_by_key={a.key: "billing"}) for a in BILLING],
    resources={"ledger": Ledger(path="/srv/ledger")},
)
