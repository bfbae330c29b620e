# shape: binding-site: job.execute_in_process(resources=) binding every key (trap)
import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str


@dg.op
def send(mailer: Mailer) -> str:
    return mailer.host


@dg.job
def mail_job() -> None:
    send()


def exercise() -> None:
    result = mail_job.execute_in_process(resources={"mailer": Mailer(host="smtp")})
    assert result.output_for_node("send") == "smtp"
