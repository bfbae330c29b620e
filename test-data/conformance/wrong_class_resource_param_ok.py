# shape: wrong-class: ResourceParam[Protocol] bound with any object that has the method (trap)
from typing import Protocol

import dagster as dg


class Sender(Protocol):
    def send(self, text: str) -> str: ...


class Smtp:
    def send(self, text: str) -> str:
        return "smtp:" + text


@dg.asset
def notice(sender: dg.ResourceParam[Sender]) -> str:
    return sender.send("hi")


defs = dg.Definitions(assets=[notice], resources={"sender": Smtp()})


def exercise() -> None:
    assert dg.materialize([notice], resources={"sender": Smtp()}).output_for_node("notice") == "smtp:hi"
