"""The catalog as one self-contained HTML page: no network, no CDN, opens from ``file://``.

The page carries the catalog's JSON (the documented schema) and draws everything from it
with its own script: the searchable list, a page per resource and definition, and the asset
graph and each job's op graph as SVG. Data is placed in the DOM as text, never as markup.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources

from dagwire.catalog.json_format import as_json_data
from dagwire.catalog.model import Catalog


def _asset(name: str) -> str:
    return resources.files("dagwire.catalog").joinpath("page").joinpath(name).read_text("utf-8")


def _script_safe(text: str) -> str:
    """JSON inside a <script> element: nothing in it may close the element or open a comment."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(catalog: Catalog) -> str:
    parts = {
        "title": html.escape(f"Resources of {catalog.source}"),
        "style": _asset("catalog.css"),
        "data": _script_safe(json.dumps(as_json_data(catalog), ensure_ascii=False)),
        "script": _asset("catalog.js"),
    }
    # one pass, so that text inside the data is never taken for a placeholder
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _asset("catalog.html"))
