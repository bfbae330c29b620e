"""``dagwire validate`` on a module whose definitions are a legacy ``@repository``."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]

REPO_MODULE = '''
from dagwire import asset, job, op, repository, resource, with_resources


@resource(config_schema={"uri": str})
def db(context):
    return context.resource_config["uri"]


@op(required_resource_keys={"db"})
def load(context):
    return context.resources.db


@job(resource_defs={"db": db.configured({"uri": "sqlite://"})})
def load_job():
    load()


@asset(required_resource_keys={"db", "cache"})
def report(context):
    return 1


@repository
def analytics():
    return [load_job, *with_resources([report], resource_defs={"db": db.configured({"uri": "x"})})]
'''


def _validate(tmp_path: pathlib.Path, source: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "legacy_repo.py").write_text(source)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "dagwire.cli", "validate", "legacy_repo"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_cli_reports_an_invalid_repository(tmp_path: pathlib.Path) -> None:
    result = _validate(tmp_path, REPO_MODULE)
    assert result.returncode == 1
    assert result.stdout == ""
    # the line of the user's module where the error was raised: with_resources refuses a copy
    # that lacks a key it needs, as dagster does
    assert result.stderr == (
        f"legacy_repo: cannot import module 'legacy_repo': {tmp_path / 'legacy_repo.py'}:27: "
        "dagwire.runtime.errors.DagwireInvalidDefinitionError: "
        "with_resources:\n"
        "- resource 'cache' is not bound; required by asset 'report'; bound keys: 'db'\n"
    )


def test_cli_validates_a_repository(tmp_path: pathlib.Path) -> None:
    fixed = REPO_MODULE.replace('resource_defs={"db": db.configured({"uri": "x"})}',
                                'resource_defs={"db": db, "cache": db}')
    result = _validate(tmp_path, fixed)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "legacy_repo: OK (1 asset, 1 job, 0 sensors, 0 schedules, 0 resources)\n"
    )
