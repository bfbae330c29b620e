"""A dagster job given `resource_defs={...}` must bind every key its ops require.

dagster validates `@job(resource_defs={...})` and `graph.to_job(resource_defs={...})` when the
job is built (for a non-empty dict): the resources of `Definitions(...)` do not fill it in,
and loading the module fails. dagwire merges the Definitions' resources into such a job, so
this check is for dagster definitions only. Such a job is then not checked again at
`Definitions(...)` (facts/jobs.py): one mistake, one report.
"""

from __future__ import annotations

from mypy.nodes import Context
from mypy.types import AnyType

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured
from dagwire.mypy_plugin.facts.jobs import unbound_by_own_resource_defs


def check_job_resource_defs(job: Captured, api: CheckerApi, context: Context) -> None:
    """Report the keys the job's ops need that its own `resource_defs=` does not bind."""
    for node, op, req in unbound_by_own_resource_defs(job):
        expected = req.expected
        expects = (
            messages.fmt(expected, api.options)
            if expected is not None and not isinstance(expected, AnyType)
            else None
        )
        api.fail(
            messages.unbound_in_job(
                req.key, f'{op.kind} "{node}"', job.name, expects, job.local_keys
            ),
            context,
            code=error_codes.UNBOUND_RESOURCE,
        )
