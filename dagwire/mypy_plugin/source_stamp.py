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
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                relative = os.path.relpath(path, package)
                digest.update(f"{relative}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
