"""The real plugin with its internals made to raise: the crash guard must turn that into silence."""

from __future__ import annotations

from typing import NoReturn

from mypy.plugin import Plugin

from dagwire.mypy_plugin.checks import definitions, run_config
from dagwire.mypy_plugin.facts import decorators
from dagwire.mypy_plugin.plugin import DagwirePlugin
from dagwire.mypy_plugin.sources import definition_lists


def _boom(*args: object, **kwargs: object) -> NoReturn:
    raise RuntimeError("injected failure")


decorators.capture = _boom  # type: ignore[assignment]
definitions.resolve_resources = _boom  # type: ignore[assignment]
definition_lists.resolve_definitions = _boom  # type: ignore[assignment]
run_config.check_run_config = _boom  # type: ignore[assignment]


def plugin(version: str) -> type[Plugin]:
    return DagwirePlugin
