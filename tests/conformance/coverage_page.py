"""Write docs/coverage.md from the conformance programs and one run of the suite.

    python -m tests.conformance.coverage_page          # rewrite docs/coverage.md
    python -m tests.conformance.coverage_page --check  # exit 1 if it is not current

What each tool reports comes from the programs' marks (the suite proves every tool does
exactly that); when the runtime and dagster report a mistake (load, tick or run) comes from
the run. `test_coverage_page.py` regenerates the page from the session's run and compares.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from tests.conformance.kinds import KINDS
from tests.conformance.programs import DATA, REPO, Program, load_programs
from tests.conformance.tools import SuiteRun, run_suite

PAGE = REPO / "docs" / "coverage.md"
FAMILY_ORDER = ("requirer", "binding-site", "reach", "resource-dict", "dg-layout",
                "wrong-class", "run-config", "invocation", "legacy", "disagreement")
FAMILY_TITLES = {
    "requirer": "What requires a resource",
    "binding-site": "Where resources are bound",
    "reach": "How definitions reach Definitions",
    "resource-dict": "How the resource dict is built",
    "dg-layout": "dg projects (defs folders, @definitions)",
    "wrong-class": "Resources of the wrong class",
    "run-config": "Run config",
    "invocation": "Direct calls",
    "legacy": "Legacy API",
    "disagreement": "The disagreements that started the suite",
}
# column -> the tools behind it (flake8 runs in both flavours and must agree)
COLUMNS = {
    "mypy (dagster code)": ("mypy-dagster",),
    "mypy (dagwire code)": ("mypy-dagwire",),
    "flake8 RSC": ("flake8-dagster", "flake8-dagwire"),
    "dagwire runtime": ("runtime",),
    "dagster": ("dagster",),
}
Phases = dict[str, dict[tuple[str, str], str]]  # "program/tool" -> (kind, arg) -> phase


class Notes:
    """Numbered reasons, each written once under the table."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def ref(self, text: str) -> str:
        number = self.numbers.setdefault(text, len(self.numbers) + 1)
        return f"[{number}](#r{number})"


def _cell(program: Program, tools: tuple[str, ...], phases: Phases, notes: Notes) -> str:
    tool = tools[0]
    if not program.runs_on(tool):
        return "n/a " + notes.ref(f"dagster-only: {program.dagster_only}")
    parts: list[str] = []
    gaps = {g.reason for t in tools for g in program.gaps if g.tool == t}
    extras = {f"{e.finding.neutral()}: {e.reason}" for t in tools for e in program.extras
              if e.tool == t}
    if tool == "dagster":
        seen = phases.get(f"{program.name}/dagster", {})
        for finding in program.expects:
            key = (finding.kind, finding.arg)
            if key in seen:
                parts.append(f"at {seen[key]}")
            elif KINDS[finding.kind].stricter_than_dagster:
                parts.append("runs it")
        return ", ".join(sorted(set(parts))) or "loads"
    if program.expects:
        reported = [f for f in program.expects if all(program.gapped(t, f) is None for t in tools)]
        if reported:
            parts.append("yes" if len(reported) == len(program.expects) else "partly")
            if tool == "runtime":
                seen = phases.get(f"{program.name}/runtime", {})
                when = sorted({seen[(f.kind, f.arg)] for f in reported
                               if (f.kind, f.arg) in seen})
                parts[-1] += f" (at {', '.join(when)})" if when else ""
        if gaps:
            parts.append("**no** " + " ".join(notes.ref(r) for r in sorted(gaps)))
        if tool == "runtime" and program.late:
            parts.append("late " + " ".join(notes.ref(g.reason) for g in program.late))
    else:
        parts.append("silent" if not extras else "")
    if extras:
        parts.append("**false report** " + " ".join(notes.ref(e) for e in sorted(extras)))
    return " ".join(p for p in parts if p)


def _summary(programs: list[Program]) -> list[str]:
    lines = ["| | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    rows: dict[str, list[str]] = {"programs run": [], "marked findings reported": [],
                                  "gaps (findings missed)": [], "false reports": []}
    for tools in COLUMNS.values():
        tool = tools[0]
        run = [p for p in programs if p.runs_on(tool)]
        marked = [(p, f) for p in run for f in p.expects]
        if tool == "dagster":
            missed = [(p, f) for p, f in marked if KINDS[f.kind].stricter_than_dagster]
        else:
            missed = [(p, f) for p, f in marked if any(p.gapped(t, f) for t in tools)]
        extras = {(p.name, e.finding) for p in run for e in p.extras if e.tool in tools}
        rows["programs run"].append(str(len(run)))
        rows["marked findings reported"].append(f"{len(marked) - len(missed)} of {len(marked)}")
        rows["gaps (findings missed)"].append(
            f"{len(missed)} (wrong-class: dagwire is stricter)" if tool == "dagster"
            else str(len(missed)))
        rows["false reports"].append(str(len(extras)))
    for title, cells in rows.items():
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    return lines


def render(programs: list[Program], phases: Phases) -> str:
    notes = Notes()
    out = [
        "# What each tool sees",
        "",
        "<!-- generated by `python -m tests.conformance.coverage_page`; do not edit -->",
        "",
        "dagwire's tools and the real `dagster` package run on the same "
        f"{len(programs)} small programs (`test-data/conformance/`, format in its README). "
        "Each program is written once against dagster and checked in both flavours (its "
        "imports rewritten to dagwire). Every tool must report exactly the mistakes marked in "
        "a program, and nothing on the look-alike traps; where a tool cannot, the program says "
        "so and why, and the reasons are listed below. Dagster is the referee: every marked "
        "mistake fails under it (when definitions load, when a sensor or schedule ticks, or "
        "when a job runs), except a resource of the wrong class, which dagster runs and dagwire "
        "reports on purpose. `make test` proves this page: it runs the suite and checks the "
        "page is current.",
        "",
        "Cells: **yes**, the tool reports the marked mistake (the runtime and dagster: when); "
        "**no**, it does not (a gap, with its reason); **false report**, it reports something "
        "that is not a mistake under dagster; **silent**, a trap and the tool says nothing, as "
        "it should; **n/a**, dagwire has no such API (a dagster-only program).",
        "",
        "## Summary",
        "",
        *_summary(programs),
        "",
    ]
    by_family: dict[str, list[Program]] = defaultdict(list)
    for program in programs:
        by_family[program.family].append(program)
    for family in FAMILY_ORDER:
        out += [f"## {FAMILY_TITLES[family]}", ""]
        out.append("| shape | program | marked | " + " | ".join(COLUMNS) + " |")
        out.append("|---" * (len(COLUMNS) + 3) + "|")
        for program in sorted(by_family[family], key=lambda p: (not p.expects, p.name)):
            marked = ", ".join(f"`{f.neutral()}`" for f in program.expects) or "trap"
            cells = [_cell(program, tools, phases, notes) for tools in COLUMNS.values()]
            name = program.name + ("/" if program.is_package else ".py")
            out.append(f"| {program.shape} | `{name}` | {marked} | " + " | ".join(cells) + " |")
        out.append("")
    out += ["## Reasons", ""]
    for text, number in notes.numbers.items():
        out.append(f'<a id="r{number}"></a>{number}. {text}')
    out.append("")
    return "\n".join(out)


def phases_of(run: SuiteRun) -> Phases:
    return {
        f"{name}/{tool}": dict(item.phases)
        for tool in ("runtime", "dagster")
        for name, item in run.reported[tool].items()
    }


def main(argv: list[str]) -> int:
    programs = load_programs(DATA)
    with tempfile.TemporaryDirectory(prefix="conformance-") as tmp:
        run = run_suite(programs, Path(tmp))
    text = render(programs, phases_of(run))
    if "--check" in argv:
        current = PAGE.read_text() if PAGE.exists() else ""
        print("docs/coverage.md is current" if current == text else "docs/coverage.md is stale")
        return 0 if current == text else 1
    PAGE.write_text(text)
    print(f"wrote {PAGE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
