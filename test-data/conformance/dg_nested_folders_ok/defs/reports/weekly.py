import dagster as dg

from dg_nested_folders_ok.defs.shared import Mailer


@dg.asset
def weekly(prices: int, mailer: Mailer) -> str:
    return f"{prices} via {mailer.host}"
