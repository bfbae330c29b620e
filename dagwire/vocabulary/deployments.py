"""Resources picked by deployment (`resource_def[get_env()]`): how two picks go together.

Each part of a code location may pick its resources from a table by deployment. dagster runs
the whole location under one deployment, so two picks whose tables have the same names go
together name by name ("prod" with "prod"); picks named otherwise may go together in any
way. Both checkers combine the ways a location may turn out by this rule, and both give up
(say nothing about what it binds) past `MAX_WAYS`.
"""

from __future__ import annotations

from collections.abc import Sequence

# Past this many ways a location may turn out, what it binds is not said.
MAX_WAYS = 32


def paired_by_deployment(
    left: Sequence[str | None], right: Sequence[str | None]
) -> list[tuple[int, int]] | None:
    """The ways of two sides that go together, as index pairs, when both sides have several
    ways, each with its own deployment name, and the same names; None otherwise (any way of
    one side may go with any way of the other). Pairing only leaves out ways that cannot
    happen together, so a checker that pairs never reports more than one that does not."""
    if len(left) < 2 or len(left) != len(right) or None in left:
        return None
    index = {name: j for j, name in enumerate(right)}
    if len(index) != len(right) or len(set(left)) != len(left):
        return None
    if any(name not in index for name in left):
        return None
    return [(i, index[name]) for i, name in enumerate(left)]
