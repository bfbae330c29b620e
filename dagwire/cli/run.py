"""``dagwire run MODULE --job NAME [--config FILE.json]``: run a job in process."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from dagwire.cli.loading import LoadError, load_definitions
from dagwire.cli.text import MODULE_HELP
from dagwire.runtime.errors import DagwireError

HELP = "Run a job of the Definitions in MODULE in this process."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("module", help=MODULE_HELP)
    parser.add_argument("--job", required=True, help="the job to run")
    parser.add_argument("--config", help="run config as a JSON file ({'ops': {...}})")


def run(args: argparse.Namespace) -> int:
    run_config: dict[str, Any] | None = None
    try:
        if args.config:
            with open(args.config, encoding="utf-8") as handle:
                run_config = json.load(handle)
        definitions = load_definitions(args.module)
        job = definitions.get_job_def(args.job)
        result = job.execute_in_process(run_config=run_config, raise_on_error=False)
    except (LoadError, DagwireError, OSError, json.JSONDecodeError) as error:
        print(f"{args.module}: {error}", file=sys.stderr)
        return 1
    for key, step in result.step_results.items():
        line = f"{step.kind} {key}: {step.status}"
        if step.error is not None:
            line += f" ({type(step.error).__name__}: {step.error})"
        print(line)
    print(f"job '{args.job}': {'success' if result.success else 'failure'}")
    return 0 if result.success else 1
