"""``# noqa`` as flake8 reads it, so a line silenced for flake8 is silenced for ``dagwire check``.

The patterns and the line mapping follow flake8's own (``flake8.defaults``,
``FileProcessor._noqa_line_mapping``): a finding on any line of a multi-line string or a
backslash-continued line is silenced by a comment at the end of that logical line; codes are
matched by prefix and case-sensitively (``# noqa: rsc101`` silences nothing, as in flake8); a
colon after a space (``# noqa : RSC101``) makes a blanket ``# noqa``.
"""

from __future__ import annotations

import re
import tokenize

NOQA_INLINE = re.compile(
    r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE
)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,\s]")


def file_is_skipped(lines: list[str]) -> bool:
    """A ``# flake8: noqa`` line of its own: flake8 does not check the file at all."""
    return any(NOQA_FILE.match(line) for line in lines)


class NoqaLines:
    """Answers "is this finding silenced?" for one file; tokenizes only when first asked."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._mapping: dict[int, str] | None = None

    def silences(self, line_number: int, code: str) -> bool:
        match = NOQA_INLINE.search(self._line_for(line_number))
        if match is None:
            return False
        codes_text = match.group("codes")
        if codes_text is None:
            return True
        codes = tuple(c.strip() for c in _SEPARATORS.split(codes_text) if c.strip())
        return code in codes or code.startswith(codes)

    def _line_for(self, line_number: int) -> str:
        if self._mapping is None:
            self._mapping = _logical_line_mapping(self.lines)
        found = self._mapping.get(line_number)
        if found is not None:
            return found
        if 1 <= line_number <= len(self.lines):
            return self.lines[line_number - 1]
        return ""


def _logical_line_mapping(lines: list[str]) -> dict[int, str]:
    """Each line number -> the text of the physical lines its tokens span (joined)."""
    line_iter = iter(lines)
    try:
        tokens = list(tokenize.generate_tokens(lambda: next(line_iter)))
    except (tokenize.TokenError, SyntaxError):
        return {}
    mapping: dict[int, str] = {}
    first, last = len(lines) + 2, -1
    for kind, _, (start, _), (end, _), _ in tokens:
        if kind in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first, last = min(first, start), max(last, end)
        if kind in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[first - 1:last])
            mapping.update(dict.fromkeys(range(first, last + 1), joined))
            first, last = len(lines) + 2, -1
    return mapping
