"""Crash guard: a hook that fails for any unexpected reason means "cannot check", never a crash."""

from __future__ import annotations

import functools
import importlib
import os
import sys
from typing import Any, Callable, TypeVar

from mypy.plugin import AttributeContext, FunctionContext, MethodContext, MethodSigContext
from mypy.types import FunctionLike, Type

Ctx = TypeVar("Ctx", FunctionContext, MethodContext, AttributeContext)

DEBUG_ENV = "DAGWIRE_MYPY_DEBUG"


def _default(ctx: FunctionContext | MethodContext | AttributeContext) -> Type:
    if isinstance(ctx, AttributeContext):
        return ctx.default_attr_type
    return ctx.default_return_type


def _note_failure(exc: BaseException) -> None:
    # Silent by default; `DAGWIRE_MYPY_DEBUG=1` shows what was swallowed.
    if os.environ.get(DEBUG_ENV):
        print(f"dagwire.mypy_plugin: hook failed, not checked: {exc!r}", file=sys.stderr)


def guarded(hook: Callable[[Ctx], Type]) -> Callable[[Ctx], Type]:
    @functools.wraps(hook)
    def run(ctx: Ctx) -> Type:
        try:
            return hook(ctx)
        except Exception as exc:  # noqa: BLE001 - any failure must become "cannot check"
            _note_failure(exc)
            return _default(ctx)

    return run


def lazy_hook(module: str, function: str, *bound: object) -> Callable[[Any], Any]:
    """`dagwire.mypy_plugin.<module>.<function>(*bound, ctx)`, imported on first call, guarded.

    One closure, not `guarded(lazy(...))`: a decorator hook runs once per definition.
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
            if isinstance(ctx, MethodSigContext):
                return ctx.default_signature
            return _default(ctx)

    return run


def guarded_signature(
    hook: Callable[[MethodSigContext], FunctionLike],
) -> Callable[[MethodSigContext], FunctionLike]:
    @functools.wraps(hook)
    def run(ctx: MethodSigContext) -> FunctionLike:
        try:
            return hook(ctx)
        except Exception as exc:  # noqa: BLE001
            _note_failure(exc)
            return ctx.default_signature

    return run
