"""``dagwire check [PATH ...]``: the RSC rules without flake8, for projects that lint with ruff
(which cannot load flake8 plugins).

The findings are the flake8 plugin's: each file goes through the plugin's own checker class,
so rules, messages and positions cannot drift apart. Around it this command does what flake8
would: find the files, read them as flake8 does, and honour ``--select`` / ``--ignore`` and
``# noqa``. Unlike ``flake8 --select=RSC``, a file that does not parse is reported (E999):
no rule could check it. Only the standard library and the lint rules are imported.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import warnings
from dataclasses import replace

from dagwire.cli.check.files import python_files, read_lines
from dagwire.cli.check.formats import FORMATS, Reported, render
from dagwire.cli.check.noqa import NoqaLines, file_is_skipped
from dagwire.cli.check.settings import (
    FileSelection,
    Settings,
    SettingsError,
    codes,
    find_config,
    load,
    split_list,
)
from dagwire.cli.text import plural, shown_path
from dagwire.lint_rules.plugin import ResourceChecker

HELP = "Run the RSC lint rules on Python files (without flake8)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files or folders to check (default: the current folder)")
    parser.add_argument("--select", metavar="CODE,...",
                        help="report only these codes or prefixes (default: RSC)")
    parser.add_argument("--ignore", metavar="CODE,...",
                        help="do not report these codes or prefixes")
    parser.add_argument("--format", dest="output_format", choices=FORMATS, default="text",
                        help="output format (default: text, flake8's lines)")
    parser.add_argument("--config", metavar="FILE",
                        help="read settings from this pyproject.toml or setup.cfg "
                        "(default: the nearest one with a dagwire lint section)")
    parser.add_argument("--no-cross-file", action="store_true",
                        help="do not read other modules to resolve imported definitions")
    parser.add_argument("--disable-noqa", action="store_true",
                        help="report findings on lines marked '# noqa' too")


def run(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
    except SettingsError as error:
        print(f"dagwire check: {error}", file=sys.stderr)
        return 2
    paths = args.paths or ["."]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"dagwire check: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        found, checked = check_paths(paths, settings, disable_noqa=args.disable_noqa)
    except Exception as error:  # noqa: BLE001 - a bug of ours: say so, exit 2 (not 1)
        print(f"dagwire check: internal error: {type(error).__name__}: {error}",
              file=sys.stderr)
        return 2
    sys.stdout.write(render(found, args.output_format, settings.docs_url))
    sys.stdout.flush()  # the findings before the summary, in a terminal or a hook's log
    if found:
        files = len({r.path for r in found})
        print(f"dagwire check: {plural(len(found), 'finding')} in {plural(files, 'file')} "
              f"({plural(checked, 'file')} checked)", file=sys.stderr)
    return 1 if found else 0


def _settings(args: argparse.Namespace) -> Settings:
    config = args.config if args.config else find_config(os.getcwd())
    if args.config and not os.path.isfile(args.config):
        raise SettingsError(f"--config: no such file: {args.config}")
    settings, unknown = load(config)
    for warning in unknown:
        print(f"dagwire check: {warning}", file=sys.stderr)
    if args.select is not None:
        settings = replace(settings, select=codes(split_list(args.select), "--select"))
    if args.ignore is not None:
        settings = replace(settings, ignore=codes(split_list(args.ignore), "--ignore"))
    if args.no_cross_file:
        settings = replace(settings, cross_file=False)
    return settings


def check_paths(paths: list[str], settings: Settings,
                disable_noqa: bool = False) -> tuple[list[Reported], int]:
    """Findings in the files under ``paths`` (sorted by file, then position), and the number
    of files checked."""
    ResourceChecker.parse_options(argparse.Namespace(rsc_no_cross_file=not settings.cross_file))
    selection = settings.selection()
    found: list[Reported] = []
    checked = 0
    for path in python_files(paths, settings.excluded()):
        checked += 1
        found.extend(check_file(path, selection.for_file(path), disable_noqa))
    return found, checked


def check_file(path: str, selection: FileSelection, disable_noqa: bool) -> list[Reported]:
    shown = shown_path(path)
    try:
        lines = read_lines(path)
    except OSError as error:
        return [Reported(shown, 1, 1, "E902", f"{type(error).__name__}: {error}")]
    if not disable_noqa and file_is_skipped(lines):
        return []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarnings are not ours to show
            tree = ast.parse("".join(lines), filename=path)
    except (SyntaxError, ValueError) as error:
        line = getattr(error, "lineno", None) or 1
        column = getattr(error, "offset", None) or 1
        message = error.msg if isinstance(error, SyntaxError) else str(error)
        return [Reported(shown, line, column, "E999", f"{type(error).__name__}: {message}")]
    noqa = NoqaLines(lines)
    reported = []
    for line, column, text, _ in ResourceChecker(tree, path, lines).run():
        code, _, message = text.partition(" ")
        if not selection.reports(code):
            continue
        if not disable_noqa and noqa.silences(line, code):
            continue
        source_line = lines[line - 1] if 1 <= line <= len(lines) else ""
        reported.append(Reported(shown, line, column + 1, code, message, source_line))
    return reported
