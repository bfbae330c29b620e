"""The codemods, one rewrite each; ``ALL`` is the order they run in within a traversal."""

from __future__ import annotations

from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.codemods.env_var import EnvVarSource
from dagwire.migrate.codemods.op_config import OpConfigClass
from dagwire.migrate.codemods.repository_definitions import RepositoryDefinitions
from dagwire.migrate.codemods.resource_function import ResourceFunctionClass
from dagwire.migrate.codemods.resource_params import ResourceParameters

# RSC203 rewrites `fn.configured({...})` into a constructor call before RSC205 looks at it.
ALL: tuple[type[Codemod], ...] = (
    ResourceParameters, OpConfigClass, ResourceFunctionClass, EnvVarSource,
    RepositoryDefinitions,
)
CODES: dict[str, type[Codemod]] = {c.code: c for c in ALL}
