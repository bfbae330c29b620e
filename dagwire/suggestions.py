"""What every tool adds to a message about a key that is not there: the keys that are, and the
one a typo most likely meant.

The runtime, the mypy plugin and the lint rules all report unbound resource keys and unknown
op names; they word the rest of the message their own way, but the hint is computed and worded
here once, so the three agree on which key a user meant. Standard library only: the lint rules
and the mypy plugin import it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping

# difflib's ratio above which a key counts as a likely typo of another (`my_dbb` for `my_db`
# is 0.91, `db` for `warehouse` 0.18); low enough for one wrong or missing letter in a short key.
CLOSE_ENOUGH = 0.75
# More bound keys than this are summarised: a message is read on one line.
SHOWN_KEYS = 8


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate `name` most likely misspells, or None when none is close."""
    matches = difflib.get_close_matches(name, sorted(set(candidates)), n=1, cutoff=CLOSE_ENOUGH)
    return matches[0] if matches and matches[0] != name else None


def quoted_keys(keys: Iterable[str], quote: str = "'") -> str:
    """`'a', 'b', 'c'` in sorted order; `(none)` for no keys; the first SHOWN_KEYS and a count."""
    ordered = sorted(set(keys))
    if not ordered:
        return "(none)"
    shown = ", ".join(f"{quote}{key}{quote}" for key in ordered[:SHOWN_KEYS])
    rest = len(ordered) - SHOWN_KEYS
    return f"{shown} and {rest} more" if rest > 0 else shown


def unbound_hint(
    name: str,
    bound: Iterable[str],
    quote: str = "'",
    where: Mapping[str, str] | None = None,
) -> str:
    """`bound keys: 'a', 'my_dbb'; did you mean 'my_dbb'?` (the part after the main message).
    `where` says where each bound key is written (`line 12`, `resources.py:12`): the guess
    points there, `did you mean 'my_dbb' (line 12)?`."""
    keys = sorted(set(bound))
    hint = f"bound keys: {quoted_keys(keys, quote)}"
    guess = closest(name, keys)
    if guess is None:
        return hint
    at = (where or {}).get(guess)
    return f"{hint}; did you mean {quote}{guess}{quote}{f' ({at})' if at else ''}?"


def launch_binding_hint(key: str, field_path: str, class_name: str) -> str:
    """How to bind a ``configure_at_launch()`` resource nested in resource ``key`` at
    ``field_path``, which Dagster requires at the top level too (the part after the main
    message)."""
    name = field_path.rsplit(".", 1)[-1]
    return (f'bind that same object under a key of its own, e.g. {name} = '
            f'{class_name}.configure_at_launch() and resources={{"{name}": {name}, '
            f'"{key}": ...}}')


__all__ = ["CLOSE_ENOUGH", "SHOWN_KEYS", "closest", "launch_binding_hint", "quoted_keys",
           "unbound_hint"]
