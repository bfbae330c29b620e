# shape: binding-site: job.execute_in_process(resources=) missing a key
import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str


@dg.op
def send(mailer: Mailer) -> None:
    pass


@dg.job
def mail_job() -> None:
    send()


def exercise() -> None:
    mail_job.execute_in_process(resources={"mail": Mailer(host="smtp")})  # expect: unbound mailer
