"""The shared vocabulary says what the installed dagster package and the dagwire runtime do.

Every name, qualified name, argument name and position the tools read from
`dagwire.vocabulary` is checked here against the real objects, so that a Dagster release
that moves or renames one is noticed before a checker goes quietly blind to it.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import dagster
import pytest
from dagster._config.pythonic_config.resource import validate_resource_annotated_function
from dagster._core.decorator_utils import get_valid_name_permutations
from dagster._core.definitions.resource_annotation import _is_resource_annotation
from dagster._core.definitions.utils import DEFAULT_IO_MANAGER_KEY

from dagwire.runtime import EXPORTS
from dagwire.vocabulary import calls, names, qualified

# Names the tools know that dagster exports from a submodule only (users import them from
# there: `from dagster._config.pythonic_config import ConfigurableResourceFactory`).
SUBMODULE_ONLY = {
    "ConfigurableResourceFactory": "dagster._config.pythonic_config",
    "TreatAsResourceParam": "dagster._core.definitions.resource_annotation",
    "UnresolvedAssetJobDefinition": "dagster._core.definitions.unresolved_asset_job_definition",
}


def _resolve(fullname: str) -> Any:
    """The object a fully qualified name denotes: the longest importable module prefix, then
    attributes."""
    parts = fullname.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            value = getattr(value, attribute)
        return value
    raise ImportError(fullname)


def test_every_dagster_name_is_exported() -> None:
    checked = 0
    for name in sorted(names.NAMES["dagster"]):
        module = importlib.import_module(SUBMODULE_ONLY.get(name, "dagster"))
        assert hasattr(module, name), name
        checked += 1
    assert checked > 70


@pytest.mark.parametrize("framework", ["dagster", "dagwire"])
def test_qualified_names_denote_the_objects(framework: str) -> None:
    if framework == "dagwire":
        import dagwire.runtime.legacy.graph  # noqa: F401 - not imported by the package
    checked = 0
    for name, fullname in qualified.QUALIFIED[framework].items():
        value = _resolve(fullname)
        own = getattr(value, "__qualname__", None)
        if name == names.RESOURCE_PARAM:
            continue  # an `Annotated` alias: no name of its own
        module = getattr(value, "__module__", None)
        assert f"{module}.{own}" == fullname, (name, fullname)
        assert own is not None and own.rsplit(".", 1)[-1] == name, (name, own)
        checked += 1
    assert checked > 30


def test_dagwire_qualified_names_agree_with_the_runtime_exports() -> None:
    for name, fullname in qualified.DAGWIRE.items():
        if name in EXPORTS:
            assert fullname == f"{EXPORTS[name]}.{name}", name


def test_decorators_and_kinds() -> None:
    for name in names.DECORATORS:
        assert callable(getattr(dagster, name)), name
    for name in qualified.DAGSTER:
        if name in names.DECORATORS:
            assert qualified.DAGSTER[name].endswith(f".{name}")
    assert set(names.DECORATORS.values()) >= names.COMPUTE_KINDS | names.COMPOSITION_KINDS


def test_context_parameter_names_are_dagsters() -> None:
    assert calls.CONTEXT_PARAM_NAMES == get_valid_name_permutations("context")


def test_default_io_manager_key_is_dagsters() -> None:
    assert calls.IMPLICIT_RESOURCE_KEYS == {DEFAULT_IO_MANAGER_KEY}
    assert calls.DEFAULT_IO_MANAGER_KEY == DEFAULT_IO_MANAGER_KEY


def _parameters(function: Any) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_definitions_arguments_and_positions() -> None:
    assert tuple(_parameters(dagster.Definitions)) == calls.DEFINITIONS_PARAMETERS
    assert set(calls.DEFINITIONS_LISTS) < set(calls.DEFINITIONS_PARAMETERS)
    assert calls.RESOURCES in calls.DEFINITIONS_PARAMETERS
    for method in calls.MERGE_METHODS:
        assert isinstance(inspect.getattr_static(dagster.Definitions, method), staticmethod)


def test_loaders_read_what_the_vocabulary_says() -> None:
    for name, (reads, keyword, kinds) in names.LOADERS.items():
        parameters = _parameters(getattr(dagster, name))
        if reads == names.READS_CURRENT:
            assert keyword is None and parameters[0] != "modules", name
        else:
            assert parameters[0] == keyword, name
        assert kinds in (names.ASSET_KINDS, names.CHECK_KINDS)
        assert ("checks" in name) == (kinds == names.CHECK_KINDS), name
    for name in names.DEFS_FOLDER_LOADERS:
        assert callable(getattr(dagster, name)), name
    for name, (reads, keyword) in names.DEFINITIONS_LOADERS.items():
        parameters = _parameters(getattr(dagster, name))
        assert calls.RESOURCES in parameters, name
        assert reads != names.READS_CURRENT and parameters[0] == keyword, name


def test_defs_folder_loaders_and_components() -> None:
    """What `load_from_defs_folder` / `load_defs` read (dagster.components.core)."""
    from dagster.components.core import decl, defs_module, load_defs
    from dagster_shared.utils.config import get_canonical_defs_module_name

    assert _parameters(dagster.load_defs)[:3] == [
        calls.LOAD_DEFS_ROOT, "project_root", calls.LOAD_DEFS_TERMINATE,
    ]
    assert inspect.signature(dagster.load_defs).parameters[calls.LOAD_DEFS_TERMINATE].default
    assert "path_within_project" in _parameters(dagster.load_from_defs_folder)
    assert get_canonical_defs_module_name(None, "shop") == f"shop.{calls.DEFS_FOLDER}"
    source = inspect.getsource(decl) + inspect.getsource(defs_module)
    keyword_files = (calls.DEFS_KEYWORD_FILE, calls.COMPONENT_KEYWORD_FILE)
    for name in (*keyword_files, *calls.COMPONENT_YAML_FILES):
        assert f'"{name}"' in source, name
    assert calls.DG_ROOT_MODULE in inspect.getsource(load_defs) or calls.DG_ROOT_MODULE in (
        inspect.getsource(importlib.import_module("dagster.components.core.component_tree"))
    )
    assert callable(getattr(dagster.Component, calls.BUILD_DEFS))
    assert issubclass(dagster.DefsFolderComponent, dagster.Component)
    assert callable(dagster.component_instance)
    for method in calls.DEFINITIONS_KEEPING_RESOURCES | {calls.WITH_RESOURCES_METHOD}:
        assert callable(getattr(dagster.Definitions, method)), method
    for method in calls.ASSET_METHODS_KEEPING_REQUIREMENTS:
        assert callable(getattr(dagster.AssetsDefinition, method)), method


def test_components_binding_no_key() -> None:
    """Each library component said to bind no key exists, is a component, and no method it
    builds its Definitions with passes resources (the integrations are checked where they
    are installed; dagster's own always)."""
    checked = 0
    for path in sorted(names.COMPONENTS_BINDING_NO_KEY):
        package, _, name = path.partition(".")
        try:
            module = importlib.import_module(package)
        except ImportError:
            assert package != "dagster"
            continue
        cls = getattr(module, name)
        assert issubclass(cls, dagster.Component), path
        for method in (calls.BUILD_DEFS, calls.BUILD_DEFS_FROM_STATE):
            function = getattr(cls, method, None)
            if function is not None and not getattr(function, "__isabstractmethod__", False):
                assert "resources=" not in inspect.getsource(function), (path, method)
        checked += 1
    assert checked >= 4  # dagster's own
    assert names.component_binds_no_key("dagster_sling.SlingReplicationCollectionComponent")
    assert names.component_binds_no_key(
        "dagster_dbt.components.dbt_project.component.DbtProjectComponent"
    )
    assert not names.component_binds_no_key("dagster.DefinitionsComponent")
    assert not names.component_binds_no_key("DbtProjectComponent")


def test_list_wrappers_and_job_triggers() -> None:
    for name in names.LIST_WRAPPERS:
        assert _parameters(getattr(dagster, name))[0] == "assets_defs", name
    assert _parameters(getattr(dagster, names.BUILD_SCHEDULE_FROM_PARTITIONED_JOB))[0] == "job"
    for name in names.JOB_TRIGGERS - {names.BUILD_SCHEDULE_FROM_PARTITIONED_JOB}:
        assert set(calls.TARGET_KEYWORDS) & set(_parameters(getattr(dagster, name))), name


def test_integration_naming_conventions() -> None:
    """Dagster's own classes follow the conventions the checkers read from integrations."""
    prefix, suffix = names.PIPES_CLIENT_AFFIXES
    assert dagster.PipesSubprocessClient.__name__.startswith(prefix)
    assert dagster.PipesSubprocessClient.__name__.endswith(suffix)
    assert _is_resource_annotation(dagster.PipesSubprocessClient)
    assert names.INTEGRATION_PACKAGE_PREFIX == "dagster_"
    assert issubclass(dagster.ConfigurableResource, object)
    assert names.INTEGRATION_RESOURCE_SUFFIX in dagster.ConfigurableResource.__name__


def test_binding_calls_and_keywords() -> None:
    assert _parameters(dagster.with_resources)[:2] == [
        calls.WITH_RESOURCES_DEFINITIONS, calls.WITH_RESOURCES_RESOURCES,
    ]
    for name in (names.MATERIALIZE, names.MATERIALIZE_TO_MEMORY):
        parameters = _parameters(getattr(dagster, name))
        assert parameters[0] == calls.MATERIALIZE_ASSETS and calls.RESOURCES in parameters
    assert calls.RESOURCE_DEFS in _parameters(getattr(dagster.GraphDefinition, calls.TO_JOB))
    assert calls.RESOURCES in _parameters(
        getattr(dagster.JobDefinition, calls.EXECUTE_IN_PROCESS)
    )
    for decorator in ("asset", "op", "job"):
        assert {calls.RESOURCE_DEFS, calls.CONFIG_SCHEMA} & set(
            _parameters(getattr(dagster, decorator))
        ), decorator
    for decorator in ("asset", "op", "sensor", "schedule"):
        assert calls.REQUIRED_RESOURCE_KEYS in _parameters(getattr(dagster, decorator))
    assert calls.IO_MANAGER_KEY in _parameters(dagster.asset)
    holders = set(_parameters(dagster.op)) | set(_parameters(dagster.multi_asset))
    assert set(calls.MANAGER_HOLDER_KEYWORDS) <= holders
    for spec in names.IO_SPECS:
        spec_parameters = set(_parameters(getattr(dagster, spec)))
        assert spec_parameters & set(calls.MANAGER_KEY_KEYWORDS), spec
    assert callable(getattr(dagster.AssetSpec, calls.WITH_IO_MANAGER_KEY))
    targets = set(_parameters(dagster.sensor)) | set(_parameters(dagster.schedule))
    assert set(calls.TARGET_KEYWORDS) <= targets
    assert callable(getattr(dagster.ConfigurableResource, calls.CONFIGURE_AT_LAUNCH))
    assert callable(getattr(dagster.ResourceDefinition, calls.CONFIGURED))


def _resource_param_accepted(base: type) -> bool:
    """Does dagster accept `def f(store: <subclass of base>)` as a resource parameter?"""
    if base.__name__ == "PipesSubprocessClient":
        annotation: type = base
    else:
        annotation = type("Subclass", (base,), {"__annotations__": {}})

    def function(store: Any) -> None:
        pass

    function.__annotations__["store"] = annotation
    inspect.signature(function)  # the annotation is read from the signature
    try:
        validate_resource_annotated_function(function)
    except dagster.DagsterInvalidDefinitionError:
        return False
    return True


def test_resource_classes_as_dagster_treats_a_parameter_annotated_with_them() -> None:
    from dagster._config.pythonic_config import ConfigurableResourceFactory

    module = {"ConfigurableResourceFactory": ConfigurableResourceFactory}
    for name in names.RESOURCE_BASES | names.RESOURCE_FACTORY_BASES | names.IO_MANAGER_BASES:
        cls = module.get(name) or getattr(dagster, name)
        assert _is_resource_annotation(cls), name  # a resource parameter...
        accepted = _resource_param_accepted(cls)
        assert accepted == (name in names.RESOURCE_BASES), name  # ...refused unless plain
    for name in names.RESOURCE_MARKERS:
        cls = importlib.import_module(SUBMODULE_ONLY.get(name, "dagster")).__dict__[name]
        assert _is_resource_annotation(cls), name
    assert _resource_param_accepted(dagster.PipesSubprocessClient)
    for framework, root in names.RESOURCE_ROOT.items():
        root_class = _resolve(qualified.QUALIFIED[framework].get(root) or "")
        for name in names.RESOURCE_BASES:
            own = _resolve(qualified.QUALIFIED[framework][name])
            assert issubclass(own, root_class), (framework, name)


def test_context_types_and_io_specs_exist() -> None:
    for name in names.CONTEXT_TYPES | names.IO_SPECS | names.RUN_NOW_CALLS:
        assert getattr(dagster, name) is not None, name


def test_own_io_manager_base_gives_itself_to_a_resource_param() -> None:
    """`ResourceParam[Store]` of a `ConfigurableIOManager` subclass receives the object."""
    assert names.OWN_IO_MANAGER_BASE in names.IO_MANAGER_BASES
    base = getattr(dagster, names.OWN_IO_MANAGER_BASE)

    class Store(base):  # type: ignore[misc, valid-type]
        root: str

        def handle_output(self, context: Any, obj: Any) -> None:
            pass

        def load_input(self, context: Any) -> Any:
            return None

    store = Store(root="x")
    created = store.create_resource(dagster.build_init_resource_context())
    assert created is store


def test_asset_spec_takes_an_io_manager_key() -> None:
    spec = getattr(getattr(dagster, names.ASSET_SPEC)("raw"), calls.WITH_IO_MANAGER_KEY)("lake")
    assert "lake" in spec.metadata.values()
