"""Crash guard: a hook that fails for any unexpected reason means "cannot check", never a crash."""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

from mypy.plugin import AttributeContext, FunctionSigContext, MethodSigContext

DEBUG_ENV = "DAGWIRE_MYPY_DEBUG"


def _default(ctx: Any) -> Any:
    """What mypy would have used without the hook."""
    if isinstance(ctx, AttributeContext):
        return ctx.default_attr_type
    if isinstance(ctx, (MethodSigContext, FunctionSigContext)):
        return ctx.default_signature
    return ctx.default_return_type


def _note_failure(exc: BaseException) -> None:
    # Silent by default; `DAGWIRE_MYPY_DEBUG=1` shows what was swallowed.
    if os.environ.get(DEBUG_ENV):
        print(f"dagwire.mypy_plugin: hook failed, not checked: {exc!r}", file=sys.stderr)


def guarded(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`hook(ctx)`, or what mypy would have used without it when it raises.

    One closure per hook: a decorator hook runs once per definition.
    """

    def run(ctx: Any) -> Any:
        try:
            return hook(ctx)
        except Exception as exc:  # noqa: BLE001 - any failure must become "cannot check"
            _note_failure(exc)
            return _default(ctx)

    return run
