from dagwire import Definitions, EnvVar, job

from .lib.clients import Warehouse
from .ops import load, report


@job
def daily():
    report(load())


defs = Definitions(
    jobs=[daily],
    resources={
        # prod warehouse
        "warehouse": Warehouse(
            url=EnvVar("WH_URL"), schema_name="analytics"
        ),
    },
)
