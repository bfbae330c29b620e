from dagwire import (
    ConfigurableResource,
    Definitions,
    RunRequest,
    build_schedule_context,
    build_sensor_context,
    job,
    op,
    schedule,
    sensor,
)


class Mailbox(ConfigurableResource):
    messages: list[str]

    def unread(self):
        return [m for m in self.messages if not m.startswith("read:")]


@op
def answer_mail(mailbox: Mailbox):
    for message in mailbox.unread():
        print("answer", message)


@job
def mail_job():
    answer_mail()


@sensor(job=mail_job)
def new_mail(context, mailbox: Mailbox):
    for message in mailbox.unread():
        yield RunRequest(run_key=f"{context.cursor or ''}{message}")


@schedule(cron_schedule="0 8 * * *", job=mail_job)
def morning_mail(mailbox: Mailbox):
    if mailbox.unread():
        return {}
    return []


MAILBOX = Mailbox(messages=["hello", "read:old", "invoice"])

defs = Definitions(
    jobs=[mail_job], sensors=[new_mail], schedules=[morning_mail], resources={"mailbox": MAILBOX}
)

with build_sensor_context(resources={"mailbox": MAILBOX}) as context:
    for request in new_mail.evaluate_tick(context).run_requests:
        print("run request:", request.run_key)
with build_schedule_context(resources={"mailbox": MAILBOX}) as context:
    print("morning runs:", len(morning_mail.evaluate_tick(context).run_requests))
print("success:", defs.get_job_def("mail_job").execute_in_process().success)
