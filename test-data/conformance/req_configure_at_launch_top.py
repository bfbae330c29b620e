# shape: requirer: a parameter's resource bound with configure_at_launch() (counts as its class)
import dagster as dg


class Slack(dg.ConfigurableResource):
    token: str


@dg.asset
def alert(slack: Slack) -> None:
    pass


defs = dg.Definitions(assets=[alert], resources={"slak": Slack.configure_at_launch()})  # expect: unbound slack
