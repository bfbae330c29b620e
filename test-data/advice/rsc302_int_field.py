import os

import dagster as dg


class Lock(dg.ConfigurableResource):
    name: str
    secret: int


@dg.asset
def opened(lock: Lock) -> None:
    assert lock.secret == 42, lock.secret


defs = dg.Definitions(
    assets=[opened],
    resources={"lock": Lock(name="front", secret=os.environ["LOCK_SECRET"])},  # advice: RSC302
)


def exercise() -> None:
    dg.Definitions.validate_loadable(defs)
    assert dg.materialize([opened], resources={"lock": defs.resources["lock"]}).success
