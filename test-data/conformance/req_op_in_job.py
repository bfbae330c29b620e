# shape: requirer: op parameter, the op called in a @job body
import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str

    def send(self, text: str) -> None:
        pass


@dg.op
def compose() -> str:
    return "hello"


@dg.op
def deliver(mailer: Mailer, text: str) -> None:
    mailer.send(text)


@dg.job
def newsletter() -> None:
    deliver(compose())


defs = dg.Definitions(jobs=[newsletter], resources={})  # expect: unbound mailer
