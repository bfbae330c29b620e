# shape: requirer: op parameter bound at Definitions, job run (trap)
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


defs = dg.Definitions(jobs=[newsletter], resources={"mailer": Mailer(host="smtp")})


def exercise() -> None:
    assert defs.get_job_def("newsletter").execute_in_process().success
