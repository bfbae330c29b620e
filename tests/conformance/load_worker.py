"""Load (and tick, and run) every conformance program of one flavour in this one process.

    python tests/conformance/load_worker.py FLAVOUR ROOT PLAN.json OUT.json

FLAVOUR `dagster` loads each program the way a dagster code location is loaded (dagster's own
autodiscovery: one Definitions, `@definitions` function or repository at module scope, then
`load_all_definitions()`), ticks every sensor and schedule the way dagster's daemon does
(with only the bound resources it requires), and calls the program's `exercise()` if it has
one (runs and materializations that show a mistake only at run time). FLAVOUR `dagwire` does
the same with dagwire's loader (`dagwire.cli.loading`), `validate()` and `evaluate_tick()`.

Each program is imported fresh: its modules are dropped from `sys.modules` afterwards, and it
is loaded once per deployment it names (`DAGSTER_DEPLOYMENT`). What failed, where, is written
to OUT.json as `{program: [{"phase", "chain": [[class, message], ...]}]}`; mapping that onto
finding kinds is the test's job (`kinds.py`), except that a dagster load failing on one
unbound key is retried with that key bound to a placeholder, so every unbound key is seen
(dagster stops at the first). Not collected by pytest.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
import time
import warnings
from pathlib import Path
from functools import partial
from types import ModuleType
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.conformance.kinds import classify_failure  # noqa: E402
from tests.conformance.programs import DEPLOYMENT_VARIABLE  # noqa: E402

Failure = dict[str, Any]
Chain = list[tuple[str, str]]  # (exception class name, message), the error then its causes
Tick = tuple[str, Callable[[], Any]]
MAX_PEELS = 10


def chain_of(error: BaseException) -> Chain:
    chain: Chain = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(chain) < 10:
        seen.add(id(current))
        chain.append((type(current).__name__, str(current)))
        current = current.__cause__ or current.__context__
    return chain


def snap_chain(info: Any) -> Chain:
    """dagster's serialised error (what a tick reports) as a chain."""
    chain: Chain = []
    while info is not None and len(chain) < 10:
        chain.append((info.cls_name or "", info.message or ""))
        info = info.cause or info.context
    return chain


class Dagster:
    def __init__(self) -> None:
        import dagster
        from dagster._core.definitions.reconstruct import repository_def_from_target_def
        from dagster._core.workspace.autodiscovery import loadable_targets_from_loaded_module
        from dagster._grpc import impl
        from dagster._utils.test.definitions import LazyDefinitions

        self.dg = dagster
        self.targets = loadable_targets_from_loaded_module
        self.repository = repository_def_from_target_def
        self.impl = impl
        self.loadable = (dagster.Definitions, dagster.RepositoryDefinition, LazyDefinitions)

    def is_code_location(self, module: ModuleType) -> bool:
        return any(isinstance(v, self.loadable) for v in vars(module).values())

    def load(self, module: ModuleType) -> Any:
        (target,) = self.targets(module)
        value = target.target_definition
        if isinstance(value, self.dg.Definitions):
            return self._load_definitions(value)
        repo = self.repository(value)
        assert repo is not None, value
        repo.load_all_definitions()
        return repo

    def _load_definitions(self, defs: Any) -> Any:
        placeholders: dict[str, Any] = {}
        errors: list[BaseException] = []
        for _ in range(MAX_PEELS):
            candidate = (
                self.dg.Definitions.merge(defs, self.dg.Definitions(resources=placeholders))
                if placeholders else defs
            )
            try:
                repo = candidate.get_repository_def()
                repo.load_all_definitions()
                break
            except Exception as error:  # noqa: BLE001 - a program's failure is its result
                errors.append(error)
                found = classify_failure("dagster", "load", chain_of(error))
                keys = {arg for kind, arg in found if kind == "unbound"}
                if len(found) != 1 or not keys or keys & set(placeholders):
                    break
                # an IO manager stands in for any resource, IO manager or input manager
                placeholders.update(dict.fromkeys(keys, self.dg.mem_io_manager))
        if errors:
            raise LoadErrors(errors)
        return repo

    def ticks(self, repo: Any) -> list[Tick]:
        # what dagster's daemon calls for a tick: only the bound resources the function needs
        sensor_tick = self.impl.get_external_sensor_execution
        schedule_tick = self.impl.get_external_schedule_execution
        sensors: list[Tick] = [
            (f"sensor {s.name}", partial(
                self._tick, sensor_tick, repo_def=repo, code_location_origin=None,
                instance_ref=None, sensor_name=s.name, last_tick_completion_timestamp=None,
                last_run_key=None, cursor=None, log_key=None, last_sensor_start_timestamp=None))
            for s in repo.sensor_defs
        ]
        schedules: list[Tick] = [
            (f"schedule {s.name}", partial(
                self._tick, schedule_tick, repo_def=repo, instance_ref=None,
                schedule_name=s.name, scheduled_execution_timestamp=None,
                scheduled_execution_timezone=None, log_key=None))
            for s in repo.schedule_defs
        ]
        return sensors + schedules

    @staticmethod
    def _tick(evaluate: Callable[..., Any], **arguments: Any) -> Any:
        result = evaluate(**arguments)
        error = getattr(result, "error", None)
        if error is not None:
            raise TickError(snap_chain(error))
        return result


class Dagwire:
    def __init__(self) -> None:
        import dagwire
        from dagwire.cli.loading import load_definitions

        self.dw = dagwire
        self.load_definitions = load_definitions

    def is_code_location(self, module: ModuleType) -> bool:
        return any(
            isinstance(v, (self.dw.Definitions, self.dw.RepositoryDefinition))
            for v in vars(module).values()
        )

    def load(self, module: ModuleType) -> Any:
        defs = self.load_definitions(module.__name__)
        defs.validate()
        return defs

    def ticks(self, defs: Any) -> list[Tick]:
        return [
            *((f"sensor {s.name}", partial(self._tick, defs.get_sensor_def, s.name))
              for s in defs.sensors),
            *((f"schedule {s.name}", partial(self._tick, defs.get_schedule_def, s.name))
              for s in defs.schedules),
        ]

    @staticmethod
    def _tick(lookup: Callable[[str], Any], name: str) -> Any:
        return lookup(name).evaluate_tick()  # bound to the Definitions' resources


class TickError(Exception):
    def __init__(self, chain: Chain) -> None:
        super().__init__(chain[0][1] if chain else "")
        self.chain = chain


class LoadErrors(Exception):
    """Every unbound key of a dagster load, found one load at a time (then any other error)."""

    def __init__(self, errors: list[BaseException]) -> None:
        super().__init__(str(errors[0]))
        self.errors = errors


def forget(name: str) -> None:
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def load_program(framework: Any, root: Path, item: dict[str, Any]) -> list[Failure]:
    failures: list[Failure] = []

    def record(phase: str, error: BaseException, label: str = "") -> None:
        if isinstance(error, TickError):
            failures.append({"phase": phase, "where": label, "chain": error.chain})
        elif isinstance(error, LoadErrors):
            for one in error.errors:
                failures.append({"phase": phase, "where": label, "chain": chain_of(one)})
        else:
            failures.append({"phase": phase, "where": label, "chain": chain_of(error)})

    name = item["name"]
    folder = str(root / name)
    for deployment in item["deployments"] or [None]:
        forget(name)
        os.environ.pop(DEPLOYMENT_VARIABLE, None)
        if deployment is not None:
            os.environ[DEPLOYMENT_VARIABLE] = deployment
        sys.path.insert(0, folder)
        try:
            try:
                module = importlib.import_module(item["entry"])
            except Exception as error:  # noqa: BLE001 - a program's failure is its result
                record("import", error)
                continue
            loaded = None
            if framework.is_code_location(module):
                try:
                    loaded = framework.load(module)
                except Exception as error:  # noqa: BLE001
                    record("load", error)
                    continue
                for label, tick in framework.ticks(loaded):
                    try:
                        tick()
                    except Exception as error:  # noqa: BLE001
                        record("tick", error, label)
            exercise = getattr(module, "exercise", None)
            if callable(exercise):
                try:
                    exercise()
                except Exception as error:  # noqa: BLE001
                    record("run", error)
        finally:
            sys.path.remove(folder)
            forget(name)
            os.environ.pop(DEPLOYMENT_VARIABLE, None)
    return failures


def main() -> None:
    flavour, root, plan_path, out_path = sys.argv[1:5]
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    os.environ.pop(DEPLOYMENT_VARIABLE, None)
    framework = Dagster() if flavour == "dagster" else Dagwire()
    results: dict[str, Any] = {}
    for item in json.loads(Path(plan_path).read_text()):
        started = time.perf_counter()
        failures = load_program(framework, Path(root), item)
        results[item["name"]] = {"failures": failures, "seconds": time.perf_counter() - started}
    Path(out_path).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
