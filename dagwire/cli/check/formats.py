"""The output formats of ``dagwire check``: ``text`` (flake8's lines), ``json``, ``github``
(GitHub Actions annotations) and ``sarif`` (SARIF 2.1.0, for code scanning)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dagwire import __version__
from dagwire.cli.check.rules import Rule, all_rules, rule_for, rule_page, rule_url

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass(frozen=True, order=True)
class Reported:
    path: str  # as shown: relative to the working directory when below it
    line: int
    column: int  # 1-based, in bytes of UTF-8 like flake8's
    code: str
    message: str  # without the code
    source_line: str = ""  # the text of line `line`, to count SARIF's UTF-16 columns


def render(found: Sequence[Reported], output_format: str, docs_url: str | None) -> str:
    renderers: dict[str, Callable[[Sequence[Reported], str | None], str]] = {
        "text": _text, "json": _json, "github": _github, "sarif": _sarif,
    }
    return renderers[output_format](found, docs_url)


def _text(found: Sequence[Reported], docs_url: str | None) -> str:
    return "".join(f"{r.path}:{r.line}:{r.column}: {r.code} {r.message}\n" for r in found)


def _json(found: Sequence[Reported], docs_url: str | None) -> str:
    items = [
        {"path": r.path, "line": r.line, "column": r.column, "code": r.code,
         "message": r.message, "url": rule_url(r.code, docs_url)}
        for r in found
    ]
    return json.dumps(items, indent=2) + "\n"


def _github(found: Sequence[Reported], docs_url: str | None) -> str:
    lines = []
    for r in found:
        command = "warning" if rule_for(r.code).level == "warning" else "error"
        properties = ",".join(
            f"{key}={_escape_property(value)}" for key, value in (
                ("file", r.path.replace(os.sep, "/")), ("line", str(r.line)),
                ("col", str(r.column)), ("title", f"dagwire {r.code}"))
        )
        lines.append(f"::{command} {properties}::{_escape_data(f'{r.code} {r.message}')}\n")
    return "".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _sarif(found: Sequence[Reported], docs_url: str | None) -> str:
    rules = list(all_rules())
    known = {rule.code for rule in rules}
    rules += [rule_for(code) for code in sorted({r.code for r in found} - known)]
    index = {rule.code: i for i, rule in enumerate(rules)}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "dagwire",
                "version": __version__,
                "rules": [_sarif_rule(rule, docs_url) for rule in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "results": [_sarif_result(r, index[r.code]) for r in found],
        }],
    }
    return json.dumps(log, indent=2) + "\n"


def _sarif_rule(rule: Rule, docs_url: str | None) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": rule.level},
    }
    page = rule_page(rule.code) if rule.documented else None
    if page is not None:
        text = page.read_text(encoding="utf-8")
        entry["help"] = {"text": text, "markdown": text}
    url = rule_url(rule.code, docs_url)
    if url is not None:
        entry["helpUri"] = url
    if rule.tags:
        entry["properties"] = {"tags": list(rule.tags)}
    return entry


def _sarif_result(r: Reported, rule_index: int) -> dict[str, object]:
    artifact = (
        {"uri": Path(r.path).as_uri()} if os.path.isabs(r.path)
        else {"uri": Path(r.path).as_posix(), "uriBaseId": "%SRCROOT%"}
    )
    return {
        "ruleId": r.code,
        "ruleIndex": rule_index,
        "level": rule_for(r.code).level,
        "message": {"text": r.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": r.line, "startColumn": _utf16_column(r)},
        }}],
    }


def _utf16_column(r: Reported) -> int:
    """SARIF counts columns in UTF-16 code units; flake8's column counts UTF-8 bytes."""
    prefix = r.source_line.encode("utf-8")[: r.column - 1].decode("utf-8", "replace")
    return len(prefix.encode("utf-16-le")) // 2 + 1
