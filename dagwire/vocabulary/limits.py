"""How far the checkers follow code, the same for every tool so that they give up together.

A binding site's resource dict or definition list may be built through names, `**` splats,
`|`, `+`, nested lists and dicts picked by deployment; each step is one level. Past this depth
the lint rules and the mypy plugin both stop and stay silent.
"""

from __future__ import annotations

RESOLVE_DEPTH = 12
