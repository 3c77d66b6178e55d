"""The stage protocols of induction and its heuristic stages (no model, no sandbox).

A stage is a small Protocol: a ``Deriver`` explains a slot from the variables in scope, a
``Namer`` names a new variable, a ``SpanIdentifier`` finds what varies in one message, a
``StructureJudge`` says which new values decide the answer. The heuristic Namer and span
Identifier live here (the heuristic Deriver in ``induction.deriver``); the LLM stages
(``induction.llm_stages``) build on these, and ``induction.backends`` composes and chooses
them by configuration. Dependencies go one way: this module imports neither.

>>> HeuristicNamer().name(Gap(0, ["Ada", "Bo"], "content", "First name: "), set(), "")
'first_name'
>>> HeuristicSpanIdentifier().spans("Mail ada@x.io about Ada Lovelace.", ["To: Ada Lovelace"], {})
[(5, 13, 'email'), (20, 32, 'copied')]
>>> merge_spans([[(0, 4, "a")], [(2, 6, "b"), (6, 8, "c")]])
[(0, 4, 'a'), (6, 8, 'c')]
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

from induction.identifier import Gap, Skeleton
from induction.namer import name_gap
from induction.runtime.nodes import Derivation
from induction.tokens import cuts_number, recognise, tokenize

Span = tuple[int, int, str]  # start, end (exclusive), kind


class Deriver(Protocol):
    """Explains a slot's values from the variables in scope (a verified derivation), or None."""

    def derive(self, values: Sequence[Any], scopes: Sequence[Mapping[str, Any]]) -> Derivation | None: ...

    def note_item(self, var: str, path: str, fixed: Mapping[str, Any] | None = None) -> None:
        """``var`` was read at JSON ``path`` (``$.jobs[2].status``): a field of a list item that
        a later derivation may pick by another field (the failed job's id); ``fixed``: the
        item's fields that are the same in every run (``{".name": "lint"}``). May ignore it."""
        ...


class Namer(Protocol):
    def name(self, gap: Gap, taken: set[str], message_text: str) -> str:
        """A snake_case identifier for ``gap`` not in ``taken`` (the caller adds it).

        ``message_text``: the text of the gap's message in its first member (the
        content, or a tool call's arguments as JSON); it may be empty."""
        ...


class SpanIdentifier(Protocol):
    def spans(self, message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> list[Span]:
        """Dynamic spans of ONE message, sorted and non-overlapping.

        ``later_texts``: later messages of the same run (tool calls as JSON);
        ``declared``: the user's bindings (``Rote-Bindings``)."""
        ...


class StructureJudge(Protocol):
    def deciding(self, sk: Skeleton, gaps: Sequence[Gap], answers: Sequence[str | None]) -> dict[int, str]:
        """Gap id -> why, for those of ``gaps`` (of ``sk``) whose value may decide the answer's
        fixed text. ``answers[i]``: the answer given in run ``i``, or None."""
        ...


# -- heuristic stages ---------------------------------------------------------------


class HeuristicNamer:
    def name(self, gap: Gap, taken: set[str], message_text: str) -> str:
        return name_gap(gap, taken)


_VALID_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}\Z")


def valid_name(name: str) -> bool:
    """A variable name the templates accept: short snake_case, not a Python keyword."""
    return bool(_VALID_NAME.match(name)) and not keyword.iskeyword(name) and not name.endswith("_")


def unique_name(base: str, taken: set[str]) -> str:
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


# Capitalised or identifier-like words too common to be a value when they reappear.
_COMMON = frozenset(["the", "a", "an", "and", "or", "but", "not", "no", "yes", "to", "of", "in", "on", "at", "for", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "there", "here", "what", "when", "where", "which", "who", "whom", "how", "why", "please", "thanks", "thank", "hello", "hi", "hey", "dear", "you", "your", "yours", "we", "our", "us", "they", "them", "their", "he", "she", "his", "her", "i", "me", "my", "mine", "ok", "okay", "sure", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "do", "does", "did", "done", "have", "has", "had", "get", "got", "let", "make", "all", "any", "some", "each", "every", "one", "two", "three", "none", "null", "true", "false", "json", "id", "name", "type", "user", "assistant", "system", "tool", "tools", "function", "result", "results", "error", "status", "today", "tomorrow", "yesterday"])
_TYPED = frozenset({"email", "url", "uuid", "timestamp", "date", "money", "number", "digits"})
_CHUNK = re.compile(r"(?:~?/|~)?\w[\w.\-/:@+#~]*\w|(?:~?/|~)?\w")  # a word, path, id or file name
_QUOTED = re.compile(r'"([^"\n]{3,200})"|\'([^\'\n]{3,200})\'|`([^`\n]{3,200})`')
_CAPS_RUN = re.compile(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*")


def _bounded(text: str, start: int, end: int) -> bool:
    """The span cuts no word and no number: ``Erik`` in ``Erikson`` is not a value, nor
    ``3`` in ``$3,000`` (see :func:`induction.tokens.cuts_number`)."""
    left = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    right = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (left or right or cuts_number(text, start, end))


_CLOSERS = {")": "(", "]": "[", "}": "{"}


def _trim_url(url: str) -> str:
    """``(see https://x.io/a).`` -> ``https://x.io/a``: sentence punctuation is not part of the URL."""
    while url:
        last = url[-1]
        if not (last in ".,;:!?'\"" or (last in _CLOSERS and url.count(last) > url.count(_CLOSERS[last]))):
            break
        url = url[:-1]
    return url


def occurrences(text: str, value: str) -> Iterator[tuple[int, int]]:
    """Word-bounded occurrences of ``value`` in ``text``."""
    if not value:
        return
    i = text.find(value)
    while i >= 0:
        if _bounded(text, i, i + len(value)):
            yield i, i + len(value)
        i = text.find(value, i + 1)


def merge_spans(groups: Sequence[Sequence[Span]]) -> list[Span]:
    """Earlier groups win; within a group, longer spans win; no two results overlap."""
    taken: list[Span] = []
    for group in groups:
        for s in sorted(group, key=lambda s: (s[0] - s[1], s[0])):
            if s[0] < s[1] and all(s[1] <= t[0] or t[1] <= s[0] for t in taken):
                taken.append(s)
    return sorted(taken)


def declared_spans(text: str, declared: Mapping[str, Any]) -> list[Span]:
    """Every bounded occurrence of a value the user declared."""
    out: list[Span] = []
    for var, value in declared.items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            continue
        out += [(a, b, f"declared:{var}") for a, b in occurrences(text, str(value))]
    return out


MAX_RUN_WORDS = 6
_WORDS = re.compile(r"[^\W_]+")  # alphanumeric runs, as `_bounded` sees words


class HeuristicSpanIdentifier:
    """Declared values, typed values (``induction.tokens``) and values copied into later messages."""

    def spans(self, message_text: str, later_texts: list[str], declared: Mapping[str, Any]) -> list[Span]:
        typed = list(self._typed(message_text))
        copied = list(self._copied(message_text, later_texts))
        # Typed before copied at equal length: "2041" is digits whether or not it is copied.
        rest = sorted(typed + copied, key=lambda s: (s[0] - s[1], s[2] == "copied", s[0]))
        return merge_spans([declared_spans(message_text, declared), rest])

    def _typed(self, text: str) -> Iterator[Span]:
        pos = 0
        for tok in tokenize(text):
            kind = recognise(tok)
            end = pos + len(_trim_url(tok) if kind == "url" else tok)
            if kind in _TYPED and _bounded(text, pos, end):
                yield pos, end, str(kind)
            pos += len(tok)

    def _copied(self, text: str, later: list[str]) -> Iterator[Span]:
        if not later:
            return
        seen: set[tuple[int, int]] = set()
        # A copied value's words are words of the later texts: a cheap necessary condition
        # that spares the bounded search for most candidates.
        later_words = set(_WORDS.findall("\n".join(later)))
        for a, b in self._candidates(text):
            value = text[a:b]
            if (a, b) in seen or len(value.strip()) < 3 or value.lower() in _COMMON:
                continue
            seen.add((a, b))
            if not later_words.issuperset(_WORDS.findall(value)):
                continue
            if any(any(True for _ in occurrences(t, value)) for t in later):
                yield a, b, "copied"

    def _candidates(self, text: str) -> Iterator[tuple[int, int]]:
        """Value-like pieces: quoted text, runs of capitalised words (and their sub-runs), and
        words with a digit, capital or ``_ . / - @`` in them. Plain lower-case words are structure."""
        for m in _QUOTED.finditer(text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            yield m.span(g)
        for m in _CAPS_RUN.finditer(text):
            if not _bounded(text, *m.span()):
                continue
            words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"\S+", m.group())]
            # Sub-runs of at most MAX_RUN_WORDS words: names and titles are short, and a long
            # run of capitalised words must not make this quadratic.
            for n in range(min(len(words), MAX_RUN_WORDS), 0, -1):
                for i in range(len(words) - n + 1):
                    yield words[i][0], words[i + n - 1][1]
        for m in _CHUNK.finditer(text):
            w = m.group()
            if any(c.isdigit() or c.isupper() or c in "_./-@" for c in w):
                yield m.span()
