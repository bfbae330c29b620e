"""The rules as reports describe them (SARIF's rule metadata): code, name, one-line summary,
level and the rule's page. Read from the rule modules themselves, so nothing is kept twice."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import dagwire
from dagwire.lint_rules.rules import ALL_RULES

# by code block (docs/rules/README.md): a bug at run time, legacy API that still runs, security
_LEVELS = {"RSC1": "error", "RSC2": "warning", "RSC3": "error"}
_TAGS = {"RSC1": "correctness", "RSC2": "legacy-api", "RSC3": "security"}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    level: str  # SARIF's "error" / "warning"
    tags: tuple[str, ...] = ()
    documented: bool = False  # has a page in docs/rules/


# Not rules, but codes a report can carry: flake8's for an unreadable or unparsable file, and
# the lint rules' own internal-error code.
SYNTAX_ERROR = Rule("E999", "syntax-error", "The file does not parse, so no rule checked it.",
                    "error")
READ_ERROR = Rule("E902", "unreadable-file", "The file cannot be read.", "error")
INTERNAL_ERROR = Rule("RSC000", "internal-error",
                      "An internal error in the rules: no RSC findings for this file.", "error")


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    found = [INTERNAL_ERROR]
    for module in ALL_RULES:
        code: str = module.CODE
        first_paragraph = (module.__doc__ or code).strip().split("\n\n", 1)[0]
        summary = " ".join(first_paragraph.split()).removeprefix(f"{code}: ")
        block = code[:4]
        found.append(Rule(
            code=code,
            name=module.__name__.rsplit(".", 1)[-1].replace("_", "-"),
            summary=summary[:1].upper() + summary[1:],
            level=_LEVELS.get(block, "error"),
            tags=(_TAGS[block],) if block in _TAGS else (),
            documented=True,
        ))
    return (*found, SYNTAX_ERROR, READ_ERROR)


def rule_for(code: str) -> Rule:
    for rule in all_rules():
        if rule.code == code:
            return rule
    return Rule(code, code.lower(), code, "error")


def rule_page(code: str) -> Path | None:
    """The rule's page (docs/rules/CODE.md): beside the package in a source checkout, or
    where the wheel installed it (``share/dagwire/rules``)."""
    for folder in _page_folders():
        candidate = folder / f"{code}.md"
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def _page_folders() -> tuple[Path, ...]:
    folders = [Path(dagwire.__file__).resolve().parent.parent / "docs" / "rules"]
    try:  # importlib.metadata costs a few milliseconds: only reports with rule help need it
        from importlib.metadata import PackageNotFoundError, distribution

        files = distribution("dagwire").files or []
    except PackageNotFoundError:
        files = []
    for file in files:
        if file.name == "RSC101.md" and file.parent.name == "rules":
            folders.append(Path(str(file.locate())).resolve().parent)
    return tuple(folders)


def rule_url(code: str, docs_url: str | None) -> str | None:
    """Where a reader finds the rule's page: under ``docs-url`` when set, else the page file."""
    if not rule_for(code).documented:
        return None
    if docs_url:
        return f"{docs_url.rstrip('/')}/{code}.md"
    page = rule_page(code)
    return page.as_uri() if page is not None else None
