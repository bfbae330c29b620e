"""Advice that is right where it is given.

- Each program of `test-data/advice/` holds one finding marked `# advice: CODE`: the fix its
  message gives is applied as written (the value it points at replaced, a plain `str` schema
  field declared `StringSource` where the message says so) and the result is run under the
  real `dagster` package, which must load it and pass the variable's value through.
- Every finding whose message promises "dagwire migrate rewrites this" (in `test-data/lint/`
  and the examples) is gone once `dagwire migrate --write` ran: the promise is checked
  against what migrate does today, not against a list.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dagwire.lint_rules.file_check import MIGRATE_REWRITES
from tests.lint_rules.flake8_run import REPO, Reported, run_flake8

ADVICE = REPO / "test-data" / "advice"
PROGRAMS = sorted(ADVICE.glob("*.py"))
_MARK = re.compile(r"#\s*advice: (RSC\d{3})")
# The variable a fix reads when the message leaves its name to the user (`EnvVar("...")`).
_CHOSEN = "ADVICE_VARIABLE"

# Runs each patched program in a fresh module with its own environment; prints one JSON line.
_RUNNER = """
import importlib.util, json, os, sys, traceback
results = {}
for name, env in json.loads(sys.argv[1]).items():
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        spec = importlib.util.spec_from_file_location(name, os.path.join(sys.argv[2], name + ".py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.exercise()
        results[name] = "ok"
    except BaseException:
        results[name] = traceback.format_exc()[-1500:]
    finally:
        os.environ.clear()
        os.environ.update(saved)
print(json.dumps(results))
"""


def _marked(path: Path) -> tuple[int, str]:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _MARK.search(line)
        if match:
            return number, match.group(1)
    raise AssertionError(f"{path.name}: no '# advice: CODE' mark")


def _offset(lines: list[str], line: int, col: int) -> int:
    return sum(len(text) + 1 for text in lines[: line - 1]) + col


def _replace(source: str, node: ast.AST, text: str) -> str:
    lines = source.split("\n")
    start = _offset(lines, node.lineno, node.col_offset)  # type: ignore[attr-defined]
    end = _offset(lines, node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
    return source[:start] + text + source[end:]


def _node_at(tree: ast.Module, line: int, col: int) -> ast.expr:
    """The outermost expression starting where flake8 reported (col is 1-based)."""
    found = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.expr) and node.lineno == line and node.col_offset == col - 1
    ]
    assert found, f"no expression at {line}:{col}"
    return max(found, key=lambda n: (n.end_lineno or 0, n.end_col_offset or 0))


def apply_advice(source: str, finding: Reported) -> tuple[str, dict[str, str]]:
    """The program with the fix the finding's message gives, and the environment it reads."""
    tree = ast.parse(source)
    message = finding.text
    code = message.split()[0]
    if code == "RSC102":
        key = re.search(r"add '(\w+)' to its required_resource_keys", message)
        assert key, message
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "required_resource_keys":
                assert isinstance(node.value, ast.Set)
                keys = [*(ast.unparse(e) for e in node.value.elts), repr(key.group(1))]
                return _replace(source, node.value, "{" + ", ".join(keys) + "}"), {}
        raise AssertionError("no required_resource_keys to add to")
    if code == "RSC104":
        wrapped = re.search(r"use ResourceParam\[(\w+)\]$", message)
        assert wrapped, message
        arg = next(
            node for node in ast.walk(tree)
            if isinstance(node, ast.arg) and (node.lineno, node.col_offset + 1) == (finding.line, finding.col)
        )
        assert arg.annotation is not None
        return _replace(source, arg.annotation, f"dg.ResourceParam[{wrapped.group(1)}]"), {}
    node = _node_at(tree, finding.line, finding.col)
    env_var = re.search(r'pass (EnvVar(?:\.int)?)\("([^"]+)"\)', message)
    conditional = re.search(r'\(EnvVar\("\.\.\."\) if \w+ is a ConfigurableResource', message)
    if env_var or conditional:
        kind, name = env_var.groups() if env_var else ("EnvVar", "...")
        name = _CHOSEN if name == "..." else name
        value = "42" if kind == "EnvVar.int" else "from-env"
        return _replace(source, node, f'dg.{kind}("{name}")'), {name: value}
    assert 'give {"env": "..."}' in message, message
    patched = _replace(source, node, f'{{"env": "{_CHOSEN}"}}')
    plain = re.search(
        r"declare '(\w+)' as StringSource in the config_schema of resource '(\w+)'", message
    )
    if plain:
        field, resource = plain.groups()
        patched_tree = ast.parse(patched)
        schema = next(
            keyword.value
            for func in ast.walk(patched_tree)
            if isinstance(func, ast.FunctionDef) and func.name == resource
            for decorator in func.decorator_list
            if isinstance(decorator, ast.Call)
            for keyword in decorator.keywords
            if keyword.arg == "config_schema"
        )
        assert isinstance(schema, ast.Dict)
        value = next(
            v for k, v in zip(schema.keys, schema.values)
            if isinstance(k, ast.Constant) and k.value == field
        )
        patched = _replace(patched, value, "dg.StringSource")
    return patched, {_CHOSEN: "from-env"}


def test_there_are_programs_for_every_advice() -> None:
    codes = {_marked(path)[1] for path in PROGRAMS}
    assert codes == {"RSC102", "RSC104", "RSC301", "RSC302"}
    assert len(PROGRAMS) >= 12


def test_each_advice_loads_and_runs_under_dagster(tmp_path: Path) -> None:
    reported, completed = run_flake8(str(ADVICE.relative_to(REPO)))
    assert "Traceback" not in completed.stderr, completed.stderr
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    environments: dict[str, dict[str, str]] = {}
    advised: dict[str, str] = {}
    for path in PROGRAMS:
        line, code = _marked(path)
        rel = str(path.relative_to(REPO))
        found = [
            r for r in reported if r.path == rel and r.line == line and r.text.startswith(code)
        ]
        assert len(found) == 1, (path.name, found)
        patched, env = apply_advice(path.read_text(), found[0])
        assert patched != path.read_text()
        (fixed / path.name).write_text(patched)
        environments[path.stem] = env
        advised[path.name] = found[0].text
    after, _ = run_flake8(".", cwd=fixed)
    for item in after:  # the fix resolves the finding it was advised for
        assert item.text != advised.get(Path(item.path).name), item
    run = subprocess.run(
        [sys.executable, "-c", _RUNNER, json.dumps(environments), str(fixed)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout.strip().splitlines()[-1])
    failures = {name: error for name, error in results.items() if error != "ok"}
    assert failures == {}
    assert len(results) == len(PROGRAMS)


def test_advice_is_refused_as_written_before_the_fix(tmp_path: Path) -> None:
    """The programs are not fine as they are: unfixed, each one fails its own exercise (the
    secret in the source is not the environment's), so the test above proves the fix."""
    environments = {path.stem: {_CHOSEN: "from-env"} for path in PROGRAMS}
    for path in PROGRAMS:
        shutil.copy(path, tmp_path / path.name)
    run = subprocess.run(
        [sys.executable, "-c", _RUNNER, json.dumps(environments), str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    results = json.loads(run.stdout.strip().splitlines()[-1])
    assert [name for name, error in results.items() if error == "ok"] == []


def _enclosing_function(source: str, line: int) -> str | None:
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            start = min([d.lineno for d in node.decorator_list] + [node.lineno])
            if start <= line <= (node.end_lineno or line):
                return node.name
    return None


def _function_span(source: str, name: str) -> tuple[int, int]:
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            start = min([d.lineno for d in node.decorator_list] + [node.lineno])
            return start, node.end_lineno or start
    raise AssertionError(f"{name} is gone after migrate")


@pytest.mark.parametrize("folder", ["lint", "examples"])
def test_migrate_rewrites_what_the_messages_promise(folder: str, tmp_path: Path) -> None:
    copy = tmp_path / folder
    if folder == "lint":
        shutil.copytree(REPO / "test-data" / "lint", copy)
    else:
        copy.mkdir()
        for name in ("broken_pipeline", "legacy_pipeline"):
            shutil.copytree(REPO / "examples" / name, copy / name)
    before, _ = run_flake8(".", cwd=copy)
    claims = [item for item in before if MIGRATE_REWRITES in item.text]
    assert len(claims) >= 2, "no finding promises a rewrite: the test would prove nothing"
    owners = []
    for item in claims:
        source = (copy / item.path).read_text()
        owner = _enclosing_function(source, item.line)
        assert owner is not None, item
        owners.append((item, owner))
    migrated = subprocess.run(
        [sys.executable, "-m", "dagwire", "migrate", "--write", "."],
        capture_output=True, text=True, cwd=copy, timeout=600,
    )
    assert migrated.returncode in (0, 1), migrated.stderr
    after, _ = run_flake8(".", cwd=copy)
    for item, owner in owners:
        source = (copy / item.path).read_text()
        start, end = _function_span(source, owner)
        code = item.text.split()[0]
        left = [a for a in after if a.path == item.path and start <= a.line <= end
                and a.text.split()[0] == code]
        assert left == [], (item, left)


def test_rsc201_reports_the_kinds_migrate_rewrites() -> None:
    from dagwire.lint_rules.rules.legacy_context_resources import MIGRATED_KINDS
    from dagwire.migrate.scope import REWRITTEN_DECORATORS

    assert MIGRATED_KINDS == REWRITTEN_DECORATORS
