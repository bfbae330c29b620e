import dagster as dg

from .ops import save


@dg.job
def save_job() -> None:
    save()


defs = dg.Definitions(jobs=[save_job], resources={})  # expect: unbound store
