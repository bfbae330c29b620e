"""Executors and the Dagster logger.

dagwire runs every job in this process, one step after another, so the executors Dagster
offers are accepted (``Definitions(executor=...)``, ``define_asset_job(executor_def=...)``)
and recorded; ``get_dagster_logger()`` is the logger steps and resources log to.
"""

from __future__ import annotations

import logging


class ExecutorDefinition:
    """An executor, by name (recorded; every run is in process)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"ExecutorDefinition(name={self.name!r})"


in_process_executor = ExecutorDefinition("in_process")
multiprocess_executor = ExecutorDefinition("multiprocess")


def get_dagster_logger(name: str | None = None) -> logging.Logger:
    """The logger for code outside a context (``logger = get_dagster_logger()``)."""
    base = logging.getLogger("dagwire.builtin")
    return base.getChild(name) if name else base


__all__ = ["ExecutorDefinition", "get_dagster_logger", "in_process_executor", "multiprocess_executor"]
