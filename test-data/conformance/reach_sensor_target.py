# shape: reach: a sensor's target= naming assets (dagster builds their job)
# dagster-only: dagwire sensors take job=, not target=
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return 1


@dg.sensor(target=[orders])
def orders_sensor() -> dg.SkipReason:
    return dg.SkipReason("nothing new")


defs = dg.Definitions(sensors=[orders_sensor], resources={})  # expect: unbound db
