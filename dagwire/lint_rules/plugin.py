"""The flake8 entry point (`RSC` in `flake8.extension`).

flake8 aborts the whole run when a plugin raises, and editors run it on every save: any
internal error becomes a single RSC000 line for that file instead.
"""

from __future__ import annotations

import argparse
import ast
import gc
from typing import Any, Iterator

from dagwire.lint_rules.checker import check_module

__version__ = "0.1.0"

INTERNAL_ERROR = (
    "RSC000 internal error in dagwire lint rules ({error}); no RSC findings for this file"
)


class ResourceChecker:
    name = "dagwire-lint-rules"
    version = __version__
    cross_file = True

    def __init__(self, tree: ast.AST, filename: str, lines: list[str] | None = None) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines

    @classmethod
    def add_options(cls, parser: Any) -> None:
        parser.add_option(
            "--rsc-no-cross-file",
            action="store_true",
            default=False,
            parse_from_config=True,
            help="RSC rules: do not parse sibling modules to resolve imported definitions",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        cls.cross_file = not getattr(options, "rsc_no_cross_file", False)

    def run(self) -> Iterator[tuple[int, int, str, type[ResourceChecker]]]:
        # A check's objects are freed by reference counting as soon as it ends, so collector
        # passes during it only rescan the host's objects: up to a third of the plugin's time
        # in a long flake8 run. Pause the collector and restore its previous state.
        collecting = gc.isenabled()
        gc.disable()
        try:
            results = self._results()
        finally:
            if collecting:
                gc.enable()
        yield from results

    def _results(self) -> list[tuple[int, int, str, type[ResourceChecker]]]:
        try:
            if not isinstance(self.tree, ast.Module):
                return []
            findings = check_module(
                self.tree, self.filename, cross_file=self.cross_file, lines=self.lines
            )
        except Exception as error:  # noqa: BLE001 - never abort the host's run
            message = f"{type(error).__name__}: {error}".replace("\n", " ")
            return [(1, 0, INTERNAL_ERROR.format(error=message), type(self))]
        return [(found.line, found.col, found.message, type(self)) for found in findings]
