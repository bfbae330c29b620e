import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def price_report(mailer: Mailer) -> str:
    return mailer.host


reports_defs = dg.Definitions(assets=[price_report])
