"""Every "After" example of the seed document runs on dagwire with only the import changed.

Seed: /work/shared/seeds/000_db6e6f7a027901a2.txt ("Community Memo: Pythonic Config and
Resources"). Fixes to the seed's obvious typos are marked "seed fix" below.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from dagwire import (
    BindResourcesToJobs,
    Config,
    ConfigurableResource,
    Definitions,
    EnvVar,
    RunRequest,
    asset,
    job,
    op,
    sensor,
)


class FakeEngine:
    """Stands in for sqlalchemy's engine in the seed's database example."""

    queries: list[tuple[str, str]] = []

    def __init__(self, uri: str) -> None:
        self.uri = uri

    def query(self, query: str) -> str:
        FakeEngine.queries.append((self.uri, query))
        return f"rows of {query!r}"


def create_engine(uri: str) -> FakeEngine:
    return FakeEngine(uri)


def test_greeting_config(capsys: pytest.CaptureFixture[str]) -> None:
    class GreetingConfig(Config):
        greeting: str
        name: str

    @op
    def greet(config: GreetingConfig) -> None:
        print(f"{config.greeting}, {config.name}!")

    greet(config=GreetingConfig(greeting="Hello", name="Dagster"))
    assert capsys.readouterr().out == "Hello, Dagster!\n"


def test_database_resource_with_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    class MyDBResource(ConfigurableResource):
        connection_uri: str

        def query(self, query: str) -> Any:
            return create_engine(self.connection_uri).query(query)

    @asset
    def users(my_db: MyDBResource) -> Any:
        return my_db.query("SELECT * FROM users")

    defs = Definitions(
        assets=[users],  # seed: assets=...
        resources={"my_db": MyDBResource(connection_uri=EnvVar("DB_URI"))},
    )
    monkeypatch.setenv("DB_URI", "postgresql://db.internal/shop")
    FakeEngine.queries.clear()
    result = defs.get_implicit_global_asset_job_def().execute_in_process()
    assert result.success
    assert result.asset_value("users") == "rows of 'SELECT * FROM users'"
    assert FakeEngine.queries == [("postgresql://db.internal/shop", "SELECT * FROM users")]


class FooResource(ConfigurableResource):
    pass


calls: list[str] = []


@op
def hello_world(foo_resource: FooResource) -> None:
    calls.append(f"hello_world got {type(foo_resource).__name__}")


@job
def hello_world_job() -> None:
    hello_world()


@asset
def my_asset(foo_resource: FooResource) -> None:
    calls.append(f"my_asset got {type(foo_resource).__name__}")


def test_top_level_resources_bound_to_jobs_and_assets() -> None:
    defs = Definitions(
        assets=[my_asset],
        jobs=[hello_world_job],
        resources={"foo_resource": FooResource()},
    )
    calls.clear()
    assert defs.get_job_def("hello_world_job").execute_in_process().success
    assert defs.get_implicit_global_asset_job_def().execute_in_process().success
    assert calls == ["hello_world got FooResource", "my_asset got FooResource"]


def test_bind_resources_to_jobs() -> None:
    defs = Definitions(
        assets=[my_asset],
        jobs=BindResourcesToJobs([hello_world_job]),
        resources={"foo_resource": FooResource()},
    )
    Definitions.validate_loadable(defs)
    calls.clear()
    assert defs.get_job_def("hello_world_job").execute_in_process().success
    assert calls == ["hello_world got FooResource"]


def test_sensor_with_mock_resource() -> None:
    class S3Resource(ConfigurableResource):
        bucket: str

        def get_files(self) -> list[str]:
            raise AssertionError("the test uses MockS3")

    @job
    def parse_file_job() -> None:
        pass

    @sensor(job=parse_file_job)
    def my_sensor(s3: S3Resource) -> Any:
        for filename in s3.get_files():
            yield RunRequest(run_key=filename)

    class MockS3:
        def get_files(self) -> list[str]:  # seed fix: the seed's `def get_files()` lacks self
            return ["foo", "bar", "baz"]  # seed fix: the seed leaves "baz unterminated

    runs = [request for request in my_sensor(s3=MockS3())]  # type: ignore[arg-type]
    assert len(runs) == 3
    assert [r.run_key for r in runs] == ["foo", "bar", "baz"]


def test_seed_examples_are_all_here() -> None:
    # The seed has five "After" examples: greeting config, database resource + EnvVar,
    # top-level resources, BindResourcesToJobs, sensor with a mock resource.
    tests = [
        name for name in globals()
        if name.startswith("test_") and name != "test_seed_examples_are_all_here"
    ]
    assert len(tests) == 5

