"""Loading a Definitions object from a module named on the command line."""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from typing import Any

from dagwire.runtime.definitions import Definitions


class LoadError(Exception):
    """The module cannot be imported or holds no single Definitions."""


def load_definitions(target: str) -> Definitions:
    """``package.module`` (its one top-level Definitions) or ``package.module:attribute``."""
    module_name, _, attribute = target.partition(":")
    if os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())  # console scripts do not put the cwd on sys.path
    try:
        module = importlib.import_module(module_name)
    except Exception as error:
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        raise LoadError(f"cannot import module '{module_name}': {detail}") from None
    if attribute:
        value: Any = _as_definitions(getattr(module, attribute, None))
        if not isinstance(value, Definitions):
            raise LoadError(f"'{target}' is not a Definitions object")
        return value
    found = [
        (name, d) for name, v in vars(module).items()
        if isinstance(d := _as_definitions(v), Definitions)
    ]
    if not found:
        raise LoadError(f"module '{module_name}' defines no Definitions at top level")
    if len(found) > 1:
        names = ", ".join(name for name, _ in found)
        raise LoadError(
            f"module '{module_name}' defines several Definitions ({names}): "
            f"name one as {module_name}:NAME"
        )
    return found[0][1]


def _as_definitions(value: Any) -> Any:
    """A legacy ``@repository`` stands for the Definitions it holds."""
    from dagwire.runtime.legacy.repository import RepositoryDefinition

    return value.definitions if isinstance(value, RepositoryDefinition) else value
