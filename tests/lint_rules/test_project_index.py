"""Cross-file resolution: sibling modules are parsed once and re-read when they change."""

from __future__ import annotations

import ast
import os
from pathlib import Path

from dagwire.lint_rules.checker import check_module
from dagwire.source_model.project import ProjectIndex

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

MESSAGE = (
    "RSC101 resource key 'db' is required by asset 'orders' but not bound in Definitions; "
    "bound keys: (none)"
)


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
    return [f.message for f in check_module(ast.parse(path.read_text()), str(path))]


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
    assert outline is not None and outline.outline
    assert index.model_for_path(str(assets)) is outline
    # a looked-up module keeps signatures, not bodies
    orders = outline.by_name["orders"].func
    assert [type(stmt) for stmt in orders.body] == [ast.Pass]
    assert [arg.arg for arg in orders.args.args] == ["db"]


def test_the_checked_buffer_wins_while_it_is_checked(tmp_path: Path) -> None:
    assets, definitions = _project(tmp_path)
    index = ProjectIndex()
    on_disk = index.model_for_path(str(assets))
    buffer = ast.parse(assets.read_text() + "\n# unsaved\n")
    checked = index.checked_model(buffer, str(assets))
    assert checked is not on_disk and not checked.outline
    assert index.model_for_path(str(assets)) is checked
    index.checked_model(ast.parse(definitions.read_text()), str(definitions))
    assert index.model_for_path(str(assets)) is on_disk


def test_unparsable_sibling_is_silently_skipped(tmp_path: Path) -> None:
    assets, definitions = _project(tmp_path)
    assets.write_text("def broken(:\n")
    assert _messages(definitions) == []


def test_checked_file_leaves_an_outline_without_touching_flake8s_tree(tmp_path: Path) -> None:
    assets, _ = _project(tmp_path)
    index = ProjectIndex()
    tree = ast.parse(assets.read_text())
    before = ast.dump(tree)
    index.checked_model(tree, str(assets))
    assert ast.dump(tree) == before  # other plugins see the tree flake8 parsed
    index.checked_model(ast.parse(DEFINITIONS), str(assets.parent / "definitions.py"))
    outline = index.model_for_path(str(assets))
    assert outline is not None and outline.outline
    orders = outline.by_name["orders"].func
    assert [type(stmt) for stmt in orders.body] == [ast.Pass]
    assert outline.classes["Db"].body[0].target.id == "url"  # type: ignore[attr-defined]


def test_another_projects_models_are_dropped_when_its_files_are_checked(tmp_path: Path) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    first.mkdir()
    second.mkdir()
    assets, definitions = _project(first)
    other_assets, other_definitions = _project(second)
    index = ProjectIndex()
    index.checked_model(ast.parse(DEFINITIONS), str(definitions))
    outline = index.model_for_path(str(assets))
    assert outline is not None and index.model_for_path(str(assets)) is outline
    index.checked_model(ast.parse(DEFINITIONS), str(other_definitions))
    again = index.model_for_path(str(assets))  # read again: its project was left
    assert again is not None and again is not outline
    assert index.model_for_path(str(other_assets)) is index.model_for_path(str(other_assets))
    # and the findings are the same in and out of order
    assert _messages(definitions) == _messages(other_definitions) == [MESSAGE]
    assert _messages(definitions) == [MESSAGE]


def test_a_full_model_read_from_the_same_text_stands_for_the_checked_file(
    tmp_path: Path,
) -> None:
    assets, _ = _project(tmp_path)
    index = ProjectIndex()
    full = index.full_model(str(assets))
    assert full is not None and not full.outline
    text = assets.read_text()
    assert index.checked_model(ast.parse(text), str(assets), text) is full
    # an editor's unsaved buffer differs from the file: its own tree is checked
    buffer = text + "\n# unsaved\n"
    tree = ast.parse(buffer)
    checked = index.checked_model(tree, str(assets), buffer)
    assert checked is not full and checked.tree is tree
    # without the text flake8 parsed, nothing can be compared
    assert index.checked_model(ast.parse(text), str(assets)) is not full
