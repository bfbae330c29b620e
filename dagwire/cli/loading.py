"""Loading a Definitions object from a module named on the command line."""

from __future__ import annotations

import importlib
import os
import sys
import sysconfig
import traceback
from typing import Any

from dagwire.cli.text import shown_path
from dagwire.runtime.definitions import Definitions


class LoadError(Exception):
    """The module cannot be imported or holds no single Definitions."""


def load_definitions(target: str) -> Definitions:
    """``package.module`` (its one top-level Definitions) or ``package.module:attribute``;
    the module may be named by its file (``pkg/definitions.py``, ``pkg/definitions.py:defs``)."""
    module_name, _, attribute = target.partition(":")
    search_root = os.getcwd()  # console scripts do not put the cwd on sys.path
    if module_name.endswith(".py"):
        if not os.path.isfile(module_name):
            raise LoadError("no such file")
        module_name, search_root = module_for_file(module_name)
    if search_root not in sys.path:
        sys.path.insert(0, search_root)
    try:
        module = importlib.import_module(module_name)
    except Exception as error:
        raise LoadError(f"cannot import module '{module_name}': {_import_failure(error)}") from None
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


def module_for_file(path: str) -> tuple[str, str]:
    """(dotted module name, the folder to import it from): the file's stem below each
    enclosing package, as Python imports it from the folder above the outermost package."""
    absolute = os.path.abspath(path)
    stem = os.path.splitext(os.path.basename(absolute))[0]
    parts = [] if stem == "__init__" else [stem]
    folder = os.path.dirname(absolute)
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        parts.insert(0, os.path.basename(folder))
        folder = os.path.dirname(folder)
    return ".".join(parts), folder


def _import_failure(error: BaseException) -> str:
    """The exception, and where in the user's code it happened (the innermost frame outside
    dagwire, the import machinery and installed libraries; a syntax error's own location)."""
    detail = traceback.format_exception_only(type(error), error)[-1].strip()
    where = None
    if isinstance(error, SyntaxError) and error.filename and error.lineno:
        where = (error.filename, error.lineno)
    else:
        for frame, line in traceback.walk_tb(error.__traceback__):
            if _is_user_file(frame.f_code.co_filename):
                where = (frame.f_code.co_filename, line)
    if where is None:
        return detail
    return f"{shown_path(where[0])}:{where[1]}: {detail}"


# dagwire's own package folder, with a trailing separator
DAGWIRE_DIR = os.path.join(os.path.realpath(os.path.dirname(os.path.dirname(__file__))), "")

_NOT_USER = (DAGWIRE_DIR, *{
    os.path.join(os.path.realpath(p), "")
    for p in (sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib"))
})


def _is_user_file(filename: str) -> bool:
    if filename.startswith("<"):  # <frozen importlib._bootstrap>, <string>
        return False
    return not os.path.realpath(filename).startswith(_NOT_USER)
