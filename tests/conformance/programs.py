"""The conformance programs (`test-data/conformance/`): their files, marks and flavours.

A program is a single module (`name.py`) or a package (`name/`). It is written once against
`dagster`; the dagwire flavour is the same text with the framework imports rewritten. Its
marks (format in test-data/conformance/README.md) say what every tool must report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.conformance.kinds import KINDS

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "test-data" / "conformance"

FLAVOURS = ("dagster", "dagwire")
# Every tool run on the programs, as `<tool>-<flavour>` where the tool runs in both flavours.
TOOLS = ("mypy-dagster", "mypy-dagwire", "flake8-dagster", "flake8-dagwire", "runtime", "dagster")
STATIC_TOOLS = TOOLS[:4]
# A gap or extra mark may name a tool in both flavours at once.
TOOL_GROUPS = {
    "mypy": ("mypy-dagster", "mypy-dagwire"),
    "flake8": ("flake8-dagster", "flake8-dagwire"),
    **{tool: (tool,) for tool in TOOLS if tool != "dagster"},
}
# The tools that run on the dagwire flavour (none of them runs on a dagster-only program).
DAGWIRE_TOOLS = ("mypy-dagwire", "flake8-dagwire", "runtime")
DEPLOYMENT_VARIABLE = "DAGSTER_DEPLOYMENT"

_MARK = re.compile(r"#\s*(?P<mark>expect|gap|extra|late):\s*(?P<body>[^#]*)")
_META = re.compile(r"^#\s*(?P<key>shape|deployments|dagster-only):\s*(?P<value>.*?)\s*$")
_FRAMEWORK_IMPORT = re.compile(r"^(\s*)(from|import)\s+dagster\b", re.MULTILINE)


@dataclass(frozen=True, order=True)
class Finding:
    """One finding in tool-neutral form: file (relative to the program), line, kind, argument."""

    path: str
    line: int
    kind: str
    arg: str

    def neutral(self) -> str:
        return f"{self.kind} {self.arg}"


@dataclass(frozen=True)
class Gap:
    """A tool that does not report the findings marked on this line, and why."""

    tool: str
    line: int
    path: str
    reason: str


@dataclass(frozen=True)
class Extra:
    """A finding a tool reports though nothing is marked (false positive), and why."""

    tool: str
    finding: Finding
    reason: str


@dataclass
class Program:
    name: str
    files: dict[str, str]  # path inside the program (`orders.py`, `shop/assets.py`) -> text
    family: str = ""
    shape: str = ""
    deployments: tuple[str, ...] = ()
    dagster_only: str | None = None
    expects: list[Finding] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    extras: list[Extra] = field(default_factory=list)
    # the runtime reports these marks later than dagster does (at run rather than load)
    late: list[Gap] = field(default_factory=list)

    @property
    def is_package(self) -> bool:
        return not (len(self.files) == 1 and f"{self.name}.py" in self.files)

    @property
    def entry(self) -> str:
        """The module a code location would name: `pkg.definitions` when there is one."""
        if not self.is_package:
            return self.name
        if f"{self.name}/definitions.py" in self.files:
            return f"{self.name}.definitions"
        return self.name

    def runs_on(self, tool: str) -> bool:
        return not (self.dagster_only and tool in DAGWIRE_TOOLS)

    def gapped(self, tool: str, finding: Finding) -> Gap | None:
        for gap in self.gaps:
            if gap.tool == tool and gap.path == finding.path and gap.line == finding.line:
                return gap
        return None

    def is_late(self, kind: str, arg: str) -> bool:
        return any(
            f.kind == kind and f.arg == arg and (f.path, f.line) == (g.path, g.line)
            for f in self.expects for g in self.late
        )

    def expected_for(self, tool: str) -> list[Finding]:
        """What `tool` must report: the marks, minus its gaps, plus its extras."""
        found = [f for f in self.expects if self.gapped(tool, f) is None]
        if tool == "dagster":
            found = [f for f in found if not KINDS[f.kind].stricter_than_dagster]
        found += [e.finding for e in self.extras if e.tool == tool]
        return sorted(set(found))

    def optional_for(self, tool: str) -> list[Finding]:
        """What `tool` may report besides: dagster, the marks where dagwire is stricter."""
        if tool != "dagster":
            return []
        return sorted({f for f in self.expects if KINDS[f.kind].stricter_than_dagster})

    def flavour_files(self, flavour: str) -> dict[str, str]:
        if flavour == "dagster":
            return dict(self.files)
        out = {}
        for path, text in self.files.items():
            if path.endswith(".py"):
                text = _FRAMEWORK_IMPORT.sub(lambda m: f"{m.group(1)}{m.group(2)} dagwire", text)
                assert not re.search(r"\bdagster\.", _code_only(text)), (
                    f"{self.name}/{path}: dagster is used other than through its imports"
                )
            out[path] = text
        return out


def _code_only(text: str) -> str:
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


class MarkError(ValueError):
    """A mark that does not follow test-data/conformance/README.md."""


def _tools(word: str, where: str) -> tuple[str, ...]:
    if word not in TOOL_GROUPS:
        raise MarkError(f"{where}: unknown tool {word!r} (one of {sorted(TOOL_GROUPS)})")
    return TOOL_GROUPS[word]


def _finding(path: str, line: int, text: str, where: str) -> Finding:
    parts = text.split()
    if len(parts) != 2 or parts[0] not in KINDS:
        raise MarkError(f"{where}: expected 'KIND ARG' with KIND in {sorted(KINDS)}: {text!r}")
    return Finding(path, line, parts[0], parts[1])


def parse(name: str, files: dict[str, str]) -> Program:
    program = Program(name, files)
    main = f"{name}/__init__.py" if f"{name}.py" not in files else f"{name}.py"
    line_gaps: list[Gap] = []
    for path, text in sorted(files.items()):
        if not path.endswith(".py"):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            where = f"{name}: {path}:{number}"
            meta = _META.match(line)
            if meta:
                if path != main:
                    raise MarkError(f"{where}: program marks belong in {main}")
                key, value = meta["key"], meta["value"]
                if key == "shape":
                    family, _, shape = value.partition(":")
                    if not shape.strip() or program.family:
                        raise MarkError(f"{where}: one '# shape: FAMILY: description' per program")
                    program.family, program.shape = family.strip(), shape.strip()
                elif key == "deployments":
                    program.deployments = tuple(value.split())
                else:
                    program.dagster_only = value
                continue
            for mark in _MARK.finditer(line):
                body = mark["body"].strip()
                if mark["mark"] == "expect":
                    program.expects.append(_finding(path, number, body, where))
                elif mark["mark"] in ("gap", "late"):
                    tool, _, reason = body.partition(" ")
                    if not reason.strip():
                        raise MarkError(f"{where}: a {mark['mark']} mark names the tool and why")
                    if mark["mark"] == "late" and tool != "runtime":
                        raise MarkError(f"{where}: only the runtime can be late")
                    target = line_gaps if mark["mark"] == "gap" else program.late
                    for one in _tools(tool, where):
                        target.append(Gap(one, number, path, reason.strip()))
                else:
                    head, sep, reason = body.partition(":")
                    words = head.split()
                    if not sep or not reason.strip() or len(words) != 3:
                        raise MarkError(f"{where}: '# extra: TOOL KIND ARG: reason'")
                    found = _finding(path, number, " ".join(words[1:]), where)
                    for one in _tools(words[0], where):
                        program.extras.append(Extra(one, found, reason.strip()))
    if not program.family:
        raise MarkError(f"{name}: no '# shape: FAMILY: description' in {main}")
    marked = {(f.path, f.line) for f in program.expects}
    for gap in line_gaps + program.late:
        if (gap.path, gap.line) not in marked:
            raise MarkError(f"{name}: {gap.path}:{gap.line}: a gap mark needs an expect mark")
    program.gaps = line_gaps
    return program


def load_programs(directory: Path = DATA) -> list[Program]:
    programs = []
    for item in sorted(directory.iterdir()):
        if item.suffix == ".py":
            programs.append(parse(item.stem, {item.name: item.read_text()}))
        elif item.is_dir() and (item / "__init__.py").is_file():
            files = {
                str(p.relative_to(directory)): p.read_text()
                for p in sorted(item.rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts
            }
            programs.append(parse(item.name, files))
    return programs


def write_tree(root: Path, programs: list[Program], flavour: str) -> None:
    """One folder per program (`root/<name>/<its files>`): every program is a project of its
    own, so the cross-file lookups of the checkers never see another program. A dagster-only
    program is written in the dagwire flavour too: loading it there must fail at import."""
    from tests.mypy_plugin.runner import write_files

    for program in programs:
        write_files(root / program.name, program.flavour_files(flavour))
