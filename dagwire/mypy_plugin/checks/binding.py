"""Check one binding site: every key its definitions require is bound, with a compatible type.

A binding site is where resources meet the definitions they serve: `Definitions(...)`, a
merge of parts, `materialize(...)`, `job.execute_in_process(...)`. Each candidate resource
dict (one per deployment when the dict is picked by deployment) is checked on its own.
"""

from __future__ import annotations

from typing import Callable

from mypy.errorcodes import ErrorCode
from mypy.nodes import Context, Var
from mypy.subtypes import is_subtype
from mypy.types import AnyType, Instance, ProperType, get_proper_type

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement
from dagwire.mypy_plugin.facts.jobs import unbound_by_own_resource_defs
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.sources.definition_lists import Listed
from dagwire.mypy_plugin.sources.resource_dicts import ResourceDict
from dagwire.mypy_plugin.type_helpers import is_subclass_of, unwrap_partial
from dagwire.suggestions import closest
from dagwire.vocabulary.calls import IMPLICIT_RESOURCE_KEYS

DEFINITIONS_RESOURCES = "Definitions(resources=...)"  # how messages name the usual site


class BindingSite:
    """Where resources are bound, what may be bound there and what is listed there.

    Plain classes here: see facts/carrier.py.
    """

    __slots__ = ("context", "framework", "candidates", "listed", "bound_in", "check_types",
                 "check_unused")

    def __init__(
        self,
        context: Context,
        framework: Framework,
        candidates: list[ResourceDict],
        listed: Listed,
        *,
        bound_in: str = DEFINITIONS_RESOURCES,  # how messages name the site
        check_types: bool = True,  # False at a merge: each part reports its own wrong types
        check_unused: bool = False,  # report bound keys nothing requires
    ) -> None:
        self.context = context
        self.framework = framework
        self.candidates = candidates
        self.listed = listed
        self.bound_in = bound_in
        self.check_types = check_types
        self.check_unused = check_unused


# (node name, what holds it) of an op that requires a key as a node of a job or graph asset
InJob = tuple[str, str]
# Kinds of definition made of ops: what they require is what their ops require.
MADE_OF_OPS = frozenset({"job", "graph_asset"})


def requirements_of(d: Captured) -> list[tuple[Requirement, Captured, InJob | None]]:
    """(requirement, owner, where in a job) a definition brings, minus its own bindings."""
    if d.all_keys_local or unbound_by_own_resource_defs(d):
        return []  # a job whose own bindings lack a key fails, reported where it is built
    if d.kind in MADE_OF_OPS:
        out: list[tuple[Requirement, Captured, InJob | None]] = []
        for node, op in d.ops:
            if op.all_keys_local:
                continue
            for r in op.requirements:
                if r.key not in d.local_keys and r.key not in op.local_keys:
                    out.append((r, op, (node, d.label)))
        return out
    local = d.local_keys
    return [(r, d, None) for r in d.requirements if r.key not in local]


def owner_label(owner: Captured, in_job: InJob | None) -> str:
    """Who requires a key, for messages: `asset "orders"`, `op "load" in job "etl"`."""
    if in_job is None:
        return owner.label
    node, container = in_job
    return f'{owner.kind} "{node}" in {container}'


def compatible(bound: ProperType, expected: ProperType, fw: Framework) -> bool:
    """False only when the bound value is certainly not what the parameter expects."""
    bound = unwrap_partial(bound, fw)
    if not isinstance(bound, Instance) or not isinstance(expected, Instance):
        return True
    if is_subclass_of(bound, fw.opaque_resource_bases) and not is_subclass_of(
        bound, fw.checkable_resource_bases
    ):
        return True  # legacy ResourceDefinition or factory: the produced type is unknown
    return is_subtype(bound, expected)


def _compatible_cached(
    bound: ProperType,
    expected: ProperType,
    fw: Framework,
    verdicts: dict[tuple[object, object, str], bool],
) -> bool:
    # Only plain classes are keyed by TypeInfo: generic or literal types are checked each time.
    if (
        isinstance(bound, Instance)
        and isinstance(expected, Instance)
        and not bound.args
        and not expected.args
        and bound.last_known_value is None
    ):
        key = (bound.type, expected.type, fw.name)
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = compatible(bound, expected, fw)
        return verdict
    return compatible(bound, expected, fw)


def check_binding(site: BindingSite, api: CheckerApi) -> None:
    """Report what the site's definitions require that a candidate resource dict does not
    bind, or binds with an incompatible class; and, if asked, what nothing requires."""
    fw = site.framework
    candidates = site.candidates
    definitions = site.listed.items
    local_keys = site.listed.local_keys
    all_complete = site.listed.complete
    frameworks = {d.framework for d in definitions}
    required: set[str] = set(IMPLICIT_RESOURCE_KEYS) | local_keys
    reported: set[str] = set()

    def report(msg: str, code: ErrorCode) -> bool:
        """Report once; True when reported now."""
        if msg in reported:
            return False
        reported.add(msg)
        api.fail(msg, site.context, code=code)
        return True

    # is_subtype per distinct (bound class, expected class): thousands of definitions share
    # a few dozen resource classes.
    verdicts: dict[tuple[object, object, str], bool] = {}
    # the jobs sensors and schedules run are part of the Definitions too (facts/decorators.py)
    targets = [job for d in definitions if d.kind in ("sensor", "schedule") for _, job in d.ops]
    for d in [*definitions, *targets]:
        dfw = ALL_FRAMEWORKS.get(d.framework, fw)
        if (
            not d.requirements_complete
            or d.all_keys_local  # bindings it makes itself are not known: so is what it needs
            or (d.kind in MADE_OF_OPS and not d.ops_complete)
            or unbound_by_own_resource_defs(d)
        ):
            all_complete = False
        for req, owner, in_job in requirements_of(d):
            key = req.key
            required.add(key)
            if key in local_keys:
                continue
            expected = req.expected
            checkable = expected is not None and not isinstance(expected, AnyType)
            for cand in candidates:
                if key not in cand.values:
                    if cand.complete and key not in IMPLICIT_RESOURCE_KEYS:  # a default io_manager
                        msg = messages.unbound(
                            key,
                            owner_label(owner, in_job),
                            messages.fmt(expected, api.options)
                            if expected is not None and checkable
                            else None,
                            cand.label if len(candidates) > 1 else None,
                            site.bound_in,
                            cand.values,
                        )
                        if report(msg, error_codes.UNBOUND_RESOURCE):
                            _note_close_key(key, cand, site.context, api)
                    continue
                bound = cand.values[key]
                if not site.check_types or bound is None or expected is None or not checkable:
                    continue
                if not _compatible_cached(bound, expected, dfw, verdicts):
                    report(
                        messages.wrong_binding(
                            key,
                            messages.fmt(unwrap_partial(bound, dfw), api.options),
                            owner_label(owner, in_job),
                            messages.fmt(expected, api.options),
                            cand.label if len(candidates) > 1 else None,
                        ),
                        error_codes.RESOURCE_TYPE,
                    )
    if site.check_unused and all_complete and len(frameworks) <= 1:
        _check_unused(candidates, required, report)


def _note_close_key(key: str, cand: ResourceDict, site: Context, api: CheckerApi) -> None:
    """Point at the bound key an unbound one most likely misspells, when it is written in
    this module. A `# type: ignore` at the site covers the note too."""
    guess = closest(key, cand.values)
    line = cand.lines.get(guess) if guess is not None else None
    if guess is not None and line is not None:
        api.msg.note(
            messages.bound_here(guess),
            Context(line, site.column),
            code=error_codes.UNBOUND_RESOURCE,
            origin_context=site,
        )


def _check_unused(
    candidates: list[ResourceDict], required: set[str], report: Callable[[str, ErrorCode], bool]
) -> None:
    for cand in candidates:
        if not cand.complete:
            continue
        label = cand.label if len(candidates) > 1 else None
        nested = nested_field_types(cand)
        for key, value in cand.values.items():
            if key in required:
                continue
            for each in ALL_FRAMEWORKS.values():
                value = unwrap_partial(value, each) if value is not None else None
            if isinstance(value, Instance) and any(is_subtype(value, f) for f in nested):
                continue  # also a nested resource of another binding (launch config goes here)
            report(messages.unused(key, label), error_codes.UNUSED_RESOURCE)


def nested_field_types(cand: ResourceDict) -> list[Instance]:
    """Classes of the resource-typed fields of the bound resources."""
    out: list[Instance] = []
    for value in cand.values.values():
        if not isinstance(value, Instance):
            continue
        for info in value.type.mro:
            for sym in info.names.values():
                t = get_proper_type(sym.node.type) if isinstance(sym.node, Var) and (
                    sym.node.type is not None
                ) else None
                if isinstance(t, Instance) and t.type.fullname in RESOURCE_DEPENDENCIES and t.args:
                    t = get_proper_type(t.args[0])  # `ResourceDependency[X]`: an X field
                if isinstance(t, Instance) and t.type.fullname not in BUILTIN_FIELD_TYPES:
                    out.append(t)
    return out


RESOURCE_DEPENDENCIES = frozenset(
    fw.resource_dependency for fw in ALL_FRAMEWORKS.values() if fw.resource_dependency
)


# field types that are never resources: skip them without a subtype check
BUILTIN_FIELD_TYPES = frozenset({"builtins.str", "builtins.int", "builtins.bool", "builtins.float"})
