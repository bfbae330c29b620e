"""The plugin under mypy's incremental cache, parallel workers (`-n 2`) and dmypy.

What a definition requires lives in its type, so these must all give the same findings as a
cold run, and re-report correctly when only one module of the project changes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.mypy_plugin.runner import (
    DEBUG,
    HOOK_FAILED,
    config_text,
    run_mypy_subprocess,
    unique_mtime,
    write_files,
)

RESOURCES = """\
from {fw} import ConfigurableResource

class Postgres(ConfigurableResource):
    dsn: str = ""

class Snowflake(ConfigurableResource):
    account: str
"""

ASSETS = """\
from {fw} import asset
from project.resources import Postgres

@asset
def orders(db: Postgres) -> int:
    return 1
"""

DEFINITIONS = """\
from {fw} import Definitions
from project.assets import orders
from project.resources import Snowflake

defs = Definitions(assets=[orders], resources={{"db": Snowflake(account="a")}})
"""

WRONG_TYPE = (
    'project/definitions.py:5: error: Resource "db" is bound to "Snowflake" but asset '
    '"orders" expects "Postgres"  [dagwire-resource-type]'
)
UNBOUND_CACHE = (
    'project/definitions.py:5: error: Resource "cache" required by asset "events" '
    '(expects "Postgres") is not bound in Definitions(resources=...); bound keys: "db"  '
    '[dagwire-unbound-resource]'
)
FILES = ["project/__init__.py", "project/resources.py", "project/assets.py",
         "project/definitions.py"]


def write_project(root: Path, files: dict[str, str]) -> None:
    write_files(root, {"project/__init__.py": "", **files})
    (root / "mypy.ini").write_text(config_text([], []))


def make_project(root: Path, fw: str) -> None:
    write_project(
        root,
        {
            "project/resources.py": RESOURCES.format(fw=fw),
            "project/assets.py": ASSETS.format(fw=fw),
            "project/definitions.py": DEFINITIONS.format(fw=fw),
        },
    )


def mypy(root: Path, *extra: str, targets: list[str] = FILES) -> list[str]:
    proc = run_mypy_subprocess(
        root,
        ["--config-file", "mypy.ini", "--cache-dir", ".mypy_cache", "--no-error-summary",
         "--no-color-output", *extra, *targets],
        env=DEBUG,
    )
    assert "Traceback" not in proc.stderr and "INTERNAL ERROR" not in proc.stdout, proc.stderr
    assert HOOK_FAILED not in proc.stderr, proc.stderr
    return proc.stdout.splitlines()


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))
    unique_mtime(path)  # an edit in the second of the last run must still look changed


@pytest.mark.parametrize("fw", ["dagwire", "dagster"])
def test_warm_cache_gives_the_same_errors(tmp_path: Path, fw: str) -> None:
    make_project(tmp_path, fw)
    assert mypy(tmp_path) == [WRONG_TYPE]
    assert (tmp_path / ".mypy_cache").is_dir()
    assert mypy(tmp_path) == [WRONG_TYPE]


def test_editing_only_the_resource_module_re_reports(tmp_path: Path) -> None:
    make_project(tmp_path, "dagwire")
    assert mypy(tmp_path) == [WRONG_TYPE]
    edit(tmp_path, "project/resources.py", "class Snowflake(ConfigurableResource):",
         "class Snowflake(Postgres):")
    assert mypy(tmp_path) == []
    edit(tmp_path, "project/resources.py", "class Snowflake(Postgres):",
         "class Snowflake(ConfigurableResource):")
    assert mypy(tmp_path) == [WRONG_TYPE]


def test_editing_only_the_assets_module_re_reports(tmp_path: Path) -> None:
    make_project(tmp_path, "dagwire")
    assert mypy(tmp_path) == [WRONG_TYPE]
    edit(tmp_path, "project/assets.py", "def orders(db: Postgres)", "def orders(db: object)")
    assert mypy(tmp_path) == []
    edit(tmp_path, "project/assets.py", "def orders(db: object)",
         "def orders(db: Postgres)")
    (tmp_path / "project/assets.py").write_text(
        (tmp_path / "project/assets.py").read_text()
        + "\n@asset\ndef events(cache: Postgres) -> int:\n    return 1\n"
    )
    edit(tmp_path, "project/definitions.py", "assets=[orders]", "assets=[orders, events]")
    edit(tmp_path, "project/definitions.py", "import orders", "import events, orders")
    assert mypy(tmp_path) == [WRONG_TYPE, UNBOUND_CACHE]


@pytest.mark.parametrize("fw", ["dagwire", "dagster"])
def test_parallel_workers_give_the_same_errors(tmp_path: Path, fw: str) -> None:
    make_project(tmp_path, fw)
    assert mypy(tmp_path, "-n", "2") == [WRONG_TYPE]
    assert mypy(tmp_path, "-n", "2") == [WRONG_TYPE]
    edit(tmp_path, "project/assets.py", "def orders(db: Postgres)", "def orders(db: object)")
    assert mypy(tmp_path, "-n", "2") == []


def test_dmypy_reports_and_rechecks(tmp_path: Path) -> None:
    make_project(tmp_path, "dagwire")
    status = str(tmp_path / "dmypy.json")
    dmypy = [sys.executable, "-m", "mypy.dmypy", "--status-file", status]
    import subprocess

    def run() -> list[str]:
        proc = subprocess.run(
            [*dmypy, "check", *FILES], cwd=tmp_path, capture_output=True, text=True, timeout=600
        )
        assert "Traceback" not in proc.stderr, proc.stderr
        return [line for line in proc.stdout.splitlines() if line.strip()]

    started = subprocess.run(
        [*dmypy, "start", "--", "--config-file", "mypy.ini", "--no-error-summary",
         "--no-color-output"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        assert run() == [WRONG_TYPE]
        assert run() == [WRONG_TYPE]
        edit(tmp_path, "project/resources.py", "class Snowflake(ConfigurableResource):",
             "class Snowflake(Postgres):")
        assert run() == []
        edit(tmp_path, "project/resources.py", "class Snowflake(Postgres):",
             "class Snowflake(ConfigurableResource):")
        assert run() == [WRONG_TYPE]
    finally:
        subprocess.run([*dmypy, "stop"], cwd=tmp_path, capture_output=True, timeout=60)
        shutil.rmtree(tmp_path / ".mypy_cache", ignore_errors=True)


SHARED_RESOURCES = """\
from {fw} import ConfigurableResource

class Postgres(ConfigurableResource):
    dsn: str = ""

RESOURCES = {{"db": Postgres(dsn="a")}}
"""

SHARED_ASSETS = """\
from {fw} import asset
from project.resources import Postgres

@asset
def orders(db: Postgres) -> int:
    return 1

@asset
def events(cache: Postgres) -> int:
    return 1

ALL_ASSETS = [orders]
"""

SHARED_DEFINITIONS = """\
from {fw} import Definitions
from project.assets import ALL_ASSETS
from project.resources import RESOURCES

defs = Definitions(assets=ALL_ASSETS, resources=RESOURCES)
"""

UNBOUND_SHARED_CACHE = (
    'project/definitions.py:5: error: Resource "cache" required by asset "events" '
    '(expects "Postgres") is not bound in Definitions(resources=...); bound keys: "db"  '
    '[dagwire-unbound-resource]'
)


@pytest.mark.parametrize("fw", ["dagwire", "dagster"])
def test_editing_a_dict_or_list_in_another_module_re_reports(tmp_path: Path, fw: str) -> None:
    # The edits below keep the types of RESOURCES and ALL_ASSETS: mypy alone would not re-check
    # definitions.py, which reads their values.
    write_project(
        tmp_path,
        {
            "project/resources.py": SHARED_RESOURCES.format(fw=fw),
            "project/assets.py": SHARED_ASSETS.format(fw=fw),
            "project/definitions.py": SHARED_DEFINITIONS.format(fw=fw),
        },
    )
    assert mypy(tmp_path) == []
    edit(tmp_path, "project/assets.py", "ALL_ASSETS = [orders]", "ALL_ASSETS = [orders, events]")
    assert mypy(tmp_path) == [UNBOUND_SHARED_CACHE]
    assert mypy(tmp_path) == [UNBOUND_SHARED_CACHE]
    edit(tmp_path, "project/resources.py", '{"db": Postgres(dsn="a")}',
         '{"db": Postgres(dsn="a"), "cache": Postgres(dsn="b")}')
    assert mypy(tmp_path) == []
    edit(tmp_path, "project/resources.py", ', "cache": Postgres(dsn="b")}', "}")
    assert mypy(tmp_path) == [UNBOUND_SHARED_CACHE]
    assert mypy(tmp_path, "-n", "2") == [UNBOUND_SHARED_CACHE]


PACKAGE_DEFINITIONS = """\
from {fw} import Definitions, load_assets_from_package_module
from project import assets
from project.resources import Postgres

defs = Definitions(
    assets=load_assets_from_package_module(assets), resources={{"db": Postgres(dsn="a")}}
)
"""

PACKAGE_ASSET = """\
from {fw} import asset
from project.resources import Postgres

@asset
def {name}({key}: Postgres) -> int:
    return 1
"""

UNBOUND_PACKAGE_CACHE = (
    'project/definitions.py:5: error: Resource "cache" required by asset "events" '
    '(expects "Postgres") is not bound in Definitions(resources=...); bound keys: "db"  '
    '[dagwire-unbound-resource]'
)


@pytest.mark.parametrize("fw", ["dagwire", "dagster"])
def test_a_module_added_to_a_loaded_package_re_reports(tmp_path: Path, fw: str) -> None:
    write_project(
        tmp_path,
        {
            "project/resources.py": RESOURCES.format(fw=fw),
            "project/assets/__init__.py": "",
            "project/assets/core.py": PACKAGE_ASSET.format(fw=fw, name="orders", key="db"),
            "project/definitions.py": PACKAGE_DEFINITIONS.format(fw=fw),
        },
    )
    # the directory: mypy must find the added module itself
    assert mypy(tmp_path, targets=["project"]) == []
    extra = tmp_path / "project/assets/extra.py"
    extra.write_text(PACKAGE_ASSET.format(fw=fw, name="events", key="cache"))
    unique_mtime(extra.parent)  # a new entry in the second of the last run must still show
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_PACKAGE_CACHE]
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_PACKAGE_CACHE]
    extra.unlink()
    unique_mtime(extra.parent)
    assert mypy(tmp_path, targets=["project"]) == []


DG_ORDERS = """\
import dagster as dg

class Warehouse(dg.ConfigurableResource):
    dsn: str

@dg.asset
def orders(warehouse: Warehouse) -> str:
    return warehouse.dsn
"""

DG_RESOURCES = """\
import dagster as dg
from project.defs.orders import Warehouse

@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"warehouse": Warehouse(dsn="pg://")})
"""

DG_DEFINITIONS = """\
from pathlib import Path

import dagster as dg

@dg.definitions
def defs() -> dg.Definitions:
    return dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
"""

UNBOUND_DG_WAREHOUSE = (
    'project/definitions.py:7: error: Resource "warehouse" required by asset "orders" '
    '(expects "Warehouse") is not bound in Definitions(resources=...); bound keys: (none)  '
    '[dagwire-unbound-resource]'
)


def test_editing_a_defs_folder_module_re_reports_the_loading_function(tmp_path: Path) -> None:
    # mypy 2 writes a module's cache before it checks the module's function bodies, where a
    # dg project's folder is loaded and read: the files read there must still re-check it.
    write_project(
        tmp_path,
        {
            "project/dg.toml": '[project]\nroot_module = "project"\n',
            "project/defs/__init__.py": "",
            "project/defs/orders.py": DG_ORDERS,
            "project/defs/resources.py": DG_RESOURCES,
            "project/definitions.py": DG_DEFINITIONS,
        },
    )
    assert mypy(tmp_path, targets=["project"]) == []
    edit(tmp_path, "project/defs/resources.py", '{"warehouse": Warehouse(dsn="pg://")}', "{}")
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_DG_WAREHOUSE]
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_DG_WAREHOUSE]
    edit(tmp_path, "project/defs/resources.py", "{}", '{"warehouse": Warehouse(dsn="pg://")}')
    assert mypy(tmp_path, targets=["project"]) == []
    edit(tmp_path, "project/defs/resources.py", '{"warehouse": Warehouse(dsn="pg://")}', "{}")
    assert mypy(tmp_path, "-n", "2", targets=["project"]) == [UNBOUND_DG_WAREHOUSE]


def test_editing_a_yaml_components_type_re_reports_the_loading_function(tmp_path: Path) -> None:
    # Which component a folder holds is read from its YAML file: an edited `type:` must
    # re-check the module loading the folder, as an edited module does.
    write_project(
        tmp_path,
        {
            "project/dg.toml": '[project]\nroot_module = "project"\n',
            "project/defs/__init__.py": "",
            "project/defs/orders.py": DG_ORDERS,
            "project/defs/shared/defs.yaml": (
                "type: dagster.DefinitionsComponent\n\nattributes:\n  path: bindings.py\n"
            ),
            "project/definitions.py": DG_DEFINITIONS,
        },
    )
    assert mypy(tmp_path, targets=["project"]) == []
    yaml = "project/defs/shared/defs.yaml"
    edit(tmp_path, yaml, "dagster.DefinitionsComponent", "dagster.PythonScriptComponent")
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_DG_WAREHOUSE]
    edit(tmp_path, yaml, "dagster.PythonScriptComponent", "dagster.DefinitionsComponent")
    assert mypy(tmp_path, targets=["project"]) == []


DG_RESOURCE_CLASSES = """\
import dagster as dg

class Courier(dg.ConfigurableResource):
    token: str

class Depot(dg.ConfigurableResource):
    path: str
"""

DG_COMPONENT = """\
import dagster as dg
from project.resource_classes import Depot

class ShippingComponent(dg.Component, dg.Resolvable, dg.Model):
    region: str

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        @dg.asset(name=f"parcels_{self.region}")
        def parcels(depot: Depot) -> int:
            return 1

        return dg.Definitions(assets=[parcels], resources={"depot": Depot(path="/srv")})
"""

DG_STOCK = """\
import dagster as dg
from project.resource_classes import Courier, Depot

@dg.asset
def stock(depot: Depot, courier: Courier) -> int:
    return 1
"""

DG_COURIERS = """\
import dagster as dg
from project.resource_classes import Courier

@dg.definitions
def couriers() -> dg.Definitions:
    return dg.Definitions(resources={"courier": Courier(token="t")})
"""

UNBOUND_DG_COURIER = (
    'project/definitions.py:7: error: Resource "courier" required by asset "stock" '
    '(expects "Courier") is not bound in Definitions(resources=...); bound keys: "depot"  '
    '[dagwire-unbound-resource]'
)


def test_a_yaml_component_class_nothing_imports_is_read_from_a_warm_cache(
    tmp_path: Path,
) -> None:
    # The component's class is named only in YAML: from a warm cache mypy loads it only
    # because the loading module depends on it.
    write_project(
        tmp_path,
        {
            "project/dg.toml": '[project]\nroot_module = "project"\n',
            "project/resource_classes.py": DG_RESOURCE_CLASSES,
            "project/components/__init__.py": "",
            "project/components/shipping.py": DG_COMPONENT,
            "project/defs/__init__.py": "",
            "project/defs/shipping/defs.yaml": (
                "type: project.components.shipping.ShippingComponent\n\n"
                'attributes:\n  region: "eu"\n'
            ),
            "project/defs/stock.py": DG_STOCK,
            "project/defs/couriers.py": DG_COURIERS,
            "project/definitions.py": DG_DEFINITIONS,
        },
    )
    assert mypy(tmp_path, targets=["project"]) == []
    edit(tmp_path, "project/defs/couriers.py", '{"courier": Courier(token="t")}', "{}")
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_DG_COURIER]


FACTORIES = """\
from {fw} import AssetsDefinition, asset
from project.resources import Postgres

def table_asset(name: str) -> AssetsDefinition:
    @asset(name=name)
    def _table(db: Postgres) -> int:
        return 1
    return _table
"""

FACTORY_DEFINITIONS = """\
from {fw} import Definitions
from project.factories import table_asset
from project.resources import Postgres

defs = Definitions(assets=[table_asset(n) for n in ("a", "b")], resources={{"db": Postgres()}})
"""

UNBOUND_FACTORY_CACHE = (
    'project/definitions.py:5: error: Resource "cache" required by asset "_table" '
    '(expects "Postgres") is not bound in Definitions(resources=...); bound keys: "db"  '
    '[dagwire-unbound-resource]'
)


@pytest.mark.parametrize("fw", ["dagwire", "dagster"])
def test_editing_a_factory_in_another_module_re_reports(tmp_path: Path, fw: str) -> None:
    # The factory's module keeps its interface (the edit is inside a function body): the
    # module reading its source must still be checked again.
    write_project(
        tmp_path,
        {
            "project/resources.py": RESOURCES.format(fw=fw),
            "project/factories.py": FACTORIES.format(fw=fw),
            "project/definitions.py": FACTORY_DEFINITIONS.format(fw=fw),
        },
    )
    targets = ["project"]
    assert mypy(tmp_path, targets=targets) == []
    edit(tmp_path, "project/factories.py", "db: Postgres)", "db: Postgres, cache: Postgres)")
    assert mypy(tmp_path, targets=targets) == [UNBOUND_FACTORY_CACHE]
    assert mypy(tmp_path, targets=targets) == [UNBOUND_FACTORY_CACHE]
    edit(tmp_path, "project/factories.py", ", cache: Postgres)", ")")
    assert mypy(tmp_path, targets=targets) == []
    edit(tmp_path, "project/factories.py", "db: Postgres)", "db: Postgres, cache: Postgres)")
    assert mypy(tmp_path, "-n", "2", targets=targets) == [UNBOUND_FACTORY_CACHE]


NS_FACTORY = """\
import dagster as dg

class Courier(dg.ConfigurableResource):
    token: str

class StockFactory:
    @staticmethod
    def build(region: str) -> dg.Definitions:
        assets = [StockFactory._parcels(region)]
        return dg.Definitions(assets=assets)

    @staticmethod
    def _parcels(region: str) -> dg.AssetsDefinition:
        @dg.asset(name=f"parcels_{region}")
        def parcels(courier: Courier) -> int:
            return 1

        return parcels
"""

NS_STOCK = """\
import dagster as dg

@dg.definitions
def defs() -> dg.Definitions:
    from .factory import StockFactory

    return StockFactory.build("north")
"""

NS_RESOURCES = """\
import dagster as dg

@dg.definitions
def defs() -> dg.Definitions:
    from depot.defs.stock.factory import Courier

    return dg.Definitions(resources={"courier": Courier(token="t")})
"""

UNBOUND_NS_COURIER = (
    'depot/definitions.py:7: error: Resource "courier" required by asset "parcels" '
    '(expects "Courier") is not bound in Definitions(resources=...); bound keys: (none)  '
    '[dagwire-unbound-resource]'
)


def test_a_namespace_dg_project_built_by_factory_classes_re_reports_from_a_warm_cache(
    tmp_path: Path,
) -> None:
    # No __init__.py anywhere: a warm run holds no node for the namespace packages above the
    # defs folder (found on disk then), and each defs module builds its Definitions in static
    # methods of a factory class it imports inside its @definitions function.
    write_files(
        tmp_path,
        {
            "dg.toml": '[project]\nroot_module = "depot"\n',
            "depot/definitions.py": DG_DEFINITIONS,
            "depot/defs/stock/factory.py": NS_FACTORY,
            "depot/defs/stock/definitions.py": NS_STOCK,
            "depot/defs/resources.py": NS_RESOURCES,
        },
    )
    (tmp_path / "mypy.ini").write_text(config_text(["explicit_package_bases = True"], []))
    assert mypy(tmp_path, targets=["depot"]) == []
    edit(tmp_path, "depot/defs/resources.py", '{"courier": Courier(token="t")}', "{}")
    assert mypy(tmp_path, targets=["depot"]) == [UNBOUND_NS_COURIER]
    assert mypy(tmp_path, targets=["depot"]) == [UNBOUND_NS_COURIER]
    edit(tmp_path, "depot/defs/resources.py", "{}", '{"courier": Courier(token="t")}')
    assert mypy(tmp_path, targets=["depot"]) == []


DG_CACHED_FACTORY = """\
from functools import cache

import dagster as dg
from project.defs.orders import Warehouse

@cache
def get_refunds():
    @dg.asset
    def refunds(warehouse: Warehouse) -> int:
        return 1
    return refunds

@dg.definitions
def defs():
    refunds = get_refunds()
    return dg.Definitions(assets=[refunds])
"""

UNBOUND_DG_WAREHOUSE_REFUNDS = (
    'project/definitions.py:7: error: Resource "warehouse" required by asset "refunds" '
    '(expects "Warehouse") is not bound in Definitions(resources=...); bound keys: (none)  '
    '[dagwire-unbound-resource]'
)


def test_a_cached_factory_of_a_defs_module_is_read_from_a_warm_cache(tmp_path: Path) -> None:
    # A module loaded from mypy's cache keeps no decorators: `@cache` on the factory an
    # `@definitions` function calls is read in its source.
    write_project(
        tmp_path,
        {
            "project/dg.toml": '[project]\nroot_module = "project"\n',
            "project/defs/__init__.py": "",
            "project/defs/orders.py": DG_ORDERS.replace("@dg.asset\ndef orders", "def orders"),
            "project/defs/refunds.py": DG_CACHED_FACTORY,
            "project/defs/resources.py": DG_RESOURCES,
            "project/definitions.py": DG_DEFINITIONS,
        },
    )
    assert mypy(tmp_path, targets=["project"]) == []
    edit(tmp_path, "project/defs/resources.py", '{"warehouse": Warehouse(dsn="pg://")}', "{}")
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_DG_WAREHOUSE_REFUNDS]
    assert mypy(tmp_path, targets=["project"]) == [UNBOUND_DG_WAREHOUSE_REFUNDS]


NS_DEFS_DEFINITIONS = """\
from pathlib import Path

import dagster as dg

import shelf.defs


@dg.definitions
def defs() -> dg.Definitions:
    return dg.load_defs(defs_root=shelf.defs, project_root=Path(__file__).parent)
"""

NS_DEFS_RESOURCES = """\
import dagster as dg

class Till(dg.ConfigurableResource):
    port: str

class Scale(dg.ConfigurableResource):
    unit: str

@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"till": Till(port="p")})
"""

NS_DEFS_ASSETS = """\
import dagster as dg
from shelf.defs.resources import Scale, Till

@dg.asset
def weighed(till: Till, scale: Scale) -> int:
    return 1
"""

UNBOUND_NS_SCALE = (
    'shelf/definitions.py:10: error: Resource "scale" required by asset "weighed" (expects '
    '"Scale") is not bound in Definitions(resources=...); bound keys: "till"  '
    '[dagwire-unbound-resource]'
)


def test_a_namespace_defs_package_moved_with_its_cache(tmp_path: Path) -> None:
    # mypy keeps a namespace package's absolute folder in its cache: a project checked out
    # elsewhere with its cache (a CI cache restored in another workspace) must still find
    # its defs folder, not lose the location's findings.
    first, second = tmp_path / "first", tmp_path / "second"
    write_files(first, {
        "shelf/__init__.py": "",
        "shelf/definitions.py": NS_DEFS_DEFINITIONS,
        "shelf/defs/resources.py": NS_DEFS_RESOURCES,
        "shelf/defs/stock/weighing.py": NS_DEFS_ASSETS,
    })
    (first / "mypy.ini").write_text(config_text([], []))
    assert mypy(first, targets=["shelf"]) == [UNBOUND_NS_SCALE]
    shutil.move(str(first), str(second))
    assert mypy(second, targets=["shelf"]) == [UNBOUND_NS_SCALE]
    assert mypy(second, targets=["shelf"]) == [UNBOUND_NS_SCALE]


REJECTED_ASSETS = """\
import dagster as dg
from dagster import asset

from project.resources import Postgres

@dg.asset(kinds=["duckdb"])  # type: ignore[call-overload]
def orders(db: Postgres) -> int:
    return 1

@asset(kinds=["duckdb"], io_manager_key="lake")  # type: ignore[call-overload]
def refunds() -> int:
    return 1
"""

REJECTED_DEFINITIONS = """\
import dagster as dg

from project.assets import orders, refunds

defs = dg.Definitions(assets=[orders, refunds], resources={"lake": 1})
"""


def _unbound_rejected(key: str, asset: str, expects: str) -> str:
    return (
        f'project/definitions.py:5: error: Resource "{key}" required by asset "{asset}"'
        f'{expects} is not bound in Definitions(resources=...); bound keys: "lake"  '
        "[dagwire-unbound-resource]"
    )


def test_a_definition_mypy_rejected_is_read_from_a_warm_cache(tmp_path: Path) -> None:
    # mypy's rejected decorator call types the definition `Any`; a module loaded from its
    # cache keeps no decorators, so the definition is read in its module's source, and an
    # edit of the decorator's arguments (no change of interface) re-checks the reader.
    write_project(
        tmp_path,
        {
            "project/resources.py": RESOURCES.format(fw="dagster"),
            "project/assets.py": REJECTED_ASSETS,
            "project/definitions.py": REJECTED_DEFINITIONS,
        },
    )
    db = _unbound_rejected("db", "orders", ' (expects "Postgres")')
    assert mypy(tmp_path) == [db]
    edit(tmp_path, "project/assets.py", '"lake"', '"lake_v2"')
    lake = _unbound_rejected("lake_v2", "refunds", "")
    assert mypy(tmp_path) == [db, lake]
    edit(tmp_path, "project/definitions.py", "resources=", "resources = ")
    assert mypy(tmp_path) == [db, lake]
    edit(tmp_path, "project/assets.py", '"lake_v2"', '"lake"')
    assert mypy(tmp_path) == [db]
