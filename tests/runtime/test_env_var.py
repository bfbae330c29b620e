"""EnvVar semantics and the rule that a resolved secret never shows."""

from __future__ import annotations

import logging
import os
import pickle
from typing import Any

import pytest

from dagwire import (
    ConfigurableResource,
    DagwireError,
    Definitions,
    EnvVar,
    InitResourceContext,
    asset,
)
from dagwire.catalog.text_format import render_text
from dagwire.runtime.catalog import build_catalog
from dagwire.runtime.env_var import IntEnvVar

SECRET = "s3cr3t-VALUE-4242"


def test_env_var_is_a_str_holding_the_name() -> None:
    value = EnvVar("DB_PASSWORD")
    assert isinstance(value, str)
    assert value.env_var_name == "DB_PASSWORD"
    assert repr(value) == "EnvVar('DB_PASSWORD')"
    with pytest.raises(RuntimeError):
        str(value)


def test_env_var_int() -> None:
    value = EnvVar.int("DB_PORT")
    assert isinstance(value, int) and isinstance(value, IntEnvVar)
    assert repr(value) == "EnvVar.int('DB_PORT')"
    with pytest.raises(RuntimeError):
        int(value)


def test_get_value_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAGWIRE_X", "1")
    assert EnvVar("DAGWIRE_X").get_value() == "1"
    assert EnvVar.int("DAGWIRE_X").get_value() == 1
    monkeypatch.delenv("DAGWIRE_X")
    assert EnvVar("DAGWIRE_X").get_value("d") == "d"


def test_pickle_round_trip() -> None:
    assert repr(pickle.loads(pickle.dumps(EnvVar("A")))) == "EnvVar('A')"
    assert repr(pickle.loads(pickle.dumps(EnvVar.int("B")))) == "EnvVar.int('B')"


seen: dict[str, Any] = {}


class Api(ConfigurableResource):
    token: str
    port: int = 443

    def setup_for_execution(self, context: InitResourceContext) -> None:
        context.log.info("setting up %r", self)
        seen["setup_repr"] = repr(self)


@asset
def call_api(context: Any, api: Api) -> str:
    seen["repr"] = repr(api)
    seen["str"] = str(api)
    seen["context_repr"] = repr(context.resources.api)
    context.log.info("calling with %s", api)
    return api.token  # the code itself may use the value


def test_env_values_resolved_at_run_start_and_never_shown(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("DAGWIRE_API_TOKEN", raising=False)
    defs = Definitions(assets=[call_api], resources={
        "api": Api(token=EnvVar("DAGWIRE_API_TOKEN"), port=EnvVar.int("DAGWIRE_API_PORT"))
    })
    defs.validate()  # not read at construction or validation
    monkeypatch.setenv("DAGWIRE_API_TOKEN", SECRET)
    monkeypatch.setenv("DAGWIRE_API_PORT", "8443")
    seen.clear()
    with caplog.at_level(logging.DEBUG, logger="dagwire"):
        result = defs.get_implicit_global_asset_job_def().execute_in_process()
    assert result.asset_value("call_api") == SECRET
    expected = "Api(token=EnvVar('DAGWIRE_API_TOKEN'), port=EnvVar.int('DAGWIRE_API_PORT'))"
    assert seen == {
        "setup_repr": expected,
        "repr": expected,
        "str": "token=EnvVar('DAGWIRE_API_TOKEN') port=EnvVar.int('DAGWIRE_API_PORT')",
        "context_repr": expected,
    }
    assert SECRET not in caplog.text
    assert "EnvVar('DAGWIRE_API_TOKEN')" in caplog.text
    assert SECRET not in render_text(build_catalog(defs, "test"))
    assert SECRET not in repr(defs.resources) + repr(defs)


def test_secret_not_in_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAGWIRE_API_TOKEN", "t")
    monkeypatch.setenv("DAGWIRE_API_PORT", SECRET)  # not an int
    defs = Definitions(assets=[call_api], resources={
        "api": Api(token=EnvVar("DAGWIRE_API_TOKEN"), port=EnvVar.int("DAGWIRE_API_PORT"))
    })
    with pytest.raises(DagwireError) as excinfo:
        defs.get_implicit_global_asset_job_def().execute_in_process()
    assert str(excinfo.value) == (
        "Invalid resource config:\n"
        "- resource 'api': port: environment variable \"DAGWIRE_API_PORT\" cannot be read as an "
        "int"
    )
    assert SECRET not in repr(excinfo.value)


def test_secret_not_in_step_failure_log(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    @asset
    def failing(api: Api) -> None:
        raise RuntimeError("upstream refused")

    monkeypatch.setenv("DAGWIRE_API_TOKEN", SECRET)
    defs = Definitions(assets=[failing], resources={"api": Api(token=EnvVar("DAGWIRE_API_TOKEN"))})
    with caplog.at_level(logging.DEBUG, logger="dagwire"):
        result = defs.get_implicit_global_asset_job_def().execute_in_process(raise_on_error=False)
    assert not result.success
    assert caplog.text.count("step 'failing' of job '__ASSET_JOB' failed: RuntimeError") == 1
    assert SECRET not in caplog.text


def test_environment_not_read_at_import_or_definition(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    real_get = os.environ.get

    def spy(key: str, default: Any = None) -> Any:
        reads.append(key)
        return real_get(key, default)

    monkeypatch.setattr(os.environ, "get", spy)
    resource = Api(token=EnvVar("DAGWIRE_NEVER_READ"))
    Definitions(assets=[call_api], resources={"api": resource}).validate()
    assert "DAGWIRE_NEVER_READ" not in reads
