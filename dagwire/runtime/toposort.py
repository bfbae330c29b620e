"""Dependency levels, as Dagster orders steps and resources: level n holds what needs only
levels < n, each level sorted by name."""

from __future__ import annotations

from dagwire.runtime.errors import DagwireInvalidDefinitionError


def dependency_levels(needs: dict[str, set[str]]) -> list[list[str]]:
    """Dependency levels (Dagster's toposort): level n holds what needs only levels < n."""
    waiting = {name: len(upstream) for name, upstream in needs.items()}
    dependents: dict[str, list[str]] = {name: [] for name in needs}
    for name, upstream in needs.items():
        for other in upstream:
            dependents[other].append(name)
    levels: list[list[str]] = []
    level = sorted(name for name, count in waiting.items() if count == 0)
    while level:
        levels.append(level)
        following: list[str] = []
        for name in level:
            for dependent in dependents[name]:
                waiting[dependent] -= 1
                if waiting[dependent] == 0:
                    following.append(dependent)
        level = sorted(following)
    if sum(len(names) for names in levels) != len(needs):
        placed = {name for names in levels for name in names}
        cycle = sorted(name for name in needs if name not in placed)
        raise DagwireInvalidDefinitionError(
            "Invalid asset graph:", [f"dependency cycle between {', '.join(cycle)}"]
        )
    return levels
