"""Each rule's doc page: the template, and its Example triggers the rule, Use instead does not."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from dagwire.lint_rules.rules import ALL_RULES
from tests.lint_rules.flake8_run import REPO, run_flake8

DOCS = REPO / "docs" / "rules"
CODES = [rule.CODE for rule in ALL_RULES]
SECTIONS = ["What it does", "Why is this bad", "Example", "Use instead", "Fix", "Known limits"]


def _section(text: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"missing section {title!r}"
    return match.group(1)


def _code_block(text: str, title: str) -> str:
    match = re.search(r"```python\n(.*?)```", _section(text, title), re.S)
    assert match, f"no python block under {title!r}"
    return match.group(1)


@lru_cache(maxsize=1)
def _reported_codes(tmp: str) -> dict[str, set[str]]:
    # One flake8 run over every extracted block, one file per block.
    root = Path(tmp)
    for code in CODES:
        text = (DOCS / f"{code}.md").read_text()
        (root / f"{code}_example.py").write_text(_code_block(text, "Example"))
        (root / f"{code}_use_instead.py").write_text(_code_block(text, "Use instead"))
    reported, completed = run_flake8(".", cwd=root)
    assert "Traceback" not in completed.stderr, completed.stderr
    codes: dict[str, set[str]] = defaultdict(set)
    for item in reported:
        codes[Path(item.path).stem].add(item.text.split()[0])
    return codes


@pytest.fixture(scope="module")
def reported_codes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    return _reported_codes(str(tmp_path_factory.mktemp("rule_docs")))


def test_every_rule_has_a_page_and_an_index_entry() -> None:
    assert len(CODES) == 11
    index = (DOCS / "README.md").read_text()
    for code in CODES:
        assert (DOCS / f"{code}.md").is_file(), code
        assert f"[{code}]({code}.md)" in index, code


@pytest.mark.parametrize("code", CODES)
def test_page_follows_the_template(code: str) -> None:
    text = (DOCS / f"{code}.md").read_text()
    assert text.startswith(f"# {code}: ")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == SECTIONS


@pytest.mark.parametrize("code", CODES)
def test_example_triggers_exactly_the_rule(code: str, reported_codes: dict[str, set[str]]) -> None:
    assert reported_codes[f"{code}_example"] == {code}


@pytest.mark.parametrize("code", CODES)
def test_use_instead_is_clean(code: str, reported_codes: dict[str, set[str]]) -> None:
    assert reported_codes[f"{code}_use_instead"] == set()


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.CODE)
def test_documented_messages_are_the_real_templates(rule: object) -> None:
    code = getattr(rule, "CODE")
    text = (DOCS / f"{code}.md").read_text()
    documented = re.findall(rf"`({code} [^`]+)`", text)
    assert documented, f"{code}: no message documented"
    templates = [
        value
        for name, value in vars(rule).items()
        if name.endswith("MESSAGE") and isinstance(value, str)
    ]
    for message in documented:
        assert any(_matches(template, message) for template in templates), message


def _matches(template: str, message: str) -> bool:
    pattern = re.escape(template)
    pattern = re.sub(r"\\\{\\\{", "{", pattern)  # literal braces in format strings
    pattern = re.sub(r"\\\}\\\}", "}", pattern)
    pattern = re.sub(r"\\\{[a-z_]+\\\}", ".+?", pattern)
    return re.fullmatch(pattern, message) is not None
