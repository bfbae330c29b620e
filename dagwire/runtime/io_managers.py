"""IO managers: how step outputs are stored and how inputs are loaded.

``InMemoryIOManager`` is the default (``io_manager`` key) when nothing else is bound;
``FilesystemIOManager`` pickles each output to a file, atomically (temp file + ``os.replace``),
so a crash mid-write leaves the previous value readable.
"""

from __future__ import annotations

import logging
import os
import pickle
import tempfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from typing_extensions import dataclass_transform

from dagwire.runtime.config import Field
from dagwire.runtime.errors import DagwireError
from dagwire.runtime.resources import ConfigurableResource

if TYPE_CHECKING:
    from dagwire.runtime.asset import AssetKey


class OutputContext:
    """Where an output comes from: the step, the output name and, for assets, the key."""

    def __init__(
        self,
        *,
        step_key: str,
        name: str = "result",
        asset_key: AssetKey | None = None,
        run_id: str = "",
        metadata: Mapping[str, Any] | None = None,
        log: logging.Logger | None = None,
    ) -> None:
        self.step_key = step_key
        self.name = name
        self.asset_key = asset_key
        self.run_id = run_id
        # what the definition declared (@asset(metadata=...), Out(metadata=...))
        self.definition_metadata: dict[str, Any] = dict(metadata or {})
        self.log = log or logging.getLogger("dagwire")
        # what the IO manager adds (add_output_metadata): reported with the materialization
        self.added_metadata: dict[str, Any] = {}

    @property
    def metadata(self) -> dict[str, Any]:
        """Dagster's older name for ``definition_metadata``."""
        return self.definition_metadata

    def add_output_metadata(self, metadata: Mapping[str, Any]) -> None:
        self.added_metadata.update(metadata)

    @property
    def has_asset_key(self) -> bool:
        return self.asset_key is not None

    def get_identifier(self) -> list[str]:
        """A storage path: the asset key, or run id / step / output for op outputs."""
        if self.asset_key is not None:
            return list(self.asset_key.path)
        return [self.run_id, self.step_key, self.name]

    def __repr__(self) -> str:
        return f"OutputContext(step_key={self.step_key!r}, name={self.name!r})"


class InputContext:
    """What an input loads: the upstream output (and its asset key, if any)."""

    def __init__(
        self,
        *,
        name: str,
        upstream_output: OutputContext,
        step_key: str = "",
        metadata: Mapping[str, Any] | None = None,
        log: logging.Logger | None = None,
    ) -> None:
        self.name = name
        self.upstream_output = upstream_output
        self.step_key = step_key
        self.definition_metadata: dict[str, Any] = dict(metadata or {})  # In(metadata=...)
        self.log = log or logging.getLogger("dagwire")

    @property
    def metadata(self) -> dict[str, Any]:
        return self.definition_metadata

    @property
    def asset_key(self) -> AssetKey | None:
        return self.upstream_output.asset_key

    @property
    def has_asset_key(self) -> bool:
        return self.upstream_output.asset_key is not None

    def __repr__(self) -> str:
        return f"InputContext(name={self.name!r}, upstream={self.upstream_output!r})"


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

else:
    from dagwire.runtime._pydantic_io_manager import ConfigurableIOManager


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
    "FilesystemIOManager",
    "IOManager",
    "InMemoryIOManager",
    "InputContext",
    "OutputContext",
]
