"""A whole run: discover, pre-filter, collect (phase 1), transform (phase 2, ``-j N``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dagwire.migrate.collect import collect
from dagwire.migrate.facts import ProjectFacts
from dagwire.migrate.project import SourceFile, read_sources
from dagwire.source_model.walk import python_files

ALL_CODES = ("RSC201", "RSC202", "RSC203", "RSC205", "MIG101")


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    old_text: str
    new_text: str
    todos: int
    encoding: str = "utf-8"

    @property
    def changed(self) -> bool:
        return self.new_text != self.old_text


@dataclass
class Report:
    outcomes: list[FileOutcome] = field(default_factory=list)
    errors: dict[Path, str] = field(default_factory=dict)
    files_seen: int = 0
    files_parsed: int = 0

    @property
    def changed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.changed]

    @property
    def todos(self) -> int:
        return sum(o.todos for o in self.outcomes)


# phase 2 state of a worker process (set once by the pool initializer)
_WORKER: dict[str, object] = {}


def _init_worker(facts: ProjectFacts, selected: frozenset[str]) -> None:
    _WORKER["facts"] = facts
    _WORKER["selected"] = selected


def _transform_one(item: tuple[str, str, str]) -> tuple[str, str | None, int, str | None]:
    from dagwire.migrate.transform import MigrationError, migrate_source

    path, module, text = item
    facts = _WORKER["facts"]
    selected = _WORKER["selected"]
    assert isinstance(facts, ProjectFacts) and isinstance(selected, frozenset)
    try:
        result = migrate_source(text, module, facts, selected,
                                is_package=os.path.basename(path) == "__init__.py", path=path)
    except MigrationError as error:
        return path, None, 0, str(error)
    except Exception as error:  # a codemod bug must not stop the run: report the file
        return path, None, 0, f"internal error: {type(error).__name__}: {error}"
    return path, result.new_text, result.todos, None


def run(paths: Iterable[Path], selected: frozenset[str], jobs: int = 1,
        progress: Callable[[int, int], None] | None = None,
        project: Iterable[Path] = ()) -> Report:
    """Migrate the files under ``paths``; the files under ``project`` are only read, so that
    phase 1 sees the whole project when ``paths`` are a few changed files."""
    report = Report()
    files = python_files(list(paths))
    report.files_seen = len(files)
    targets = set(files)
    context = [f for f in python_files(list(project)) if f not in targets]
    sources, read_errors = read_sources(sorted(files + context))
    report.errors.update(read_errors)
    facts, parse_errors = collect(sources, allow_sources="RSC205" in selected,
                                  convert_functions="RSC203" in selected)
    report.errors.update({Path(p): e for p, e in parse_errors.items()})
    todo = [s for s in sources
            if s.uses_framework and s.path in targets and s.path not in report.errors]
    report.files_parsed = len(todo)
    by_path: dict[str, SourceFile] = {str(s.path): s for s in todo}
    items = [(str(s.path), s.module, s.text) for s in todo]
    if jobs > 1 and len(items) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                 initargs=(facts, selected)) as pool:
            results = pool.map(_transform_one, items, chunksize=max(1, len(items) // (jobs * 4)))
            _gather(results, by_path, report, len(items), progress)
    else:
        _init_worker(facts, selected)
        _gather(map(_transform_one, items), by_path, report, len(items), progress)
    report.outcomes.sort(key=lambda o: str(o.path))
    return report


def _gather(results: Iterable[tuple[str, str | None, int, str | None]],
            by_path: dict[str, SourceFile], report: Report, total: int,
            progress: Callable[[int, int], None] | None) -> None:
    for done, (path, new_text, todos, error) in enumerate(results, 1):
        source = by_path[path]
        if error is not None or new_text is None:
            report.errors[source.path] = error or "no output"
        else:
            try:
                new_text.encode(source.encoding)
            except UnicodeEncodeError as unwritable:
                report.errors[source.path] = (f"the migrated text cannot be written as "
                                              f"{source.encoding}: {unwritable.reason}")
            else:
                report.outcomes.append(FileOutcome(source.path, source.text, new_text, todos,
                                                   source.encoding))
        if progress is not None:
            progress(done, total)
