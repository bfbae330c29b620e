# shape: wrong-class: a mock bound in place of a resource in a test run (trap)
from unittest import mock

import dagster as dg


class Db(dg.ConfigurableResource):
    url: str

    def count(self) -> int:
        return 0


@dg.asset
def orders(db: Db) -> int:
    return db.count()


def exercise() -> None:
    fake = mock.Mock(spec=["count"])
    fake.count.return_value = 5
    assert dg.materialize([orders], resources={"db": fake}).output_for_node("orders") == 5
