"""Every ```python block of README.md and docs/runtime.md runs, as a reader would paste it,
under dagwire and, with ``dagwire`` imports changed to ``dagster``, under the real dagster with
the same output (the promise that code moves by changing the import).

Each block runs in a fresh interpreter in an empty folder, with no ``DB_URI`` or
``WAREHOUSE_URI`` in the environment. It must exit 0 (and, under dagwire, write nothing to
stderr); a line ``print(...)  # TEXT`` states what it prints, and the block's output must be
those texts, in order. Under dagster, a ``Field`` imported from dagwire is pydantic's
(dagwire's ``Field`` takes both forms, dagster's is the legacy one). A block is left out only
when the line just before its fence is ``<!-- doc-blocks: skip REASON -->`` (the reason says
why it cannot run as it is).
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.mypy_plugin.runner import config_text, run_case_mypy, write_files

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", ROOT / "docs" / "runtime.md"]
SKIP = re.compile(r"<!-- doc-blocks: skip (?P<reason>\S.*?) -->")
STATED_OUTPUT = re.compile(r"^\s*print\(.*\)\s*#\s?(?P<text>.*)$")
MAX_SKIPPED = 2


@dataclass
class Block:
    page: str
    line: int  # of the opening fence
    code: str
    skip_reason: str | None

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def python_blocks(path: Path, root: Path = ROOT) -> list[Block]:
    lines = path.read_text().splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        if lines[index].strip() == "```python":
            end = next(i for i in range(index + 1, len(lines)) if lines[i].strip() == "```")
            marker = SKIP.search(lines[index - 1]) if index else None
            blocks.append(Block(path.relative_to(root).as_posix(), index + 1,
                                "\n".join(lines[index + 1:end]) + "\n",
                                marker.group("reason") if marker else None))
            index = end
        index += 1
    return blocks


BLOCKS = [block for page in PAGES for block in python_blocks(page)]


def test_the_pages_have_python_blocks_and_few_are_skipped() -> None:
    assert {block.page for block in BLOCKS} == {"README.md", "docs/runtime.md"}
    assert len([block for block in BLOCKS if block.skip_reason]) <= MAX_SKIPPED


def stated_output(code: str) -> str:
    return "".join(f"{m.group('text')}\n" for line in code.splitlines()
                   if (m := STATED_OUTPUT.match(line)))


def for_dagster(code: str) -> str:
    """The block with its dagwire imports changed to dagster (``Field`` from pydantic)."""
    lines = code.splitlines(keepends=True)
    for node in reversed(ast.parse(code).body):
        if isinstance(node, ast.ImportFrom) and node.module == "dagwire":
            assert node.end_lineno is not None
            if any(alias.name == "Field" for alias in node.names):
                lines.insert(node.end_lineno, "from pydantic import Field\n")
            lines[node.lineno - 1] = lines[node.lineno - 1].replace(
                "from dagwire import", "from dagster import", 1)
    return "".join(lines)


@pytest.mark.parametrize("framework", ["dagwire", "dagster"])
@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_block_runs(block: Block, framework: str, tmp_path: Path) -> None:
    if block.skip_reason:
        pytest.skip(block.skip_reason)
    env = {k: v for k, v in os.environ.items() if k not in {"DB_URI", "WAREHOUSE_URI"}}
    env["PYTHONPATH"] = str(ROOT)
    env["DAGSTER_HOME"] = str(tmp_path)
    script = tmp_path / "block.py"
    script.write_text(block.code if framework == "dagwire" else for_dagster(block.code))
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"{block.name} failed under {framework}:\n{run.stderr}"
    if framework == "dagwire":
        assert run.stderr == ""
    assert run.stdout == stated_output(block.code)


def test_for_dagster_changes_only_dagwire_imports() -> None:
    code = ("import os\nfrom dagwire import (Config,\n    Field, asset)\nfrom dagwire.x import y\n"
            "x = 'from dagwire import z'\n")
    assert for_dagster(code) == (
        "import os\nfrom dagster import (Config,\n    Field, asset)\nfrom pydantic import Field\n"
        "from dagwire.x import y\nx = 'from dagwire import z'\n")


def test_stated_output_reads_print_comments() -> None:
    code = 'x = 1  # not a print\nprint(x)  # 1\nprint("a")\n  print(len("ab"))  # 2\n'
    assert stated_output(code) == "1\n2\n"


def test_a_skip_marker_needs_a_reason(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("<!-- doc-blocks: skip needs a database -->\n```python\nx = 1\n```\n"
                    "<!-- doc-blocks: skip -->\n```python\ny = 2\n```\n")
    found = [(b.line, b.code, b.skip_reason) for b in python_blocks(page, tmp_path)]
    assert found == [(2, "x = 1\n", "needs a database"), (6, "y = 2\n", None)]


def test_blocks_type_check_with_the_plugin(tmp_path: Path) -> None:
    """What the docs show passes mypy with the plugin (a fake resource is a subclass)."""
    files = {f"block_{index}.py": block.code for index, block in enumerate(BLOCKS)
             if not block.skip_reason}
    config = config_text(["ignore_missing_imports = True"], [])
    out, err, status = run_case_mypy(tmp_path, config, write_files(tmp_path, files))
    assert (out, err, status) == ("", "", 0)
