"""dagwire.mypy_plugin: `plugins = dagwire.mypy_plugin` in a project's mypy config.

Types decorated functions of dagwire and dagster, and checks config and resources against
`Definitions` bindings. It never imports either framework: see `frameworks.py`.
"""

from __future__ import annotations

from mypy.plugin import Plugin

from dagwire.mypy_plugin.plugin import DagwirePlugin, __version__

__all__ = ["DagwirePlugin", "__version__", "plugin"]


def plugin(version: str) -> type[Plugin]:
    return DagwirePlugin
