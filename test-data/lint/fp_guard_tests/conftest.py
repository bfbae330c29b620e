# Test fixtures build resources with throw-away credentials when the test runs: no RSC3xx.
import os

import pytest
from dagster import ConfigurableResource, build_op_context


class Warehouse(ConfigurableResource):
    user: str
    password: str


@pytest.fixture
def warehouse() -> Warehouse:
    return Warehouse(user="test", password="test")


@pytest.fixture
def context():
    return build_op_context(
        resources={"warehouse": Warehouse(user="ci", password=os.environ["CI_DB_PASSWORD"])},
        op_config={"password": "test"},
    )
