from dagwire import repository

from pipelines.cleaning import (
    cleaning_adhoc,
    cleaning_daily,
    counts_job,
    daily_cleaning,
    row_counts,
)


@repository
def maintenance():
    return [row_counts, cleaning_daily, cleaning_adhoc, counts_job, daily_cleaning]


if __name__ == "__main__":
    print(maintenance.get_job("cleaning_daily").execute_in_process().success)
    adhoc = maintenance.get_job("cleaning_adhoc")
    print(adhoc.execute_in_process(
        run_config={"ops": {"scrub": {"config": {"table": "users"}}}}).success)
    print(maintenance.get_job("counts_job").execute_in_process().success)
    print(maintenance.get_schedule_def("daily_cleaning").cron_schedule)
