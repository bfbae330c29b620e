"""Smoke test of an installed dagwire (run by wheel_smoke.py with a fresh environment's Python,
in an empty folder): the runtime, the mypy plugin, the flake8 rules, `dagwire check` and
`dagwire migrate --check`, each with its exact output. Only the standard library and the
installed distribution are used: nothing from the source checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PIPELINE = '''\
from dagwire import ConfigurableResource, Definitions, asset


class Warehouse(ConfigurableResource):
    dsn: str


@asset
def orders(warehouse: Warehouse) -> int:
    return len(warehouse.dsn)


defs = Definitions(assets=[orders], resources={})
'''
LEGACY = '''\
from dagwire import op


@op(required_resource_keys={"db"})
def load(context) -> None:
    context.resources.db.execute("select 1")
'''
BIN = Path(sys.executable).parent
UNBOUND = ("resource key 'warehouse' is required by asset 'orders' but not bound in Definitions; "
           "bound keys: (none)")


def run(*command: str) -> tuple[int, str]:
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout + proc.stderr


def expect(label: str, got: tuple[int, str], code: int, output: str) -> None:
    if got != (code, output):
        raise SystemExit(f"{label}: expected exit {code} and\n{output}\ngot exit {got[0]} and\n"
                         f"{got[1]}")


def main() -> None:
    Path("pipeline.py").write_text(PIPELINE)
    Path("legacy.py").write_text(LEGACY)
    Path("mypy.ini").write_text("[mypy]\nplugins = dagwire.mypy_plugin\n")

    import dagwire
    from dagwire import ConfigurableResource, Definitions, DagwireError, asset

    if "site-packages" not in dagwire.__file__:
        raise SystemExit(f"not the installed copy: {dagwire.__file__}")

    class Db(ConfigurableResource):
        uri: str

    @asset
    def users(db: Db) -> list[str]:
        return [db.uri]

    try:
        Definitions(assets=[users]).validate()
        raise SystemExit("runtime: an unbound resource was not reported")
    except DagwireError as error:
        if "resource 'db' is not bound" not in str(error):
            raise SystemExit(f"runtime: unexpected error {error}") from None
    Definitions(assets=[users], resources={"db": Db(uri="sqlite://")}).validate()

    expect("dagwire --version", run(str(BIN / "dagwire"), "--version"),
           0, f"dagwire {dagwire.__version__}\n")
    expect("mypy plugin", run(sys.executable, "-m", "mypy", "--no-error-summary", "pipeline.py"),
           1, 'pipeline.py:13: error: Resource "warehouse" required by asset "orders" (expects '
           '"Warehouse") is not bound in Definitions(resources=...); bound keys: (none)  '
           "[dagwire-unbound-resource]\n")
    expect("flake8", run(sys.executable, "-m", "flake8", "--select=RSC", "pipeline.py"),
           1, f"pipeline.py:13:8: RSC101 {UNBOUND}\n")
    expect("dagwire check", run(str(BIN / "dagwire"), "check", "pipeline.py"),
           1, f"pipeline.py:13:8: RSC101 {UNBOUND}\n"
           "dagwire check: 1 finding in 1 file (1 file checked)\n")
    sarif = subprocess.run([str(BIN / "dagwire"), "check", "--format=sarif", "pipeline.py"],
                           capture_output=True, text=True, timeout=600)
    rules = {rule["id"]: rule for rule in
             json.loads(sarif.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    page = Path(sys.prefix, "share", "dagwire", "rules", "RSC101.md")
    if rules["RSC101"].get("helpUri") != page.as_uri() or not rules["RSC101"]["help"]["text"]:
        raise SystemExit(f"dagwire check --format=sarif: no rule page at {page}: "
                         f"{rules['RSC101']}")
    expect("dagwire migrate --check", run(str(BIN / "dagwire"), "migrate", "--check", "."),
           1, "would migrate legacy.py\n"
           "1 file to change, 1 TODO, 0 errors (2 files, 2 parsed)\n")
    print(f"ok: Python {sys.version.split()[0]}, dagwire {dagwire.__version__} from "
          f"{os.path.dirname(dagwire.__file__)}")


if __name__ == "__main__":
    main()
