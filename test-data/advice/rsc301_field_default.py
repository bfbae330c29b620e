import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str = "smtp.example.com"
    smtp_password: str = "s3cr3t-live"  # advice: RSC301


@dg.asset
def receipts(mailer: Mailer) -> None:
    assert mailer.smtp_password == "from-env", mailer.smtp_password


defs = dg.Definitions(assets=[receipts], resources={"mailer": Mailer()})


def exercise() -> None:
    dg.Definitions.validate_loadable(defs)
    assert dg.materialize([receipts], resources={"mailer": Mailer()}).success
