"""rivals: where the examples cannot tell two explanations apart, both are kept.

False hit prevented: a copied name or its capitalised form when every example was
capitalised; billing or shipping city when they were always equal; +30 days or next month;
a number in prose with or without thousands separators; "05" as a pad to 2 or a "0" in
front; "New " + the last word of the city or the whole city. Every explanation that fits is
kept (``Derivation.alternatives``) and the answer is served only where they all agree.
Guards ``capitalize_surname``, ``thousands_separator``, ``zero_padding``, ``next_month_same_day``,
``next_year_leap_day``, ``usually_equal_cities``, ``name_case_normalised``, ``email_lowercased``,
``widen_title``, ``widen_suffix``, ``widen_honorific``, ``widen_title_case``, ``widen_new_city``
(a known limit).

Learning side: ``widen`` (a gap widened over the literal words beside it when that makes it
a copy) and ``induction.deriver.reference_alternatives`` (the rivals of a copy, re-exported
here); counted as ``rival_derivations`` (answer derivations served only where rivals agree).
Request-time check: ``induction.runtime.bindings.derive`` (a disagreement is a miss).

>>> sk = Skeleton("assistant", None, ["for New ", 0, "."], [], [Gap(0, ["York", "Haven"], "content", "for New ")])
>>> w, how = widen(sk, [{"city": "New York"}, {"city": "New Haven"}])
>>> w.content, w.gaps[0].values, how
(['for ', 0, '.'], ['New York', 'New Haven'], {0: ('New ', '', ['York', 'Haven'])})
"""

from __future__ import annotations

import re
from typing import Any

from induction.arranger import same_variable
from induction.deriver import reference_alternatives
from induction.identifier import Gap, Skeleton

__all__ = ["const", "reference_alternatives", "widen"]

_WORD_START = re.compile(r"(?:^|(?<=\s))\S")
_WORD_END = re.compile(r"\S(?=\s|$)")


def const(text: str) -> dict[str, Any] | None:
    """A constant expression of the DSL, None for empty text.

    >>> const("Dr. "), const("")
    ({'const': 'Dr. '}, None)
    """
    return {"const": text} if text else None


def widen(sk: Skeleton, scopes: list[dict[str, Any]]
          ) -> tuple[Skeleton, dict[int, tuple[str, str, list[Any]]]]:
    """Each text gap widened over up to 3 words of the literal beside it when that makes
    every value a copy of one variable: answers that all had "New York" or "New Haven" for
    the city make "New " look fixed, and "for New {last word}" would answer "New Miami".
    Also returns, per widened gap, the text taken before and after it and its old values
    (the narrow reading, a rival where it is derivable: "Dr. " + a surname)."""
    if not sk.content or not sk.gaps or not scopes:
        return sk, {}
    content = list(sk.content)
    gaps = {g.gid: g for g in sk.gaps}
    widened: dict[int, tuple[str, str, list[Any]]] = {}
    for i, part in enumerate(content):
        gap = gaps.get(part) if isinstance(part, int) else None
        # A gap that is a copy already stays as it is ("New {last_name}" may be meant).
        if gap is None or not all(isinstance(v, str) for v in gap.values) or same_variable(gap.values, scopes):
            continue
        before = content[i - 1] if i and isinstance(content[i - 1], str) else None
        after = content[i + 1] if i + 1 < len(content) and isinstance(content[i + 1], str) else None
        if isinstance(before, str):
            starts = [m.start() for m in _WORD_START.finditer(before)][-3:]
            for p in starts:  # the widest first
                values = [before[p:] + v for v in gap.values]
                if same_variable(values, scopes) is not None:
                    content[i - 1] = before[:p]
                    widened[gap.gid] = (before[p:], "", list(gap.values))
                    gap = gaps[gap.gid] = Gap(gap.gid, values, gap.where, before[:p], gap.leaf, gap.path)
                    break
        if isinstance(after, str):
            ends = [m.end() for m in _WORD_END.finditer(after)][:3]
            for q in reversed(ends):
                values = [v + after[:q] for v in gap.values]
                if same_variable(values, scopes) is not None:
                    content[i + 1] = after[q:]
                    prefix, _, narrow = widened.get(gap.gid, ("", "", list(gap.values)))
                    widened[gap.gid] = (prefix, after[:q], narrow)
                    gaps[gap.gid] = Gap(gap.gid, values, gap.where, gap.before, gap.leaf, gap.path)
                    break
    if not widened:
        return sk, {}
    return Skeleton(sk.role, sk.name, [p for p in content if p != ""], sk.calls,
                    [gaps[g.gid] for g in sk.gaps]), widened
