import dagster as dg


@dg.asset
def weekly_report() -> int:
    return 21
