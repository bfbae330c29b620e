"""The real plugin with its internals made to raise: the crash guard must turn that into silence."""

from __future__ import annotations

from typing import NoReturn

from mypy.plugin import Plugin

from dagwire.mypy_plugin import capture, definition_sources, resource_binding, run_config
from dagwire.mypy_plugin.plugin import DagwirePlugin


def _boom(*args: object, **kwargs: object) -> NoReturn:
    raise RuntimeError("injected failure")


capture.capture = _boom  # type: ignore[assignment]
resource_binding.resolve_resources = _boom  # type: ignore[assignment]
definition_sources.resolve_definitions = _boom  # type: ignore[assignment]
run_config.check_run_config = _boom  # type: ignore[assignment]


def plugin(version: str) -> type[Plugin]:
    return DagwirePlugin
