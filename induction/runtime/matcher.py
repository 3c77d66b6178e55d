"""Matching text against a text template: exact, typed, and never a guessed split.

A template ``L0 S1 L1 S2 ... Sk Lk`` (literals ``L``, slots ``S``) matches a text
when the text is the literals with a value of the slot's kind in each slot, and
the values can be read off in **exactly one** way. Literal text is matched
byte for byte (regex metacharacters, braces, newlines and unicode are escaped).

The butterfly rule: ``{{prefix}}{{suffix}}`` against ``butterfly`` has eight
splits; guessing one is how a cache serves ``butterutterfly``. Slots are split
with one character class each (``C+``, or ``C{n}`` for fixed-width kinds), and
RE2 has Perl's leftmost-first preference, so the greedy pattern yields the
lexicographically greatest tuple of slot ends and the lazy pattern the least:
when the two agree the split is unique. When they disagree, slots whose
variable is already in scope are replaced by their value as literal text and the
test is run again; still ambiguous means no match. Long texts use an equivalent
DFA-only walk (leftmost start of the rest of the template, twice per slot) so
cost stays linear with a small constant.

Variables already in scope must read the value they have (as
:func:`~induction.runtime.template.render_value` writes it); a variable used
twice in one template must read the same value twice. Case or number-format
variants are derivations, not looser matching.

>>> from induction.runtime.template import Slot, TextTemplate
>>> t = TextTemplate(parts=(Slot(var="prefix"), Slot(var="suffix")))
>>> match_text(t, "butterfly", {}) is None
True
>>> match_text(t, "butterfly", {"prefix": "butter"})
{'suffix': 'fly'}
>>> n = TextTemplate(parts=("file ", Slot(var="n", kind="digits"), ".txt"))
>>> match_text(n, "file 42.txt", {})
{'n': '42'}
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

import re2

from induction.runtime import kinds
from induction.runtime.rx import Pattern
from induction.runtime.template import Scope, Slot, TextTemplate, render_value

# Texts up to this many bytes are split with two capturing matches (fast on short
# input); longer ones with the DFA-only walk (measured crossover ~200 bytes; the
# capturing NFA costs ~100 ns/byte, the walk ~2 ns/byte per slot).
CAPTURE_MAX_BYTES: Final = 256
SUBSTITUTION_CACHE: Final = 16


class _Ambiguous:
    __slots__ = ()


AMBIGUOUS: Final = _Ambiguous()
Split = list[bytes] | None | _Ambiguous


def _escape(text: str) -> str:
    return re2.escape(text) if text else ""


def _normalise(template: TextTemplate) -> tuple[list[str], list[Slot]]:
    """Literals L0..Lk (adjacent strings merged, '' between adjacent slots) and slots."""
    literals = [""]
    slots: list[Slot] = []
    for p in template.parts:
        if isinstance(p, Slot):
            slots.append(p)
            literals.append("")
        else:
            literals[-1] += p
    return literals, slots


def _in_class(kind: str, ch: str) -> bool:
    return Pattern(kinds.CLASS[kind]).fullmatch(ch.encode()) is not None


class TextMatcher:
    """A text template compiled for matching; build once, match many texts."""

    __slots__ = ("_checked", "_greedy", "_head", "_lazy", "_rests", "_runs", "_subst", "_unique", "_vars",
                 "lit_bytes", "literals", "min_len", "slots", "template")

    def __init__(self, template: TextTemplate) -> None:
        self.template = template
        self.literals, self.slots = _normalise(template)
        self.lit_bytes = [s.encode() for s in self.literals]
        self.min_len = sum(map(len, self.lit_bytes)) + sum(kinds.WIDTH.get(s.kind, 1) for s in self.slots)
        # The split is unique by construction when every slot but the last is followed
        # by literal text starting with a character outside the slot's class.
        self._unique = len(self.slots) <= 1 or all(
            s.kind in kinds.WIDTH or (lit and not _in_class(s.kind, lit[0]))
            for s, lit in zip(self.slots[:-1], self.literals[1:-1], strict=True)
        )
        self._vars = frozenset(s.var for s in self.slots)
        self._checked = [(i, s.kind) for i, s in enumerate(self.slots) if kinds.needs_check(s.kind)]
        self._greedy: Pattern | None = None
        self._lazy: Pattern | None = None
        self._head: Pattern | None = None
        self._rests: list[Pattern] | None = None
        self._runs: list[Pattern] | None = None
        self._subst: OrderedDict[tuple[tuple[str, str], ...], TextMatcher] = OrderedDict()

    @property
    def variables(self) -> list[str]:
        return list(dict.fromkeys(s.var for s in self.slots))

    def pattern(self, lazy: bool = False, groups: bool = True) -> str:
        """The RE2 pattern of the whole text (to be full-matched), one group per slot."""
        out = [_escape(self.literals[0])]
        left, right = ("(", ")") if groups else ("(?:", ")")
        for slot, lit in zip(self.slots, self.literals[1:], strict=True):
            out.append(left + kinds.slot_pattern(slot.kind, lazy) + right + _escape(lit))
        return "".join(out)

    def compile(self) -> None:
        """Compile the short-text patterns now (they are otherwise compiled on first use)."""
        if self._greedy is None:
            self._greedy = Pattern(self.pattern())
            if not self._unique:
                self._lazy = Pattern(self.pattern(lazy=True))
            elif len(self.slots) > 1:
                # Everything before the last slot, matched from the start: in a template whose
                # split is unique by construction each slot is a whole class run, so its full
                # pattern can stand in the regex, and the last value is simply what remains.
                head = [_escape(self.literals[0])]
                for slot, lit in zip(self.slots[:-1], self.literals[1:-1], strict=True):
                    head.append("(" + kinds.FULL.get(slot.kind, kinds.slot_pattern(slot.kind)) + ")" + _escape(lit))
                self._head = Pattern("".join(head))

    def match(self, text: str, scope: Scope) -> dict[str, str] | None:
        """New bindings read off ``text`` (variables not in ``scope``), or None."""
        try:
            data = text.encode()
        except UnicodeEncodeError:
            return None
        return self.match_bytes(data, scope)

    def match_bytes(self, data: bytes, scope: Scope, text: str | None = None) -> dict[str, str] | None:
        """:meth:`match` on the UTF-8 encoding of the text (``text`` itself, if the caller has it)."""
        if scope and self._vars.issubset(scope.keys()):
            # Every value is known: the text must be the template rendered with them.
            rendered = self.template.render(scope)
            same = rendered == text if text is not None else rendered.encode() == data
            return {} if same else None
        values = self.split(data)
        if isinstance(values, list):
            got = self._bind(values, scope)
            if got is not None or not scope:
                return got
        elif not scope:
            return None
        known = tuple((s.var, render_value(scope[s.var])) for s in self.slots if s.var in scope)
        if not known:
            return None
        if values is AMBIGUOUS:
            return self._match_substituted(data, scope, known)
        # No split, or one that disagrees with the scope: a value in scope is matched as
        # itself whatever the slot's kind, so one outside its kind needs the substituted template.
        slots = [s for s in self.slots if s.var in scope]
        if any(not kinds.value_fits(s.kind, v) for s, (_, v) in zip(slots, known, strict=True)):
            return self._match_substituted(data, scope, known)
        return None

    def split(self, data: bytes, method: str | None = None) -> Split:
        """Slot values (bytes), None when nothing fits, AMBIGUOUS when several splits do.

        ``method`` forces ``"captures"`` or ``"walk"`` (both give the same answer; tests compare them).
        """
        lits = self.lit_bytes
        if len(data) < self.min_len or not data.startswith(lits[0]) or not data.endswith(lits[-1]):
            return None
        if not self.slots:
            return [] if len(data) == len(lits[0]) else None
        if len(self.slots) == 1:
            value = data[len(lits[0]):len(data) - len(lits[-1])]
            return [value] if kinds.bytes_fit(self.slots[0].kind, value) else None
        if method is None and self._unique:
            return self._split_head(data)
        if method == "captures" or (method is None and len(data) <= CAPTURE_MAX_BYTES):
            values = self._split_captures(data)
        else:
            values = self._split_walk(data)
        if isinstance(values, list) and not self._kinds_fit(values):
            return None
        return values

    def _kinds_fit(self, values: list[bytes]) -> bool:
        for i, kind in self._checked:  # noqa: SIM110 (hot path: a loop is cheaper than all(genexpr))
            if not kinds.bytes_fit(kind, values[i]):
                return False
        return True

    def _split_captures(self, data: bytes) -> Split:
        if self._greedy is None:
            self.compile()
        assert self._greedy is not None
        spans = self._greedy.fullmatch(data)
        if spans is None:
            return None
        if not self._unique:
            assert self._lazy is not None
            if self._lazy.fullmatch(data) != spans:
                return AMBIGUOUS
        return [data[a:b] for a, b in spans[1:]]

    def _split_head(self, data: bytes) -> Split:
        if self._greedy is None:
            self.compile()
        assert self._head is not None
        spans = self._head.match(data)
        if spans is None:
            return None
        end = len(data) - len(self.lit_bytes[-1])
        last = data[spans[0][1]:end]
        if spans[0][1] >= end or not kinds.bytes_fit(self.slots[-1].kind, last):
            return None
        return [*(data[a:b] for a, b in spans[1:]), last]

    def _compile_walk(self) -> tuple[list[Pattern], list[Pattern]]:
        rests, runs = [], []
        for i, slot in enumerate(self.slots):
            rest = [_escape(self.literals[i + 1])]
            for s, lit in zip(self.slots[i + 1:], self.literals[i + 2:], strict=True):
                rest.append(kinds.slot_pattern(s.kind) + _escape(lit))
            rests.append(Pattern("(?:" + "".join(rest) + r")\z"))
            runs.append(Pattern(kinds.CLASS[slot.kind] + "*"))
        return rests, runs

    def _split_walk(self, data: bytes) -> Split:
        """Slot by slot: the slot ends where the rest of the template can start; if two
        such ends lie within the slot's class run, the split is ambiguous."""
        if self._rests is None or self._runs is None:
            self._rests, self._runs = self._compile_walk()
        pos = len(self.lit_bytes[0])
        values: list[bytes] = []
        for i, slot in enumerate(self.slots):
            rest, run = self._rests[i], self._runs[i]
            m = run.match(data, pos)
            run_end = m[0][1] if m is not None else pos
            width = kinds.WIDTH.get(slot.kind)
            if width is not None:
                end = pos + width
                if end > run_end or rest.match(data, end) is None:
                    return None
            else:
                if run_end == pos:
                    return None
                found = rest.search(data, pos + 1)
                if found is None or found[0][0] > run_end:
                    return None
                end = found[0][0]
                if end < run_end:
                    other = rest.search(data, end + 1)
                    if other is not None and other[0][0] <= run_end:
                        return AMBIGUOUS
            values.append(data[pos:end])
            pos = end + len(self.lit_bytes[i + 1])
        return values

    def _bind(self, values: list[bytes], scope: Scope) -> dict[str, str] | None:
        out: dict[str, str] = {}
        for slot, raw in zip(self.slots, values, strict=True):
            try:
                value = raw.decode()
            except UnicodeDecodeError:
                return None
            var = slot.var
            if var in scope:
                if render_value(scope[var]) != value:
                    return None
            elif var in out:
                if out[var] != value:
                    return None
            else:
                out[var] = value
        return out

    def _match_substituted(self, data: bytes, scope: Scope,
                           known: tuple[tuple[str, str], ...]) -> dict[str, str] | None:
        """Match again with the in-scope variables written in as literal text (cached per values)."""
        sub = self._subst.get(known)
        if sub is None:
            values = dict(known)
            parts = [values[p.var] if isinstance(p, Slot) and p.var in values else p for p in self.template.parts]
            sub = TextMatcher(TextTemplate(parts=tuple(p for p in parts if p != "")))
            self._subst[known] = sub
            # A small FIFO; safe when threads race (at worst a template is compiled twice).
            while len(self._subst) > SUBSTITUTION_CACHE:
                try:
                    self._subst.popitem(last=False)
                except KeyError:
                    break
        split = sub.split(data)
        if not isinstance(split, list):
            return None
        return sub._bind(split, scope)


@lru_cache(maxsize=4096)
def compile_text(template: TextTemplate) -> TextMatcher:
    """A (cached) :class:`TextMatcher` for ``template``."""
    return TextMatcher(template)


def match_text(template: TextTemplate, text: str, scope: Mapping[str, object]) -> dict[str, str] | None:
    """New bindings read off ``text`` by ``template`` given ``scope``, or None.

    >>> from induction.runtime.template import Slot, TextTemplate
    >>> t = TextTemplate(parts=("Hi ", Slot(var="name"), ", bye ", Slot(var="name")))
    >>> match_text(t, "Hi Bo, bye Bo", {}), match_text(t, "Hi Bo, bye Al", {})
    ({'name': 'Bo'}, None)
    """
    return compile_text(template).match(text, scope)
