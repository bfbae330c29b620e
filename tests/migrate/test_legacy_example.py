"""The demo's legacy pipeline: migrated by the real CLI, it still runs and prints the same."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.migrate import cli

EXAMPLE = cli.ROOT / "examples" / "legacy_pipeline"


def run_example(root: Path) -> str:
    proc = subprocess.run([sys.executable, "-m", "examples.legacy_pipeline.run"], cwd=root,
                          env=cli.env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_migrated_example_runs_like_the_legacy_one(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "__init__.py").write_text("")
    work = cli.copy_tree(EXAMPLE, tmp_path / "examples" / "legacy_pipeline")
    before = run_example(tmp_path)
    assert before == ("orders_job: True duckdb://local/analytics.orders: 2 rows\n"
                      "alerts_job: True ops@example.com: 42 orders\n")
    written = cli.migrate("--write", "examples/legacy_pipeline", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert written.stderr == "4 files changed, 0 TODOs, 0 errors (6 files, 4 parsed)\n"
    migrated = cli.tree_text(work)
    # the generator resource: its code after `yield` still runs when the run ends
    assert "class MailerResource(ConfigurableResource):" in migrated["clients.py"]
    assert "    @contextmanager\n    def yield_for_execution(self, context):" in (
        migrated["clients.py"])
    assert "def alert(count: int, mailer: ResourceParam[Mailer]) -> str:" in (
        migrated["alerts.py"])
    assert "class WarehouseClient(ConfigurableResource):" in migrated["clients.py"]
    assert "def raw_orders(config: RawOrdersConfig, warehouse: WarehouseClient):" in (
        migrated["assets.py"])
    assert '"warehouse": WarehouseClient(url=EnvVar("WAREHOUSE_URL")),' in (
        migrated["definitions.py"])
    assert run_example(tmp_path) == before
    again = cli.migrate("--check", "examples/legacy_pipeline", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")
