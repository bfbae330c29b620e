# shape: invocation: a direct call of an op that omits its resource
import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str


@dg.op
def send(mailer: Mailer) -> str:
    return mailer.host


def exercise() -> None:
    send()  # expect: invocation mailer  # gap: flake8 no RSC rule checks direct calls
