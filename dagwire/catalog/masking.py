"""Secrets never reach the catalog: every value the model holds passes through here.

A value is hidden when its field or dict key mentions a secret (``password``, ``api_key``,
``db_token_file``: the words of ``dagwire.secret_names``, which the lint rules read too), and
the password part of a URI (``postgresql://user:****@host/db``) is hidden in every string.
Masking errs on the side of hiding: a hidden value costs a look at the code, a shown one a
leak.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import pathlib
import re
from collections.abc import Mapping
from typing import Any

from dagwire.secret_names import mentions_secret

MASK = "****"

# scheme://user:password@host -> the password; also user:password@ after "//" in any text
_URI_PASSWORD = re.compile(
    r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/?#@\s'\"]*:)(?P<pw>[^@/\s'\"]*)@"
)


def mask_uris(text: str) -> str:
    return _URI_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}@", text)


_SCALARS = (str, int, float, bool, type(None), decimal.Decimal, datetime.date,
            datetime.time, datetime.timedelta, pathlib.PurePath)


def masked_repr(value: Any, name: str | None = None) -> str:
    """``repr`` of a plain value with secrets hidden: the whole value under a secret name,
    dict entries under secret keys, URI passwords in strings. Other objects show only their
    class (their repr could hold anything)."""
    if name is not None and mentions_secret(name):
        return MASK
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, _SCALARS):
        return mask_uris(repr(value))
    if isinstance(value, Mapping):
        items = ", ".join(
            f"{masked_repr(key)}: {masked_repr(item, key if isinstance(key, str) else None)}"
            for key, item in value.items()
        )
        return "{" + items + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        inner = [masked_repr(item) for item in value]
        if isinstance(value, list):
            return "[" + ", ".join(inner) + "]"
        if isinstance(value, tuple):
            return "(" + ", ".join(inner) + ("," if len(inner) == 1 else "") + ")"
        return "{" + ", ".join(sorted(inner)) + "}" if inner else "set()"
    return f"<{type(value).__name__} object>"
