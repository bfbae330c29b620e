from dagwire import job

from workspaces.etl import count, extract
from workspaces.resources import Counter


@job(
    config={"ops": {"extract": {"config": {"rows": 3}}}},
    resource_defs={"counter": Counter(start=100)},
)
def etl():
    count(extract())


def run():
    return etl.execute_in_process().output_for_node("count")
