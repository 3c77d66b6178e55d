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
NULL: Final = (-1, -1)  # the span of a group that did not take part (first: no match at all)
_BOTH: Final = re2._Anchor.ANCHOR_BOTH
START: Final = re2._Anchor.ANCHOR_START
_NONE: Final = re2._Anchor.UNANCHORED


class Pattern:
    """One compiled RE2 pattern (UTF-8 mode) matched against bytes.

    ``run(anchor, data, pos, endpos)`` is the raw call for hot paths: every group's span,
    the first :data:`NULL` when there is no match (google-re2's pybind method when its
    internals are where they were, else the same through the wrapper).
    """

    __slots__ = ("_re", "pattern", "run")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._re = re2.compile(pattern.encode())
        # The pybind method under google-re2's wrapper, bound once: the wrapper's match
        # objects cost more than a short match.
        run = getattr(getattr(self._re, "_regexp", None), "Match", None)
        self.run: Any = run if run is not None else self._wrapped

    def _wrapped(self, anchor: Any, data: bytes, pos: int, endpos: int) -> Spans:
        found = next(self._re._match(anchor, data, pos, endpos), None)
        if found is None:
            return [NULL] * (self._re.groups + 1)
        return [found.span(i) for i in range(self._re.groups + 1)]

    def fullmatch(self, data: bytes) -> Spans | None:
        spans: Spans = self.run(_BOTH, data, 0, len(data))
        return None if spans[0] == NULL else spans

    def match(self, data: bytes, pos: int = 0) -> Spans | None:
        spans: Spans = self.run(START, data, pos, len(data))
        return None if spans[0] == NULL else spans

    def search(self, data: bytes, pos: int = 0) -> Spans | None:
        spans: Spans = self.run(_NONE, data, pos, len(data))
        return None if spans[0] == NULL else spans
