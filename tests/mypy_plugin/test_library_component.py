"""Which YAML components of a dg project the plugin takes for a library's (binding no key)."""

from __future__ import annotations

from pathlib import Path

from dagwire.mypy_plugin.sources.dg_project import is_library_component


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
