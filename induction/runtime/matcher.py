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
test is run again; still ambiguous means no match. An equivalent walk, slot by
slot, gives the same answer in linear time: a slot followed by literal text that
starts outside its class is its whole class run, one whose literal occurs once in
its run ends there, and otherwise the leftmost start of the rest of the template is
searched for twice. Templates whose slots all end where their class run does are
split with one match of everything before the last slot.

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

import re
import sys
from collections import OrderedDict
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

import re2

from induction.runtime import kinds
from induction.runtime.rx import START, Pattern
from induction.runtime.template import Scope, Slot, TextTemplate, render_value

# Templates with adjacent slots that can share characters: texts up to this many bytes
# are split with two capturing matches (fast on short input), longer ones with the walk,
# which searches for the rest of the template there (measured crossover ~200 bytes; the
# capturing NFA costs ~100 ns/byte, the walk ~2 ns/byte per slot). Other templates always
# take the walk or the head split, which find most slot ends without a regex.
CAPTURE_MAX_BYTES: Final = 256
SUBSTITUTION_CACHE: Final = 16


# Walk modes of a slot (see TextMatcher._plan).
_LAST: Final = 0
_FORCED: Final = 1
_FREE: Final = 2


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


# Letters and digits as bytes: ASCII ones, and any byte of a multi-byte UTF-8 character
# (an accented letter). Symbols that are multi-byte too (emoji, U+2000-U+2BFF: "…", "→",
# "✓") are named by their lead bytes, so an edge refuses them like ASCII punctuation.
_ALNUM_BYTES = b"A-Za-z0-9\x80-\xff"
# Besides those: a no-break space, Latin-1 punctuation and signs (U+00A0-U+00BF: "¿", "«"; "×", "÷"), CJK
# punctuation (U+3000-U+303F: "。", "、") and the fullwidth forms ("！", "？").
_SYMBOL_HEAD = b"\xf0\x9f|\xe2[\x80-\xaf]|\xc2[\xa0-\xbf]|\xc3[\x97\xb7]|\xe3\x80|\xef[\xbc\xbd]"
_SYMBOL_TAIL = (b"\xf0\x9f[\x80-\xbf][\x80-\xbf]|\xe2[\x80-\xaf][\x80-\xbf]|\xc2[\xa0-\xbf]|\xc3[\x97\xb7]"
                b"|\xe3\x80[\x80-\xbf]|\xef[\xbc\xbd][\x80-\xbf]")


def _edge(ok: str, symbols: bytes, *, end: bool) -> bytes:
    """A value's first (last) character that is neither a letter or digit nor in ``ok``."""
    allowed = re.escape("".join(c for c in ok if c.isascii()).encode())
    # A symbol some example began (ended) with is let in by a lookahead: it is that whole
    # character (and, at the end, the last one).
    seen = [re.escape(c.encode()) + (rb"\Z" if end else b"") for c in ok if not c.isascii()]
    other = b"(?!" + b"|".join(seen) + b")" if seen else b""
    return b"(?:[^" + _ALNUM_BYTES + allowed + b"]|" + other + b"(?:" + symbols + b"))"


def _refusal(slot: Slot) -> re.Pattern[bytes]:
    """One pattern finding any character or phrase ``slot`` refuses, or a first or last
    character it refuses at an edge of its message (a class and literal alternatives: no
    backtracking, linear in the value). Searched in the value alone (its own start and end
    anchor the edge checks)."""
    alts = [re.escape(p.encode()) for p in slot.refuse_text if p]
    if slot.refuse:
        alts.insert(0, b"[" + re.escape(slot.refuse.encode()) + b"]")
    if slot.edge_start is not None:
        alts.append(rb"\A" + _edge(slot.edge_start, _SYMBOL_HEAD, end=False))
    if slot.edge_end is not None:
        alts.append(_edge(slot.edge_end, _SYMBOL_TAIL, end=True) + rb"\Z")
    return re.compile(b"|".join(alts))


def intern(s: str) -> str:
    """``sys.intern`` for plain strings: variable names, keys and roles are then one object
    across the tree (compared by identity, and one cache line however many nodes use them)."""
    return sys.intern(s) if type(s) is str else s


# Kinds whose class is "anything but ...": a slot of one holds none of the ASCII characters it
# refuses (``Slot.refuse``), so they are taken out of its class. Splits that would put one in
# a value are never valid, and left in the class they make valid splits look ambiguous: a
# timestamp slot "{{departs}}" followed by '","price":' in a tool result whose later items
# repeat that literal could otherwise end at any of them.
_NEGATED: Final = {"text": "\\n", "multiline": "", "word": "\\t\\n\\f\\r "}


def _refused_ascii(slot: Slot) -> str:
    """The ASCII characters ``slot`` refuses, if its kind's class can hold them (else "")."""
    if slot.kind not in _NEGATED or not slot.refuse:
        return ""
    return "".join(sorted({c for c in slot.refuse if c.isascii()}))


def slot_class(slot: Slot) -> str:
    """The RE2 character class of a slot's values: its kind's, less what it refuses.

    >>> print(slot_class(Slot(var="a", kind="text", refuse='"{')), slot_class(Slot(var="a", kind="digits", refuse='"')))
    [^\\n\\"\\{] [0-9]
    """
    out = _refused_ascii(slot)
    if not out:
        return kinds.CLASS[slot.kind]
    return "[^" + _NEGATED[slot.kind] + "".join("\\" + c if not c.isalnum() else c for c in out) + "]"


def _slot_pattern(slot: Slot, lazy: bool = False) -> str:
    """``kinds.slot_pattern`` with the slot's own class (``slot_class``)."""
    if not _refused_ascii(slot):  # fixed-width kinds are never narrowed
        return kinds.slot_pattern(slot.kind, lazy)
    return slot_class(slot) + ("+?" if lazy else "+")


def _slot_run(slot: Slot) -> re.Pattern[bytes] | None:
    """The stdlib byte pattern of a slot's class run (None: text and multiline, found without one)."""
    out = _refused_ascii(slot)
    if not out:
        return kinds.RUN[slot.kind] if slot.kind not in ("text", "multiline") else None
    return re.compile(b"[^" + _NEGATED[slot.kind].encode() + re.escape(out.encode()) + b"]*")


def _in_class(slot: Slot, ch: str) -> bool:
    return ch not in _refused_ascii(slot) and Pattern(kinds.CLASS[slot.kind]).fullmatch(ch.encode()) is not None


class TextMatcher:
    """A text template compiled for matching; build once, match many texts."""

    __slots__ = ("_checked", "_forced", "_greedy", "_head", "_last", "_lazy", "_one", "_plan", "_refuse", "_rests",
                 "_subst", "_tail", "_unique", "_walk_first", "lit_bytes", "literals", "min_len", "slots", "template",
                 "vars")

    def __init__(self, template: TextTemplate) -> None:
        self.template = template
        self.literals, self.slots = _normalise(template)
        self.lit_bytes = [s.encode() for s in self.literals]
        self.min_len = sum(map(len, self.lit_bytes)) + sum(kinds.WIDTH.get(s.kind, 1) for s in self.slots)
        # A slot is forced when its end follows from where it starts: it has a fixed width,
        # or the literal after it starts with a character outside its class (the value is
        # the whole class run), or it is the last slot (it ends where the final literal
        # begins). Only the other slots can make a split ambiguous.
        self._forced = [s.kind in kinds.WIDTH or bool(lit and not _in_class(s, lit[0]))
                        for s, lit in zip(self.slots[:-1], self.literals[1:-1], strict=True)]
        self._forced += [True] * bool(self.slots)
        # The split is unique by construction when every slot is forced.
        self._unique = all(self._forced)
        # Slots not forced but followed by literal text are split by finding that text (see
        # _split_walk): the walk then beats the capturing patterns at any length (~2x).
        self._walk_first = all(f or lit for f, lit in zip(self._forced, self.literals[1:], strict=True))
        self.vars = frozenset(intern(s.var) for s in self.slots)
        # (variable, literal after it) per slot: renders without testing each part's type.
        self._tail = tuple((intern(s.var), lit) for s, lit in zip(self.slots, self.literals[1:], strict=True))
        # A template of one slot renders as (literal, variable, literal): no list to join.
        self._one = (self.literals[0], *self._tail[0]) if len(self._tail) == 1 else None
        # The last slot's kind and the length of the final literal (the head split reads
        # the last value as what remains).
        self._last = (self.slots[-1].kind if self.slots else "", len(self.lit_bytes[-1]))
        self._checked = [(i, s.kind) for i, s in enumerate(self.slots) if kinds.needs_check(s.kind)]
        # Per slot with refused characters or phrases: its index and a pattern finding any.
        self._refuse = tuple((i, _refusal(s)) for i, s in enumerate(self.slots)
                             if s.refuse or s.refuse_text or s.edge_start is not None
                             or s.edge_end is not None) or None
        # Per slot, what the walk reads: the literal after it, its kind, the stdlib pattern
        # of its class run (None for text and multiline, found without one), its width,
        # and whether it is the last slot, forced, or free.
        self._plan = tuple(
            (lit, intern(s.kind), _slot_run(s),
             kinds.WIDTH.get(s.kind), _LAST if i == len(self.slots) - 1 else _FORCED if forced else _FREE)
            for i, (s, lit, forced) in enumerate(zip(self.slots, self.lit_bytes[1:], self._forced, strict=True)))
        self._greedy: Pattern | None = None
        self._lazy: Pattern | None = None
        self._head: Pattern | None = None
        self._rests: list[Pattern] | None = None
        self._subst: OrderedDict[tuple[tuple[str, str], ...], TextMatcher] = OrderedDict()

    @property
    def variables(self) -> list[str]:
        return list(dict.fromkeys(s.var for s in self.slots))

    def pattern(self, lazy: bool = False, groups: bool = True) -> str:
        """The RE2 pattern of the whole text (to be full-matched), one group per slot.

        ``lazy`` makes the slots that are not forced lazy: a forced slot has one possible
        end wherever it starts, so its quantifier does not change which split the
        leftmost-first preference picks (the least tuple of ends), only how long the
        search takes (a lazy last slot would try every end before the final one).
        """
        out = [_escape(self.literals[0])]
        left, right = ("(", ")") if groups else ("(?:", ")")
        for slot, lit, forced in zip(self.slots, self.literals[1:], self._forced, strict=True):
            out.append(left + _slot_pattern(slot, lazy and not forced) + right + _escape(lit))
        return "".join(out)

    def compile(self) -> None:
        """Compile the patterns :meth:`split` uses now (they are otherwise compiled on first use)."""
        if self._unique:
            if self._head is None and len(self.slots) > 1:
                # Everything before the last slot, matched from the start: in a template whose
                # split is unique by construction each slot is a whole class run, so its full
                # pattern can stand in the regex, and the last value is simply what remains.
                head = [_escape(self.literals[0])]
                for slot, lit in zip(self.slots[:-1], self.literals[1:-1], strict=True):
                    head.append("(" + kinds.FULL.get(slot.kind, _slot_pattern(slot)) + ")" + _escape(lit))
                self._head = Pattern("".join(head))
            return
        if self._rests is None:
            self._rests = self._compile_walk()
        if not self._walk_first:
            self._compile_captures()

    def _compile_captures(self) -> None:
        if self._greedy is None:
            if not self._unique:
                self._lazy = Pattern(self.pattern(lazy=True))
            self._greedy = Pattern(self.pattern())  # last: a thread that sees it sees both

    def render(self, scope: Scope) -> str:
        """The template filled from ``scope`` (``self.template.render``, without the part type tests)."""
        one = self._one
        if one is not None:
            head, var, lit = one
            value = scope[var]
            return head + (value if type(value) is str else render_value(value)) + lit
        out = [self.literals[0]]
        for var, lit in self._tail:
            value = scope[var]
            out.append(value if type(value) is str else render_value(value))
            out.append(lit)
        return "".join(out)

    def known(self, scope: Scope) -> bool:
        """Whether every variable of the template is in ``scope``."""
        if type(scope) is dict:
            return scope.keys() >= self.vars  # no set built from the scope's keys
        return self.vars.issubset(scope.keys())

    def match(self, text: str, scope: Scope) -> dict[str, str] | None:
        """New bindings read off ``text`` (variables not in ``scope``), or None."""
        try:
            data = text.encode()
        except UnicodeEncodeError:
            return None
        return self.match_bytes(data, scope, text)

    def match_bytes(self, data: bytes, scope: Scope, text: str | None = None) -> dict[str, str] | None:
        """:meth:`match` on the UTF-8 encoding of the text (``text`` itself, if the caller has it)."""
        if scope and (scope.keys() >= self.vars if type(scope) is dict else self.vars.issubset(scope.keys())):
            # Every value is known: the text must be the template rendered with them.
            rendered = self.render(scope)
            same = rendered == text if text is not None else rendered.encode() == data
            return {} if same else None
        values: Split
        if self._head is not None:
            # A compiled head means a unique template of several slots: split and bind it
            # directly. (It never finds the split ambiguous, and what follows a failed split
            # is what follows a split whose values disagree with the scope.)
            got = self._match_head(data, scope, text)
            if got is not None or not scope:
                return got
            values = None
        else:
            values = self.split(data)
            if type(values) is list:
                if self._refuses(values):
                    return None
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
        if method is None:
            if self._unique:
                return self._split_head(data)
            method = "walk" if self._walk_first or len(data) > CAPTURE_MAX_BYTES else "captures"
        values = self._split_captures(data) if method == "captures" else self._split_walk(data)
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
            self._compile_captures()
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
        """The split of a unique template: the head's values, and the last value is what
        remains before the final literal (what :meth:`split` checks first is implied: the
        head starts with the first literal, and the last value is not empty)."""
        head = self._head
        if head is None:
            self.compile()
            head = self._head
            assert head is not None
        kind, tail = self._last
        if not data.endswith(self.lit_bytes[-1]):
            return None
        spans = head.run(START, data, 0, len(data))
        start = spans[0][1]
        if start < 0:  # no match
            return None
        end = len(data) - tail
        if start >= end:
            return None
        last = data[start:end]
        if kind != "multiline" and not kinds.bytes_fit(kind, last):  # any non-empty value is multiline
            return None
        values = [data[a:b] for a, b in spans[1:]]
        values.append(last)
        return values

    def _match_head(self, data: bytes, scope: Scope, text: str | None) -> dict[str, str] | None:
        """``_bind(_split_head(data), scope)`` in one pass, for a compiled head (hot path:
        most tool outputs; ``test_fastpaths`` compares the two). An ASCII ``text`` (as
        long as its encoding) is sliced at the byte offsets instead of decoding each value."""
        final = self.lit_bytes[-1]
        if not data.endswith(final):
            return None
        size = len(data)
        spans = self._head.run(START, data, 0, size)  # type: ignore[union-attr]  # (caller checked)
        start = spans[0][1]
        end = size - len(final)
        if start < 0 or start >= end:  # no match, or no last value
            return None
        kind = self._last[0]
        if kind != "multiline" and not kinds.bytes_fit(kind, data[start:end]):  # any non-empty value is multiline
            return None
        del spans[0]  # the whole match
        spans.append((start, end))  # the last value
        # A slice, not search(data, pos, endpos): an edge check anchors at the value's own start.
        if self._refuse is not None and any(rx.search(data[spans[i][0]:spans[i][1]]) for i, rx in self._refuse):
            return None  # a slot would hold structure it never held in an example
        ascii_text = text if text is not None and len(text) == size else None
        out: dict[str, str] = {}
        for (var, _), (a, b) in zip(self._tail, spans):  # noqa: B905 (as many spans as slots; hot path)
            if ascii_text is not None:
                value = ascii_text[a:b]
            else:
                try:
                    value = data[a:b].decode()
                except UnicodeDecodeError:  # a slice of valid UTF-8 that splits a character
                    return None
            if var in scope:
                seen = scope[var]
                if (seen if type(seen) is str else render_value(seen)) != value:
                    return None
            elif var in out:
                if out[var] != value:
                    return None
            else:
                out[var] = value
        return out

    def _compile_walk(self) -> list[Pattern]:
        rests = []
        for i in range(len(self.slots)):
            rest = [_escape(self.literals[i + 1])]
            for s, lit in zip(self.slots[i + 1:], self.literals[i + 2:], strict=True):
                rest.append(_slot_pattern(s) + _escape(lit))
            rests.append(Pattern("(?:" + "".join(rest) + r")\z"))
        return rests

    def _split_walk(self, data: bytes) -> Split:
        """Slot by slot: the slot ends where the rest of the template can start; if two
        such ends lie within the slot's class run, the split is ambiguous.

        Most ends need no search for the rest of the template: a forced slot ends where
        its class run does (or after its width), and a slot whose next literal occurs once
        within its run can only end there. The rest is searched for (a DFA pass, twice)
        only when that literal is empty or occurs more than once. Every literal is checked
        as the walk passes it, so what is returned is a split, and each end was the only
        one possible.
        """
        if self._rests is None:
            self._rests = self._compile_walk()
        pos = len(self.lit_bytes[0])
        values: list[bytes] = []
        for i, (lit, kind, run, width, mode) in enumerate(self._plan):
            # Where the run of the slot's class that starts at ``pos`` ends.
            if run is not None:
                run_end = run.match(data, pos).end()  # type: ignore[union-attr]  # C* always matches
            elif kind == "text":
                run_end = data.find(b"\n", pos)
                if run_end < 0:
                    run_end = len(data)
            else:  # multiline
                run_end = len(data)
            if mode == _LAST:
                end = len(data) - len(lit)  # split() checked that the final literal is there
                if not (end == pos + width if width is not None else pos < end) or end > run_end:
                    return None
            elif width is not None:
                end = pos + width
                if end > run_end or not data.startswith(lit, end):
                    return None
            elif run_end == pos:
                return None
            elif mode == _FORCED:
                end = run_end
                if not data.startswith(lit, end):
                    return None
            else:
                stop = run_end + len(lit)  # an occurrence of the literal must start within the run
                end = data.find(lit, pos + 1, stop) if lit else -1
                if lit and end < 0:
                    return None
                if not lit or data.find(lit, end + 1, stop) >= 0:
                    rest = self._rests[i]
                    found = rest.search(data, pos + 1)
                    if found is None or found[0][0] > run_end:
                        return None
                    end = found[0][0]
                    if end < run_end:
                        other = rest.search(data, end + 1)
                        if other is not None and other[0][0] <= run_end:
                            return AMBIGUOUS
            values.append(data[pos:end])
            pos = end + len(lit)
        return values

    def _refuses(self, values: list[bytes]) -> bool:
        """Whether a slot would hold structure it never held in an example (``Slot.refuse``).
        (``_match_head`` tests its spans the same way, inline.)"""
        return self._refuse is not None and any(rx.search(values[i]) for i, rx in self._refuse)

    def _bind(self, values: list[bytes], scope: Scope) -> dict[str, str] | None:
        out: dict[str, str] = {}
        for (var, _), raw in zip(self._tail, values, strict=True):
            try:
                value = raw.decode()
            except UnicodeDecodeError:  # a slice of valid UTF-8 that splits a character
                return None
            if var in scope:
                seen = scope[var]
                if (seen if type(seen) is str else render_value(seen)) != value:
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
        if sub._refuses(split):
            return None
        return sub._bind(split, scope)


TextMatchers = dict[TextTemplate, TextMatcher]


def shared_text(template: TextTemplate, pool: TextMatchers | None) -> TextMatcher:
    """The matcher of ``template`` from ``pool`` (built and added if missing; a new one without a pool).

    A tree shares one matcher (and its compiled patterns) among equal templates: the same
    tool-output format under many parents is then one set of objects that stays in the
    CPU's caches, instead of one cold copy per node. Matchers hold no per-node state.
    """
    if pool is None:
        return TextMatcher(template)
    m = pool.get(template)
    if m is None:
        m = pool[template] = TextMatcher(template)  # racing threads at worst build it twice
    return m


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
