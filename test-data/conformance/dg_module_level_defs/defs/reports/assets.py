import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def weekly_report(mailer: Mailer) -> None:
    pass


defs = dg.Definitions(assets=[weekly_report])
