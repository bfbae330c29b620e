"""The plugin class: settings, cache data, and the hook tables of `hooks.py`.

`hooks.py` (and with it every recorder and check) is imported on the first hook lookup, not
with the plugin: a run served from the incremental cache looks up no hook and pays nothing
for them (docs/mypy_plugin.md, Performance).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable

from mypy.nodes import MypyFile, TypeInfo
from mypy.options import Options
from mypy.plugin import (
    AttributeContext,
    FunctionContext,
    FunctionSigContext,
    MethodContext,
    MethodSigContext,
    Plugin,
    ReportConfigContext,
)
from mypy.types import FunctionLike, Type

# Imported eagerly: mypy must know the codes to accept `disable_error_code = dagwire`.
from dagwire.mypy_plugin import error_codes  # noqa: F401
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.settings import SECTION, Settings, load_settings
from dagwire.mypy_plugin.source_stamp import source_stamp
from dagwire.mypy_plugin.sources.cache_stamps import (
    cache_written,
    reads_changed,
    reads_directory,
)

if TYPE_CHECKING:
    from dagwire.mypy_plugin.hooks import HookTables

__version__ = "0.1.0"
# Bumped whenever what is stored in types (facts/carrier.py) changes: invalidates mypy's cache.
CACHE_FORMAT = 9

FunctionHook = Callable[[FunctionContext], Type]
_warned_unknown: set[str] = set()
# Called names that are never a Config or resource class: no lookup for them (every call asks).
NO_CONFIGURED_CLASSES = ("<", "builtins.", "typing.", "typing_extensions.", "collections.", "abc.")


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
        self._tables: HookTables | None = None
        # class name -> (its TypeInfo, its constructor hook or None): a new TypeInfo for the
        # name (a daemon's re-analysis) is looked at again
        self._constructors: dict[str, tuple[TypeInfo, FunctionHook | None]] = {}
        # called names found to be something other than a class (functions, mostly)
        self._not_classes: set[str] = set()
        # Asked once per module, cached or not: computed once.
        self._framework_data = {
            "version": __version__, "format": CACHE_FORMAT, "source": source_stamp()
        }
        self._user_data = {**self._framework_data, **self.settings.to_data()}
        self._reads_directory = reads_directory(options)

    def _hooks(self) -> HookTables:
        tables = self._tables
        if tables is None:
            # the recorders and checks load on the first hook lookup (see the docstring)
            from dagwire.mypy_plugin import hooks

            tables = self._tables = hooks.build_tables(self.frameworks, self.settings)
        return tables

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        tables = self._tables or self._hooks()
        hook = tables.function.get(fullname)
        if (
            hook is None
            and fullname not in self._not_classes
            and not fullname.startswith(NO_CONFIGURED_CLASSES)
        ):
            sym = self.lookup_fully_qualified(fullname)
            info = sym.node if sym is not None else None
            if sym is not None and not isinstance(info, TypeInfo):
                self._not_classes.add(fullname)  # a function stays one: not looked up again
            if isinstance(info, TypeInfo):
                # asked at every call of the class: its bases are walked once per class
                known = self._constructors.get(fullname)
                if known is not None and known[0] is info:
                    return known[1]
                hook = self._constructor(info, tables)
                self._constructors[fullname] = (info, hook)
        return hook

    def _constructor(
        self, info: TypeInfo, tables: HookTables
    ) -> FunctionHook | None:
        for fw in self.frameworks:
            for base in fw.configured_bases:
                if info.has_base(base):
                    return tables.constructor(fw, info)
        return None

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        return (self._tables or self._hooks()).method.get(fullname)

    def get_function_signature_hook(
        self, fullname: str
    ) -> Callable[[FunctionSigContext], FunctionLike] | None:
        return (self._tables or self._hooks()).function_signature.get(fullname)

    def get_method_signature_hook(
        self, fullname: str
    ) -> Callable[[MethodSigContext], FunctionLike] | None:
        return (self._tables or self._hooks()).method_signature.get(fullname)

    def get_attribute_hook(self, fullname: str) -> Callable[[AttributeContext], Type] | None:
        tables = self._tables or self._hooks()
        hook = tables.attribute.get(fullname)
        if hook is None:
            for prefix, prefixed in tables.attribute_prefixes:
                if fullname.startswith(prefix):
                    return prefixed
        return hook

    def get_additional_deps(self, file: MypyFile) -> list[tuple[int, str, int]]:
        # asked for each module mypy parses (none in a warm run): imported on first use
        from dagwire.mypy_plugin.sources.package_modules import package_dependencies

        self._not_classes.clear()  # a changed module (a daemon's re-run) may define a class

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
        directory = self._reads_directory
        if directory is not None:
            if not ctx.is_check:
                cache_written(directory, ctx.id)
            elif reads_changed(directory, ctx.id):
                return {**self._user_data, "reads": "changed"}  # not what was written: stale
        return self._user_data
