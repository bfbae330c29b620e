"""A graph made into two jobs, a job over assets and a schedule, each built by a call."""

from dagwire import ScheduleDefinition, asset, define_asset_job, graph, op


@op(config_schema={"table": str})
def scrub(context):
    print("scrub", context.op_config["table"])
    return context.op_config["table"]


@op
def report(table):
    print("scrubbed", table)


@graph
def cleaning():
    report(scrub())


cleaning_daily = cleaning.to_job(
    name="cleaning_daily",
    config={"ops": {"scrub": {"config": {"table": "events"}}}},
)
cleaning_adhoc = cleaning.to_job(name="cleaning_adhoc")


@asset
def row_counts():
    print("counting rows")
    return 3


counts_job = define_asset_job("counts_job", selection=[row_counts])

daily_cleaning = ScheduleDefinition(
    name="daily_cleaning", job=cleaning_daily, cron_schedule="0 3 * * *"
)
