"""What the migration rewrites: a choice of its codemods, not a fact about the frameworks.

The resource and config codemods rewrite `@op`, `@asset`, `@sensor` and `@schedule`
functions (a tick's function takes resources as parameters too); calls in `@job` and
`@graph` bodies compose ops (they are not direct invocations).
"""

from __future__ import annotations

REWRITTEN_DECORATORS = frozenset({"op", "asset", "sensor", "schedule"})
COMPOSING_DECORATORS = frozenset({"job", "graph"})
