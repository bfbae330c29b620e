"""EnvVars inside config, read when a run starts (the values themselves are proven under both
frameworks by parity_programs/env_vars.py). Here: every error, by its exact text under
dagwire, and the same program failing under the real dagster (with the corresponding class
where user code may catch it); a resolved value never shown in a repr, a log line or an error;
RunConfig's dict form equal to Dagster's. (No ``from __future__ import annotations``: the
programs annotate with classes local to a function, which neither framework could resolve
from a string.)"""

import logging
import types
from typing import Any, Callable, Dict, List, Optional

import dagster
import pytest

import dagwire
from dagwire import DagwireInvalidConfigError, DagwireMissingEnvVarError

SECRET = "s3cr3t-VALUE-4242"
Framework = types.ModuleType


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAGWIRE_T_STR", SECRET)
    monkeypatch.setenv("DAGWIRE_T_INT", "42")
    monkeypatch.delenv("DAGWIRE_T_UNSET", raising=False)


def op_config_run(fw: Framework, config: Callable[[dict[str, Any]], Any]) -> Any:
    """Run a one-op job whose config is ``config(classes)`` (a RunConfig or a dict)."""

    class Leaf(fw.Config):  # type: ignore[misc, name-defined]
        s: str = "leaf"
        n: int = 0

    class Settings(fw.Config):  # type: ignore[misc, name-defined]
        s: str = "top"
        inner: Leaf = Leaf()
        leaves: List[Leaf] = []
        by_key: Dict[str, Leaf] = {}
        extra: Dict[str, Any] = {}

    @fw.op
    def read(config: Settings) -> None:
        pass

    @fw.job
    def read_job() -> None:
        read()

    classes = {"Leaf": Leaf, "Settings": Settings, "RunConfig": fw.RunConfig, "EnvVar": fw.EnvVar}
    return read_job.execute_in_process(run_config=config(classes))


def resource_run(fw: Framework, bound: Callable[[dict[str, Any]], Any],
                 run_config: Any = None) -> Any:
    """Materialize an asset that needs resource ``api``, bound to ``bound(classes)``."""

    class Options(fw.Config):  # type: ignore[misc, name-defined]
        s: str = "none"

    class Api(fw.ConfigurableResource):  # type: ignore[misc, name-defined]
        token: str
        options: Options = Options()

    @fw.asset
    def call(api: Api) -> None:
        pass

    classes = {"Api": Api, "Options": Options, "EnvVar": fw.EnvVar}
    return fw.materialize([call], resources={"api": bound(classes)}, run_config=run_config)


# -- a variable that is not set: the variable and the field path are named


MISSING_CASES: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "top level": (
        lambda c: c["RunConfig"](ops={"read": c["Settings"](s=c["EnvVar"]("DAGWIRE_T_UNSET"))}),
        "DAGWIRE_T_UNSET (op 'read', field 's')",
    ),
    "nested Config": (
        lambda c: c["RunConfig"](ops={"read": c["Settings"](
            inner=c["Leaf"](s=c["EnvVar"]("DAGWIRE_T_UNSET")))}),
        "DAGWIRE_T_UNSET (op 'read', field 'inner.s')",
    ),
    "list of Config": (
        lambda c: c["RunConfig"](ops={"read": c["Settings"](leaves=[
            c["Leaf"](), c["Leaf"](n=c["EnvVar"].int("DAGWIRE_T_UNSET"))])}),
        "DAGWIRE_T_UNSET (op 'read', field 'leaves[1].n')",
    ),
    "dict of Config": (
        lambda c: c["RunConfig"](ops={"read": c["Settings"](
            by_key={"k": c["Leaf"](s=c["EnvVar"]("DAGWIRE_T_UNSET"))})}),
        "DAGWIRE_T_UNSET (op 'read', field 'by_key.k.s')",
    ),
    "env dict": (
        lambda c: {"ops": {"read": {"config": {"inner": {"s": {"env": "DAGWIRE_T_UNSET"}}}}}},
        "DAGWIRE_T_UNSET (op 'read', field 'inner.s')",
    ),
}


@pytest.mark.parametrize("case", sorted(MISSING_CASES))
def test_missing_variable_in_op_config(case: str) -> None:
    config, line = MISSING_CASES[case]
    with pytest.raises(DagwireMissingEnvVarError) as excinfo:
        op_config_run(dagwire, config)
    assert str(excinfo.value) == f"Missing environment variables:\n- {line}"


@pytest.mark.parametrize("case", sorted(MISSING_CASES))
def test_missing_variable_in_op_config_fails_on_dagster(case: str) -> None:
    config, _ = MISSING_CASES[case]
    with pytest.raises(dagster.DagsterInvalidConfigError, match="DAGWIRE_T_UNSET"):
        op_config_run(dagster, config)


RESOURCE_MISSING: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "field": (lambda c: c["Api"](token=c["EnvVar"]("DAGWIRE_T_UNSET")),
              "DAGWIRE_T_UNSET (resource 'api', field 'token')"),
    "nested Config": (
        lambda c: c["Api"](token="t", options=c["Options"](s=c["EnvVar"]("DAGWIRE_T_UNSET"))),
        "DAGWIRE_T_UNSET (resource 'api', field 'options.s')"),
}


@pytest.mark.parametrize("case", sorted(RESOURCE_MISSING))
def test_missing_variable_in_resource(case: str) -> None:
    bound, line = RESOURCE_MISSING[case]
    with pytest.raises(DagwireMissingEnvVarError) as excinfo:
        resource_run(dagwire, bound)
    assert str(excinfo.value) == f"Missing environment variables:\n- {line}"
    with pytest.raises(dagster.DagsterInvalidConfigError, match="DAGWIRE_T_UNSET"):
        resource_run(dagster, bound)


def test_missing_variables_of_ops_are_reported_together() -> None:
    class Leaf(dagwire.Config):
        s: str

    @dagwire.asset
    def first(config: Leaf) -> None:
        pass

    @dagwire.asset
    def second(config: Leaf) -> None:
        pass

    with pytest.raises(DagwireMissingEnvVarError) as excinfo:
        dagwire.materialize([first, second], run_config=dagwire.RunConfig(ops={
            "first": Leaf(s=dagwire.EnvVar("DAGWIRE_T_UNSET")),
            "second": Leaf(s=dagwire.EnvVar("DAGWIRE_T_UNSET_TOO"))}))
    assert str(excinfo.value) == (
        "Missing environment variables:\n"
        "- DAGWIRE_T_UNSET (asset 'first', field 's')\n"
        "- DAGWIRE_T_UNSET_TOO (asset 'second', field 's')"
    )


# -- an EnvVar object written into a run-config dict is refused, as Dagster refuses it

RAW_HINT = ("cannot be used in a config dict: write {{'env': '{name}'}} instead, or pass a "
            "Config (or resource) object in RunConfig")


RAW_CASES: dict[str, tuple[Callable[[dict[str, Any]], Any], str, str]] = {
    "run_config dict": (
        lambda c: {"ops": {"read": {"config": {"s": c["EnvVar"]("DAGWIRE_T_STR")}}}},
        "s: EnvVar('DAGWIRE_T_STR') " + RAW_HINT.format(name="DAGWIRE_T_STR"),
        "Invalid use of environment variable wrapper",
    ),
    # RunConfig(ops=...) holding a dict (not a Config object) is the dict form too
    "dict inside RunConfig": (
        lambda c: c["RunConfig"](ops={"read": {"config": {
            "inner": {"s": c["EnvVar"]("DAGWIRE_T_STR")}}}}),
        "inner.s: EnvVar('DAGWIRE_T_STR') " + RAW_HINT.format(name="DAGWIRE_T_STR"),
        "Invalid use of environment variable wrapper",
    ),
    # Dagster fails too, though not with a config error: it cannot serialize the run config
    "EnvVar.int": (
        lambda c: {"ops": {"read": {"config": {"inner": {"n": c["EnvVar"].int("DAGWIRE_T_INT")}}}}},
        "inner.n: EnvVar.int('DAGWIRE_T_INT') " + RAW_HINT.format(name="DAGWIRE_T_INT"),
        "IntEnvVar",
    ),
}


@pytest.mark.parametrize("case", sorted(RAW_CASES))
def test_env_var_object_in_op_config_dict(case: str) -> None:
    config, line, dagster_text = RAW_CASES[case]
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        op_config_run(dagwire, config)
    assert str(excinfo.value) == f"Invalid run config for job 'read_job':\n- op 'read': {line}"
    expected = Exception if case == "EnvVar.int" else dagster.DagsterInvalidConfigError
    with pytest.raises(expected, match=dagster_text):
        op_config_run(dagster, config)


def test_env_var_object_in_resource_launch_config() -> None:
    def bound(c: dict[str, Any]) -> Any:
        return c["Api"].configure_at_launch()

    run_config = {"resources": {"api": {"config": {"token": None}}}}
    for fw, expected in [(dagwire, DagwireInvalidConfigError),
                         (dagster, dagster.DagsterInvalidConfigError)]:
        run_config["resources"]["api"]["config"]["token"] = fw.EnvVar("DAGWIRE_T_STR")
        with pytest.raises(expected) as excinfo:
            resource_run(fw, bound, run_config)
        if fw is dagwire:
            assert str(excinfo.value) == (
                "Invalid resource config:\n"
                "- resource 'api': token: EnvVar('DAGWIRE_T_STR') "
                + RAW_HINT.format(name="DAGWIRE_T_STR")
            )
        else:
            assert "Invalid use of environment variable wrapper" in str(excinfo.value)


def test_env_var_object_in_legacy_config_schema_dict() -> None:
    results = {}
    for fw in (dagwire, dagster):
        @fw.op(config_schema={"s": fw.StringSource})
        def legacy(context) -> None:  # type: ignore[no-untyped-def]
            pass

        @fw.job
        def legacy_job() -> None:
            legacy()

        with pytest.raises(Exception) as excinfo:
            legacy_job.execute_in_process(
                run_config={"ops": {"legacy": {"config": {"s": fw.EnvVar("DAGWIRE_T_STR")}}}})
        results[fw.__name__] = excinfo
    assert isinstance(results["dagster"].value, dagster.DagsterInvalidConfigError)
    assert "Invalid use of environment variable wrapper" in str(results["dagster"].value)
    assert isinstance(results["dagwire"].value, DagwireInvalidConfigError)
    assert str(results["dagwire"].value) == (
        "Invalid run config for job 'legacy_job':\n"
        "- op 'legacy': ops.legacy.config.s: EnvVar('DAGWIRE_T_STR') "
        + RAW_HINT.format(name="DAGWIRE_T_STR")
    )


# -- an EnvVar where no variable can be read, a value that is not an int


def test_env_var_in_a_field_that_cannot_read_it() -> None:
    def config(c: dict[str, Any]) -> Any:
        extra = {"k": c["EnvVar"]("DAGWIRE_T_STR")}
        return c["RunConfig"](ops={"read": c["Settings"](extra=extra)})

    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        op_config_run(dagwire, config)
    assert str(excinfo.value) == (
        "Invalid run config for job 'read_job':\n"
        "- op 'read': extra.k: EnvVar('DAGWIRE_T_STR') is read only in a str, int or bool field "
        "(Dagster does not read it here either)"
    )
    # What Dagster does there: the op gets {"env": NAME} as the value, silently.
    seen: list[Any] = []

    class Loose(dagster.Config):
        extra: Dict[str, Any] = {}

    @dagster.op
    def loose(config: Loose) -> None:
        seen.append(config.extra)

    @dagster.job
    def loose_job() -> None:
        loose()

    loose_job.execute_in_process(run_config=dagster.RunConfig(
        ops={"loose": Loose(extra={"k": dagster.EnvVar("DAGWIRE_T_STR")})}))
    assert seen == [{"k": {"env": "DAGWIRE_T_STR"}}]


def test_variable_that_is_not_an_int(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAGWIRE_T_INT", SECRET)

    def config(c: dict[str, Any]) -> Any:
        return c["RunConfig"](ops={"read": c["Settings"](
            leaves=[c["Leaf"](n=c["EnvVar"].int("DAGWIRE_T_INT"))])})

    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        op_config_run(dagwire, config)
    assert str(excinfo.value) == (
        "Invalid run config for job 'read_job':\n"
        "- op 'read': leaves[0].n: environment variable \"DAGWIRE_T_INT\" cannot be read as an int"
    )
    assert excinfo.value.__cause__ is None and excinfo.value.__context__ is None
    with pytest.raises(dagster.DagsterInvalidConfigError, match="cannot be coerced into an int"):
        op_config_run(dagster, config)


# -- run config for a fully configured resource replaces its config (Dagster's rule)


def test_run_config_replaces_a_fully_configured_resource_config() -> None:
    # The constructor's token (an unset variable) is not read, and not kept either: a field
    # the run config leaves out is the class default, or missing when required.
    def bound(c: dict[str, Any]) -> Any:
        return c["Api"](token=c["EnvVar"]("DAGWIRE_T_UNSET"))

    run_config = {"resources": {"api": {"config": {"options": {"s": "given"}}}}}
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        resource_run(dagwire, bound, run_config)
    assert str(excinfo.value) == "Invalid resource config:\n- resource 'api': token: Field required"
    with pytest.raises(dagster.DagsterInvalidConfigError, match='"token"'):
        resource_run(dagster, bound, run_config)


# -- a value read from the environment never shows


class Shelf(dagwire.Config):
    s: str = "plain"


class Secrets(dagwire.Config):
    s: str
    maybe: Optional[str] = None
    names: List[str] = []
    inner: Shelf = Shelf()
    by_key: Dict[str, Shelf] = {}


class Vault(dagwire.ConfigurableResource):
    token: str
    inner: Shelf = Shelf()
    names: List[str] = []


def test_resolved_values_never_show(caplog: pytest.LogCaptureFixture) -> None:
    seen: dict[str, Any] = {}
    env = dagwire.EnvVar("DAGWIRE_T_STR")

    @dagwire.asset
    def guarded(context: Any, config: Secrets, vault: Vault) -> None:
        seen["values"] = (config.s, config.maybe, config.names, config.inner.s,
                          config.by_key["k"].s, vault.token, vault.inner.s, vault.names)
        seen["shown"] = [repr(config), str(config), repr(vault), str(vault),
                         repr(context.resources.vault)]
        seen["equal"] = config == Secrets(s=SECRET, maybe=SECRET, names=["x", SECRET],
                                          inner=Shelf(s=SECRET), by_key={"k": Shelf(s=SECRET)})
        context.log.info("config %r, vault %s", config, vault)
        raise RuntimeError("refused")

    with caplog.at_level(logging.DEBUG):
        result = dagwire.materialize(
            [guarded],
            resources={"vault": Vault(token=env, inner=Shelf(s=env), names=[env])},
            run_config=dagwire.RunConfig(ops={"guarded": Secrets(
                s=env, maybe=env, names=["x", env], inner=Shelf(s=env),
                by_key={"k": Shelf(s=env)})}),
            raise_on_error=False,
        )
    assert not result.success
    assert seen["values"] == (SECRET, SECRET, ["x", SECRET], SECRET, SECRET, SECRET, SECRET,
                              [SECRET])
    assert seen["equal"] is True  # where a value came from never makes configs unequal
    shown = "EnvVar('DAGWIRE_T_STR')"
    assert seen["shown"] == [
        f"Secrets(s={shown}, maybe={shown}, names=['x', {shown}], inner=Shelf(s={shown}), "
        f"by_key={{'k': Shelf(s={shown})}})",
        f"s={shown} maybe={shown} names=['x', {shown}] inner=Shelf(s={shown}) "
        f"by_key={{'k': Shelf(s={shown})}}",
        f"Vault(token={shown}, inner=Shelf(s={shown}), names=[{shown}])",
        f"token={shown} inner=Shelf(s={shown}) names=[{shown}]",
        f"Vault(token={shown}, inner=Shelf(s={shown}), names=[{shown}])",
    ]
    assert SECRET not in caplog.text
    assert f"config Secrets(s={shown}" in caplog.text
    assert SECRET not in repr(result.failed_steps) + repr(result.step_results)


def test_env_dict_values_never_show(caplog: pytest.LogCaptureFixture) -> None:
    seen: list[str] = []

    @dagwire.op
    def read(config: Secrets) -> None:
        seen.append(repr(config))

    @dagwire.job
    def read_job() -> None:
        read()

    with caplog.at_level(logging.DEBUG):
        read_job.execute_in_process(run_config={"ops": {"read": {"config": {
            "s": {"env": "DAGWIRE_T_STR"}, "names": [{"env": "DAGWIRE_T_STR"}]}}}})
    assert seen == [
        "Secrets(s=EnvVar('DAGWIRE_T_STR'), maybe=None, names=[EnvVar('DAGWIRE_T_STR')], "
        "inner=Shelf(s='plain'), by_key={})"
    ]
    assert SECRET not in caplog.text


def test_config_error_after_reading_never_shows_the_value(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import Field

    class Bounded(dagwire.Config):
        n: int = Field(ge=10_000)

    @dagwire.op
    def bounded(config: Bounded) -> None:
        pass

    @dagwire.job
    def bounded_job() -> None:
        bounded()

    monkeypatch.setenv("DAGWIRE_T_INT", "4242")  # the value, never shown: 4242 < 10_000
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        bounded_job.execute_in_process(
            run_config={"ops": {"bounded": {"config": {"n": {"env": "DAGWIRE_T_INT"}}}}})
    assert str(excinfo.value) == (
        "Invalid run config for job 'bounded_job':\n"
        "- op 'bounded': n: Input should be greater than or equal to 10000"
    )


def test_environment_not_read_before_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # Building Config objects, RunConfig and its dict form reads nothing: a missing variable
    # only matters when a run starts.
    config = Secrets(s=dagwire.EnvVar("DAGWIRE_T_UNSET"), inner=Shelf(s=dagwire.EnvVar("X")))
    assert repr(config.s) == "EnvVar('DAGWIRE_T_UNSET')"
    assert repr(config.inner.s) == "EnvVar('X')"
    dagwire.RunConfig(ops={"read": config}).to_config_dict()


# -- RunConfig's dict form is Dagster's


def test_run_config_dict_form_matches_dagster() -> None:
    def build(fw: Framework) -> Any:
        class Leaf(fw.Config):  # type: ignore[misc, name-defined]
            s: str = "leaf"
            n: int = 0

        class Settings(fw.Config):  # type: ignore[misc, name-defined]
            s: str
            leaves: List[Leaf] = []
            by_key: Dict[str, Leaf] = {}
            names: List[str] = []

        return fw.RunConfig(ops={
            "read": Settings(
                s=fw.EnvVar("A"),
                leaves=[Leaf(s=fw.EnvVar("B")), Leaf(n=fw.EnvVar.int("C"))],
                by_key={"k": Leaf(n=fw.EnvVar.int("D"))},
                names=["x", fw.EnvVar("E")],
            ),
            "raw": {"config": {"s": {"env": "F"}}},
        }).to_config_dict()

    assert build(dagwire) == build(dagster)
    assert build(dagwire)["ops"]["read"] == {"config": {
        "s": {"env": "A"},
        "leaves": [{"s": {"env": "B"}, "n": 0}, {"s": "leaf", "n": {"env": "C"}}],
        "by_key": {"k": {"s": "leaf", "n": {"env": "D"}}},
        "names": ["x", {"env": "E"}],
    }}
