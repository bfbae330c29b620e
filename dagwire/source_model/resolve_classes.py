"""What kind of class a name is (a Config class, a resource, something else) and what a class
body defines, through its bases across modules.

The third floor of the resolver (`resolve.Resolver`), on top of `resolve_constants`.
"""

from __future__ import annotations

import ast

from dagwire.source_model.imports import IMPORTED, IMPORTED_MODULE, dotted
from dagwire.source_model.module import ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.resolve_constants import ConstantResolver
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import (
    CONFIG_BASES,
    INTEGRATION_PACKAGE_PREFIX,
    INTEGRATION_RESOURCE_SUFFIX,
    IO_MANAGER_BASES,
    OWN_IO_MANAGER_BASE,
    PIPES_CLIENT_AFFIXES,
    RESOURCE_BASES,
    RESOURCE_FACTORY_BASES,
    RESOURCE_MARKERS,
)

CONFIG = "config"
PERMISSIVE_CONFIG = "permissive_config"
RESOURCE = "resource"
OTHER_CLASS = "other"

# What Dagster refuses as a resource parameter's annotation (its objects give user code
# something else than themselves): ClassRef.refused.
IO_MANAGER = "IO manager"
RESOURCE_FACTORY = "resource factory"
_REFUSED_ROLES = {
    **dict.fromkeys(RESOURCE_FACTORY_BASES, RESOURCE_FACTORY),
    **dict.fromkeys(IO_MANAGER_BASES, IO_MANAGER),
}

# framework base class -> what its subclasses are. Resource factories and IO managers count
# as resources here: a parameter annotated with one requires its key.
_ROLE_CLASS_KINDS = {
    **CONFIG_BASES,
    **dict.fromkeys(
        RESOURCE_BASES | RESOURCE_FACTORY_BASES | IO_MANAGER_BASES | RESOURCE_MARKERS, RESOURCE
    ),
}


def integration_resource(package: str, name: str) -> bool:
    """Is a class of an integration library a resource by Dagster's naming conventions
    (`dagster_aws.s3.S3Resource`, `dagster_docker.PipesDockerClient`)?"""
    if not package.split(".", 1)[0].startswith(INTEGRATION_PACKAGE_PREFIX):
        return False
    prefix, suffix = PIPES_CLIENT_AFFIXES
    return name.endswith(INTEGRATION_RESOURCE_SUFFIX) or (
        name.startswith(prefix) and name.endswith(suffix)
    )


class ClassRef:
    __slots__ = ("kind", "name", "node", "model", "refused", "own_value")

    def __init__(
        self,
        kind: str,
        name: str,
        node: ast.ClassDef | None,
        model: ModuleModel,
        refused: str | None = None,
        own_value: bool = False,
    ) -> None:
        self.kind = kind  # CONFIG, PERMISSIVE_CONFIG, RESOURCE or OTHER_CLASS
        self.name = name
        self.node = node  # None for the framework base classes themselves
        self.model = model
        # a RESOURCE Dagster refuses as a parameter annotation: IO_MANAGER, RESOURCE_FACTORY
        self.refused = refused
        # an IO manager that is its own IO manager (what `ResourceParam[cls]` receives)
        self.own_value = own_value


def _refused(bases: list[ClassRef | None]) -> tuple[str | None, bool]:
    """A class's `refused` and `own_value` from its bases', as Dagster decides: an IO manager
    is refused even when it is also a ConfigurableResource (dagwire's are); any other plain
    resource base makes it a resource (Dagster's ConfigurableResource is a factory too)."""
    known = [ref for ref in bases if ref is not None and ref.kind == RESOURCE]
    io = [ref for ref in known if ref.refused == IO_MANAGER]
    if io:
        return IO_MANAGER, any(ref.own_value for ref in io)
    if any(ref.refused is None for ref in known) or len(known) < len(bases):
        return None, False  # (a base it cannot read may be a plain resource)
    return RESOURCE_FACTORY, False


class ClassMembers:
    __slots__ = ("fields", "members", "complete")

    def __init__(
        self,
        fields: dict[str, ast.AnnAssign],
        members: frozenset[str],
        complete: bool,
    ) -> None:
        self.fields = fields
        self.members = members
        self.complete = complete  # False when a base class could not be read


class ClassResolver(ConstantResolver):
    def __init__(self, index: ProjectIndex) -> None:
        super().__init__(index)
        # (module, dotted name) -> class; annotations repeat the same few names
        self._classes: dict[tuple[int, str], ClassRef | None] = {}

    def class_ref(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> ClassRef | None:
        """What kind of class an expression names; None when it cannot be told."""
        if depth > RESOLVE_DEPTH:
            return None
        if isinstance(expr, ast.Subscript):  # ConfigurableResourceFactory[Client]
            expr = expr.value
        key = dotted(expr)
        if key is None:
            return None
        cache_key = (id(model), key)
        if cache_key in self._classes:
            return self._classes[cache_key]
        found = self._class_ref(model, expr, depth)
        self._classes[cache_key] = found
        return found

    def _class_ref(self, model: ModuleModel, expr: ast.expr, depth: int) -> ClassRef | None:
        role = model.imports.role(expr)
        if role is not None:
            kind = _ROLE_CLASS_KINDS.get(role)
            name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", role)
            refused = _REFUSED_ROLES.get(role)
            own = role == OWN_IO_MANAGER_BASE
            return ClassRef(kind, name, None, model, refused, own) if kind else None
        found = self.target_of(model, expr)
        if found is None:
            return self._library_class(model, expr)
        owner, cls = found
        if not isinstance(cls, ast.ClassDef):
            return None
        if not cls.bases:
            return ClassRef(OTHER_CLASS, cls.name, cls, owner)
        kinds = [self.class_ref(owner, base, depth + 1) for base in cls.bases]
        if any(ref is not None and ref.kind == RESOURCE for ref in kinds):
            return ClassRef(RESOURCE, cls.name, cls, owner, *_refused(kinds))
        for wanted in (PERMISSIVE_CONFIG, CONFIG):
            if any(ref is not None and ref.kind == wanted for ref in kinds):
                return ClassRef(wanted, cls.name, cls, owner)
        if all(ref is not None for ref in kinds):
            return ClassRef(OTHER_CLASS, cls.name, cls, owner)
        return None

    def _library_class(self, model: ModuleModel, expr: ast.expr) -> ClassRef | None:
        """A class imported from an integration library, known by its name only."""
        name = dotted(expr)
        if name is None:
            return None
        first, _, rest = name.partition(".")
        binding = model.imports.lookup(first)
        if binding is None or binding.level != 0:
            return None
        if binding.kind == IMPORTED and not rest:
            package, class_name = binding.module, binding.name
        elif binding.kind == IMPORTED_MODULE and rest:
            package, class_name = f"{binding.module}.{rest}".rpartition(".")[::2]
        else:
            return None
        if integration_resource(package, class_name):
            return ClassRef(RESOURCE, class_name, None, model)
        return None

    def class_members(self, ref: ClassRef, depth: int = 0) -> ClassMembers:
        """Fields (annotated names) and every other name a class body defines, with bases."""
        if ref.node is None:
            return ClassMembers({}, frozenset(), True)
        fields: dict[str, ast.AnnAssign] = {}
        members: set[str] = set()
        complete = depth <= RESOLVE_DEPTH
        for base in ref.node.bases:
            base_ref = self.class_ref(ref.model, base)
            if base_ref is None or not complete:
                complete = False
                continue
            inherited = self.class_members(base_ref, depth + 1)
            fields.update(inherited.fields)
            members |= inherited.members
            complete = complete and inherited.complete
        for stmt in ref.node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                fields[stmt.target.id] = stmt
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                members.add(stmt.name)
            elif isinstance(stmt, ast.Assign):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        members.add(target.id)
        return ClassMembers(fields, frozenset(members), complete)
