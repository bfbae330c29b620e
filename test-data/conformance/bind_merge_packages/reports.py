import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def price_report(raw_prices: int, mailer: Mailer) -> None:
    pass


reports_defs = dg.Definitions(assets=[price_report])
