from dagwire import Definitions, job

from shop.ops import restock
from shop.resources import RESOURCES_BY_DEPLOYMENT


@job
def restock_job():
    restock()


def definitions_for(deployment: str) -> Definitions:
    return Definitions(jobs=[restock_job], resources=RESOURCES_BY_DEPLOYMENT[deployment])
