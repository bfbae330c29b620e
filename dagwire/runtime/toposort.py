"""Dependency levels, as Dagster orders steps and resources: level n holds what needs only
levels < n, each level sorted by name (graphlib does the sorting)."""

from __future__ import annotations

from collections.abc import Mapping, Set
from graphlib import CycleError, TopologicalSorter

from dagwire.runtime.errors import DagwireInvalidDefinitionError


def sorter(needs: Mapping[str, Set[str]]) -> TopologicalSorter[str]:
    """A prepared sorter over ``needs`` (name -> what it needs); a cycle is a definition
    error naming the names in it."""
    graph: TopologicalSorter[str] = TopologicalSorter(needs)
    try:
        graph.prepare()
    except CycleError as error:
        cycle = sorted(set(error.args[1]))
        raise DagwireInvalidDefinitionError(
            "Invalid asset graph:", [f"dependency cycle between {', '.join(cycle)}"]
        ) from None
    return graph


def dependency_levels(needs: Mapping[str, Set[str]]) -> list[list[str]]:
    """Dependency levels (Dagster's toposort): level n holds what needs only levels < n."""
    graph = sorter(needs)
    levels: list[list[str]] = []
    while graph.is_active():
        level = sorted(graph.get_ready())
        levels.append(level)
        graph.done(*level)
    return levels


__all__ = ["dependency_levels", "sorter"]
