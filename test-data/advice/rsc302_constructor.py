import os

import dagster as dg


class Billing(dg.ConfigurableResource):
    site: str
    api_key: str


@dg.asset
def invoices(billing: Billing) -> None:
    assert billing.api_key == "from-env", billing.api_key


defs = dg.Definitions(
    assets=[invoices],
    resources={"billing": Billing(site="api.example.com", api_key=os.getenv("BILLING_API_KEY"))},  # advice: RSC302
)


def exercise() -> None:
    dg.Definitions.validate_loadable(defs)
    assert dg.materialize([invoices], resources={"billing": defs.resources["billing"]}).success
