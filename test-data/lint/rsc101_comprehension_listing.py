"""Assets listed through a comprehension over another list: each item unchanged, or through
a method keeping its requirements, lists what that list lists; a filter, a second loop or a
helper function may change what is listed (silent)."""

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
LEDGER = {"ledger": Ledger(path="/srv")}


def regroup(asset: dg.AssetsDefinition) -> dg.AssetsDefinition:
    return asset


same = dg.Definitions(assets=[a for a in BILLING], resources=LEDGER)  # expect@8: RSC101 resource key 'mailer' is required by asset 'reminders' but not bound in Definitions; bound keys: 'ledger'
grouped = dg.Definitions(  # expect@11: RSC101 resource key 'mailer' is required by asset 'reminders' but not bound in Definitions; bound keys: 'ledger'
    assets=[a.with_attributes(group_names_by_key={a.key: "billing"}) for a in BILLING],
    resources=LEDGER,
)
owned = dg.Definitions(  # expect@9: RSC101 resource key 'mailer' is required by asset 'reminders' but not bound in Definitions; bound keys: 'ledger'
    assets={a.map_asset_specs(lambda spec: spec) for a in BILLING}, resources=LEDGER
)
filtered = dg.Definitions(assets=[a for a in BILLING if a is not reminders], resources=LEDGER)
helped = dg.Definitions(assets=[regroup(a) for a in BILLING], resources=LEDGER)
nested = dg.Definitions(assets=[b for a in [BILLING] for b in a], resources=LEDGER)
