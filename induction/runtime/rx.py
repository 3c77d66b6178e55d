"""RE2 on bytes with spans only: the wrapper's match objects cost more than short matches.

>>> p = Pattern(r"a(b+)c")
>>> p.fullmatch(b"abbc"), p.fullmatch(b"ac")
([(0, 4), (1, 3)], None)
>>> p.search(b"xxabcabc", 3)
[(5, 8), (6, 7)]
"""

from __future__ import annotations

from typing import Any, Final

import re2

Spans = list[tuple[int, int]]
_NULL: Final = (-1, -1)
_BOTH: Final = re2._Anchor.ANCHOR_BOTH
_START: Final = re2._Anchor.ANCHOR_START
_NONE: Final = re2._Anchor.UNANCHORED


class Pattern:
    """One compiled RE2 pattern (UTF-8 mode) matched against bytes."""

    __slots__ = ("_raw", "_re", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._re = re2.compile(pattern.encode())
        # The pybind object under google-re2's wrapper; the wrapper is the fallback.
        self._raw: Any = getattr(self._re, "_regexp", None)

    def _run(self, anchor: Any, data: bytes, pos: int) -> Spans | None:
        if self._raw is not None:
            spans: Spans = self._raw.Match(anchor, data, pos, len(data))
            return None if spans[0] == _NULL else spans
        m = self._re._match(anchor, data, pos, len(data))
        found = next(m, None)
        return None if found is None else [found.span(i) for i in range(self._re.groups + 1)]

    def fullmatch(self, data: bytes) -> Spans | None:
        return self._run(_BOTH, data, 0)

    def match(self, data: bytes, pos: int = 0) -> Spans | None:
        return self._run(_START, data, pos)

    def search(self, data: bytes, pos: int = 0) -> Spans | None:
        return self._run(_NONE, data, pos)
