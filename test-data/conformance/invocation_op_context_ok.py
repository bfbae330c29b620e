# shape: invocation: an op called with build_op_context(resources=) (trap)
import dagster as dg


class Mailer(dg.ConfigurableResource):
    host: str


@dg.op
def send(context: dg.OpExecutionContext, mailer: Mailer) -> str:
    return mailer.host


def exercise() -> None:
    assert send(dg.build_op_context(resources={"mailer": Mailer(host="smtp")})) == "smtp"
    assert send(dg.build_op_context(), mailer=Mailer(host="h")) == "h"
