"""An op job that mails an alert: its mailer is a generator resource (flushed after the run)."""

from dagwire import job, op


@op(config_schema={"threshold": int})
def count_orders(context) -> int:
    return context.op_config["threshold"] + 1


@op(required_resource_keys={"mailer"})
def alert(context, count: int) -> str:
    return context.resources.mailer.send(f"{count} orders")


@job
def alerts_job():
    alert(count_orders())
