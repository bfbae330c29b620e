import dagster as dg


class HealthReport(dg.ConfigurableResource):
    webhook_url: str = "https://hooks.example.com"
    api_token: str = dg.EnvVar("HEALTH_API_TOKEN").get_value()  # advice: RSC302


@dg.asset
def health(report: HealthReport) -> None:
    assert report.api_token == "from-env", report.api_token


defs = dg.Definitions(assets=[health], resources={"report": HealthReport()})


def exercise() -> None:
    dg.Definitions.validate_loadable(defs)
    assert dg.materialize([health], resources={"report": HealthReport()}).success
