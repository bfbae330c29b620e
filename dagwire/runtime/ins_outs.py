"""``In``, ``Out`` and ``GraphOut``: how op inputs and outputs (and graph outputs) are declared.

``@op(out={"evens": Out(), "odds": Out()})`` gives an op several named outputs: the function
returns a tuple (one value per out, in order) or yields ``Output(value, name)``;
``@op(ins={"rows": In(default_value=[])})`` describes an input. Dagster types are not
checked: ``Out(int)`` / ``In(list)`` record the type for documentation only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dagwire.vocabulary.calls import DEFAULT_IO_MANAGER_KEY

_NO_DEFAULT: Any = object()


class Out:
    """One output of an op."""

    def __init__(
        self,
        dagster_type: Any = None,
        description: str | None = None,
        is_required: bool = True,
        io_manager_key: str | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.dagster_type = dagster_type
        self.description = description
        self.is_required = is_required
        self.io_manager_key = io_manager_key or DEFAULT_IO_MANAGER_KEY
        self.metadata = dict(metadata or {})

    def __repr__(self) -> str:
        return f"Out(is_required={self.is_required!r}, io_manager_key={self.io_manager_key!r})"


class In:
    """One input of an op (``default_value`` makes it optional in a job body)."""

    def __init__(
        self,
        dagster_type: Any = None,
        description: str | None = None,
        default_value: Any = _NO_DEFAULT,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.dagster_type = dagster_type
        self.description = description
        self.default_value = default_value
        self.metadata = dict(metadata or {})

    @property
    def has_default_value(self) -> bool:
        return self.default_value is not _NO_DEFAULT

    def __repr__(self) -> str:
        return f"In(has_default_value={self.has_default_value!r})"


class GraphOut:
    """One output of a ``@graph(out={...})``; the body returns a dict keyed by out name."""

    def __init__(self, description: str | None = None) -> None:
        self.description = description

    def __repr__(self) -> str:
        return "GraphOut()"


__all__ = ["GraphOut", "In", "Out"]
