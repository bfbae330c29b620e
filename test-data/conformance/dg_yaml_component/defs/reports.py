import dagster as dg

from dg_yaml_component.lib.ledger import Ledger


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def monthly(ledger: Ledger, mailer: Mailer) -> int:
    return 1
