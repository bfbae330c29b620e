"""Which YAML components of a dg project the plugin takes for a library's, and what those bind."""

from __future__ import annotations

from pathlib import Path

from dagwire.mypy_plugin.sources.dg_project import is_library_component
from tests.mypy_plugin.runner import HOOK_FAILED, config_text, run_case_mypy, write_files


def _project(tmp_path: Path) -> str:
    defs = tmp_path / "src" / "shop" / "defs"
    defs.mkdir(parents=True)
    (defs / "__init__.py").write_text("")
    (tmp_path / "src" / "shop" / "__init__.py").write_text("")
    (tmp_path / "src" / "shop" / "lib").mkdir()
    (tmp_path / "src" / "shop" / "lib" / "__init__.py").write_text("")
    (tmp_path / "src" / "shop" / "lib" / "ledger.py").write_text("")
    return str(defs)


def test_a_class_of_another_distribution_is_a_library_component(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    assert is_library_component("vendor_sync.SyncComponent", "shop.defs", folder)
    assert is_library_component("vendor_sync.parts.SyncComponent", "shop.defs", folder)


def test_a_class_of_the_project_is_not(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    assert not is_library_component("shop.lib.ledger.LedgerComponent", "shop.defs", folder)
    assert not is_library_component("shop.lib.LedgerComponent", "shop.defs", folder)
    assert not is_library_component("shop.defs.Local", "shop.defs", folder)


def test_a_type_without_a_module_is_not(tmp_path: Path) -> None:
    assert not is_library_component("LedgerComponent", "shop.defs", _project(tmp_path))


# One dg project per component: its defs folder holds the component and an asset requiring
# `warehouse` and `notifier`; the top level merges the folder with a part binding `warehouse`.
ORDERS = """\
import dagster as dg

class Warehouse(dg.ConfigurableResource):
    dsn: str

class Notifier(dg.ConfigurableResource):
    channel: str

@dg.asset
def daily_orders(warehouse: Warehouse, notifier: Notifier) -> int:
    return 1
"""

DEFINITIONS = """\
from pathlib import Path

import dagster as dg
from {name}.defs.orders import Warehouse

@dg.definitions
def defs() -> dg.Definitions:
    return dg.Definitions.merge(
        dg.load_from_defs_folder(path_within_project=Path(__file__).parent),
        dg.Definitions(resources={{"warehouse": Warehouse(dsn="duckdb://")}}),
    )
"""

# A project class whose `build_defs` is dagster's PythonScriptComponent's.
SCRIPT_SUBCLASS = """\
import dagster as dg

class ExportComponent(dg.PythonScriptComponent):
    pass
"""

# A project class building from state: dagster's StateBackedComponent is not known to bind
# no key (what its `build_defs` returns is the project's `build_defs_from_state`).
STATE_SUBCLASS = """\
from pathlib import Path

import dagster as dg
from {name}.defs.orders import Notifier

class MirrorComponent(dg.StateBackedComponent, dg.Resolvable, dg.Model):
    def build_defs_from_state(
        self, context: dg.ComponentLoadContext, state_path: Path | None
    ) -> dg.Definitions:
        return dg.Definitions(resources={{"notifier": Notifier(channel="#ops")}})

    def write_state_to_path(self, state_path: Path) -> None:
        pass
"""

SCRIPT_ATTRIBUTES = "attributes:\n  execution:\n    path: run.py\n  assets:\n    - key: exported\n"
COMPONENTS = {
    "sling_shop": ("dagster_sling.SlingReplicationCollectionComponent", "", None),
    "script_shop": ("dagster.PythonScriptComponent", SCRIPT_ATTRIBUTES, None),
    "files_shop": ("dagster.DefinitionsComponent", "attributes:\n  path: bindings.py\n", None),
    "bucket_shop": (
        "dagster_aws.components.S3ResourceComponent", "attributes:\n  resource_key: notifier\n",
        None,
    ),
    "custom_shop": ("custom_shop.lib.ExportComponent", SCRIPT_ATTRIBUTES, SCRIPT_SUBCLASS),
    "state_shop": ("state_shop.lib.MirrorComponent", "", STATE_SUBCLASS),
}


def _unbound_notifier(name: str) -> str:
    return (
        f'{name}/definitions.py:8: error: Resource "notifier" required by asset "daily_orders" '
        '(expects "Notifier") is not bound in Definitions(resources=...); bound keys: '
        '"warehouse"  [dagwire-unbound-resource]'
    )


def test_a_library_component_binds_what_the_vocabulary_says(tmp_path: Path) -> None:
    files: dict[str, str] = {}
    for name, (type_name, attributes, lib) in COMPONENTS.items():
        files[f"{name}/__init__.py"] = ""
        files[f"{name}/dg.toml"] = f'[project]\nroot_module = "{name}"\n'
        files[f"{name}/defs/__init__.py"] = ""
        files[f"{name}/defs/orders.py"] = ORDERS
        files[f"{name}/defs/part/defs.yaml"] = f"type: {type_name}\n\n{attributes}"
        files[f"{name}/definitions.py"] = DEFINITIONS.format(name=name)
        if lib is not None:
            files[f"{name}/lib.py"] = lib.format(name=name)
    paths = write_files(tmp_path, files)
    config = config_text([], [])
    stdout, stderr, _ = run_case_mypy(tmp_path, config, paths)
    assert "Traceback" not in stderr and HOOK_FAILED not in stderr, stderr
    # Known to bind no key: the merged part's key stays unbound. Any other library
    # component (a file's Definitions, a resource component, a state-backed build) may
    # bind it: silence.
    assert sorted(stdout.splitlines()) == [
        _unbound_notifier("custom_shop"),
        _unbound_notifier("script_shop"),
        _unbound_notifier("sling_shop"),
    ]
