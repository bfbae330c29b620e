"""Type checkers type dagwire user code natively (dataclass_transform, ParamSpec), and what
mypy analyses for ``from dagwire import ...`` never includes pydantic. Runs the real mypy."""

from __future__ import annotations

import pathlib
import subprocess
import sys

USER_CODE = '''\
from dagwire import (
    AssetExecutionContext, Config, ConfigurableResource, Definitions, EnvVar, Field,
    ResourceParam, RunRequest, asset, job, op, sensor,
)


class GreetingConfig(Config):
    greeting: str = Field(default="Hello", description="how to greet")
    name: str


class Db(ConfigurableResource):
    uri: str
    port: int = 5432

    def rows(self) -> list[str]:
        return [self.uri]


@op
def greet(config: GreetingConfig) -> str:
    return f"{config.greeting}, {config.name}!"


@asset
def users(context: AssetExecutionContext, db: Db, client: ResourceParam[dict[str, int]]) -> list[str]:
    return db.rows()


@asset(group_name="g")
def counts(users: list[str]) -> int:
    return len(users)


@job
def greeting_job() -> None:
    greet()


@sensor(job=greeting_job)
def watch(db: Db) -> list[RunRequest]:
    return [RunRequest(run_key=r) for r in db.rows()]


reveal_type(greet)
reveal_type(counts)
reveal_type(watch)
greet(config=GreetingConfig(name="x"))
GreetingConfig(nmae="x")
Db(uri=EnvVar("DB_URI"), port=EnvVar.int("DB_PORT"))
Db(uri=3)
config = GreetingConfig(name="a")
config.name = "b"
counts(users=3)
db_partial: Db = Db.configure_at_launch()
defs = Definitions(assets=[users, counts], jobs=[greeting_job], sensors=[watch],
                   resources={"db": Db(uri="sqlite://"), "client": {}})
'''

# Line 37: inside a @job body an op call omits its config and resources (they come from run
# config and Definitions). Native ParamSpec typing cannot know the call is in a job body, so
# it reports it; the mypy plugin relaxes exactly those calls (docs/architecture.md).
EXPECTED = """\
user_code.py:37: error: Missing positional argument "config" in call to "__call__" of "OpDefinition"  [call-arg]
user_code.py:45: note: Revealed type is "dagwire.runtime.op.OpDefinition[[config: user_code.GreetingConfig], str]"
user_code.py:46: note: Revealed type is "dagwire.runtime.asset.AssetsDefinition[[users: list[str]], int]"
user_code.py:47: note: Revealed type is "dagwire.runtime.sensor.SensorDefinition[[db: user_code.Db], list[dagwire.runtime.sensor.RunRequest]]"
user_code.py:49: error: Unexpected keyword argument "nmae" for "GreetingConfig"  [call-arg]
user_code.py:51: error: Argument "uri" to "Db" has incompatible type "int"; expected "str"  [arg-type]
user_code.py:53: error: Property "name" defined in "GreetingConfig" is read-only  [misc]
user_code.py:54: error: Argument "users" to "__call__" of "AssetsDefinition" has incompatible type "int"; expected "list[str]"  [arg-type]
"""


def run_mypy(
    tmp_path: pathlib.Path, *extra: str, code: str = USER_CODE
) -> subprocess.CompletedProcess[str]:
    (tmp_path / "user_code.py").write_text(code)
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--no-error-summary",
         "--hide-error-context", "--no-pretty", "--show-error-codes", *extra, "user_code.py"],
        cwd=tmp_path, capture_output=True, text=True,
    )


def test_constructors_and_direct_calls_are_checked_natively(tmp_path: pathlib.Path) -> None:
    result = run_mypy(tmp_path)
    # "did you mean" hints vary between mypy versions: compare without them.
    lines = [line.split("; did you mean")[0] + ("  [call-arg]" if "; did you mean" in line else "")
             for line in result.stdout.splitlines()]
    assert lines == EXPECTED.splitlines()
    assert result.returncode == 1


def test_mypy_does_not_analyse_pydantic(tmp_path: pathlib.Path) -> None:
    result = run_mypy(tmp_path, "-v")
    log = result.stderr
    assert "dagwire.runtime.config" in log  # the faces were analysed...
    assert log.count("pydantic") == 0  # ...but not pydantic


# How real Dagster projects collect definitions: lists of definitions with different
# signatures (mypy joins them to `object`), factories annotated with the bare class.
COLLECTIONS_CODE = '''\
from dagwire import (
    AssetsDefinition, ConfigurableResource, Definitions, RunRequest, SensorDefinition, asset,
    define_asset_job, job, op, sensor,
)


class Db(ConfigurableResource):
    uri: str


@asset
def raw() -> list[int]:
    return [1]


@asset
def total(raw: list[int], db: Db) -> int:
    return sum(raw)


def make_asset(name: str) -> AssetsDefinition:
    @asset(name=name)
    def made() -> int:
        return 1

    return made


@op
def ping() -> None:
    pass


@job
def ping_job() -> None:
    ping()


@sensor(job=ping_job)
def first(db: Db) -> RunRequest:
    return RunRequest(run_key=db.uri)


@sensor(job=ping_job)
def second() -> None:
    return None


def all_sensors() -> list[SensorDefinition]:
    return [first, second]


all_assets = [raw, total]
all_jobs = [ping_job, define_asset_job("everything")]
reveal_type(all_assets)
defs = Definitions(
    assets=[*all_assets, make_asset("extra")],
    jobs=all_jobs,
    sensors=all_sensors(),
    resources={"db": Db(uri="sqlite://")},
)
'''


def test_definition_lists_and_bare_annotations_pass_strict(tmp_path: pathlib.Path) -> None:
    result = run_mypy(tmp_path, code=COLLECTIONS_CODE)
    assert result.stdout.splitlines() == [
        'user_code.py:55: note: Revealed type is "list[object]"'
    ]
    assert result.returncode == 0
