"""Settings from ``[tool.dagwire.lint]`` (pyproject.toml) or ``[dagwire.lint]`` (setup.cfg),
the command line over them, and the files ``dagwire check`` looks at."""

from __future__ import annotations

from pathlib import Path

from tests.check.check_run import check_findings, run_check

LEGACY_OP = '''\
from dagster import op


@op(required_resource_keys={"db"}, config_schema={"limit": int, "unused": str})
def load(context) -> None:
    context.resources.db.query(context.op_config["limit"])
'''
SECRET = '''\
from dagster import ConfigurableResource, Definitions


class Warehouse(ConfigurableResource):
    password: str


defs = Definitions(resources={"warehouse": Warehouse(password="hunter2")})
'''


def project(root: Path, config_name: str | None = None, config: str = "") -> Path:
    (root / "pipeline").mkdir()
    (root / "pipeline" / "__init__.py").write_text("")
    (root / "pipeline" / "ops.py").write_text(LEGACY_OP)
    (root / "pipeline" / "resources.py").write_text(SECRET)
    (root / "tests").mkdir()
    (root / "tests" / "test_ops.py").write_text(LEGACY_OP)
    (root / ".venv" / "lib").mkdir(parents=True)
    (root / ".venv" / "lib" / "vendored.py").write_text(LEGACY_OP)
    (root / "env2").mkdir()  # a virtual environment by another name
    (root / "env2" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (root / "env2" / "site.py").write_text(LEGACY_OP)
    if config_name:
        (root / config_name).write_text(config)
    return root


def found(root: Path, *args: str, cwd: Path | None = None) -> list[str]:
    reported, _ = check_findings(*args, cwd=cwd or root)
    return [f"{item.path}:{item.line} {item.text.split()[0]}" for item in reported]


def test_defaults_leave_environments_out(tmp_path: Path) -> None:
    ops = ["ops.py:4 RSC202", "ops.py:4 RSC204", "ops.py:6 RSC201", "ops.py:6 RSC202"]
    assert found(project(tmp_path)) == [
        *(f"pipeline/{item}" for item in ops), "pipeline/resources.py:8 RSC301",
        *(f"tests/test_{item}" for item in ops),
    ]


def test_pyproject_section(tmp_path: Path) -> None:
    root = project(tmp_path, "pyproject.toml", (
        '[project]\nname = "x"\n\n'
        "[tool.dagwire.lint]\n"
        'select = ["RSC2", "RSC3"]\n'
        'ignore = ["RSC202"]\n'
        'extend-exclude = ["tests/*.py"]\n'
        'per-file-ignores = { "resources.py" = ["RSC301"] }\n'
    ))
    assert found(root) == ["pipeline/ops.py:4 RSC204", "pipeline/ops.py:6 RSC201"]
    # from a subfolder: the nearest config above is used, its patterns stay relative to it
    assert found(root, ".", cwd=root / "pipeline") == ["ops.py:4 RSC204", "ops.py:6 RSC201"]
    # the command line wins over the file
    # as in flake8, the file's ignore still applies to a --select of the command line
    assert found(root, "--select=RSC202") == []
    assert found(root, "--select=RSC202", "--ignore=") == [
        "pipeline/ops.py:4 RSC202", "pipeline/ops.py:6 RSC202"]
    assert found(root, "--ignore=RSC201,RSC204") == [
        "pipeline/ops.py:4 RSC202", "pipeline/ops.py:6 RSC202"]


def test_setup_cfg_section_in_flake8_syntax(tmp_path: Path) -> None:
    root = project(tmp_path, "setup.cfg", (
        "[dagwire.lint]\n"
        "select = RSC2,RSC3\n"
        "exclude = .venv,env2,tests\n"
        "per-file-ignores =\n"
        "    pipeline/ops.py: RSC201, RSC202\n"
        "cross_file = false\n"
    ))
    assert found(root) == ["pipeline/ops.py:4 RSC204", "pipeline/resources.py:8 RSC301"]


def test_a_file_named_on_the_command_line_is_always_checked(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert found(root, "--select=RSC201", ".venv/lib/vendored.py", "env2") == [
        ".venv/lib/vendored.py:6 RSC201", "env2/site.py:6 RSC201",
    ]


def test_explicit_config_file_and_unknown_keys(tmp_path: Path) -> None:
    root = project(tmp_path, "lint.toml", '[tool.dagwire.lint]\nselect = ["RSC3"]\nselec = 1\n')
    completed = run_check("--config", "lint.toml", cwd=root)
    assert completed.returncode == 1
    assert completed.stdout.splitlines() == [
        "pipeline/resources.py:8:63: RSC301 hard-coded secret for 'password': pass "
        'EnvVar("...") so the value is read from the environment at run time',
    ]
    assert completed.stderr.splitlines()[0] == (
        "dagwire check: lint.toml: [tool.dagwire.lint]: unknown setting 'selec' ignored"
    )


def usage_error(root: Path, *args: str) -> str:
    """stderr of a run that must exit 2 with nothing on stdout."""
    completed = run_check(*args, cwd=root)
    assert (completed.returncode, completed.stdout) == (2, ""), completed.stderr
    return completed.stderr


def test_bad_settings_exit_2(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert usage_error(root, "--select=RSC-1") == (
        "dagwire check: --select: not a code or code prefix: 'RSC-1' (expected letters then "
        "digits, like RSC or RSC101)\n"
    )
    assert usage_error(root, "--config=missing.toml") == (
        "dagwire check: --config: no such file: missing.toml\n")
    (root / "pyproject.toml").write_text('[tool.dagwire.lint]\nselect = ["rsc1"]\n')
    assert usage_error(root) == (
        "dagwire check: pyproject.toml: [tool.dagwire.lint]: select: not a code or code "
        "prefix: 'rsc1' (expected letters then digits, like RSC or RSC101)\n"
    )
    (root / "pyproject.toml").write_text("[tool.dagwire.lint\n")
    assert usage_error(root).startswith("dagwire check: pyproject.toml: cannot read: ")
