"""The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit as a user's repo runs them.

`pre-commit try-repo` builds the hooks' environment from a copy of this checkout (pip
installs it and the hooks' additional dependencies, as a user's first commit would; the four
hooks share one), then runs every hook on the staged files of a throwaway git repository.
try-repo builds a new environment on each call (about half a minute), so the calls are few:
one with the mistakes staged, one with them fixed. What the hooks' entry does with odd input
is tested by running that entry (`dagwire hook ...`) directly.
"""

from __future__ import annotations

import json
import os
import re
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
           "Definitions; bound keys: 's3'")


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
LEGACY_PROJECT = {
    "shop/__init__.py": "", "shop/resources.py": LEGACY_RESOURCES,
    "shop/ops.py": LEGACY_OPS, "shop/definitions.py": LEGACY_DEFINITIONS,
}
MIGRATE_MAY = "(dagwire migrate rewrites the cases it can prove safe)"
RSC201 = ("RSC201 context.resources.api is the legacy resource API: request 'api' as a "
          "parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a "
          f"legacy resource {MIGRATE_MAY}")
RSC203 = ("RSC203 @resource function 'api_client' is the legacy resource API: define a "
          f"ConfigurableResource class with its config as fields {MIGRATE_MAY}")


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
    write(root, files)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "clean")
    return root


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def stage(root: Path, files: dict[str, str]) -> None:
    write(root, files)
    git(root, "add", *files)


def try_repo(dagwire_repo: Path, root: Path) -> dict[str, tuple[str, list[str]]]:
    """`pre-commit try-repo` with every hook on the staged files: hook id -> (status, output)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(dagwire_repo)],
        cwd=root, capture_output=True, text=True, timeout=900,
        env={**os.environ, "PRE_COMMIT_COLOR": "never"},
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    names = dict(zip(manifest_values("name"), manifest_values("id")))
    body = proc.stdout.splitlines()
    body = body[max(i for i, line in enumerate(body) if line.startswith("=====")) + 1:]
    sections: dict[str, tuple[str, list[str]]] = {}
    current: list[str] = []
    for line in body:
        status = re.match(r"^(.*?)\.+(Passed|Failed)$", line)
        if status:
            current = []
            sections[names[status[1]]] = (status[2], current)
        elif sections and line.strip() and not line.startswith(("- exit code:", "- hook id:")):
            current.append(line)
    assert sorted(sections) == sorted(HOOKS), proc.stdout
    assert (proc.returncode == 1) == any(status == "Failed" for status, _ in sections.values())
    return sections


def manifest_values(key: str) -> list[str]:
    """One value per hook of `.pre-commit-hooks.yaml` (``id``, ``name``, ...)."""
    pattern = re.compile(rf"^(?:- |  ){key}: (.*)$")
    manifest = (REPO / ".pre-commit-hooks.yaml").read_text().splitlines()
    return [match[1].strip() for line in manifest if (match := pattern.match(line))]


def hook(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The hooks' entry, `dagwire hook ...`, as pre-commit runs it."""
    return subprocess.run([sys.executable, "-m", "dagwire.cli", "hook", *args], cwd=root,
                          capture_output=True, text=True, timeout=300)


def test_manifest_lists_the_documented_hooks() -> None:
    assert manifest_values("id") == HOOKS
    docs = (REPO / "docs" / "pre_commit.md").read_text()
    for hook_id in HOOKS:
        assert f"id: {hook_id}" in docs


def test_hooks_see_the_code_location_of_each_changed_file(
    dagwire_repo: Path, tmp_path: Path
) -> None:
    root = user_repo(tmp_path, {**PROJECT, **LEGACY_PROJECT})
    # Only assets.py changes: its new parameter is unbound in definitions.py, which pre-commit
    # does not pass to the hooks. And a line is added to the legacy ops.py, whose resource
    # binding is in shop/definitions.py (without it, the rewrite of ops.py would be a TODO).
    stage(root, {
        "myproj/assets.py": ASSETS.replace(
            "my_asset(s3: S3Resource)", "my_asset(s3: S3Resource, s3_archive: S3Resource)"),
        "shop/ops.py": "# the op of the nightly job\n" + LEGACY_OPS,
    })
    rsc_lines = [
        f"myproj/definitions.py:6:8: RSC101 {UNBOUND}",
        f"shop/ops.py:7:5: {RSC201}",
        f"shop/resources.py:9:1: {RSC203}",
    ]
    assert try_repo(dagwire_repo, root) == {
        "dagwire-rsc": ("Failed", rsc_lines),
        "dagwire-check": (
            "Failed", [*rsc_lines, "dagwire check: 3 findings in 3 files (8 files checked)"]),
        "dagwire-mypy": ("Failed", [
            'myproj/definitions.py:6: error: Resource "s3_archive" required by asset '
            '"my_asset" (expects "S3Resource") is not bound in Definitions(resources=...); '
            'bound keys: "s3"  [dagwire-unbound-resource]',
            "Found 1 error in 1 file (checked 8 source files)",
        ]),
        "dagwire-migrate-check": ("Failed", [
            "would migrate shop/ops.py",
            "1 file to change, 0 TODOs, 0 errors (2 files, 2 parsed)",
        ]),
    }

    # The key is bound and the legacy package is left for later: every hook passes.
    git(root, "commit", "-q", "-m", "wip")
    stage(root, {"myproj/definitions.py": DEFINITIONS.replace(
        '"s3": S3Resource(bucket="raw")',
        '"s3": S3Resource(bucket="raw"), "s3_archive": S3Resource(bucket="archive")')})
    assert try_repo(dagwire_repo, root) == {hook_id: ("Passed", []) for hook_id in HOOKS}


def test_a_file_that_does_not_parse_fails_the_rsc_hook(tmp_path: Path) -> None:
    write(tmp_path, {**PROJECT, "myproj/assets.py": ASSETS.replace("-> int:", "-> int")})
    proc = hook(tmp_path, "rsc", "myproj/assets.py")
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1, "myproj/assets.py:7:37: E999 SyntaxError: expected ':'\n", "")
    proc = hook(tmp_path, "check", "myproj/assets.py")
    assert proc.returncode == 1
    assert proc.stdout == "myproj/assets.py:7:36: E999 SyntaxError: expected ':'\n"


def test_hook_arguments_and_script_folders(tmp_path: Path) -> None:
    # a folder of scripts (no __init__.py): the changed file and the framework files beside it
    write(tmp_path, {
        "jobs/assets.py": ASSETS.replace("from myproj.resources", "from resources"),
        "jobs/resources.py": RESOURCES,
        "jobs/defs.py": DEFINITIONS.replace("from myproj.", "from ").replace(
            '{"s3": S3Resource(bucket="raw")}', "{}"),
        "jobs/notes.py": "print('no framework here')\n",
    })
    # the hook's `args` come first; the trailing existing Python files are the changed ones
    proc = hook(tmp_path, "check", "--format=json", "--select", "RSC1", "jobs/notes.py")
    assert proc.returncode == 1, proc.stderr
    assert [(f["path"], f["code"]) for f in json.loads(proc.stdout)] == [("jobs/defs.py", "RSC101")]
    # nothing of ours changed
    assert hook(tmp_path, "rsc").returncode == 0
