"""Cache stamps: re-check a module when a file it read changes value, not type.

mypy re-checks a module when a dependency changes its interface (the types of its names). The
checks also read values: `RESOURCES = {"db": Postgres()}` in `resources.py` gaining a "cache"
key keeps its type, `dict[str, Postgres]`, so `definitions.py`, which reads that dict's
statement (`module_source.variable_initializer`), would keep its old findings. So a module
records the files whose statements it read, with their size and modification time when read,
and `report_config_data` (plugin.py) makes that module's cache stale when one of them has
changed since.

The list is kept beside mypy's cache, one small file per reading module (a JSON line per file
read), so nothing lives in the plugin between runs. mypy 2 checks a module's top level, writes
its cache, and only then checks its function bodies (a dg project's `@definitions` function,
where most reads happen): so the list is started when mypy writes the module's cache, and a
line is appended for each file first read after that. `-n N` workers each write the lists of
the modules they checked. dmypy does not consult `report_config_data` after its first run
(docs/mypy_plugin.md, Known limits).
"""

from __future__ import annotations

import json
import os

from mypy.nodes import MypyFile
from mypy.options import Options

# Per reading module: the files it read in this process, with their stamps when read.
_reads: dict[str, dict[str, list[int]]] = {}
# Reading module -> its list's directory, once mypy wrote its cache in this process: a file
# first read after that is added to the list at once (mypy gives no later moment).
_started: dict[str, str] = {}
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
    module = reader.fullname
    found = _reads.setdefault(module, {})
    if path in found:
        return
    stamp = found[path] = _stamp(path)
    directory = _started.get(module)
    if directory is not None:
        _append(directory, module, path, stamp)


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


def _stamp(path: str) -> list[int]:
    try:
        st = os.stat(path)
    except OSError:
        return [-1, -1]
    return [st.st_size, st.st_mtime_ns]


def reads_changed(directory: str, module: str) -> bool:
    """For mypy validating `module`'s cache: whether a file its list names has changed since
    it was read (asked for every module of every warm run). A list that cannot be read counts
    as changed: the module is checked again."""
    if module not in _listing(directory):
        return False
    try:
        with open(os.path.join(directory, f"{module}.json"), encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError:
        return True
    for line in lines:
        try:
            path, size, mtime = json.loads(line)
        except (ValueError, TypeError):
            return True  # a list written otherwise, or cut short: check the module again
        if _stamp(path) != [size, mtime]:
            return True
    return False


def cache_written(directory: str, module: str) -> None:
    """mypy writes `module`'s cache: its list now holds what it read so far in this run (none
    from an earlier run), and grows with what its function bodies read next."""
    _started[module] = directory
    _write(directory, module, _reads.get(module, {}))


def _write(directory: str, module: str, found: dict[str, list[int]]) -> None:
    listing = _listing(directory)
    target = os.path.join(directory, f"{module}.json")
    if not found:
        if module in listing:
            listing.discard(module)
            try:
                os.remove(target)
            except OSError:
                pass
        return
    try:
        _make(directory)
        partial = f"{target}.{os.getpid()}.tmp"
        with open(partial, "w", encoding="utf-8") as f:
            f.writelines(_line(path, stamp) for path, stamp in sorted(found.items()))
        os.replace(partial, target)
        listing.add(module)
    except OSError:
        pass  # a cache folder that cannot be written to: mypy's own cache is not written either


def _append(directory: str, module: str, path: str, stamp: list[int]) -> None:
    """One more file read after the list was written: a line appended, not the list
    rewritten (a `@definitions` function may read hundreds of files, one at a time)."""
    try:
        _make(directory)
        with open(os.path.join(directory, f"{module}.json"), "a", encoding="utf-8") as f:
            f.write(_line(path, stamp))
        _listing(directory).add(module)
    except OSError:
        pass


def _make(directory: str) -> None:
    if directory not in _made:
        os.makedirs(directory, exist_ok=True)
        _made.add(directory)


def _line(path: str, stamp: list[int]) -> str:
    return json.dumps([path, *stamp]) + "\n"
