"""The hooks of `.pre-commit-hooks.yaml`, run by the real pre-commit as a user's repo runs them.

`pre-commit try-repo` builds each hook's environment from this repository (pip installs it
and the hook's additional dependencies, as a user's first commit would), then runs the hook
on the files of a throwaway git repository.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

PIPELINE = """\
from dagwire import ConfigurableResource, Definitions, asset


class Warehouse(ConfigurableResource):
    dsn: str


@asset
def orders(warehouse: Warehouse) -> int:
    return 1


defs = Definitions(assets=[orders], resources={})
"""

FIXED = PIPELINE.replace("resources={}", 'resources={"warehouse": Warehouse(dsn="x")}')

LEGACY = """\
from dagwire import op


@op(required_resource_keys={"db"})
def load(context) -> None:
    context.resources.db.execute("select 1")
"""

HOOKS = ["dagwire-rsc", "dagwire-mypy", "dagwire-migrate-check"]


@pytest.fixture(scope="module")
def user_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("user-repo")
    (root / "pipeline.py").write_text(PIPELINE)
    (root / "fixed.py").write_text(FIXED)
    (root / "legacy.py").write_text(LEGACY)
    (root / "mypy.ini").write_text("[mypy]\nplugins = dagwire.mypy_plugin\n")
    for args in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *args], cwd=root, check=True)
    return root


def try_repo(root: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        # one home per test run: environments are built here, not in the user's cache
        "PRE_COMMIT_HOME": str(root.parent / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
    }
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), hook, "--files", *files],
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


def test_rsc_hook_reports_an_unbound_resource(user_repo: Path) -> None:
    proc = try_repo(user_repo, "dagwire-rsc", "pipeline.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert hook_output(proc) == [
        "pipeline.py:13:8: RSC101 resource key 'warehouse' is required by asset 'orders' "
        "but not bound in Definitions"
    ]
    assert try_repo(user_repo, "dagwire-rsc", "fixed.py").returncode == 0


def test_mypy_hook_runs_the_plugin(user_repo: Path) -> None:
    proc = try_repo(user_repo, "dagwire-mypy", "pipeline.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert hook_output(proc) == [
        'pipeline.py:13: error: Resource "warehouse" required by asset "orders" (expects '
        '"Warehouse") is not bound in Definitions(resources=...)  [dagwire-unbound-resource]',
        "Found 1 error in 1 file (checked 1 source file)",
    ]
    assert try_repo(user_repo, "dagwire-mypy", "fixed.py").returncode == 0


def test_migrate_hook_fails_while_legacy_code_is_left(user_repo: Path) -> None:
    proc = try_repo(user_repo, "dagwire-migrate-check", "legacy.py", "fixed.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "would migrate legacy.py" in hook_output(proc)
    assert try_repo(user_repo, "dagwire-migrate-check", "fixed.py").returncode == 0
