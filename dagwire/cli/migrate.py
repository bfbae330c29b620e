"""``dagwire migrate PATH...``: rewrite the legacy config/resource API into the Pythonic one."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from dagwire.cli.text import plural

HELP = "Rewrite legacy config and resources into Config classes and ConfigurableResources."
CODES = ("RSC201", "RSC202", "RSC203", "RSC205", "MIG101")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="files or directories (the project: phase 1 reads all of them)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--diff", dest="mode", action="store_const", const="diff",
                      help="print a unified diff (the default); exit 1 when changes are pending")
    mode.add_argument("--check", dest="mode", action="store_const", const="check",
                      help="list the files that would change; exit 1 when there are any")
    mode.add_argument("--write", dest="mode", action="store_const", const="write",
                      help="rewrite the files in place")
    parser.add_argument("--select", default="", metavar="CODE,...",
                        help=f"only these codemods (default: all of {', '.join(CODES)})")
    parser.add_argument("--disable", default="", metavar="CODE,...",
                        help="skip these codemods")
    parser.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                        help="worker processes for phase 2 (default 1)")
    parser.add_argument("--project", action="append", type=Path, default=[], metavar="PATH",
                        help="also read the files under PATH to learn the project (phase 1), "
                        "without migrating them; repeatable")
    parser.set_defaults(mode="diff")


def _codes(text: str) -> set[str]:
    return {c.strip().upper() for c in text.split(",") if c.strip()}


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


class _Progress:
    """A one-line counter on stderr, only for a terminal and only for long runs."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self.enabled and total >= 50 and (done % 10 == 0 or done == total):
            sys.stderr.write(f"\rmigrating: {done}/{total} files")
            sys.stderr.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")


def run(args: argparse.Namespace) -> int:
    try:
        import libcst  # noqa: F401  (the migration's only extra dependency)
    except ImportError:
        print("dagwire migrate needs libcst: pip install 'dagwire[migrate]'", file=sys.stderr)
        return 2
    from dagwire.migrate.driver import run as migrate
    from dagwire.migrate.project import write_source

    selected = _codes(args.select) or set(CODES)
    unknown = (selected | _codes(args.disable)) - set(CODES)
    if unknown:
        print(f"unknown codemod code(s): {', '.join(sorted(unknown))} "
              f"(known: {', '.join(CODES)})", file=sys.stderr)
        return 2
    selected -= _codes(args.disable)
    missing = [p for p in [*args.paths, *args.project] if not p.exists()]
    if missing:
        print(f"no such file or directory: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    paths = []
    for path in args.paths:
        if path.is_file() and path.suffix != ".py":
            print(f"warning: {path}: not a Python file (.py), skipped", file=sys.stderr)
        else:
            paths.append(path)
    progress = _Progress()
    report = migrate(paths, frozenset(selected), jobs=max(1, args.jobs), progress=progress,
                     project=args.project)
    progress.close()
    if report.files_seen == 0:
        # as ruff and black do: say so, and succeed (there is nothing left to migrate)
        print(f"warning: no Python files in {', '.join(map(str, args.paths))}",
              file=sys.stderr)
        return 0
    changed = report.changed
    for outcome in changed:
        name = _display(outcome.path)
        if args.mode == "diff":
            sys.stdout.writelines(difflib.unified_diff(
                outcome.old_text.splitlines(keepends=True),
                outcome.new_text.splitlines(keepends=True), f"a/{name}", f"b/{name}"))
        elif args.mode == "check":
            print(f"would migrate {name}")
        else:
            write_source(outcome.path, outcome.new_text, outcome.encoding)
    for path, error in sorted(report.errors.items()):
        print(f"error: {_display(path)}: {error}", file=sys.stderr)
    verb = "changed" if args.mode == "write" else "to change"
    print(f"{plural(len(changed), 'file')} {verb}, {plural(report.todos, 'TODO')}, "
          f"{plural(len(report.errors), 'error')} "
          f"({plural(report.files_seen, 'file')}, {report.files_parsed} parsed)",
          file=sys.stderr)
    if report.errors:
        return 1
    return 1 if changed and args.mode != "write" else 0
