from dagwire import Definitions, job

from .lib.clients import warehouse_resource
from .ops import load, report


@job
def daily():
    report(load())


defs = Definitions(
    jobs=[daily],
    resources={
        # prod warehouse
        "warehouse": warehouse_resource.configured(
            {"url": {"env": "WH_URL"}, "schema_name": "analytics"}
        ),
    },
)
