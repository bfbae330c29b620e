"""``dagwire run MODULE [--job NAME | --select SELECTION] [--config FILE.json]``: run a job,
or materialize assets, in process.

What the steps log (``context.log``, ``get_dagster_logger()``) is shown as it happens,
prefixed with the step (``asset orders: INFO: ...``), like Dagster's event log; then a line
per step, and under a failed one the traceback of the user's code (dagwire's frames cut).
A long run also shows a progress line as each step ends.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import traceback
from typing import Any

from dagwire.cli.asset_select import SelectionError, parse_selection
from dagwire.cli.loading import DAGWIRE_DIR, LoadError, load_definitions
from dagwire.cli.text import MODULE_HELP, shown_path
from dagwire.runtime.definitions import Definitions
from dagwire.runtime.errors import DagwireError
from dagwire.runtime.execution import PROGRESS, RUNNING_STEP, StepProgress
from dagwire.runtime.job import JobDefinition, UnresolvedAssetJobDefinition

HELP = "Run a job of the Definitions in MODULE in this process (no --job: materialize assets)."

# Dagster's name for the job of every asset
ASSET_JOB = "__ASSET_JOB"
# a run this long (seconds) shows a progress line as each later step ends
PROGRESS_AFTER = 2.0
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
          "error": logging.ERROR}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("module", help=MODULE_HELP)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--job", help="the job to run (default: materialize every asset)")
    which.add_argument("--select", metavar="SELECTION",
                       help="the assets to materialize: keys and group:NAME, comma-separated, "
                            "with + (one level) or * (all) upstream before and downstream after")
    parser.add_argument("--config", help="run config as a JSON file ({'ops': {...}})")
    parser.add_argument("--log-level", choices=list(LEVELS), default="info",
                        help="the lowest level of the steps' log lines shown (default: info)")
    parser.add_argument("--quiet", action="store_true",
                        help="show no log lines: only each step's result and the job's")


class StepLogHandler(logging.Handler):
    """Prints a record on stdout as ``<step>: <LEVEL>: <message>`` (``run`` outside a step),
    from ``level`` up; and, once a run has taken ``PROGRESS_AFTER`` seconds, a progress line
    as each step ends: ``asset orders: success (3/10 steps, 12.4 s)``."""

    def __init__(self, level: int) -> None:
        super().__init__(logging.DEBUG)
        self.shown_level = level

    def emit(self, record: logging.LogRecord) -> None:
        progress = getattr(record, PROGRESS, None)
        if isinstance(progress, StepProgress):
            if progress.elapsed >= PROGRESS_AFTER:
                print(f"{progress.step}: {progress.status} ({progress.done}/{progress.total} "
                      f"steps, {progress.elapsed:.1f} s)", flush=True)
            return
        if record.levelno < self.shown_level:
            return
        try:
            lines = [f"{RUNNING_STEP.get() or 'run'}: {record.levelname}: {record.getMessage()}"]
            if record.exc_info and record.exc_info[1] is not None:
                lines += error_lines(record.exc_info[1])
            print("\n".join(lines), flush=True)
        except Exception:  # a log line must never break the run
            self.handleError(record)


def user_traceback(error: BaseException) -> list[str]:
    """The frames of ``error``'s traceback outside dagwire, indented under the step's line:
    ``  File "defs.py", line 9, in report`` and the line of code."""
    lines = []
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename.startswith("<") or \
                os.path.realpath(frame.filename).startswith(DAGWIRE_DIR):
            continue
        lines.append(f'  File "{shown_path(frame.filename)}", line {frame.lineno}, '
                     f"in {frame.name}")
        if frame.line:
            lines.append(f"    {frame.line}")
    return lines


def error_lines(error: BaseException) -> list[str]:
    """``error``'s frames in the user's files, then each exception it was raised from or
    while handling, as Python shows them: ``  caused by ValueError: ...`` and its frames."""
    lines = user_traceback(error)
    seen = {id(error)}
    cause = _cause(error)
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        lines.append(f"  caused by {type(cause).__name__}: {cause}")
        lines += user_traceback(cause)
        cause = _cause(cause)
    return lines


def _cause(error: BaseException) -> BaseException | None:
    return error.__cause__ or (None if error.__suppress_context__ else error.__context__)


def _job(definitions: Definitions, args: argparse.Namespace) -> JobDefinition:
    if args.job:
        return definitions.get_job_def(args.job)
    if not definitions.assets:
        jobs = ", ".join(sorted(job.name for job in definitions.all_jobs())) or "(none)"
        raise SelectionError(f"the Definitions have no assets to materialize; give --job "
                             f"(jobs: {jobs})")
    selection = parse_selection(args.select) if args.select else None
    definitions.validate()
    unresolved = UnresolvedAssetJobDefinition(ASSET_JOB, selection, None, None, None)
    job = unresolved.resolve(definitions.all_assets(), definitions.asset_checks)
    if not job.asset_selection:
        raise SelectionError(f"--select {args.select!r} selects no asset")
    return job.with_bound_resources(definitions.resources)


def _show_logs(args: argparse.Namespace) -> None:
    logger = logging.getLogger("dagwire")
    logger.propagate = False
    if args.quiet:
        logger.addHandler(logging.NullHandler())  # no lastResort printing either
        return
    logger.setLevel(logging.DEBUG)  # the handler picks: progress lines are debug records
    logger.addHandler(StepLogHandler(LEVELS[args.log_level]))


def run(args: argparse.Namespace) -> int:
    run_config: dict[str, Any] | None = None
    try:
        if args.config:
            with open(args.config, encoding="utf-8") as handle:
                run_config = json.load(handle)
        definitions = load_definitions(args.module)
        job = _job(definitions, args)
        _show_logs(args)
        result = job.execute_in_process(run_config=run_config, raise_on_error=False)
    except (LoadError, DagwireError, SelectionError, OSError, json.JSONDecodeError) as error:
        print(f"{args.module}: {error}", file=sys.stderr)
        return 1
    for key, step in result.step_results.items():
        line = f"{step.kind} {key}: {step.status}"
        if step.error is not None:
            line += f" ({type(step.error).__name__}: {step.error})"
        print(line)
        if step.error is not None and (frames := error_lines(step.error)):
            print("\n".join(frames))
    print(f"job '{job.name}': {'success' if result.success else 'failure'}")
    return 0 if result.success else 1
