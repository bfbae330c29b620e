# shape: binding-site: materialize(assets, **options) where the options carry the resources (trap)
from typing import Any

import dagster as dg


class Catalog(dg.ConfigurableResource):
    url: str


@dg.asset
def listings(catalog: Catalog) -> str:
    return catalog.url


def run_with(**options: Any) -> dg.ExecuteInProcessResult:
    return dg.materialize([listings], **options)


def exercise() -> None:
    result = run_with(resources={"catalog": Catalog(url="memory://")})
    assert result.output_for_node("listings") == "memory://"
