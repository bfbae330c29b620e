import dagster as dg


class Crm(dg.ConfigurableResource):
    token: str


@dg.asset
def leads(crm: Crm) -> int:
    return 1
