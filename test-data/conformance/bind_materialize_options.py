# shape: binding-site: materialize(assets, resources=..., **options) in a test helper: the options cannot bind more keys
from typing import Any

import dagster as dg


class Catalog(dg.ConfigurableResource):
    url: str


class Mailer(dg.ConfigurableResource):
    host: str


@dg.asset
def listings(catalog: Catalog, mailer: Mailer) -> int:
    return 1


ALL = [listings]


def run_with(**options: Any) -> dg.ExecuteInProcessResult:
    catalog = Catalog(url="memory://")
    return dg.materialize(ALL, resources={"catalog": catalog}, **options)  # expect: unbound mailer


def exercise() -> None:
    run_with(tags={"suite": "listings"})
