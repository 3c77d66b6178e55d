"""rivals: where the examples cannot tell two explanations apart, both are kept.

False hit prevented: a copied name or its capitalised form when every example was
capitalised; billing or shipping city when they were always equal; +30 days or next month;
a number in prose with or without thousands separators; "05" as a pad to 2 or a "0" in
front; "New " + the last word of the city or the whole city; a word's place counted from the
end or from the start while every example had as many words (the attendee "kathryn" is the
last word of the title "sync meeting with kathryn" and its fourth; of "... with kathryn about
pricing" only the fourth); the last word or the word after a word every example held once
("Please mute david", "Mute betty": "david" and "betty" either way; "Mute vanessa permanently"
tells them apart). A derivation that changes characters (a case change, a replacement) is
served only for values of the characters its examples' values held besides ASCII letters,
digits and spaces (``Derivation.alphabet``): lower-casing "José García" gives "josé.garcía@",
and whether the model would have dropped the accent no example showed (guards
``email_from_accented_name``). Every explanation that fits is kept (``Derivation.alternatives``)
and the answer is served only where they all agree.
Guards ``capitalize_surname``, ``thousands_separator``, ``zero_padding``, ``next_month_same_day``,
``next_year_leap_day``, ``usually_equal_cities``, ``name_case_normalised``, ``email_lowercased``,
``widen_title``, ``widen_suffix``, ``widen_honorific``, ``widen_title_case``, ``meeting_about_topic``,
``rename_multiword_tag``, ``widen_new_city`` (a known limit). The other way round, a tool-call argument that is a copy of a variable as a
whole is that copy, not pieces cut at a shared "-" each fitting a split of it by chance
(first + "-" + last answers "red-fox-den" with "red-den"; guards ``slug_copied_whole``).

Learning side: ``widen`` (a gap widened over the literal words beside it when that makes it
a copy), ``whole_leaves`` (a tool-call string cut by the word alignment, copied whole) and ``induction.deriver.reference_alternatives`` (the rivals of a copy, re-exported
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

__all__ = ["const", "reference_alternatives", "whole_leaves", "widen"]

_WORD_START = re.compile(r"(?:^|(?<=\s))\S")
_WORD_END = re.compile(r"\S(?=\s|$)")
# Punctuation that closes a sentence or a clause after a word.
_CLOSING = ".,;:!?)]}'\""


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
                    gap = gaps[gap.gid] = Gap(gap.gid, values, gap.where, before[:p], gap.leaf, gap.path, gap.block)
                    break
        if isinstance(after, str):
            ends = [m.end() for m in _WORD_END.finditer(after)][:3]
            # A word's end before the punctuation closing it too: "{blue}-api." is "blue-api".
            ends = sorted({*ends, *(len(after[:q].rstrip(_CLOSING)) for q in ends)} - {0})
            for q in reversed(ends):
                values = [v + after[:q] for v in gap.values]
                if same_variable(values, scopes) is not None:
                    content[i + 1] = after[q:]
                    prefix, _, narrow = widened.get(gap.gid, ("", "", list(gap.values)))
                    widened[gap.gid] = (prefix, after[:q], narrow)
                    gaps[gap.gid] = Gap(gap.gid, values, gap.where, gap.before, gap.leaf, gap.path, gap.block)
                    break
    if not widened:
        return sk, {}
    return Skeleton(sk.role, sk.name, [p for p in content if p != ""], sk.calls,
                    [gaps[g.gid] for g in sk.gaps]), widened


def whole_leaves(sk: Skeleton, scopes: list[dict[str, Any]]) -> Skeleton:
    """Each tool-call string argument that the word alignment cut into pieces around a shared
    literal (``"byteblaze/" + ...``, ``... + "/" + ...``) made one gap again when every
    answer's whole argument is a copy of one variable in scope. The pieces would each be thin
    air (``byteblaze`` is no variable), and a copy of the whole value is the simplest
    explanation of every example; the pieces are kept when the whole is no copy, or when
    every piece is itself a copy (``{{first}}.{{last}}``: that reading may be meant).

    >>> sk = Skeleton("assistant", None, None, [("open", {"repo": {"$tgap": [0, "/", 1]}})],
    ...               [Gap(0, ["ann", "bo"], "call[0].repo", "repo"), Gap(1, ["x", "y-z"], "call[0].repo", "/")])
    >>> w = whole_leaves(sk, [{"repo": "ann/x"}, {"repo": "bo/y-z"}])
    >>> w.calls, [(g.gid, g.values, g.leaf) for g in w.gaps]
    ([('open', {'repo': {'$gap': 0}})], [(0, ['ann/x', 'bo/y-z'], True)])
    """
    if not sk.calls or not scopes:
        return sk
    gaps = {g.gid: g for g in sk.gaps}
    changed = False

    def walk(v: Any) -> Any:
        nonlocal changed
        if isinstance(v, dict):
            if set(v) == {"$tgap"}:
                parts = v["$tgap"]
                ids = [p for p in parts if isinstance(p, int)]
                if not ids or all(same_variable(gaps[i].values, scopes) is not None for i in ids):
                    return v
                whole = ["".join(p if isinstance(p, str) else str(gaps[p].values[k]) for p in parts)
                         for k in range(len(scopes))]
                if same_variable(whole, scopes) is None:
                    return v
                first = gaps[ids[0]]
                for i in ids:
                    del gaps[i]
                key = re.sub(r"(\[\d+\])+$", "", first.where).rsplit(".", 1)[-1]  # as ``identify`` names a leaf
                gaps[first.gid] = Gap(first.gid, whole, first.where, key, True)
                changed = True
                return {"$gap": first.gid}
            return {k: walk(x) for k, x in v.items()}
        if isinstance(v, list):
            return [walk(x) for x in v]
        return v

    calls = [(name, walk(args)) for name, args in sk.calls]
    if not changed:
        return sk
    return Skeleton(sk.role, sk.name, sk.content, calls, [gaps[g.gid] for g in sk.gaps if g.gid in gaps])
