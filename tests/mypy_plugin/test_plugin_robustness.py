"""Crash guard and settings: the plugin never breaks a mypy run."""

from __future__ import annotations

from pathlib import Path

from tests.mypy_plugin.runner import REPO, run_mypy_subprocess, write_files

from dagwire.mypy_plugin.settings import Settings, load_settings

SOURCE = """\
from dagwire import Config, ConfigurableResource, Definitions, RunConfig, asset, job, op

class Db(ConfigurableResource):
    url: str

class C(Config):
    x: int

@asset
def orders(db: Db) -> int:
    return 1

@op
def greet(config: C) -> None:
    pass

@job
def hello() -> None:
    greet()

defs = Definitions(assets=[orders], resources={})
hello.execute_in_process(run_config=RunConfig(ops={"nope": C(x=1)}))
"""

FAULTY_CONFIG = f"""\
[mypy]
plugins = {REPO / "tests" / "mypy_plugin" / "faulty_plugin.py"}

[mypy-dagwire.*]
follow_imports = silent
"""


def test_failing_hooks_become_silence_not_a_crash(tmp_path: Path) -> None:
    write_files(tmp_path, {"main.py": SOURCE, "mypy.ini": FAULTY_CONFIG})
    args = ["--config-file", "mypy.ini", "--cache-dir", ".c", "--no-error-summary", "main.py"]
    proc = run_mypy_subprocess(tmp_path, args)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    # With the debug switch the swallowed failures are shown (and the run still succeeds).
    (tmp_path / "main.py").write_text(SOURCE + "\n")
    proc = run_mypy_subprocess(tmp_path, args, env={"DAGWIRE_MYPY_DEBUG": "1"})
    assert proc.returncode == 0 and proc.stdout == ""
    assert (
        "dagwire.mypy_plugin: hook failed, not checked: RuntimeError('injected failure')"
        in proc.stderr.splitlines()
    )


def test_settings_from_setup_cfg(tmp_path: Path) -> None:
    cfg = tmp_path / "setup.cfg"
    cfg.write_text(
        "[mypy]\nplugins = dagwire.mypy_plugin\n\n[dagwire.mypy]\n"
        "framework_modules = dagster\nwarn_unused_resources = True\ncolour = blue\n"
    )
    assert load_settings(str(cfg)) == Settings(
        framework_modules=("dagster",),
        warn_unused_resources=True,
        check_run_config=True,
        unknown_keys=("colour",),
    )


def test_settings_from_pyproject(tmp_path: Path) -> None:
    cfg = tmp_path / "pyproject.toml"
    cfg.write_text(
        "[tool.mypy]\nplugins = ['dagwire.mypy_plugin']\n\n[tool.dagwire.mypy]\n"
        "framework_modules = ['dagwire']\ncheck_run_config = false\n"
    )
    assert load_settings(str(cfg)) == Settings(
        framework_modules=("dagwire",), warn_unused_resources=False, check_run_config=False
    )


def test_defaults_without_section(tmp_path: Path) -> None:
    cfg = tmp_path / "mypy.ini"
    cfg.write_text("[mypy]\nstrict = True\n")
    assert load_settings(str(cfg)) == Settings()
    assert load_settings(None) == Settings(framework_modules=("dagwire", "dagster"))


def test_unknown_setting_is_warned_about_by_mypy_run(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "main.py": "x: int = 1\n",
            "setup.cfg": "[mypy]\nplugins = dagwire.mypy_plugin\n\n"
            "[dagwire.mypy]\nwarn_unused_resource = true\n",
        },
    )
    proc = run_mypy_subprocess(
        tmp_path, ["--config-file", "setup.cfg", "--cache-dir", ".c", "main.py"]
    )
    assert proc.stdout == "Success: no issues found in 1 source file\n"
    assert proc.stderr == (
        "setup.cfg: [dagwire.mypy]: unknown setting 'warn_unused_resource' ignored\n"
    )


def test_settings_change_invalidates_the_cache(tmp_path: Path) -> None:
    source = (
        "from dagwire import ConfigurableResource, Definitions, asset\n\n"
        "class Db(ConfigurableResource):\n    url: str\n\n"
        "@asset\ndef a(db: Db) -> int:\n    return 1\n\n"
        'defs = Definitions(assets=[a], resources={"db": Db(url="u"), "spare": Db(url="u")})\n'
    )
    base = "[mypy]\nplugins = dagwire.mypy_plugin\n\n"
    write_files(tmp_path, {"main.py": source, "mypy.ini": base})
    args = ["--config-file", "mypy.ini", "--cache-dir", ".c", "--no-error-summary", "main.py"]
    assert run_mypy_subprocess(tmp_path, args).stdout == ""
    (tmp_path / "mypy.ini").write_text(base + "[dagwire.mypy]\nwarn_unused_resources = true\n")
    assert run_mypy_subprocess(tmp_path, args).stdout == (
        'main.py:10: error: Resource "spare" is bound in Definitions(resources=...) but nothing '
        "requires it  [dagwire-unused-resource]\n"
    )
