"""A stamp of dagwire's own source files, in the data the plugin reports to mypy's cache.

mypy keeps a module's cache, and replays its messages, while the data the plugin reports is
unchanged. A plugin changed in place under the same version (a development checkout, an
install from a branch) would show the findings of the code it replaced. The stamp is the
size and modification time of every file: it is taken once per process, cheaply (no file is
read), and a file rewritten with the same text only costs one cold run.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@lru_cache(maxsize=None)
def source_stamp() -> str:
    """The stamp of every `.py` file of the installed `dagwire` package."""
    return stamp_of(_PACKAGE)


def stamp_of(package: str) -> str:
    digest = hashlib.sha256()
    _stamp_folder(package, "", digest)
    return digest.hexdigest()[:16]


def _stamp_folder(folder: str, prefix: str, digest: "hashlib._Hash") -> None:
    # scandir and plain string joins: a warm mypy run pays for this once, so it stays cheap
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.endswith(".py"):
            try:
                st = entry.stat()
            except OSError:
                continue
            digest.update(f"{prefix}{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        elif name != "__pycache__" and entry.is_dir():
            _stamp_folder(entry.path, f"{prefix}{name}/", digest)
