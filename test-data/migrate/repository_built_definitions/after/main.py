from dagwire import Definitions

from pipelines.cleaning import (
    cleaning_adhoc,
    cleaning_daily,
    counts_job,
    daily_cleaning,
    row_counts,
)


maintenance = Definitions(
    assets=[row_counts],
    jobs=[cleaning_daily, cleaning_adhoc, counts_job],
    schedules=[daily_cleaning],
)


if __name__ == "__main__":
    print(maintenance.get_job_def("cleaning_daily").execute_in_process().success)
    adhoc = maintenance.get_job_def("cleaning_adhoc")
    print(adhoc.execute_in_process(
        run_config={"ops": {"scrub": {"config": {"table": "users"}}}}).success)
    print(maintenance.get_job_def("counts_job").execute_in_process().success)
    print(maintenance.get_schedule_def("daily_cleaning").cron_schedule)
