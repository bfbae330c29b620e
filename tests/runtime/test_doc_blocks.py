"""Every ```python block of README.md and docs/runtime.md runs, as a reader would paste it.

Each block runs in a fresh interpreter in an empty folder, with no ``DB_URI`` or
``WAREHOUSE_URI`` in the environment. It must exit 0 and write nothing to stderr; a line
``print(...)  # TEXT`` states what it prints, and the block's output must be those texts, in
order. A block is left out only when the line just before its fence is
``<!-- doc-blocks: skip REASON -->`` (the reason says why it cannot run as it is).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_block_runs(block: Block, tmp_path: Path) -> None:
    if block.skip_reason:
        pytest.skip(block.skip_reason)
    env = {k: v for k, v in os.environ.items() if k not in {"DB_URI", "WAREHOUSE_URI"}}
    env["PYTHONPATH"] = str(ROOT)
    script = tmp_path / "block.py"
    script.write_text(block.code)
    run = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr) == (0, ""), f"{block.name} failed"
    assert run.stdout == stated_output(block.code)


def test_stated_output_reads_print_comments() -> None:
    code = 'x = 1  # not a print\nprint(x)  # 1\nprint("a")\n  print(len("ab"))  # 2\n'
    assert stated_output(code) == "1\n2\n"


def test_a_skip_marker_needs_a_reason(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("<!-- doc-blocks: skip needs a database -->\n```python\nx = 1\n```\n"
                    "<!-- doc-blocks: skip -->\n```python\ny = 2\n```\n")
    found = [(b.line, b.code, b.skip_reason) for b in python_blocks(page, tmp_path)]
    assert found == [(2, "x = 1\n", "needs a database"), (6, "y = 2\n", None)]
