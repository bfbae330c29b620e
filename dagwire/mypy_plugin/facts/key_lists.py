"""`@op(required_resource_keys=["spark"])`: a list of keys where the annotation says a set.

dagster's `op()` annotates the argument `AbstractSet[str]` but makes a set of whatever it is
given, and real code often passes a list. mypy would reject the call (no overload matches)
and give the decorated function the type `Any`, so nothing it requires would be known. The
signature seen for the call also takes a sequence of strings; the keys are then read like
those of a set (facts/decorators.py).
"""

from __future__ import annotations

from mypy.plugin import FunctionSigContext
from mypy.types import FunctionLike, UnionType

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.vocabulary.calls import REQUIRED_RESOURCE_KEYS

SEQUENCE = "typing.Sequence"
STR = "builtins.str"


def key_list_signature(ctx: FunctionSigContext) -> FunctionLike:
    sig = ctx.default_signature
    api = ctx.api
    if REQUIRED_RESOURCE_KEYS not in sig.arg_names or not isinstance(api, CheckerApi):
        return sig
    i = sig.arg_names.index(REQUIRED_RESOURCE_KEYS)
    keys = api.named_generic_type(SEQUENCE, [api.named_generic_type(STR, [])])
    arg_types = list(sig.arg_types)
    arg_types[i] = UnionType.make_union([arg_types[i], keys])
    return sig.copy_modified(arg_types=arg_types)
