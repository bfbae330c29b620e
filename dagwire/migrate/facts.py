"""What phase 1 learns about the whole project, handed to phase 2 as plain (picklable) data.

Project objects are named by `Ref` (file, module-level name). ``-j N`` worker processes
receive these facts as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from dagwire.migrate.index import Ref
from dagwire.migrate.schema import Schema


class ValueType(NamedTuple):
    """What a resource gives its users, as phase 2 may write it in an annotation.

    kind: "project" (a class of the run: `path`, `name`), "library" (`from module import
    name` in the file that builds it), "builtin" (`name`), "mock" (a stand-in for anything),
    "any" (not known).
    """

    kind: str
    module: str = ""  # the file (project) or the dotted module (library)
    name: str = ""


ANY = ValueType("any")
MOCK = ValueType("mock")
# The kind label of a binding or class that is an IO manager (not a key: a label of ours).
IO_MANAGER_KIND = "io manager"


@dataclass(frozen=True)
class Binding:
    """What one key is bound to at one site, and what its users get from it."""

    kind: str  # "class" | "function" | "object" | "values" | "mock" | IO_MANAGER_KIND | "other"
    text: str  # how the binding site writes it, for TODOs
    ref: Ref | None = None  # the class or @resource function, when it is the project's
    value: ValueType = ANY
    configured: bool = False  # `fn.configured(...)`
    site: int = 0  # which binding site (the id of its call during phase 1)


@dataclass
class ResourceFunction:
    ref: Ref
    has_config_schema: bool
    # set by resource_plan.plan_conversions when RSC203 replaces it with a class
    class_ref: Ref | None = None
    reason: str = ""
    value: ValueType = ANY  # what its users get (what it returns or yields)


@dataclass
class ClassFacts:
    kind: str  # "resource" | IO_MANAGER_KIND | "factory" | "other"
    vends: bool = False  # overrides create_resource / yield_for_execution: users get another
    bases: list[Ref] = field(default_factory=list)  # project bases, nearest first


@dataclass
class ContextFlow:
    """Where an op's context goes besides its own body: helpers followed, and where not."""

    reads: dict[str, str] = field(default_factory=dict)  # key -> helper that reads it
    escapes: list[str] = field(default_factory=list)  # where it goes that is not followed
    problems: list[str] = field(default_factory=list)  # resources read in a way not rewritable


@dataclass
class FileScope:
    """Phase 2's view of one file's module-level names that are project objects."""

    names: dict[str, Ref] = field(default_factory=dict)  # local name -> object
    modules: dict[str, str] = field(default_factory=dict)  # local name -> file (`import m`)


@dataclass
class ProjectFacts:
    classes: dict[Ref, ClassFacts] = field(default_factory=dict)
    resource_functions: dict[Ref, ResourceFunction] = field(default_factory=dict)
    # group -> key -> its bindings. A group is the files of one project in the run: a package
    # root and the roots importing it (code locations side by side never share keys)
    bindings: dict[str, dict[str, list[Binding]]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)  # file -> its group
    # file -> names of ops/assets invoked directly there, with the call shapes seen
    direct_calls: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # @resource function -> resource_plan.Conversion, for the functions RSC203 rewrites
    conversions: dict[Ref, Any] = field(default_factory=dict)
    # file -> op/asset name -> its config_schema translated (RSC202), or why it cannot be
    op_schemas: dict[str, dict[str, Schema | str]] = field(default_factory=dict)
    # file -> op/asset name -> where its context goes (helpers)
    context_flows: dict[str, dict[str, ContextFlow]] = field(default_factory=dict)
    # role ("job", "asset", ...) of every top-level decorated definition
    definition_roles: dict[Ref, str] = field(default_factory=dict)
    # @repository function -> "" when MIG101 may rewrite it, else why not
    repositories: dict[Ref, str] = field(default_factory=dict)
    # resource class -> field name -> annotation source (for EnvVar vs EnvVar.int)
    field_types: dict[Ref, dict[str, str]] = field(default_factory=dict)
    # binding sites whose resources dict phase 1 cannot read ("file:line")
    opaque_sites: list[str] = field(default_factory=list)
    scopes: dict[str, FileScope] = field(default_factory=dict)
    # file -> the dotted module a file of another package root imports it by, when unique
    modules: dict[str, str] = field(default_factory=dict)
    roots: dict[str, str] = field(default_factory=dict)  # file -> its import root
    shared_modules: set[str] = field(default_factory=set)  # dotted names of several files
    files: dict[str, str] = field(default_factory=dict)  # file -> how messages name it
    # module name -> its files, for each import that found it in several (unresolved)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)

    def display(self, ref: Ref) -> str:
        """`pkg.resources.db`; the file when several files are module `pkg.resources`."""
        module = self.modules.get(ref.path, "?")
        if module in self.shared_modules:
            return f"{self.files.get(ref.path, ref.path)}:{ref.name}"
        return f"{module}.{ref.name}"

    def bindings_of(self, path: str, key: str) -> list[Binding]:
        """The bindings of `key` in the project of the file `path`."""
        return self.bindings.get(self.groups.get(path, ""), {}).get(key, [])

    def why_unbound(self, key: str) -> str:
        text = f'no binding of "{key}" found in the project'
        if self.opaque_sites:
            more = f" and {len(self.opaque_sites) - 1} more" if len(self.opaque_sites) > 1 else ""
            text += (f" (the resources given at {self.opaque_sites[0]}{more} are built in a way "
                     "the codemod does not read)")
        return text

    def is_resource_class(self, ref: Ref) -> bool:
        facts = self.classes.get(ref)
        return facts is not None and facts.kind == "resource"

    def importable_from(self, path: str, target: str) -> str | None:
        """The dotted module `path` imports `target` by; None when that import would lead
        elsewhere (another package root holding a module of the same name)."""
        module = self.modules.get(target)
        if not module:
            return None
        if self.roots.get(path) == self.roots.get(target) or module not in self.shared_modules:
            return module
        return None
