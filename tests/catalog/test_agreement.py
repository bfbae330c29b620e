"""The loaded and the static catalog of the same project agree (JSON data, key by key)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.catalog.catalogs import DATA, MARKER, cli, without_origin


def _loaded_static(loaded: tuple[str, str | None], static: str,
                   env: dict[str, str]) -> tuple[dict[str, Any], dict[str, Any]]:
    module, path = loaded
    first = cli(module, "--format", "json", env=env, pythonpath=path)
    second = cli("--static", static, "--format", "json", env=env)
    assert (first.returncode, first.stderr) == (0, "")
    assert (second.returncode, second.stderr) == (0, "")
    return json.loads(first.stdout), json.loads(second.stdout)


def test_shop_catalogs_agree() -> None:
    loaded, static = _loaded_static(("examples.shop.definitions", None), "examples/shop", {})
    assert (loaded["mode"], loaded["source"]) == ("loaded", "examples.shop.definitions")
    assert (static["mode"], static["source"]) == ("static", "examples/shop/definitions.py:defs")
    # an asset job has no source line when loaded (define_asset_job keeps none)
    daily = next(d for d in static["definitions"] if d["ref"] == "job:daily_refresh")
    assert daily["location"] == {"file": "examples/shop/jobs.py", "line": 11}
    daily["location"] = None
    assert without_origin(loaded) == without_origin(static)
    assert [r["key"] for r in loaded["resources"]] == ["notifier", "orders_api", "warehouse"]


def test_vault_catalogs_agree_except_what_only_a_run_computes() -> None:
    env = {"VAULT_TOKEN": MARKER}
    loaded, static = _loaded_static(("vault.definitions", str(DATA)),
                                    str(DATA / "vault"), env)
    pool = [r for r in static["resources"] if r["key"] == "pool"][0]
    connection = pool["fields"][0]
    # a value computed by a call: the object's class when loaded, the source (secret hidden)
    # when read from source
    assert connection["value"] == {"kind": "expression", "text": "connect(password='****')"}
    connection["value"] = {"kind": "object", "text": "<Connection object>"}
    assert without_origin(loaded) == without_origin(static)


@pytest.mark.parametrize("mode", ["loaded", "static"])
def test_vault_problems(mode: str) -> None:
    args = (["vault.definitions"] if mode == "loaded"
            else ["--static", str(DATA / "vault")])
    result = cli(*args, "--format", "json", pythonpath=str(DATA))
    problems = json.loads(result.stdout)["problems"]
    assert [(p["kind"], p["key"], p["message"], p["refs"]) for p in problems] == [
        ("unbound", "cache", "resource 'cache' is not bound; required by asset 'balances'",
         ["asset:balances"]),
        ("wrong_class", "audit", "resource 'audit' is bound to a Client, but asset 'report' "
         "parameter 'audit' is annotated Warehouse", ["asset:report"]),
        ("launch_not_bound", "mirror", "resource 'mirror' field 'creds' is a partially "
         "configured Credentials (configure_at_launch()) that is not bound at the top level: "
         'bind that same object under a key of its own, e.g. creds = '
         'Credentials.configure_at_launch() and resources={"creds": creds, "mirror": ...}',
         ["resource:mirror"]),
        ("unused", "mirror", "resource 'mirror' is bound but nothing uses it",
         ["resource:mirror"]),
        ("unused", "pool", "resource 'pool' is bound but nothing uses it", ["resource:pool"]),
        ("unused", "spare", "resource 'spare' is bound but nothing uses it",
         ["resource:spare"]),
    ]


def test_loaded_problems_are_the_runtimes() -> None:
    """The catalog's load-time problems are exactly what Definitions.validate() reports."""
    import sys

    sys.path.insert(0, str(DATA))
    try:
        from vault.definitions import defs

        from dagwire.runtime.catalog import build_catalog

        catalog = build_catalog(defs, "vault.definitions")
        assert [p.message for p in catalog.problems if p.kind != "unused"] == defs.problems()
    finally:
        sys.path.remove(str(DATA))
        for name in [m for m in sys.modules if m == "vault" or m.startswith("vault.")]:
            del sys.modules[name]
