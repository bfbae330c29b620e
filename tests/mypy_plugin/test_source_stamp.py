"""The plugin's cache data names dagwire's own sources: a plugin changed in place under the
same version makes mypy re-check, instead of replaying the old plugin's findings."""

from __future__ import annotations

import os
from pathlib import Path

from mypy.options import Options
from mypy.plugin import ReportConfigContext

from dagwire.mypy_plugin.plugin import DagwirePlugin
from dagwire.mypy_plugin.source_stamp import source_stamp, stamp_of


def test_stamp_changes_with_a_source_file_not_with_bytecode(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    source = tmp_path / "rules" / "unbound.py"
    source.write_text("A = 1\n")
    first = stamp_of(str(tmp_path))
    (tmp_path / "rules" / "__pycache__").mkdir()
    (tmp_path / "rules" / "__pycache__" / "unbound.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "notes.txt").write_text("not a source\n")
    assert stamp_of(str(tmp_path)) == first
    source.write_text("A = 22\n")
    assert stamp_of(str(tmp_path)) != first
    second = stamp_of(str(tmp_path))
    os.utime(source, ns=(1, 1))
    assert stamp_of(str(tmp_path)) not in (first, second)


def test_plugin_reports_the_stamp_for_user_and_framework_modules(tmp_path: Path) -> None:
    options = Options()
    options.cache_dir = os.devnull
    plugin = DagwirePlugin(options)
    for module in ("project.definitions", "dagster._core.definitions.definitions_class"):
        data = plugin.report_config_data(ReportConfigContext(module, "x.py", is_check=True))
        assert data["source"] == source_stamp()
    assert len(source_stamp()) == 16
