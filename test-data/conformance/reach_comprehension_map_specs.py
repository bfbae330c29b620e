# shape: reach: a @definitions function re-listing each asset of a list through map_asset_specs
# dagster-only: dagwire assets have no map_asset_specs(...) and dagwire has no @definitions
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


@dg.definitions
def defs() -> dg.Definitions:
    owned = [
        a.map_asset_specs(lambda spec: spec.replace_attributes(owners=["team:billing"]))
        for a in BILLING
    ]
    return dg.Definitions(assets=owned, resources={"ledger": Ledger(path="/srv/ledger")})  # expect: unbound mailer
