"""copied-spans: a value every answer copies whole is one slot, cut where the answers cut it.

A miss, not a false hit: the word alignment cuts a cluster's messages at whatever tokens
they happen to share, so a free-text value is split at a word two examples had in common
("is car necessary in NYC" / "... driving in pittsburgh" -> ``{{a}} in {{b}}``), or several
values of different shapes ("231 Willow Way, Suite 100, Chicago, IL" / "987 Sycamore Circle,
Philadelphia, PA") align comma to comma into slots the runtime cannot read apart. When every
member's answer holds, in one tool-call argument, a value that also stands in the member's
message as a whole token run, the answer shows where that value begins and ends: the span is
aligned as one unit, and becomes one slot.

What the examples cannot tell stays as it was. Words every example's value began or ended
with stay literal ("CMU main campus", "CMU ArtPark Lab": ``CMU {{place}}``): a constant
qualifier may be what decided the rest of the answer (an honorific: "Dr. Lee"), as
``rivals.widen`` keeps it on the answer side. The slot's refusals and edges are then
computed from the whole values (``edges-and-refusals``), so a joiner or a comma none of the
values held is still refused; and values that all held a joiner as often ("Ada and Bo", "Cy
and Di": two items each time) are not joined, since the joined slot would no longer require
it (guards ``joined_names_one_string``: an answer counting two names served for one). An argument equal in every answer is structure, and a span
is taken only where each member's message holds its value the same number of times, apart
from the other spans. Plain text only: JSON text is aligned leaf by leaf (``identifier``).

Learning side: ``copied_spans`` (called by the walk before naming; counted as
``copied_spans``); a skeleton made this way that the runtime cannot read back is dropped for
the plain alignment (``unreadable``). Request time: none of its own.

>>> msgs = [{"role": "user", "content": 'Post "is car necessary in NYC" now'},
...         {"role": "user", "content": 'Post "places to learn driving in pittsburgh" now'}]
>>> answers = [{"role": "assistant", "tool_calls": [{"type": "function", "function": {
...     "name": "post", "arguments": '{"q": "%s"}' % q}}]}
...     for q in ("is car necessary in NYC", "places to learn driving in pittsburgh")]
>>> sk = copied_spans(msgs, answers)
>>> sk.content, sk.gaps[0].values
(['Post "', 0, '" now'], ['is car necessary in NYC', 'places to learn driving in pittsburgh'])
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import orjson

from induction.align import align
from induction.identifier import Gap, Skeleton, bounded, skeleton_key, text_of
from induction.rules.edges_and_refusals import JOINERS, STRUCTURAL
from induction.tokens import tokenize

# One private-use character per span: a single alignment token that no message holds.
_MARK = 0xE000
_MARKS = re.compile("[\ue000-\uf8ff]")


def leaves(args: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """The string and number leaves of a tool call's arguments, by path.

    >>> list(leaves({"a": "x", "b": [1, True], "c": {"d": 2.5}}))
    [('.a', 'x'), ('.b[0]', 1), ('.c.d', 2.5)]
    """
    if isinstance(args, dict):
        for k, v in args.items():
            yield from leaves(v, f"{path}.{k}")
    elif isinstance(args, list):
        for i, v in enumerate(args):
            yield from leaves(v, f"{path}[{i}]")
    elif isinstance(args, (str, int, float)) and not isinstance(args, bool):
        yield path, args


def _answer_leaves(answer: dict[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for i, call in enumerate(answer.get("tool_calls") or []):
        raw = (call.get("function") or {}).get("arguments")
        try:
            args = orjson.loads(raw) if isinstance(raw, str) else raw
        except orjson.JSONDecodeError:
            continue
        for path, v in leaves(args, f"call[{i}]"):
            out[path] = v if isinstance(v, str) else orjson.dumps(v).decode()
    return out


def _edges(values: Sequence[str]) -> tuple[int, int]:
    """How many tokens every value begins with and ends with alike (whitespace included).

    >>> _edges(["CMU main campus", "CMU ArtPark Lab"]), _edges(["a b", "c d"])
    ((2, 0), (0, 0))
    """
    toks = [tokenize(v) for v in values]
    shortest = min(len(t) for t in toks)
    head = 0
    while head < shortest and all(t[head] == toks[0][head] for t in toks):
        head += 1
    tail = 0
    while tail < shortest - head and all(t[-1 - tail] == toks[0][-1 - tail] for t in toks):
        tail += 1
    return head, tail


def _core(value: str, head: int, tail: int) -> tuple[int, int]:
    """The character offsets of ``value`` without its first ``head`` and last ``tail`` tokens."""
    toks = tokenize(value)
    start = sum(len(t) for t in toks[:head])
    end = len(value) - sum(len(t) for t in toks[len(toks) - tail:]) if tail else len(value)
    return start, end


def gap_spans(sk: Skeleton, m: int) -> list[tuple[int, int]]:
    """The character offsets of each content gap of ``sk`` in member ``m``'s text.

    >>> gap_spans(Skeleton("user", None, ["Hi ", 0, "!"], [], [Gap(0, ["Bo", "Ann"], "content", "Hi ")]), 1)
    [(3, 6)]
    """
    out, at = [], 0
    gaps = {g.gid: g for g in sk.gaps}
    for part in sk.content or []:
        if isinstance(part, str):
            at += len(part)
        else:
            n = len(str(gaps[part].values[m]))
            out.append((at, at + n))
            at += n
    return out


def _whole(span: tuple[int, int], gaps: list[tuple[int, int]]) -> bool:
    """Whether ``span`` lies inside one gap (the plain alignment did not cut it)."""
    return any(a <= span[0] and span[1] <= b for a, b in gaps)


def fixed_items(values: Sequence[str]) -> bool:
    """Whether every value holds a joiner (" and ", a comma, ...) the same number of times: the
    values may be lists of a fixed length ("Ada and Bo", "Cy and Di"), and an answer learned
    for two items (a count, one call per item) must not be served for one or three. Joined
    into one slot, nothing would require the joiner any more; cut at it, the template does.

    >>> fixed_items(["Ada and Bo", "Cy and Di"]), fixed_items(["1 Elm St, Boston", "2 Oak Rd, Apt 3, Reno"])
    (True, False)
    """
    for mark in (*JOINERS, *STRUCTURAL):
        counts = {v.count(mark) for v in values}
        if len(counts) == 1 and counts.pop() > 0:
            return True
    return False


def copied_spans(msgs: Sequence[dict[str, Any]], answers: Sequence[dict[str, Any]],
                 plain: Skeleton | None = None) -> Skeleton | None:
    """The skeleton of ``msgs`` (one per member, plain text, no tool calls) with each span that
    ``answers`` (one per member) copy whole into one tool-call argument aligned as one gap;
    None when no such span helps or the marked texts do not align. With ``plain`` (the plain
    alignment), only values it cut are taken: a value inside one of its gaps stays there
    ("books" of a gap "books subreddit" is read by a derivation; cut out, "subreddit" or
    "forum" beside it would be a gap of its own, weighed as a status word)."""
    texts = [text_of(m) for m in msgs]
    if len(msgs) < 2 or len(answers) != len(msgs) or any(m.get("tool_calls") for m in msgs):
        return None
    if any(t is None or t.lstrip()[:1] in ("{", "[") or _MARKS.search(t) for t in texts):
        return None
    if len({orjson.dumps(skeleton_key(a), default=str) for a in answers}) != 1:
        return None
    per_member = [_answer_leaves(a) for a in answers]
    paths = [p for p in per_member[0] if all(p in leaf for leaf in per_member)]
    # Longer values first: "Erik Dunteman" is placed before "Erik".
    paths.sort(key=lambda p: -sum(len(leaf[p]) for leaf in per_member))
    taken: list[list[tuple[int, int]]] = [[] for _ in msgs]
    spans: list[list[tuple[int, int]]] = []  # per span kind: its occurrences, member by member
    for path in paths:
        values = [leaf[path] for leaf in per_member]
        if len(set(values)) < 2 or not all(values):
            continue  # an argument equal in every answer is structure
        if fixed_items(values):
            continue
        head, tail = _edges(values)
        found = []
        for text, value, mine in zip(texts, values, taken, strict=True):
            assert text is not None
            start, end = _core(value, head, tail)
            hits = [(m.start() + start, m.start() + end) for m in bounded(value).finditer(text)]
            if not hits or start >= end or any(a < d and c < b for a, b in hits for c, d in mine):
                break
            found.append(hits)
        if len(found) != len(msgs) or len({len(h) for h in found}) != 1:
            continue
        if plain is not None and all(_whole(h, gap_spans(plain, m)) for m, hits in enumerate(found) for h in hits):
            continue
        for mine, hits in zip(taken, found, strict=True):
            mine.extend(hits)
        spans.append([h for hits in found for h in hits])
    if not spans:
        return None
    marked: list[str] = []
    cores: list[dict[str, str]] = []  # per member: mark -> the text it stands for
    for m, text in enumerate(texts):
        assert text is not None
        cuts = sorted((a, b, chr(_MARK + k)) for k, kind in enumerate(spans)
                      for a, b in kind[len(kind) // len(msgs) * m:len(kind) // len(msgs) * (m + 1)])
        out: list[str] = []
        at = 0
        stands: dict[str, str] = {}
        for a, b, mark in cuts:
            out += [text[at:a], mark]
            stands[mark] = text[a:b]
            at = b
        out.append(text[at:])
        marked.append("".join(out))
        cores.append(stands)
    aligned = align(marked)
    if aligned is None or any(_MARKS.search(v) for vals in aligned.values for v in vals):
        return None
    content: list[str | int] = []
    gaps: list[Gap] = []

    def gap(values: list[str]) -> None:
        before = content[-1] if content and isinstance(content[-1], str) else ""
        gaps.append(Gap(gid=len(gaps), values=values, where="content", before=str(before)))
        content.append(len(gaps) - 1)

    for part in aligned.parts:
        if isinstance(part, int):
            gap(list(aligned.values[part]))
            continue
        for piece in re.split(f"({_MARKS.pattern})", part):
            if _MARKS.fullmatch(piece):
                gap([stands[piece] for stands in cores])
            elif piece:
                if content and isinstance(content[-1], str):
                    content[-1] += piece
                else:
                    content.append(piece)
    first = msgs[0]
    return Skeleton(role=first["role"], name=first.get("name"), content=content, calls=[], gaps=gaps)
