"""The pydantic model behind ``ConfigurableIOManager`` (run time only)."""

from __future__ import annotations

from dagwire.runtime._pydantic_resource import ConfigurableResource
from dagwire.runtime.io_managers import IOManager


class ConfigurableIOManager(ConfigurableResource, IOManager):
    pass


ConfigurableIOManager.__module__ = "dagwire.runtime.io_managers"
