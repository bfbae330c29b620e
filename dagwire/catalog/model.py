"""The catalog model: resources, the definitions that need them, and the problems between.

Builders (loaded and static) fill ``Resource`` and ``Definition`` records and call
``finish``, which works out what both modes share: who uses each resource, which top-level
resources are nested in others, and the problems (unbound, unused, wrong class, a
``configure_at_launch()`` resource nested but not bound). Values enter the model only through
the ``*_value`` functions below, which mask secrets: no renderer ever sees one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from dagwire.catalog.masking import MASK, mask_uris, masked_repr
from dagwire.secret_names import mentions_secret
from dagwire.suggestions import launch_binding_hint
from dagwire.vocabulary.calls import IMPLICIT_RESOURCE_KEYS

# Keys bound by default: nothing has to bind them, and they are not reported as unbound.
DEFAULT_KEYS = IMPLICIT_RESOURCE_KEYS

# Order of definition kinds in every listing.
KINDS = ("asset", "asset_check", "op", "job", "sensor", "schedule")


@dataclass(frozen=True)
class Location:
    file: str
    line: int


def location(path: str | None, line: int | None) -> Location | None:
    """A location shown relative to the working directory when it is below it."""
    if not path or line is None:
        return None
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    shown = absolute if relative.startswith("..") else relative
    return Location(shown.replace(os.sep, "/"), line)


@dataclass
class Value:
    """A value as the catalog shows it. ``kind``: ``literal``, ``masked`` (a secret),
    ``env`` (an EnvVar: its name and whether it is set here, never its value),
    ``resource`` (a nested resource), ``launch`` (given at launch), ``default`` (not given:
    the default applies), ``unset`` (required and not given), ``expression`` (source code
    that is not a literal, static mode) or ``object`` (an object shown by its class)."""

    kind: str
    text: str
    env_name: str | None = None
    env_set: bool | None = None
    resource: Resource | None = None


def literal_value(value: Any, name: str | None) -> Value:
    text = masked_repr(value, name)
    masked = name is not None and mentions_secret(name)
    if masked:
        return Value("masked", MASK)
    shown_as_class = text.startswith("<") and text.endswith(" object>")
    return Value("object" if shown_as_class else "literal", text)


def literal_text(text: str, name: str | None) -> Value:
    """A literal already written out (an Enum member read from source)."""
    if name is not None and mentions_secret(name):
        return Value("masked", MASK)
    return Value("literal", mask_uris(text))


def expression_value(source: str, name: str | None) -> Value:
    """Source code of a value that is not a literal (the caller hides secrets inside it)."""
    if name is not None and mentions_secret(name):
        return Value("masked", MASK)
    return Value("expression", mask_uris(source))


def env_value(variable: str, integer: bool = False) -> Value:
    text = f"EnvVar.int('{variable}')" if integer else f"EnvVar('{variable}')"
    return Value("env", text, env_name=variable, env_set=variable in os.environ)


def resource_value(resource: Resource) -> Value:
    return Value("resource", resource.class_name.rsplit(".", 1)[-1] + "(...)", resource=resource)


def launch_value() -> Value:
    return Value("launch", "(set at launch)")


def unset_value() -> Value:
    return Value("unset", "(not set)")


def default_value(default: Value) -> Value:
    return Value("default", default.text)


@dataclass
class ConfigField:
    name: str
    type: str | None
    description: str | None = None
    default: Value | None = None
    value: Value | None = None  # None in a Config class of a definition (set by run config)
    # None: not known (a class whose source is not in the project); else: no default
    required: bool | None = False


@dataclass
class Need:
    """A resource key something needs, and how it asks for it."""

    key: str
    via: str  # parameter | required_resource_keys | io_manager_key | input_manager_key
    parameter: str | None = None
    expects: str | None = None  # qualified class name of the annotation
    # does the bound resource fit the annotation? None: the model tells from the class chain
    fits: bool | None = None


@dataclass
class NestedIn:
    key: str
    field: str


@dataclass
class User:
    """A definition (or resource) that uses a top-level resource key."""

    kind: str
    name: str
    need: Need
    location: Location | None
    jobs: list[str] = field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.name}"


@dataclass
class Resource:
    """A resource value: top-level (``key`` set) or nested in another's field.

    ``kind``: ``configurable`` (a ConfigurableResource), ``function`` (a legacy ``@resource``),
    ``external`` (static mode: a class whose source is not in the project, with the arguments
    it is given) or ``object`` (anything else bound as a resource)."""

    kind: str
    class_name: str
    description: str | None = None
    location: Location | None = None
    fields: list[ConfigField] = field(default_factory=list)
    partial: bool = False
    key: str | None = None
    needs: list[Need] = field(default_factory=list)  # keys a resource function requires
    # filled by finish()
    users: list[User] = field(default_factory=list)
    nested_in: list[NestedIn] = field(default_factory=list)
    launch_config: list[tuple[str, Value]] = field(default_factory=list)  # (job, its config)
    shares: str | None = None  # nested: the top-level key bound to this same object
    # internal: the class and its bases (qualified names; None when not known) and what
    # identifies the bound object, to find it nested in other resources
    class_chain: tuple[str, ...] | None = None
    identity: object = None

    def nested(self) -> list[tuple[str, Resource]]:
        """(field path, resource) of every resource nested in this one, depth first."""
        found: list[tuple[str, Resource]] = []
        for config_field in self.fields:
            value = config_field.value
            if value is not None and value.resource is not None:
                found.append((config_field.name, value.resource))
                found.extend(
                    (f"{config_field.name}.{path}", inner)
                    for path, inner in value.resource.nested()
                )
        return found


@dataclass
class ConfigSchema:
    class_name: str | None  # None for a legacy config_schema
    fields: list[ConfigField]


@dataclass(frozen=True)
class GraphNode:
    id: str
    label: str
    ref: str | None  # the definition the node stands for


@dataclass
class Graph:
    nodes: list[GraphNode] = field(default_factory=list)
    edges: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Definition:
    kind: str  # one of KINDS
    name: str
    location: Location | None = None
    description: str | None = None
    needs: list[Need] = field(default_factory=list)
    config: ConfigSchema | None = None
    group: str | None = None  # asset
    upstream: list[str] = field(default_factory=list)  # asset: upstream asset keys
    asset: str | None = None  # asset check: the asset it checks
    jobs: list[str] = field(default_factory=list)  # op: the jobs it runs in
    job: str | None = None  # sensor, schedule: the job it starts
    cron: str | None = None  # schedule
    graph: Graph | None = None  # job: its ops, or the assets it materializes
    job_kind: str | None = None  # job: "ops" or "assets"
    run_config: Value | None = None  # job: its default run config
    # False when a builder could not tell everything the definition needs (static mode)
    complete: bool = True

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.name}"

    def describe(self) -> str:
        return f"{self.kind} '{self.name}'"


@dataclass
class Problem:
    kind: str  # unbound | wrong_class | launch_not_bound | unused
    key: str
    message: str
    refs: list[str] = field(default_factory=list)


@dataclass
class Catalog:
    mode: str  # "loaded" or "static"
    source: str
    resources: list[Resource]
    definitions: list[Definition]
    problems: list[Problem] = field(default_factory=list)
    # run config of jobs for launch-configured resources: (job, key, config value)
    launch_configs: list[tuple[str, str, Any]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return all(definition.complete for definition in self.definitions)

    def asset_graph(self) -> Graph:
        assets = [d for d in self.definitions if d.kind == "asset"]
        known = {d.name for d in assets}
        graph = Graph([GraphNode(d.name, d.name, d.ref) for d in assets])
        for definition in assets:
            for upstream in definition.upstream:
                if upstream not in known:
                    known.add(upstream)
                    graph.nodes.append(GraphNode(upstream, upstream, None))
                graph.edges.append((upstream, definition.name))
        return graph

    def definition(self, ref: str) -> Definition | None:
        return next((d for d in self.definitions if d.ref == ref), None)


def _order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _short(class_name: str) -> str:
    return class_name.rsplit(".", 1)[-1]


def finish(catalog: Catalog) -> Catalog:
    """Sort, then derive users, nesting, launch config and problems."""
    catalog.resources.sort(key=lambda r: r.key or "")
    catalog.definitions.sort(key=lambda d: (_order(d.kind), d.name))
    bound = {resource.key: resource for resource in catalog.resources if resource.key}
    by_identity = {id(r.identity): r for r in catalog.resources if r.identity is not None}
    problems: list[Problem] = []
    # nesting: a top-level resource given as another's field value is shared with it
    for resource in catalog.resources:
        for path, inner in resource.nested():
            shared = by_identity.get(id(inner.identity)) if inner.identity is not None else None
            if shared is not None and shared is not resource:
                shared.nested_in.append(NestedIn(resource.key or "", path))
                inner.shares = shared.key
            elif inner.partial and resource.key:
                problems.append(Problem(
                    "launch_not_bound", resource.key,
                    f"resource '{resource.key}' field '{path}' is a partially configured "
                    f"{_short(inner.class_name)} (configure_at_launch()) that is not bound at "
                    "the top level: "
                    + launch_binding_hint(resource.key, path, _short(inner.class_name)),
                    [f"resource:{resource.key}"],
                ))
    for job, key, config in catalog.launch_configs:
        if key in bound:
            bound[key].launch_config.append((job, literal_value(config, None)))
    # users and unbound keys
    unbound: dict[str, list[str]] = {}
    wrong: list[Problem] = []
    users: list[tuple[str, str, str, Location | None, list[str], list[Need]]] = [
        (d.kind, d.name, d.describe(), d.location, d.jobs, d.needs)
        for d in catalog.definitions
    ] + [
        ("resource", r.key or "", f"resource '{r.key}'", r.location, [], r.needs)
        for r in catalog.resources
    ]
    for kind, name, described, where, jobs, needs in users:
        for need in needs:
            target = bound.get(need.key)
            if target is None:
                if need.key not in DEFAULT_KEYS:
                    needers = unbound.setdefault(need.key, [])
                    if described not in needers:
                        needers.append(described)
                continue
            user = User(kind, name, need, where, list(jobs))
            if all((u.ref, u.need) != (user.ref, need) for u in target.users):
                target.users.append(user)
            chain = target.class_chain
            if need.fits is False or (
                need.fits is None and need.expects is not None and chain is not None
                and need.expects not in chain
            ):
                wrong.append(Problem(
                    "wrong_class", need.key,
                    f"resource '{need.key}' is bound to a {_short(target.class_name)}, but "
                    f"{described} parameter '{need.parameter}' is annotated "
                    f"{_short(need.expects or '?')}",
                    [f"{kind}:{name}"],
                ))
    for resource in catalog.resources:
        resource.users.sort(key=lambda u: (_order(u.kind), u.name, u.need.key, u.need.via))
    problems = [
        Problem("unbound", key,
                f"resource '{key}' is not bound; required by {', '.join(needers)}",
                [_ref_of(described) for described in needers])
        for key, needers in sorted(unbound.items())
    ] + wrong + problems
    if catalog.complete:
        problems += [
            Problem("unused", resource.key or "",
                    f"resource '{resource.key}' is bound but nothing uses it",
                    [f"resource:{resource.key}"])
            for resource in catalog.resources
            if not resource.users and not resource.nested_in and resource.key not in DEFAULT_KEYS
        ]
    catalog.problems = problems
    return catalog


def _ref_of(described: str) -> str:
    kind, _, quoted = described.partition(" ")
    return f"{kind}:{quoted[1:-1]}"
