"""``dagwire hook NAME [ARGS ...] FILE ...``: what the pre-commit hooks run.

pre-commit passes only the changed files, but a change in one file can cause a finding in
another (a resource parameter added in ``assets.py`` is unbound in ``definitions.py``). Each
hook therefore checks the code locations of the changed files (``code_locations.py``):

- ``rsc``: ``flake8 --select=RSC,E999`` (E999: a file that does not parse fails the hook);
- ``check``: ``dagwire check``;
- ``mypy``: ``mypy`` with the project's config;
- ``migrate-check``: ``dagwire migrate --check`` on the changed files, reading their code
  locations to learn the project (its first phase), so every batch sees the same project.

pre-commit puts the hook's ``args`` before the file names: the trailing arguments that are
existing ``.py`` / ``.pyi`` files are the changed files, the others go to the tool.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys

from dagwire.cli import main
from dagwire.cli.code_locations import location_paths

HELP = "Run a pre-commit hook over the code locations of the given files."
HOOKS = ("rsc", "check", "mypy", "migrate-check")
_TOOLS = {"rsc": "flake8", "mypy": "mypy"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("hook", choices=HOOKS, help="the hook to run")
    parser.add_argument("arguments", nargs=argparse.REMAINDER, metavar="[ARGS ...] FILE ...",
                        help="options for the tool, then the changed files")


def split_files(arguments: list[str]) -> tuple[list[str], list[str]]:
    """(tool options, changed files): the files are the trailing existing Python files."""
    start = len(arguments)
    while start > 0 and _is_python_file(arguments[start - 1]):
        start -= 1
    return arguments[:start], arguments[start:]


def _is_python_file(argument: str) -> bool:
    return argument.endswith((".py", ".pyi")) and os.path.isfile(argument)


def run(args: argparse.Namespace) -> int:
    options, files = split_files(list(args.arguments))
    if not files:
        return 0  # nothing of ours changed
    paths = location_paths(files)
    if args.hook == "check":
        return main(["check", *options, *paths])
    if args.hook == "migrate-check":
        projects = [arg for path in paths for arg in ("--project", path)]
        return main(["migrate", "--check", *projects, *options, *files])
    tool = _TOOLS[args.hook]
    if importlib.util.find_spec(tool) is None:
        print(f"dagwire hook {args.hook}: {tool} is not installed in this environment "
              f"({sys.executable}); add it to the hook's additional_dependencies",
              file=sys.stderr)
        return 2
    command = [sys.executable, "-m", tool]
    if args.hook == "rsc":
        command.append("--select=RSC,E999")
    sys.stdout.flush()
    return subprocess.call([*command, *options, *paths])
