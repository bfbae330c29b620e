"""The plugin class: maps mypy's hook names to the checks, for the enabled frameworks.

The check modules are imported on the first hook call, not with the plugin: a run served
from the incremental cache calls no hook and should pay nothing for them.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

from mypy.nodes import MypyFile, TypeInfo
from mypy.options import Options
from mypy.plugin import (
    AttributeContext,
    FunctionContext,
    MethodContext,
    MethodSigContext,
    Plugin,
    ReportConfigContext,
)
from mypy.types import FunctionLike, Type

# Imported eagerly: mypy must know the codes to accept `disable_error_code = dagwire`.
from dagwire.mypy_plugin import error_codes  # noqa: F401
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.guard import lazy_hook
from dagwire.mypy_plugin.settings import SECTION, Settings, load_settings
from dagwire.mypy_plugin.statement_reads import (
    reads_directory,
    stamps_to_validate,
    stamps_to_write,
)

__version__ = "0.1.0"
# Bumped whenever what is stored in types (captured.py) changes: invalidates mypy's cache.
CACHE_FORMAT = 6

_warned_unknown: set[str] = set()
UNDECLARED_HOOK_PREFIX = "types.SimpleNamespace."  # see context_resources.py
# Called names that are never a resource class: no lookup for them (every call asks).
NO_RESOURCE_CLASSES = ("<", "builtins.", "typing.", "typing_extensions.", "collections.", "abc.")


class DagwirePlugin(Plugin):
    def __init__(self, options: Options) -> None:
        super().__init__(options)
        self.settings: Settings = load_settings(options.config_file)
        for key in self.settings.unknown_keys:
            if key not in _warned_unknown:  # once per process, not once per worker module
                _warned_unknown.add(key)
                print(
                    f"{options.config_file}: [{SECTION}]: unknown setting {key!r} ignored",
                    file=sys.stderr,
                )
        self.frameworks: list[Framework] = [
            ALL_FRAMEWORKS[name]
            for name in self.settings.framework_modules
            if name in ALL_FRAMEWORKS
        ]
        self._function_hooks: dict[str, Callable[[FunctionContext], Type]] = {}
        self._method_hooks: dict[str, Callable[[MethodContext], Type]] = {}
        self._attribute_hooks: dict[str, Callable[[AttributeContext], Type]] = {}
        self._method_signature_hooks: dict[str, Callable[[MethodSigContext], FunctionLike]] = {}
        for fw in self.frameworks:
            self._register(fw)
        self._field_checks = [fw for fw in self.frameworks if fw.check_resource_fields]
        # Asked once per module, cached or not: computed once.
        self._framework_data = {"version": __version__, "format": CACHE_FORMAT}
        self._user_data = {**self._framework_data, **self.settings.to_data()}
        self._reads_directory = reads_directory(options)

    def _register(self, fw: Framework) -> None:
        f, m, a = self._function_hooks, self._method_hooks, self._attribute_hooks
        s = self.settings
        for name, kind in fw.decorators.items():
            f[name] = lazy_hook("capture", "function_hook", fw, kind, s)
            f[f"{kind}@dagwire-plugin:{fw.name}"] = lazy_hook("capture", "apply_hook", fw, kind, s)
        for name, kind in fw.decorator_objects.items():
            m[name] = lazy_hook("capture", "apply_hook", fw, kind, s)
        f[fw.definitions] = lazy_hook("resource_binding", "check_definitions", fw, s)
        # `Definitions.merge(...)`, a static method: reaches the method hook
        m[f"{fw.definitions}.merge"] = lazy_hook("merged_definitions", "merge_hook", fw, s)
        f[fw.define_asset_job] = lazy_hook("run_config", "define_asset_job_hook", fw, s)
        # run config and the resources a test run is given (execution_resources.py)
        for name in fw.materialize:
            f[name] = lazy_hook("run_config", "materialize_hook", fw, s)
        for name in fw.execute_in_process:
            m[name] = lazy_hook("run_config", "execute_in_process_hook", fw, s)
        if s.check_run_config:
            f[fw.run_request] = lazy_hook("run_config", "run_request_hook", fw)
        for name in fw.graph_to_job:
            m[name] = lazy_hook("graph_jobs", "to_job_hook", fw, s)
        for name, kind in fw.invocation_methods.items():
            m[name] = lazy_hook("direct_invocation", "call_hook", fw, kind)
        for name in fw.composition_calls:
            self._method_signature_hooks[name] = lazy_hook(
                "direct_invocation", "composition_signature_hook"
            )
        for name in fw.context_resources:
            a[name] = lazy_hook("context_resources", "resources_hook", fw)
        a[UNDECLARED_HOOK_PREFIX] = lazy_hook("context_resources", "undeclared_hook")

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        hook = self._function_hooks.get(fullname)
        if hook is None and self._field_checks and not fullname.startswith(NO_RESOURCE_CLASSES):
            sym = self.lookup_fully_qualified(fullname)
            info = sym.node if sym is not None else None
            if isinstance(info, TypeInfo):
                for fw in self._field_checks:
                    for base in fw.resource_bases:
                        if info.has_base(base):
                            return lazy_hook("resource_fields", "constructor_hook", fw, info)
        return hook

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        return self._method_hooks.get(fullname)

    def get_method_signature_hook(
        self, fullname: str
    ) -> Callable[[MethodSigContext], FunctionLike] | None:
        return self._method_signature_hooks.get(fullname)

    def get_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        hook = self._attribute_hooks.get(fullname)
        if hook is None and fullname.startswith(UNDECLARED_HOOK_PREFIX):
            return self._attribute_hooks[UNDECLARED_HOOK_PREFIX]
        return hook

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        # asked for each module mypy parses (none in a warm run): imported on first use
        from dagwire.mypy_plugin.package_dependencies import package_dependencies

        try:
            return package_dependencies(file)
        except Exception:  # noqa: BLE001 - never break mypy's module graph
            return []

    def report_config_data(self, ctx: ReportConfigContext) -> dict[str, Any]:
        # The frameworks' own modules hold no user definitions: a settings change must not
        # re-analyse dagster's ~1,500 modules, only the user's.
        top = ctx.id.partition(".")[0]
        if top in ALL_FRAMEWORKS:
            return self._framework_data
        if self._reads_directory is not None:
            stamps = (stamps_to_validate if ctx.is_check else stamps_to_write)(
                self._reads_directory, ctx.id
            )
            if stamps is not None:
                return {**self._user_data, "reads": stamps}
        return self._user_data
