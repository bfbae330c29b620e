"""``dagwire run --select``: the asset selection strings of ``dagster asset materialize
--select``, read into an ``AssetSelection``.

A selection is terms joined by commas (or `` or ``); a term is an asset key (``orders``,
``raw/orders``, ``key:raw/orders``) or a group (``group:sales``), with ``+`` before it for
each level of upstream assets to add (``*`` for all of them) and after it for downstream
ones: ``+orders``, ``orders++``, ``*report``, ``+group:sales*``.
"""

from __future__ import annotations

import re

from dagwire.runtime.asset_key import AssetKey
from dagwire.runtime.asset_selection import AssetSelection

_TERM = re.compile(r"(?P<up>\*|\+*)(?P<body>[^*+\s]+)(?P<down>\*|\+*)")
_SEPARATOR = re.compile(r"\s*,\s*|\s+or\s+")


class SelectionError(ValueError):
    """A ``--select`` string that is not a selection."""


def parse_selection(text: str) -> AssetSelection:
    terms = [term for term in _SEPARATOR.split(text.strip()) if term]
    if not terms:
        raise SelectionError("--select is empty: give asset keys or group:NAME")
    selection: AssetSelection | None = None
    for term in terms:
        one = _term(term)
        selection = one if selection is None else selection | one
    assert selection is not None
    return selection


def _term(term: str) -> AssetSelection:
    match = _TERM.fullmatch(term)
    if match is None:
        raise SelectionError(
            f"--select term {term!r} is not an asset key or group:NAME, with + or * around it")
    body = match.group("body")
    if body.startswith("group:"):
        base = AssetSelection.groups(_unquoted(body[len("group:"):]))
    else:
        key = _unquoted(body[len("key:"):] if body.startswith("key:") else body)
        base = AssetSelection.keys(AssetKey(key.split("/")))
    selection = base
    if match.group("up"):
        selection = selection | base.upstream(_depth(match.group("up")))
    if match.group("down"):
        selection = selection | base.downstream(_depth(match.group("down")))
    return selection


def _depth(marks: str) -> int | None:
    return None if marks == "*" else len(marks)


def _unquoted(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]
    if not text:
        raise SelectionError("--select names an empty key or group")
    return text


__all__ = ["SelectionError", "parse_selection"]
