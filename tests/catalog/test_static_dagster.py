"""Static mode on a project written against real dagster in dg's layout: the catalog is read
from source without importing the project, and real dagster, loading the same project, has
the same resources and definitions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.catalog.catalogs import DATA, ROOT, cli

PROJECT = DATA / "dagster_dg"


def test_static_catalog_of_a_dg_project() -> None:
    result = cli("--static", str(PROJECT), "--format", "json")
    assert (result.returncode, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["source"] == "test-data/catalog/dagster_dg/src/harbor/definitions.py:defs"
    assert data["complete"] is True
    resources = {r["key"]: r for r in data["resources"]}
    assert list(resources) == ["berths", "io_manager", "notifier", "ships"]
    ships = resources["ships"]
    assert (ships["class"], ships["description"]) == (
        "harbor.defs.resources.ShipsApi", "Positions of ships, from the port authority.")
    assert [(f["name"], f["type"], f["value"]["text"]) for f in ships["fields"]] == [
        ("endpoint", "str", "'https://ships.example/v2'"),
        ("api_key", "str", "EnvVar('SHIPS_KEY')"),
        ("page_size", "int", "200"),
    ]
    assert [(u["ref"], u["via"], u["jobs"], u["location"]["line"]) for u in ships["users"]] == [
        ("asset:arrivals", "parameter", [], 13),
        ("op:count_ships", "parameter", ["announce_job"], 8),
        ("sensor:ship_sighted", "parameter", [], 28),
    ]
    assert resources["berths"]["fields"][0]["value"]["text"] == (
        "'postgresql://harbor:****@db.example:5432/berths'")
    assert [u["ref"] for u in resources["berths"]["users"]] == [
        "asset:berth_plan", "asset_check:no_double_booking"]
    io_manager = resources["io_manager"]
    assert (io_manager["kind"], io_manager["class"]) == ("external", "dagster.FilesystemIOManager")
    definitions = {d["ref"]: d for d in data["definitions"]}
    assert list(definitions) == [
        "asset:arrivals", "asset:berth_plan", "asset:harbor_report",
        "asset_check:no_double_booking", "op:announce", "op:count_ships",
        "job:announce_job", "job:ingest_job", "sensor:ship_sighted", "schedule:early_ingest",
    ]
    assert definitions["asset:harbor_report"]["upstream"] == ["berth_plan"]
    assert definitions["asset:arrivals"]["config"] == {
        "class": "harbor.defs.ingest.assets.ArrivalsConfig",
        "fields": [{"name": "hours", "type": "int", "description": "How far back to look",
                    "required": False, "default": {"kind": "literal", "text": "24"},
                    "value": None}],
    }
    assert definitions["job:ingest_job"]["graph"] == {
        "nodes": [{"id": "arrivals", "label": "arrivals", "ref": "asset:arrivals"},
                  {"id": "berth_plan", "label": "berth_plan", "ref": "asset:berth_plan"}],
        "edges": [{"from": "arrivals", "to": "berth_plan"}],
    }
    assert definitions["job:announce_job"]["graph"]["edges"] == [
        {"from": "count_ships", "to": "announce"}]
    assert (definitions["schedule:early_ingest"]["cron"],
            definitions["schedule:early_ingest"]["job"]) == ("0 5 * * *", "ingest_job")
    assert data["problems"] == []


def test_static_mode_imports_nothing_of_the_project() -> None:
    code = (
        "import sys\n"
        "from dagwire.catalog.static import build_static_catalog\n"
        f"catalog = build_static_catalog({str(PROJECT)!r})\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('harbor', 'dagster', 'pydantic', 'dagwire.runtime'))\n"
        "print(len(catalog.resources), loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True)
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "4 []\n")


def test_real_dagster_loads_the_same_project() -> None:
    code = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "from harbor.definitions import defs\n"
        "repo = defs().get_repository_def()\n"
        "print(sorted(repo.get_top_level_resources()))\n"
        "print(sorted(k.to_user_string() for a in repo.asset_graph.assets_defs for k in a.keys))\n"
        "print(sorted(j.name for j in repo.get_all_jobs() if not j.name.startswith('__')))\n"
        "print(sorted(k.name for k in repo.asset_graph.asset_check_keys))\n"
        "print(sorted(s.name for s in [*repo.sensor_defs, *repo.schedule_defs]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "src")}
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(cli("--static", str(PROJECT), "--format", "json").stdout)
    names = {kind: sorted(d["name"] for d in data["definitions"] if d["kind"] == kind)
             for kind in ("asset", "job", "asset_check")}
    triggers = sorted(d["name"] for d in data["definitions"]
                      if d["kind"] in ("sensor", "schedule"))
    assert result.stdout.splitlines() == [
        str(sorted(r["key"] for r in data["resources"])), str(names["asset"]),
        str(names["job"]), str(names["asset_check"]), str(triggers),
    ]
