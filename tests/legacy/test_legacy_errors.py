"""Every error of the legacy API, with its exact message."""

from __future__ import annotations

from typing import Any

import pytest

from dagwire import (
    DagwireInvalidConfigError,
    DagwireInvalidDefinitionError,
    DagwireMissingEnvVarError,
    DagwireResourceNotFoundError,
    Definitions,
    Field,
    IntSource,
    StringSource,
    asset,
    build_init_resource_context,
    build_op_context,
    job,
    materialize,
    op,
    repository,
    resource,
    with_resources,
)


@op(required_resource_keys={"db"})
def load(context: Any) -> None:
    pass


@job
def load_job() -> None:
    load()


@asset(required_resource_keys={"db", "cache"})
def report(context: Any) -> int:
    return 1


UNBOUND = (
    "- resource 'cache' is not bound; required by asset 'report'\n"
    "- resource 'db' is not bound; required by asset 'report', op 'load' in job 'load_job'"
)


def test_unbound_required_resource_keys_in_definitions() -> None:
    defs = Definitions(jobs=[load_job], assets=[report])
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        Definitions.validate_loadable(defs)
    assert str(raised.value) == "Invalid Definitions:\n" + UNBOUND


def test_unbound_keys_in_a_repository_are_reported_when_it_is_loaded() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:

        @repository
        def analytics() -> list[Any]:
            return [load_job, report]

    assert str(raised.value) == "Invalid repository 'analytics':\n" + UNBOUND


def test_repository_binding_through_job_and_with_resources_is_valid() -> None:
    @resource
    def db(_: Any) -> str:
        return "db"

    @job(resource_defs={"db": db})
    def bound_job() -> None:
        load()

    @repository
    def analytics() -> list[Any]:
        return [bound_job, *with_resources([report], resource_defs={"db": db, "cache": db})]

    assert analytics.job_names == ["bound_job"]
    assert analytics.get_job("bound_job").execute_in_process().success


def test_repository_rejects_what_it_cannot_hold() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:

        @repository
        def odd() -> list[Any]:
            return [42]

    assert str(raised.value) == (
        "Invalid repository 'odd':\n"
        "- returned a int (42): expected assets, jobs, graphs, sensors or schedules"
    )


@op(config_schema={"greeting": str, "name": str, "times": Field(int, default_value=1)})
def greet(context: Any) -> str:
    cfg = context.op_config
    return f"{cfg['greeting']}, {cfg['name']}" * cfg["times"]


@job
def greet_job() -> None:
    greet()


def test_bad_op_config_names_the_op_and_every_path() -> None:
    with pytest.raises(DagwireInvalidConfigError) as raised:
        greet_job.execute_in_process(
            run_config={"ops": {"greet": {"config": {"greeting": 1, "times": "x"}}}}
        )
    assert str(raised.value) == (
        "Invalid run config for job 'greet_job':\n"
        "- op 'greet': ops.greet.config.greeting: expected String, got int 1\n"
        "- op 'greet': ops.greet.config: missing required field \"name\" (String)\n"
        "- op 'greet': ops.greet.config.times: expected Int, got str 'x'"
    )


def test_missing_op_config() -> None:
    with pytest.raises(DagwireInvalidConfigError) as raised:
        greet_job.execute_in_process()
    assert str(raised.value) == (
        "Invalid run config for job 'greet_job':\n"
        "- op 'greet': ops.greet.config: missing required config "
        "({ greeting: String name: String times?: Int })"
    )


def test_op_config_defaults_in_a_run_and_in_a_direct_call() -> None:
    result = greet_job.execute_in_process(
        run_config={"ops": {"greet": {"config": {"greeting": "Hi", "name": "Ada"}}}}
    )
    assert result.output_for_node("greet") == "Hi, Ada"
    assert greet(build_op_context(config={"greeting": "Hi", "name": "Bo", "times": 2})) == (
        "Hi, BoHi, Bo"
    )


def test_bad_config_in_a_direct_call() -> None:
    with pytest.raises(DagwireInvalidConfigError) as raised:
        greet(build_op_context(config={"greeting": "Hi"}))
    assert str(raised.value) == (
        "Invalid config for op 'greet':\n- config: missing required field \"name\" (String)"
    )


def test_bad_asset_config_names_the_asset() -> None:
    @asset(config_schema={"x": int})
    def scaled(context: Any) -> int:
        return int(context.op_config["x"])

    with pytest.raises(DagwireInvalidConfigError) as raised:
        materialize([scaled], run_config={"ops": {"scaled": {"config": {"x": "no"}}}})
    assert str(raised.value) == (
        "Invalid run config for job '__ephemeral_asset_job__':\n"
        "- asset 'scaled': ops.scaled.config.x: expected Int, got str 'no'"
    )


def test_bad_config_schema_is_a_definition_error() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:

        @op(config_schema={"when": object})
        def dated(context: Any) -> None:
            pass

    assert str(raised.value) == (
        "Invalid definition of op 'dated':\n"
        "- config_schema: <class 'object'> is not a config type (at when): use str, int, float, "
        "bool, list, dict, a dict of fields, [type], Field, Noneable, Array, Shape, Permissive, "
        "Selector, Map, Enum or a *Source type"
    )


@resource(config_schema={"uri": StringSource, "port": IntSource})
def database(context: Any) -> dict[str, Any]:
    return dict(context.resource_config)


@op(required_resource_keys={"db"})
def query(context: Any) -> dict[str, Any]:
    return dict(context.resources.db)


def _db_job(definition: Any) -> Any:
    @job(resource_defs={"db": definition})
    def db_job() -> None:
        query()

    return db_job


ENV_CONFIG = {"uri": {"env": "DAGWIRE_T_DB_URI"}, "port": {"env": "DAGWIRE_T_DB_PORT"}}


def test_missing_env_var_names_the_variable_and_the_resource(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DAGWIRE_T_DB_URI", raising=False)
    monkeypatch.setenv("DAGWIRE_T_DB_PORT", "5432")
    db_job = _db_job(
        database.configured(ENV_CONFIG)
    )
    with pytest.raises(DagwireMissingEnvVarError) as raised:
        db_job.execute_in_process()
    assert str(raised.value) == (
        "Missing environment variables:\n- DAGWIRE_T_DB_URI (resource 'db', field 'uri')"
    )
    monkeypatch.setenv("DAGWIRE_T_DB_URI", "postgres://x")
    assert db_job.execute_in_process().output_for_node("query") == {
        "uri": "postgres://x",
        "port": 5432,
    }


def test_env_var_that_is_not_an_int_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAGWIRE_T_DB_URI", "postgres://x")
    monkeypatch.setenv("DAGWIRE_T_DB_PORT", "hunter2-secret")
    db_job = _db_job(
        database.configured(ENV_CONFIG)
    )
    with pytest.raises(DagwireInvalidConfigError) as raised:
        db_job.execute_in_process()
    assert str(raised.value) == (
        "Invalid resource config:\n- resource 'db': resources.db.config.port: "
        'environment variable "DAGWIRE_T_DB_PORT" cannot be read as an int'
    )
    assert "hunter2" not in repr(raised.value)


def test_missing_env_var_in_op_config_names_the_variable_and_the_op(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DAGWIRE_T_BUCKET", raising=False)

    @op(config_schema={"bucket": StringSource})
    def upload(context: Any) -> str:
        return str(context.op_config["bucket"])

    @job
    def upload_job() -> None:
        upload()

    run_config = {"ops": {"upload": {"config": {"bucket": {"env": "DAGWIRE_T_BUCKET"}}}}}
    with pytest.raises(DagwireInvalidConfigError) as raised:
        upload_job.execute_in_process(run_config=run_config)
    assert str(raised.value) == (
        "Invalid run config for job 'upload_job':\n"
        "- op 'upload': ops.upload.config.bucket: "
        "environment variable \"DAGWIRE_T_BUCKET\" is not set"
    )
    monkeypatch.setenv("DAGWIRE_T_BUCKET", "s3://b")
    result = upload_job.execute_in_process(run_config=run_config)
    assert result.output_for_node("upload") == "s3://b"


def test_bad_resource_run_config() -> None:
    db_job = _db_job(database)
    with pytest.raises(DagwireInvalidConfigError) as raised:
        db_job.execute_in_process(run_config={"resources": {"db": {"config": {"uri": 3}}}})
    assert str(raised.value) == (
        "Invalid resource config:\n"
        "- resource 'db': resources.db.config.uri: expected String, got int 3\n"
        "- resource 'db': resources.db.config: missing required field \"port\" (IntSource)"
    )


def test_configured_resource_takes_no_run_config() -> None:
    db_job = _db_job(database.configured({"uri": "u", "port": 1}))
    with pytest.raises(DagwireInvalidConfigError) as raised:
        db_job.execute_in_process(run_config={"resources": {"db": {"config": {"uri": "y"}}}})
    assert str(raised.value) == (
        "Invalid resource config:\n- resource 'db': resources.db.config: the resource is "
        "configured (.configured()): run config for it is not used; remove it"
    )


def test_configured_with_bad_config_is_a_definition_error() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        database.configured({"uri": 3})
    assert str(raised.value) == (
        "Invalid .configured() config for resource 'database':\n"
        "- uri: expected String, got int 3\n"
        "- <root>: missing required field \"port\" (IntSource)"
    )


def test_configured_with_a_function_maps_its_own_schema() -> None:
    local = database.configured(lambda cfg: {"uri": f"sqlite:///{cfg['file']}", "port": 0},
                                config_schema={"file": str})
    result = _db_job(local).execute_in_process(
        run_config={"resources": {"db": {"config": {"file": "a.db"}}}}
    )
    assert result.output_for_node("query") == {"uri": "sqlite:///a.db", "port": 0}


def test_undeclared_resource_key_names_the_key_and_the_op() -> None:
    @resource
    def cache(_: Any) -> str:
        return "cache"

    @op(required_resource_keys={"cache"})
    def peek(context: Any) -> None:
        context.resources.db

    @job(resource_defs={"cache": cache, "db": cache})
    def peek_job() -> None:
        peek()

    with pytest.raises(DagwireResourceNotFoundError) as raised:
        peek_job.execute_in_process()
    assert str(raised.value) == "resource 'db' is not available to op 'peek'; available: cache, io_manager"


def test_direct_call_of_a_resource_function() -> None:
    assert database(build_init_resource_context(config={"uri": "u", "port": 2})) == {
        "uri": "u",
        "port": 2,
    }
    with pytest.raises(DagwireInvalidConfigError) as raised:
        database(build_init_resource_context(config={"uri": "u"}))
    assert str(raised.value) == (
        "Invalid config for resource 'database':\n"
        "- config: missing required field \"port\" (IntSource)"
    )


def test_generator_resource_is_torn_down_when_a_step_fails() -> None:
    events: list[str] = []

    @resource
    def session(_: Any) -> Any:
        events.append("open")
        yield "session"
        events.append("close")

    @op(required_resource_keys={"session"})
    def boom(context: Any) -> None:
        events.append(f"use {context.resources.session}")
        raise RuntimeError("boom")

    @job(resource_defs={"session": session})
    def boom_job() -> None:
        boom()

    result = boom_job.execute_in_process(raise_on_error=False)
    assert not result.success
    assert events == ["open", "use session", "close"]
