"""``--format text|json|github|sarif``, exit codes, and files that cannot be checked."""

from __future__ import annotations

import json
from pathlib import Path

from dagwire.lint_rules.rules import ALL_RULES
from tests.check.check_run import run_check
from tests.lint_rules.flake8_run import REPO

# A non-ASCII name before the finding: flake8 counts UTF-8 bytes, SARIF UTF-16 code units.
SOURCE = '''\
from dagster import op


@op(required_resource_keys={"db"})
def load(context) -> None:
    café = "é"; context.resources.db.query(café)
'''
RSC201 = ("context.resources.db is the legacy resource API: request 'db' as a parameter "
          "annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy "
          "resource (dagwire migrate rewrites the cases it can prove safe)")


def sample(tmp_path: Path) -> Path:
    (tmp_path / "ops.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def test_text(tmp_path: Path) -> None:
    completed = run_check("ops.py", cwd=sample(tmp_path))
    assert completed.returncode == 1
    assert completed.stdout == f"ops.py:6:19: RSC201 {RSC201}\n"
    assert completed.stderr == "dagwire check: 1 finding in 1 file (1 file checked)\n"


def test_json(tmp_path: Path) -> None:
    completed = run_check("--format=json", cwd=sample(tmp_path))
    assert completed.returncode == 1
    assert json.loads(completed.stdout) == [{
        "path": "ops.py", "line": 6, "column": 19, "code": "RSC201", "message": RSC201,
        "url": (REPO / "docs" / "rules" / "RSC201.md").as_uri(),
    }]
    clean = run_check("--format=json", "--select=RSC1", cwd=tmp_path)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "[]\n", "")


def test_github_annotations(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a,b.py").write_text(SOURCE.replace("café", "x"))
    completed = run_check("--format=github", cwd=tmp_path)
    assert completed.returncode == 1
    # RSC2xx (legacy API that still runs) is a warning; commas and colons in properties escaped
    assert completed.stdout == (
        f"::warning file=sub/a%2Cb.py,line=6,col=15,title=dagwire RSC201::RSC201 {RSC201}\n"
    )


def test_sarif(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.dagwire.lint]\ndocs-url = "https://docs.example.org/dagwire/rules/"\n')
    completed = run_check("--format=sarif", cwd=sample(tmp_path))
    assert completed.returncode == 1
    log = json.loads(completed.stdout)
    assert (log["version"], log["$schema"]) == (
        "2.1.0", "https://json.schemastore.org/sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("dagwire", "0.1.0")
    rules = {rule["id"]: rule for rule in driver["rules"]}
    codes = [module.CODE for module in ALL_RULES]
    assert list(rules) == ["RSC000", *codes, "E999", "E902"]
    for code in codes:
        page = (REPO / "docs" / "rules" / f"{code}.md").read_text(encoding="utf-8")
        assert rules[code]["helpUri"] == f"https://docs.example.org/dagwire/rules/{code}.md"
        assert rules[code]["help"] == {"text": page, "markdown": page}
    assert {k: v for k, v in rules["RSC201"].items() if k != "help"} == {
        "id": "RSC201",
        "name": "legacy-context-resources",
        "shortDescription": {"text": "`context.resources.x` in an op, asset, sensor or "
                                     "schedule: request `x` as a resource parameter."},
        "defaultConfiguration": {"level": "warning"},
        "helpUri": "https://docs.example.org/dagwire/rules/RSC201.md",
        "properties": {"tags": ["legacy-api"]},
    }
    assert rules["RSC101"]["defaultConfiguration"] == {"level": "error"}
    assert "helpUri" not in rules["RSC000"] and "help" not in rules["RSC000"]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.resolve().as_uri() + "/"}}
    assert run["results"] == [{
        "ruleId": "RSC201",
        "ruleIndex": list(rules).index("RSC201"),
        "level": "warning",
        "message": {"text": RSC201},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "ops.py", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 6, "startColumn": 17},
        }}],
    }]


def test_files_that_cannot_be_checked(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("from dagster import op\n\nx = (\n")
    (tmp_path / "latin.py").write_bytes(b"# -*- coding: latin-1 -*-\nname = '\xe9'\n")
    completed = run_check("--select=RSC201", cwd=tmp_path)
    # not subject to --select or # noqa: no rule could look at the file
    assert completed.returncode == 1
    assert completed.stdout == "broken.py:3:5: E999 SyntaxError: '(' was never closed\n"


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    completed = run_check("missing.py", "other", cwd=tmp_path)
    assert (completed.returncode, completed.stdout) == (2, "")
    assert completed.stderr == (
        "dagwire check: no such file or directory: missing.py, other\n")
    assert run_check("--format=xml", cwd=tmp_path).returncode == 2
