"""The names one file binds at top level, read from its libcst module (no traversal)."""

from __future__ import annotations

import libcst as cst

from dagwire.vocabulary.names import framework_of, role_of


def dotted(expr: cst.BaseExpression) -> str | None:
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        base = dotted(expr.value)
        return f"{base}.{expr.attr.value}" if base else None
    return None


class FileNames:
    """Local name -> framework role, or -> qualified project name, for one module."""

    def __init__(self, module_name: str, module: cst.Module) -> None:
        self.module_name = module_name
        self.roles: dict[str, str] = {}
        self.framework_locals: dict[str, str] = {}  # role-bearing name -> exported name
        self.qualified: dict[str, str] = {}
        self.framework_aliases: dict[str, str] = {}  # `import dagster as dg`: "dg" -> "dagster"
        self.framework_import: cst.SimpleStatementLine | None = None
        self.framework: str = "dagwire"
        self.framework_module: str = "dagwire"  # the module of framework_import
        self.top_level: set[str] = set()  # every name bound at module level
        self._framework_seen = False
        for statement in module.body:
            self._read(statement)

    def _read(self, statement: cst.CSTNode) -> None:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            self.top_level.add(statement.name.value)
            self.qualified[statement.name.value] = f"{self.module_name}.{statement.name.value}"
            return
        if not isinstance(statement, cst.SimpleStatementLine):
            return
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and small.relative == () and small.module:
                source = dotted(small.module) or ""
                fw = framework_of(source)
                if fw is not None and not isinstance(small.names, cst.ImportStar):
                    if not self._framework_seen:
                        self.framework, self._framework_seen = fw, True
                    # new names join an import from the package itself, never one from a
                    # submodule (`dagster._core.definitions` need not export Config)
                    if self.framework_import is None and source == fw:
                        self.framework_import, self.framework = statement, fw
                        self.framework_module = source
                if isinstance(small.names, cst.ImportStar):
                    continue
                for alias in small.names:
                    name = dotted(alias.name) or ""
                    local = alias.asname.name.value if alias.asname and isinstance(
                        alias.asname.name, cst.Name) else name
                    self.top_level.add(local)
                    if fw is not None:
                        role = role_of(fw, name)
                        if role is not None:
                            self.roles[local] = role
                            self.framework_locals[local] = name
                    else:
                        self.qualified[local] = f"{source}.{name}"
            elif isinstance(small, cst.Import):
                for alias in small.names:
                    name = dotted(alias.name) or ""
                    local = alias.asname.name.value if alias.asname and isinstance(
                        alias.asname.name, cst.Name) else name.split(".")[0]
                    self.top_level.add(local)
                    alias_fw = framework_of(name)
                    if alias_fw is not None:
                        self.framework_aliases[local] = alias_fw
                    else:
                        self.qualified[local] = name if alias.asname else local
            elif isinstance(small, (cst.Assign, cst.AnnAssign)):
                targets = small.targets if isinstance(small, cst.Assign) else [small]
                for target in targets:
                    if isinstance(target.target, cst.Name):
                        self.top_level.add(target.target.value)

    def role(self, expr: cst.BaseExpression) -> str | None:
        if isinstance(expr, cst.Call):
            expr = expr.func
        if isinstance(expr, cst.Name):
            return self.roles.get(expr.value)
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and (
                expr.value.value in self.framework_aliases):
            return role_of(self.framework_aliases[expr.value.value], expr.attr.value)
        return None

    def qualify(self, expr: cst.BaseExpression) -> str | None:
        if isinstance(expr, cst.Name):
            return self.qualified.get(expr.value)
        return None

    def local_for(self, qualname: str) -> str | None:
        """The local name this module already has for a project object, if any."""
        for local, qual in self.qualified.items():
            if qual == qualname:
                return local
        return None
