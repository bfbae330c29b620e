from dagwire import job

from workspaces.etl import count, extract
from workspaces.resources import Counter


@job(
    config={"ops": {"extract": {"config": {"rows": 2, "note": "two rows"}}}},
    resource_defs={"counter": Counter(start=0, step=2)},
)
def etl():
    count(extract())


def run():
    return etl.execute_in_process().output_for_node("count")
