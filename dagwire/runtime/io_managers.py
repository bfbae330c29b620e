"""IO managers: how step outputs are stored and how inputs are loaded.

``InMemoryIOManager`` is the default (``io_manager`` key) when nothing else is bound;
``FilesystemIOManager`` pickles each output to a file, atomically (temp file + ``os.replace``),
so a crash mid-write leaves the previous value readable.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from typing import TYPE_CHECKING, Any

from typing_extensions import dataclass_transform

from dagwire.runtime.config import Field
from dagwire.runtime.context import InitResourceContext, InputContext, OutputContext
from dagwire.runtime.errors import DagwireError
from dagwire.runtime.resources import ConfigurableResource


class IOManager:
    """Stores step outputs (``handle_output``) and loads step inputs (``load_input``)."""

    def handle_output(self, context: OutputContext, obj: Any) -> None:
        raise NotImplementedError(f"{type(self).__name__} must implement handle_output")

    def load_input(self, context: InputContext) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must implement load_input")


if TYPE_CHECKING:

    @dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(Field,))
    class ConfigurableIOManager(ConfigurableResource, IOManager):
        """An IO manager configured by typed fields (a pydantic model at run time)."""

else:  # ConfigurableResource is the pydantic model here: its subclass is one too

    class ConfigurableIOManager(ConfigurableResource, IOManager):
        pass


class ConfigurableIOManagerFactory(ConfigurableResource):
    """A resource, configured by its fields, that builds the IO manager its users get
    (``create_io_manager``), as a ``@io_manager`` function does."""

    def create_io_manager(self, context: InitResourceContext) -> IOManager:
        raise NotImplementedError(f"{type(self).__name__} must implement create_io_manager")

    def create_resource(self, context: InitResourceContext) -> Any:
        return self.create_io_manager(context)


class InMemoryIOManager(IOManager):
    """Keeps outputs in a dict for the lifetime of the manager (one run by default)."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, ...], Any] = {}

    def handle_output(self, context: OutputContext, obj: Any) -> None:
        self.values[tuple(context.get_identifier())] = obj

    def load_input(self, context: InputContext) -> Any:
        try:
            return self.values[tuple(context.upstream_output.get_identifier())]
        except KeyError:
            upstream = context.upstream_output
            what = (
                f"asset '{upstream.asset_key.to_user_string()}'"
                if upstream.asset_key is not None
                else f"output '{upstream.name}' of step '{upstream.step_key}'"
            )
            raise DagwireError(
                f"no stored value for {what} in the in-memory IO manager: it was not "
                "materialized in this run (bind a persistent IO manager such as "
                "FilesystemIOManager to load assets from earlier runs)"
            ) from None

    def __repr__(self) -> str:
        return "InMemoryIOManager()"


class FilesystemIOManager(ConfigurableIOManager):
    """Pickles outputs under ``base_dir``: ``<base_dir>/<asset key path>`` for assets,
    ``<base_dir>/<run id>/<step>/<output>`` for op outputs."""

    base_dir: str = Field(default="dagwire_storage", description="Directory for stored outputs")

    def _path(self, context: OutputContext) -> str:
        return os.path.join(self.base_dir, *context.get_identifier())

    def handle_output(self, context: OutputContext, obj: Any) -> None:
        path = self._path(context)
        directory = os.path.dirname(path)
        os.makedirs(directory, exist_ok=True)
        # Write a temp file in the same directory, then rename over the target: readers see
        # the old value or the new one, never a half-written file.
        fd, tmp_path = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(obj, handle, protocol=pickle.HIGHEST_PROTOCOL)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_path, path)
        except BaseException:
            if os.path.exists(tmp_path):
                os.unlink(tmp_path)
            raise

    def load_input(self, context: InputContext) -> Any:
        with open(self._path(context.upstream_output), "rb") as handle:
            return pickle.load(handle)


__all__ = [
    "ConfigurableIOManager",
    "ConfigurableIOManagerFactory",
    "FilesystemIOManager",
    "IOManager",
    "InMemoryIOManager",
    "InputContext",
    "OutputContext",
]
