# shape: wrong-class: configure_at_launch() of another class
import dagster as dg


class Slack(dg.ConfigurableResource):
    token: str


class Teams(dg.ConfigurableResource):
    webhook: str


@dg.asset
def alert(chat: Slack) -> None:
    pass


defs = dg.Definitions(assets=[alert], resources={"chat": Teams.configure_at_launch()})  # expect: wrong-class chat  # gap: flake8 no RSC rule compares a resource's class with the annotation
