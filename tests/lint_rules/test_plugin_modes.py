"""flake8 integration beyond the data files: stdin (editors), options, the crash guard, imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from flake8.main import cli

from dagwire.source_model import resolve
from tests.lint_rules.flake8_run import LINT_DATA, REPO, Reported, run_flake8

PROJECT = LINT_DATA / "rsc101_project" / "shop"
DEFINITIONS = PROJECT / "definitions.py"
DISPLAY = str(DEFINITIONS.relative_to(REPO))

BLOB = (
    "RSC101 resource key 'blob' is required by asset 'exports' but not bound in Definitions; "
    "bound keys: 'db'"
)
MAILER = (
    "RSC101 resource key 'mailer' is required by op 'notify' in job 'maintenance' "
    "but not bound in Definitions; bound keys: 'db'"
)


def test_stdin_resolves_siblings_from_the_display_name() -> None:
    reported, completed = run_flake8(
        "--stdin-display-name", DISPLAY, "-", stdin=DEFINITIONS.read_text()
    )
    assert completed.returncode == 1, completed.stderr
    assert reported == [
        Reported(DISPLAY, 9, 8, BLOB),
        Reported(DISPLAY, 9, 8, MAILER),
        Reported(DISPLAY, 15, 14, BLOB),
    ]


def test_stdin_buffer_wins_over_the_file_on_disk() -> None:
    # The editor's unsaved buffer binds 'blob' in the first Definitions: only its text counts.
    buffer = DEFINITIONS.read_text().replace(
        "    resources=RESOURCES,\n", "    resources=RESOURCES | {\"blob\": object()},\n"
    )
    assert buffer != DEFINITIONS.read_text()
    reported, _ = run_flake8("--stdin-display-name", DISPLAY, "-", stdin=buffer)
    assert reported == [
        Reported(DISPLAY, 9, 8, MAILER.replace("'db'", "'blob', 'db'")),
        Reported(DISPLAY, 15, 14, BLOB),
    ]


def test_stdin_from_another_working_directory(tmp_path: Path) -> None:
    reported, _ = run_flake8(
        "--stdin-display-name", str(DEFINITIONS), "-", stdin=DEFINITIONS.read_text(), cwd=tmp_path
    )
    assert [item.text for item in reported] == [BLOB, MAILER, BLOB]


def test_no_cross_file_option_keeps_to_the_checked_file() -> None:
    reported, completed = run_flake8("--rsc-no-cross-file", DISPLAY)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert reported == []


def _check_in_process(paths: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    # flake8's own command line entry point, in this process (serial), so a patch applies
    cli.main(["--isolated", "--select=RSC", "--jobs=1", *paths])
    return capsys.readouterr().out.splitlines()


def test_internal_error_becomes_one_rsc000_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # One of OUR functions fails inside a real flake8 run; flake8 itself is not touched.
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("resolver exploded\non two lines")

    monkeypatch.setattr(resolve.Resolver, "dict_variants", broken)
    with_definitions = str(LINT_DATA / "rsc101_deployments.py")
    without_definitions = str(LINT_DATA / "rsc103_unknown_config_key.py")
    lines = _check_in_process([with_definitions, without_definitions], capsys)
    mine = [line for line in lines if line.startswith(with_definitions)]
    assert mine == [
        f"{with_definitions}:1:1: RSC000 internal error in dagwire lint rules "
        "(RuntimeError: resolver exploded on two lines); no RSC findings for this file"
    ]
    # the other file is still checked completely
    others = [line for line in lines if line.startswith(without_definitions)]
    assert len(others) == 6
    assert (
        f"{without_definitions}:21:11: RSC103 config class 'LoadConfig' has no field 'tabel' "
        "(read by op 'load')"
    ) in others


def test_deep_recursion_in_a_rule_is_contained(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def recurse(*args: object, **kwargs: object) -> None:
        recurse()

    monkeypatch.setattr(resolve.Resolver, "class_ref", recurse)
    path = str(LINT_DATA / "rsc104_config_resource_mixup.py")
    lines = _check_in_process([path], capsys)
    assert lines == [
        f"{path}:1:1: RSC000 internal error in dagwire lint rules "
        "(RecursionError: maximum recursion depth exceeded); no RSC findings for this file"
    ]


FORBIDDEN = (
    "pydantic", "typing_extensions", "mypy", "libcst", "dagster", "flake8", "dagwire.runtime."
)


def test_import_is_stdlib_only() -> None:
    code = (
        "import sys; before = set(sys.modules); import dagwire.lint_rules.plugin; "
        "print('\\n'.join(sorted(set(sys.modules) - before)))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    loaded = completed.stdout.split()
    assert "dagwire.lint_rules.plugin" in loaded
    for name in loaded:
        top = name.split(".", 1)[0]
        assert not name.startswith(FORBIDDEN), name
        assert top in sys.stdlib_module_names or top == "dagwire", name
    # `dagwire/__init__.py` may import `dagwire.runtime`, the lazy name table of the runtime
    # (PEP 562, no submodule, no pydantic); the rules stand on the shared vocabulary and
    # source model, the shared words of messages and secret names, and nothing else of
    # dagwire outside lint_rules.
    allowed = {"dagwire", "dagwire.runtime", "dagwire.secret_names", "dagwire.suggestions"}
    ground = ("dagwire.lint_rules", "dagwire.source_model", "dagwire.vocabulary")
    assert all(
        name in allowed or name.startswith(ground)
        for name in loaded
        if name.split(".", 1)[0] == "dagwire"
    ), loaded


def test_plugin_is_registered_under_rsc() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True, check=True
    )
    assert "(dagwire: 0.1.0," in completed.stdout, completed.stdout


PACKAGE = LINT_DATA / "rsc101_package_loaders"
PACKAGE_DEFINITIONS = PACKAGE / "hn" / "definitions.py"


def test_package_loaders_from_stdin_match_the_file_on_disk() -> None:
    display = str(PACKAGE_DEFINITIONS.relative_to(REPO))
    on_disk, _ = run_flake8(display)
    from_stdin, completed = run_flake8(
        "--stdin-display-name", display, "-", stdin=PACKAGE_DEFINITIONS.read_text()
    )
    assert completed.returncode == 1, completed.stderr
    assert len(on_disk) == 5
    assert from_stdin == on_disk


def test_package_loaders_unsaved_buffer_binding_everything_is_silent() -> None:
    display = str(PACKAGE_DEFINITIONS.relative_to(REPO))
    buffer = PACKAGE_DEFINITIONS.read_text().replace(
        "resources=resources_by_deployment_name[deployment_name],",
        "resources=resources_by_deployment_name[deployment_name]"
        " | {\"pager\": 1, \"slack\": 2, \"translator\": 3},",
    )
    assert buffer != PACKAGE_DEFINITIONS.read_text()
    reported, completed = run_flake8("--stdin-display-name", display, "-", stdin=buffer)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert reported == []


def test_parallel_and_serial_runs_agree_on_a_package() -> None:
    folder = str(PACKAGE.relative_to(REPO))
    serial, _ = run_flake8("--jobs=1", folder)
    parallel, completed = run_flake8("--jobs=2", folder)
    assert "Traceback" not in completed.stderr, completed.stderr
    assert len(serial) == 11
    assert parallel == serial


def test_secrets_in_a_test_buffer_are_not_reported() -> None:
    source = (
        "from dagster import ConfigurableResource\n\n\n"
        "class Db(ConfigurableResource):\n    password: str\n\n\n"
        "db = Db(password=\"hunter2\")\n"
    )
    as_test, _ = run_flake8("--stdin-display-name", "project/tests/test_db.py", "-", stdin=source)
    assert as_test == []
    as_module, _ = run_flake8("--stdin-display-name", "project/db.py", "-", stdin=source)
    assert [item.text.split()[0] for item in as_module] == ["RSC301"]


MERGED = LINT_DATA / "rsc101_merged_parts"
DBT_PART = MERGED / "platform" / "dbt" / "definitions.py"
DBT_MESSAGE = (
    "RSC101 resource key '{key}' is required by asset 'dbt_models' but not bound in Definitions; "
    "bound keys: 'dbt'"
)


def test_part_merged_in_another_module_is_silent_from_stdin() -> None:
    display = str(DBT_PART.relative_to(REPO))
    reported, completed = run_flake8(
        "--stdin-display-name", display, "-", stdin=DBT_PART.read_text()
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert reported == []


def test_part_is_checked_on_its_own_once_no_merge_takes_it(tmp_path: Path) -> None:
    project = tmp_path / "rsc101_merged_parts"
    shutil.copytree(MERGED, project)
    top = project / "platform" / "definitions.py"
    merged = top.read_text()
    assert "resource_defs, dbt_defs, ml.defs" in merged
    top.write_text(merged.replace("resource_defs, dbt_defs, ml.defs", "resource_defs, ml.defs"))
    part = project / "platform" / "dbt" / "definitions.py"
    reported, _ = run_flake8(str(part), cwd=tmp_path)
    assert [(item.line, item.col, item.text) for item in reported] == [
        (16, 12, DBT_MESSAGE.format(key="parquet_io")),
        (16, 12, DBT_MESSAGE.format(key="warehouse")),
    ]
    # the same project with the merge kept: silent
    top.write_text(merged)
    reported, _ = run_flake8(str(part), cwd=tmp_path)
    assert reported == []
