"""Every conformance program through every tool: each reports exactly what is marked.

The six runs (mypy and flake8 in both flavours, the dagwire runtime, real dagster) happen
once per session, side by side (`tools.run_suite`); each test then compares one tool's
findings on one program with the program's marks (test-data/conformance/README.md).
"""

from __future__ import annotations

from collections import Counter
import pytest

from tests.conformance.kinds import KINDS, MARKABLE
from tests.conformance.programs import (
    STATIC_TOOLS,
    TOOLS,
    Finding,
    load_programs,
)
from tests.conformance.tools import SuiteRun
from tests.mypy_plugin.runner import HOOK_FAILED

PROGRAMS = load_programs()
BY_NAME = {program.name: program for program in PROGRAMS}
FAMILIES = {"requirer", "binding-site", "reach", "resource-dict", "dg-layout", "disagreement",
            "wrong-class", "run-config", "invocation", "legacy"}
# Reported by the runtime when definitions are loaded (dagwire's promise), never later.
AT_LOAD = {"unbound", "unbound-nested", "wrong-class", "io-manager-param"}
PHASES = ["import", "load", "tick", "run"]


def test_programs_are_collected() -> None:
    assert len(PROGRAMS) >= 100
    assert {p.family for p in PROGRAMS} == FAMILIES
    traps = [p for p in PROGRAMS if not p.expects]
    assert len(traps) >= 25
    assert sum(p.is_package for p in PROGRAMS) >= 15
    used = Counter(f.kind for p in PROGRAMS for f in p.expects)
    assert set(used) == set(MARKABLE), f"kinds without a program: {set(MARKABLE) - set(used)}"


def _params() -> list[object]:
    return [
        pytest.param(program.name, tool, id=f"{program.name}-{tool}")
        for program in PROGRAMS
        for tool in TOOLS
        if program.runs_on(tool)
    ]


def _comparable(tool: str, findings: list[Finding] | set[Finding]) -> set[object]:
    # The runtime and dagster report exceptions, not lines: compare kind and argument only.
    if tool in STATIC_TOOLS:
        return set(findings)
    return {(f.kind, f.arg) for f in findings}


@pytest.mark.parametrize("name, tool", _params())
def test_tool_reports_exactly_the_marked_findings(suite: SuiteRun, name: str, tool: str) -> None:
    program = BY_NAME[name]
    reported = suite.reported[tool].get(name)
    got = _comparable(tool, reported.findings if reported else set())
    required = _comparable(tool, program.expected_for(tool))
    allowed = required | _comparable(tool, program.optional_for(tool))
    gapped = _comparable(tool, [f for f in program.expects if program.gapped(tool, f)])
    problems = []
    for item in sorted(required - got, key=str):
        problems.append(f"missed: {item}")
    for item in sorted(got - allowed, key=str):
        if item in gapped:
            problems.append(f"gap closed, remove its '# gap: {tool} ...' mark: {item}")
        else:
            problems.append(f"not marked: {item}")
    raw = "\n  ".join(reported.raw) if reported else "(nothing)"
    assert not problems, f"{name} under {tool}:\n" + "\n".join(problems) + f"\noutput:\n  {raw}"


@pytest.mark.parametrize(
    "name", [p.name for p in PROGRAMS if p.dagster_only], ids=lambda name: name
)
def test_dagster_only_program_does_not_import_under_dagwire(suite: SuiteRun, name: str) -> None:
    reported = suite.reported["runtime"].get(name)
    raw = reported.raw if reported else []
    assert len(raw) == 1 and raw[0].startswith("import: "), (
        f"{name}: the dagwire flavour now imports ({raw}): remove its '# dagster-only:' mark"
    )


def test_runtime_reports_no_later_than_dagster(suite: SuiteRun) -> None:
    # dagwire's promise: binding mistakes when definitions load (sensors and schedules
    # included, where dagster waits for a tick), unless the binding site is itself a run
    # (`materialize`, `execute_in_process`); anything else no later than dagster. A mark
    # `# late: runtime ...` says where it is not so (and must stay true).
    late: list[str] = []
    marked_late: list[str] = []
    for program in PROGRAMS:
        runtime = suite.reported["runtime"].get(program.name)
        dagster = suite.reported["dagster"].get(program.name)
        if program.dagster_only or runtime is None:
            continue
        for key, phase in runtime.phases.items():
            theirs = dagster.phases.get(key, "run") if dagster else "run"
            limit = "load" if key[0] in AT_LOAD and theirs != "run" else theirs
            is_late = PHASES.index(phase) > PHASES.index(limit)
            if is_late != program.is_late(*key):
                (late if is_late else marked_late).append(
                    f"{program.name}: {key} at {phase}, dagster at {theirs}"
                )
    assert not late, "the runtime reports these later than dagster"
    assert not marked_late, "no longer late: remove their '# late:' marks"


def test_mypy_plugin_hooks_never_failed(suite: SuiteRun) -> None:
    for tool in ("mypy-dagster", "mypy-dagwire"):
        assert HOOK_FAILED not in suite.stderr[tool], suite.stderr[tool]


def test_every_gap_and_extra_says_why() -> None:
    for program in PROGRAMS:
        for gap in program.gaps:
            assert len(gap.reason) >= 15, (program.name, gap)
        for extra in program.extras:
            assert len(extra.reason) >= 15, (program.name, extra)
            assert extra.finding.kind in KINDS


def test_suite_ran_every_tool(suite: SuiteRun) -> None:
    # A run that checked nothing must not pass as "nothing reported".
    for tool in TOOLS:
        reports = suite.reported[tool]
        assert sum(len(r.findings) for r in reports.values()) >= 20, tool
