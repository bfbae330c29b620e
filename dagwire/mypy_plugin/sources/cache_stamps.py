"""Cache stamps: re-check a module when a file it read changes value, not type.

mypy re-checks a module when a dependency changes its interface (the types of its names). The
checks also read values: `RESOURCES = {"db": Postgres()}` in `resources.py` gaining a "cache"
key keeps its type, `dict[str, Postgres]`, so `definitions.py`, which reads that dict's
statement (`module_source.variable_initializer`), would keep its old findings. So a module
records the files whose statements it read, and `report_config_data` (plugin.py) adds their
size and modification time to that module's cache data: mypy re-checks the module when one
changes.

The list of files read is kept beside mypy's cache, one small JSON file per reading module,
written when mypy writes that module's cache: nothing lives in the plugin between runs, and
`-n N` workers each write the files of the modules they checked. dmypy does not consult
`report_config_data` after its first run (docs/mypy_plugin.md, Known limits).
"""

from __future__ import annotations

import json
import os

from mypy.nodes import MypyFile
from mypy.options import Options

# Filled while a module is checked, emptied when mypy writes that module's cache.
_reads: dict[str, set[str]] = {}
# Reading modules with a list on disk, per list directory: listed once per process.
_listed: dict[str, set[str]] = {}
# List directories made (or found) by this process: made once, not once per module.
_made: set[str] = set()


def record_read(reader: MypyFile, read: MypyFile) -> None:
    """`reader`'s findings depend on the statements of `read`."""
    if read is not reader and read.path:
        record_path(reader, read.path)


def record_path(reader: MypyFile, path: str) -> None:
    """`reader`'s findings depend on a file, or on which files a directory holds (a
    directory's modification time changes when a file is added or removed)."""
    _reads.setdefault(reader.fullname, set()).add(path)


def reads_directory(options: Options) -> str | None:
    """Where the lists go, beside mypy's cache; None when there is no cache."""
    cache = options.cache_dir
    if not cache or cache == os.devnull:
        return None
    version = "%d.%d" % options.python_version
    return os.path.join(cache, f"dagwire-reads-{version}")


def _listing(directory: str) -> set[str]:
    names = _listed.get(directory)
    if names is None:
        try:
            names = {n[: -len(".json")] for n in os.listdir(directory) if n.endswith(".json")}
        except OSError:
            names = set()
        _listed[directory] = names
    return names


def _stamps(paths: list[str]) -> dict[str, list[int]]:
    out = {}
    for path in paths:
        try:
            st = os.stat(path)
            out[path] = [st.st_size, st.st_mtime_ns]
        except OSError:
            out[path] = [-1, -1]
    return out


UNREADABLE = {"": [-1, -1]}  # a list that cannot be read: stale, the module is checked again


def stamps_to_validate(directory: str, module: str) -> dict[str, list[int]] | None:
    """For mypy validating `module`'s cache: the stamps of the files its saved list names,
    as they are now; None when it has no list (asked for every module of every warm run)."""
    if module not in _listing(directory):
        return None
    try:
        with open(os.path.join(directory, f"{module}.json"), encoding="utf-8") as f:
            paths = json.load(f)
    except (OSError, ValueError):
        return UNREADABLE
    return _stamps(paths) if isinstance(paths, list) else UNREADABLE


def stamps_to_write(directory: str, module: str) -> dict[str, list[int]] | None:
    """For mypy writing `module`'s cache after checking it: save the list of files it read in
    this run and return their stamps; None (and no list) when it read none."""
    listing = _listing(directory)
    target = os.path.join(directory, f"{module}.json")
    found = _reads.pop(module, None)
    if not found:
        if module in listing:
            listing.discard(module)
            try:
                os.remove(target)
            except OSError:
                pass
        return None
    paths = sorted(found)
    try:
        if directory not in _made:
            os.makedirs(directory, exist_ok=True)
            _made.add(directory)
        partial = f"{target}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as f:
            json.dump(paths, f)
        os.replace(partial, target)
        listing.add(module)
    except OSError:
        pass  # no list on disk: the next run re-checks the module (its data then differs)
    return _stamps(paths)
