"""marks: one-character values (a board cell, a checkbox, a mood) are always structure.

False hit prevented: the tictactoe reply learned with X in two corners served with X in
the middle. What a mark decides is not visible in a few runs, so marks stay structure
whether or not one repeated, and evidence never frees them. Guards ``board_first_reply``,
``emoticon``, ``min_emoticon``, ``star_rating``, ``json_check_vs16``, ``sign_mark_with_number``
and the default suite's ``tictactoe``.

Learning side: ``is_mark``; counted as ``mark_gaps`` (per gap kept as structure). Request
time: none of its own: each mark is literal text of its own template.

>>> is_mark(Gap(0, ["\\nX", "\\n "], "content", "")), is_mark(Gap(0, [":-)", ":("], "content", ""))
(True, True)
>>> is_mark(Gap(0, ["7", "3"], "content", "")), is_mark(Gap(0, ["Bo", "Al"], "content", ""))
(False, False)
"""

from __future__ import annotations

from induction.identifier import Gap


def is_mark(gap: Gap) -> bool:
    """Values of at most one visible non-digit character each (``X``, ``O``, blank, ``✓``),
    or of up to 3 with no letter or digit (``:-)``, ``=(``, ``->``): the marks of a board
    cell, a checkbox, a mood."""
    def one(v: str) -> bool:
        t = v.strip()
        return (len(t) <= 1 and not t.isdigit()) or (len(t) <= 3 and not any(c.isalnum() for c in t))

    vals = gap.values
    return all(isinstance(v, str) and one(v) for v in vals) and any(str(v).strip() for v in vals)
