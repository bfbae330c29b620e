"""Crash guard: a hook that fails for any unexpected reason means "cannot check", never a crash."""

from __future__ import annotations

import functools
import importlib
import os
import sys
from typing import Any, Callable

from mypy.plugin import AttributeContext, MethodSigContext

DEBUG_ENV = "DAGWIRE_MYPY_DEBUG"


def _default(ctx: Any) -> Any:
    """What mypy would have used without the hook."""
    if isinstance(ctx, AttributeContext):
        return ctx.default_attr_type
    if isinstance(ctx, MethodSigContext):
        return ctx.default_signature
    return ctx.default_return_type


def _note_failure(exc: BaseException) -> None:
    # Silent by default; `DAGWIRE_MYPY_DEBUG=1` shows what was swallowed.
    if os.environ.get(DEBUG_ENV):
        print(f"dagwire.mypy_plugin: hook failed, not checked: {exc!r}", file=sys.stderr)


def lazy_hook(module: str, function: str, *bound: object) -> Callable[[Any], Any]:
    """`dagwire.mypy_plugin.<module>.<function>(*bound, ctx)`, imported on first call, guarded.

    The check modules load on the first hook call (a run served from the cache calls none),
    and one closure does both: a decorator hook runs once per definition.
    """
    target: list[Callable[[Any], Any]] = []

    def run(ctx: Any) -> Any:
        try:
            if not target:
                mod = importlib.import_module(f"dagwire.mypy_plugin.{module}")
                target.append(functools.partial(getattr(mod, function), *bound))
            return target[0](ctx)
        except Exception as exc:  # noqa: BLE001 - any failure must become "cannot check"
            _note_failure(exc)
            return _default(ctx)

    return run
