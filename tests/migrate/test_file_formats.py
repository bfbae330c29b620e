"""The bytes of a file survive migration: line endings, declared encodings, a BOM.

Each file is written as bytes, migrated with the real CLI, compared byte for byte with the
expected result and then run (it must print what the legacy file printed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.migrate import cli

LEGACY = (
    '{header}from dagwire import job, op\n'
    '\n'
    '\n'
    '@op(config_schema={{"n": int}})\n'
    'def repeat(context):\n'
    '    return "{word}" * context.op_config["n"]\n'
    '\n'
    '\n'
    '@job\n'
    'def j():\n'
    '    repeat()\n'
    '\n'
    '\n'
    'result = j.execute_in_process(run_config={{"ops": {{"repeat": {{"config": {{"n": 2}}}}}}}})\n'
    'print(result.output_for_node("repeat"))\n'
)
MIGRATED = (
    '{header}from dagwire import Config, job, op\n'
    '\n'
    '\n'
    'class RepeatConfig(Config):\n'
    '    n: int\n'
    '\n'
    '\n'
    '@op\n'
    'def repeat(config: RepeatConfig):\n'
    '    return "{word}" * config.n\n'
    '\n'
    '\n'
    '@job\n'
    'def j():\n'
    '    repeat()\n'
    '\n'
    '\n'
    'result = j.execute_in_process(run_config={{"ops": {{"repeat": {{"config": {{"n": 2}}}}}}}})\n'
    'print(result.output_for_node("repeat"))\n'
)

# name -> (header, word, newline, encoding of the bytes)
FORMATS = {
    "crlf": ("", "ab", "\r\n", "utf-8"),
    "latin1_cookie": ("# -*- coding: latin-1 -*-\n", "caf\u00e9", "\n", "latin-1"),
    "bom": ("\ufeff", "caf\u00e9", "\n", "utf-8"),
    "cp1252_cookie_crlf": ("# coding: cp1252\n", "\u20ac", "\r\n", "cp1252"),
}


def _bytes(template: str, header: str, word: str, newline: str, encoding: str) -> bytes:
    return template.format(header=header, word=word).replace("\n", newline).encode(encoding)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_file_keeps_its_encoding_and_line_endings(name: str, tmp_path: Path) -> None:
    header, word, newline, encoding = FORMATS[name]
    main = tmp_path / "main.py"
    main.write_bytes(_bytes(LEGACY, header, word, newline, encoding))
    before = subprocess.run([sys.executable, "main.py"], cwd=tmp_path, env=cli.env(),
                            capture_output=True, timeout=300)
    assert before.returncode == 0, before.stderr

    written = cli.migrate("--write", ".", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert written.stderr.splitlines()[-1] == (
        "1 file changed, 0 TODOs, 0 errors (1 file, 1 parsed)")
    assert main.read_bytes() == _bytes(MIGRATED, header, word, newline, encoding)

    after = subprocess.run([sys.executable, "main.py"], cwd=tmp_path, env=cli.env(),
                           capture_output=True, timeout=300)
    assert after.returncode == 0, after.stderr
    assert after.stdout == before.stdout

    again = cli.migrate("--check", ".", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, ""), again.stderr


def test_the_diff_of_a_latin1_file_is_text_not_bytes(tmp_path: Path) -> None:
    header, word, newline, encoding = FORMATS["latin1_cookie"]
    (tmp_path / "main.py").write_bytes(_bytes(LEGACY, header, word, newline, encoding))
    diff = cli.migrate("--diff", ".", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    assert '+    return "caf\u00e9" * config.n\n' in diff.stdout


def test_an_unknown_declared_encoding_is_a_file_error(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_bytes(b"# coding: klingon\nfrom dagwire import op\n")
    result = cli.migrate("--check", ".", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: main.py: cannot read: unknown encoding: klingon",
        "0 files to change, 0 TODOs, 1 error (1 file, 0 parsed)",
    ]
