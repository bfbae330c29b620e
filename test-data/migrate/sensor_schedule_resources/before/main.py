from dagwire import (
    Definitions,
    RunRequest,
    build_schedule_context,
    build_sensor_context,
    job,
    op,
    resource,
    schedule,
    sensor,
)


class Mailbox:
    def __init__(self, messages):
        self.messages = messages

    def unread(self):
        return [m for m in self.messages if not m.startswith("read:")]


@resource(config_schema={"messages": [str]})
def mailbox(context):
    return Mailbox(context.resource_config["messages"])


@op(required_resource_keys={"mailbox"})
def answer_mail(context):
    for message in context.resources.mailbox.unread():
        print("answer", message)


@job
def mail_job():
    answer_mail()


@sensor(job=mail_job, required_resource_keys={"mailbox"})
def new_mail(context):
    for message in context.resources.mailbox.unread():
        yield RunRequest(run_key=f"{context.cursor or ''}{message}")


@schedule(cron_schedule="0 8 * * *", job=mail_job, required_resource_keys={"mailbox"})
def morning_mail(context):
    if context.resources.mailbox.unread():
        return {}
    return []


MAILBOX = mailbox.configured({"messages": ["hello", "read:old", "invoice"]})

defs = Definitions(
    jobs=[mail_job], sensors=[new_mail], schedules=[morning_mail], resources={"mailbox": MAILBOX}
)

with build_sensor_context(resources={"mailbox": MAILBOX}) as context:
    for request in new_mail.evaluate_tick(context).run_requests:
        print("run request:", request.run_key)
with build_schedule_context(resources={"mailbox": MAILBOX}) as context:
    print("morning runs:", len(morning_mail.evaluate_tick(context).run_requests))
print("success:", defs.get_job_def("mail_job").execute_in_process().success)
