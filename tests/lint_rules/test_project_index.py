"""Cross-file resolution: sibling modules are parsed once and re-read when they change."""

from __future__ import annotations

import ast
import os
from pathlib import Path

from dagwire.lint_rules.checker import check_module
from dagwire.lint_rules.project import ProjectIndex

ASSETS = '''
from dagster import ConfigurableResource, asset


class Db(ConfigurableResource):
    url: str


@asset
def orders(db: Db) -> None:
    pass
'''

DEFINITIONS = '''
from dagster import Definitions

from .assets import orders

defs = Definitions(assets=[orders], resources={})
'''

MESSAGE = "RSC101 resource key 'db' is required by asset 'orders' but not bound in Definitions"


def _project(tmp_path: Path) -> tuple[Path, Path]:
    package = tmp_path / "pipeline"
    package.mkdir()
    (package / "__init__.py").write_text("")
    assets = package / "assets.py"
    assets.write_text(ASSETS)
    definitions = package / "definitions.py"
    definitions.write_text(DEFINITIONS)
    return assets, definitions


def _messages(path: Path) -> list[str]:
    source = path.read_text()
    return [f.message for f in check_module(ast.parse(source), str(path), source)]


def test_sibling_changes_are_seen(tmp_path: Path) -> None:
    assets, definitions = _project(tmp_path)
    assert _messages(definitions) == [MESSAGE]
    assets.write_text(ASSETS.replace("def orders(db: Db)", "def orders(database: Db)"))
    stat = assets.stat()
    os.utime(assets, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert _messages(definitions) == [
        MESSAGE.replace("'db'", "'database'")
    ]


def test_a_module_is_parsed_once_per_process(tmp_path: Path) -> None:
    assets, definitions = _project(tmp_path)
    index = ProjectIndex()
    outline = index.model_for_path(str(assets))
    assert outline is not None and outline.outline  # a lookup needs no function bodies
    assert index.model_for_path(str(assets)) is outline
    # when flake8 checks the module itself, the full model replaces the outline in the cache
    source = assets.read_text()
    checked = index.checked_model(ast.parse(source), str(assets), source)
    assert not checked.outline
    other_source = definitions.read_text()
    index.checked_model(ast.parse(other_source), str(definitions), other_source)
    assert index.model_for_path(str(assets)) is checked
    assert index.checked_model(ast.parse(source), str(assets), source) is checked
    # an editor buffer that differs from the disk is modelled on its own and not cached
    buffer = source + "\n# unsaved\n"
    unsaved = index.checked_model(ast.parse(buffer), str(assets), buffer)
    assert unsaved is not checked
    assert index.model_for_path(str(assets)) is unsaved  # the buffer wins while it is checked
    index.checked_model(ast.parse(other_source), str(definitions), other_source)
    assert index.model_for_path(str(assets)) is checked


def test_unparsable_sibling_is_silently_skipped(tmp_path: Path) -> None:
    assets, definitions = _project(tmp_path)
    assets.write_text("def broken(:\n")
    assert _messages(definitions) == []
