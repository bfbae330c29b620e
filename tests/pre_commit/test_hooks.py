"""The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit as a user's repo runs them.

`pre-commit try-repo` builds the hooks' environment from a copy of this checkout (pip
installs it and the hooks' additional dependencies, as a user's first commit would; the four
hooks share one environment), then runs a hook on the staged files of a throwaway git
repository. The copy is committed once, so every call reuses that one environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HOOKS = ["dagwire-rsc", "dagwire-check", "dagwire-mypy", "dagwire-migrate-check"]
GIT = ["git", "-c", "user.name=dagwire tests", "-c", "user.email=tests@example.invalid"]

RESOURCES = """\
from dagwire import ConfigurableResource


class S3Resource(ConfigurableResource):
    bucket: str
"""
ASSETS = """\
from dagwire import asset

from myproj.resources import S3Resource


@asset
def my_asset(s3: S3Resource) -> int:
    return len(s3.bucket)
"""
DEFINITIONS = """\
from dagwire import Definitions

from myproj.assets import my_asset
from myproj.resources import S3Resource

defs = Definitions(assets=[my_asset], resources={"s3": S3Resource(bucket="raw")})
"""
PROJECT = {
    "myproj/__init__.py": "",
    "myproj/resources.py": RESOURCES,
    "myproj/assets.py": ASSETS,
    "myproj/definitions.py": DEFINITIONS,
    "mypy.ini": "[mypy]\nplugins = dagwire.mypy_plugin\n",
}
UNBOUND = ("resource key 's3_archive' is required by asset 'my_asset' but not bound in "
           "Definitions")


def git(root: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=root, check=True, capture_output=True)


@pytest.fixture(scope="module")
def dagwire_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's files (committed or not, minus ignored ones) in a committed repo."""
    copy = tmp_path_factory.mktemp("dagwire-repo")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, copy / name)
    git(copy, "init", "-q")
    git(copy, "add", ".")
    git(copy, "commit", "-q", "-m", "dagwire under test")
    return copy


def user_repo(root: Path, files: dict[str, str]) -> Path:
    """A git repository whose files are all committed."""
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "clean")
    return root


def stage(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).write_text(text)
    git(root, "add", *files)


def try_repo(dagwire_repo: Path, root: Path, *hook: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit try-repo` on the staged files (one hook, or all of them)."""
    env = {
        **os.environ,
        # one home per test module: the environment is built here, not in the user's cache
        "PRE_COMMIT_HOME": str(dagwire_repo.parent / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(dagwire_repo), *hook],
        cwd=root, capture_output=True, text=True, env=env, timeout=900,
    )


def hook_output(proc: subprocess.CompletedProcess[str]) -> list[str]:
    """The hook's own lines: after pre-commit's config echo and status line."""
    lines = proc.stdout.splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("- exit code:")) + 1
    return [line for line in lines[start:] if line.strip()]


def test_manifest_lists_the_documented_hooks() -> None:
    manifest = (REPO / ".pre-commit-hooks.yaml").read_text()
    ids = [line.split(":", 1)[1].strip() for line in manifest.splitlines()
           if line.startswith("- id:")]
    assert ids == HOOKS
    docs = (REPO / "docs" / "pre_commit.md").read_text()
    for hook in HOOKS:
        assert f"id: {hook}" in docs


def test_a_change_in_one_file_fails_where_its_key_is_unbound(
    dagwire_repo: Path, tmp_path: Path
) -> None:
    root = user_repo(tmp_path, PROJECT)
    # only assets.py changes: its new parameter is unbound in definitions.py, which pre-commit
    # does not pass to the hooks
    stage(root, {"myproj/assets.py": ASSETS.replace(
        "my_asset(s3: S3Resource)", "my_asset(s3: S3Resource, s3_archive: S3Resource)")})

    rsc = try_repo(dagwire_repo, root, "dagwire-rsc")
    assert rsc.returncode == 1, rsc.stdout + rsc.stderr
    assert hook_output(rsc) == [f"myproj/definitions.py:6:8: RSC101 {UNBOUND}"]

    check = try_repo(dagwire_repo, root, "dagwire-check")
    assert check.returncode == 1, check.stdout + check.stderr
    assert hook_output(check) == [
        f"myproj/definitions.py:6:8: RSC101 {UNBOUND}",
        "dagwire check: 1 finding in 1 file (4 files checked)",
    ]

    mypy = try_repo(dagwire_repo, root, "dagwire-mypy")
    assert mypy.returncode == 1, mypy.stdout + mypy.stderr
    assert hook_output(mypy) == [
        'myproj/definitions.py:6: error: Resource "s3_archive" required by asset "my_asset" '
        '(expects "S3Resource") is not bound in Definitions(resources=...)  '
        "[dagwire-unbound-resource]",
        "Found 1 error in 1 file (checked 4 source files)",
    ]

    # the key is bound: every hook passes
    stage(root, {"myproj/definitions.py": DEFINITIONS.replace(
        '"s3": S3Resource(bucket="raw")',
        '"s3": S3Resource(bucket="raw"), "s3_archive": S3Resource(bucket="archive")')})
    fixed = try_repo(dagwire_repo, root)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    statuses = [line for line in fixed.stdout.splitlines() if line.endswith(("Passed", "Failed"))]
    assert len(statuses) == len(HOOKS) and all(line.endswith("Passed") for line in statuses)


def test_a_file_that_does_not_parse_fails_the_rsc_hook(
    dagwire_repo: Path, tmp_path: Path
) -> None:
    root = user_repo(tmp_path, PROJECT)
    stage(root, {"myproj/assets.py": ASSETS.replace("-> int:", "-> int")})
    proc = try_repo(dagwire_repo, root, "dagwire-rsc")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert hook_output(proc) == ["myproj/assets.py:7:45: E999 SyntaxError: expected ':'"]


LEGACY_RESOURCES = """\
from dagwire import resource


class Client:
    def __init__(self, url: str) -> None:
        self.url = url


@resource(config_schema={"url": str})
def api_client(context):
    return Client(context.resource_config["url"])
"""
LEGACY_OPS = """\
from dagwire import op


@op(required_resource_keys={"api"})
def fetch(context) -> None:
    context.resources.api.url
"""
LEGACY_DEFINITIONS = """\
from dagwire import Definitions, job

from shop.ops import fetch
from shop.resources import api_client


@job
def nightly():
    fetch()


defs = Definitions(jobs=[nightly], resources={"api": api_client.configured({"url": "u"})})
"""


def test_migrate_hook_reads_the_code_location_of_a_changed_file(
    dagwire_repo: Path, tmp_path: Path
) -> None:
    root = user_repo(tmp_path, {
        "shop/__init__.py": "", "shop/resources.py": LEGACY_RESOURCES,
        "shop/ops.py": LEGACY_OPS, "shop/definitions.py": LEGACY_DEFINITIONS,
    })
    stage(root, {"shop/ops.py": "# the op the nightly job runs\n" + LEGACY_OPS})
    proc = try_repo(dagwire_repo, root, "dagwire-migrate-check")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    # only the changed file is reported; the key's binding was found in definitions.py, which
    # was not passed (without it, the rewrite of ops.py would be a TODO)
    assert hook_output(proc) == [
        "would migrate shop/ops.py",
        "1 file to change, 0 TODOs, 0 errors (1 file, 1 parsed)",
    ]
