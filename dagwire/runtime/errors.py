"""Errors raised by the dagwire runtime.

One format for every message: a header that names the definition (``op 'greet'``,
``asset 'users'``, ``resource 'db'``, ``Definitions``) and, when several problems are found
together, one ``- `` line per problem. Messages never contain a resolved environment value.
"""

from __future__ import annotations

from collections.abc import Sequence


class DagwireError(Exception):
    """Base class of every error the dagwire runtime raises on purpose."""


class _ProblemsError(DagwireError):
    """An error that reports several problems at once, one line each."""

    def __init__(self, header: str, problems: Sequence[str]) -> None:
        self.header = header
        self.problems: tuple[str, ...] = tuple(problems)
        lines = [header] + [f"- {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))


class DagwireInvalidDefinitionError(_ProblemsError):
    """Definitions that cannot be loaded: unbound resource keys, wrong resource classes,
    partially configured nested resources, unknown upstream assets, bad decorator use."""

    def __init__(self, header: str, problems: Sequence[str] = ()) -> None:
        super().__init__(header, problems)


class DagwireInvalidConfigError(_ProblemsError):
    """Config (a Config class, run config or resource config) that does not validate."""

    def __init__(self, header: str, problems: Sequence[str] = ()) -> None:
        super().__init__(header, problems)


class DagwireMissingEnvVarError(DagwireInvalidConfigError):
    """An EnvVar used by a resource is not set when a run starts."""


class DagwireInvalidInvocationError(DagwireError):
    """A definition called directly with arguments it cannot run with."""


class DagwireResourceNotFoundError(DagwireInvalidInvocationError):
    """A resource a definition needs was not provided (direct call or context)."""


class DagwireDefinitionNotFoundError(DagwireError):
    """``get_job_def`` / ``get_asset_def`` / ... for a name that is not defined."""


class DagwireInvariantViolationError(DagwireError):
    """Something a definition or a call assumes does not hold (Dagster's
    ``DagsterInvariantViolationError``): output metadata logged twice, a context used in two
    calls at once."""


class DagwireResourceFunctionError(DagwireError):
    """A resource failed while it was set up (``setup_for_execution``, the part of
    ``yield_for_execution`` or of a resource function before it yields); the resource's own
    exception is the ``__cause__``."""


class DagwireUnknownPartitionError(DagwireError):
    """A run asked for a partition key its partitions definition does not have."""


class DagwireAssetCheckFailedError(DagwireError):
    """A blocking asset check did not pass with ERROR severity: its step fails, and the
    assets downstream of the checked asset do not run."""


class DagwireUnsupportedError(DagwireError, ImportError):
    """``from dagwire import X`` for a Dagster name whose feature dagwire does not implement
    (an ImportError too, so that ``try: from dagwire import X`` fallbacks keep working)."""


# Dagster's names for the same errors, so that code catching them moves between the two
# frameworks by changing the import (dagwire's messages are its own).
DagsterError = DagwireError
DagsterInvalidDefinitionError = DagwireInvalidDefinitionError
DagsterInvalidConfigError = DagwireInvalidConfigError
DagsterInvalidInvocationError = DagwireInvalidInvocationError
DagsterInvariantViolationError = DagwireInvariantViolationError
DagsterResourceFunctionError = DagwireResourceFunctionError
DagsterUnknownResourceError = DagwireResourceNotFoundError
DagsterUnknownPartitionError = DagwireUnknownPartitionError
DagsterAssetCheckFailedError = DagwireAssetCheckFailedError

__all__ = [
    "DagsterAssetCheckFailedError",
    "DagsterError",
    "DagsterInvalidConfigError",
    "DagsterInvalidDefinitionError",
    "DagsterInvalidInvocationError",
    "DagsterInvariantViolationError",
    "DagsterResourceFunctionError",
    "DagsterUnknownPartitionError",
    "DagsterUnknownResourceError",
    "DagwireAssetCheckFailedError",
    "DagwireInvariantViolationError",
    "DagwireResourceFunctionError",
    "DagwireUnsupportedError",
    "DagwireDefinitionNotFoundError",
    "DagwireError",
    "DagwireInvalidConfigError",
    "DagwireInvalidDefinitionError",
    "DagwireInvalidInvocationError",
    "DagwireMissingEnvVarError",
    "DagwireResourceNotFoundError",
    "DagwireUnknownPartitionError",
]
