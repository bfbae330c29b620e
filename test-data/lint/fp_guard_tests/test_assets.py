import os

import dagster as dg


class Api(dg.ConfigurableResource):
    api_key: str


@dg.asset
def payload(api: Api) -> str:
    return api.api_key


def test_payload() -> None:
    result = dg.materialize([payload], resources={"api": Api(api_key="test-key")})
    assert result.success


def test_payload_from_env() -> None:
    api = Api(api_key=os.getenv("TEST_API_KEY", "x"))
    assert payload(api) == api.api_key
