"""min-runs: an answer goes live only when enough calls agree with it.

False hit prevented: a template generalised from one run (every value in it looks fixed
or every value looks free: one context cannot show what varies). An answer goes live when
``InductionConfig.min_runs`` calls agree with it, or when the user declared the bindings
(``Rote-Bindings``) and the one answer's fixed text shows no trace of them (in any case or
piece) and no number that may be computed from them; otherwise it is staged. A context seen
with one literal answer is still served to an exact repeat of that whole context
(``serve_exact_repeats``: never fewer hits than an exact-match cache), and beside a node
that cannot answer new values, messages asked again and again keep literal exact-repeat
nodes. Guards every workflow with a branch seen once (the default suite's ``tictactoe``,
``support_ticket``).

Words of the model's own beside its tool calls ("One moment while I check." before
``get_order``) need one call more (``Answerer.response``): a sampled model may word them alike
twice by chance (one in eight for eight wordings), and the third run's other wording would be
served the first two's. Guards ``commentary_beside_call`` at two runs. Where the namespace
shows the model wording one step's words beside its calls differently from run to run
(``sampled_wording``: it samples them), such words need ``InductionConfig.sampled_words_min_runs``
calls: three runs of the default suite's ``returns_desk`` worded "Let me pull up that order."
alike by chance (seeds 304/305), while their next step's words differed, and a fourth run's "One
sec, fetching the order." was served the three's (14 false hits before). Guards
``commentary_beside_call`` at three runs; words alike in every call of a namespace whose model
never varied them still pass from ``min_runs + 1`` (a known limit of any count).

Learning side: ``verdict``, ``traced``, ``literal_texts``, ``wording`` (``StoreTree.sampled``
keeps the namespaces whose model samples its words); counted as ``nodes_live``,
``nodes_staged`` and ``exact_repeat_nodes``. Request-time check: a staged node answers only
an exact repeat (``ResponseTemplate.exact_once``: every message matched by hash), in
``induction.runtime.lookup.explain``.

>>> verdict(1, min_runs=2, declared=False)
('staged', '[rule: min-runs] answer seen in 1 call(s); needs 2 to go live')
>>> verdict(3, min_runs=2, declared=False)[0], verdict(1, min_runs=2, declared=True)[0]
('live', 'live')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from induction.identifier import Skeleton
from induction.rules import tag
from induction.runtime.nodes import Status

_WORD = re.compile(r"[a-z0-9]+")


def verdict(answers: int, *, min_runs: int, declared: bool) -> tuple[Status, str]:
    """The status of an answer seen in ``answers`` calls, and why."""
    if answers >= min_runs:
        return "live", f"answer induced from {answers} calls"
    if declared:
        return "live", f"answer from {answers} call(s) with user-declared bindings"
    return "staged", f"{tag('min-runs')} answer seen in {answers} call(s); needs {min_runs} to go live"


def traced(value: Any, literal: list[str]) -> bool:
    """Whether ``value`` shows in the literal texts: whole, in any case, or a word of it.

    >>> traced("Erik Dunteman", ['lookup {"first": "Erik"}']), traced("erik", ["Hello, Erik!"]), traced("Bo", ["Hi!"])
    (True, True, False)
    """
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or not str(value):
        return False
    text = "\n".join(literal).lower()
    v = str(value).lower()
    if v in text:
        return True
    words = set(_WORD.findall(text))
    return any(w in words for w in _WORD.findall(v) if len(w) >= 2)


def said_beside_call(msg: Mapping[str, Any]) -> bool:
    """Whether ``msg`` is a tool call with text of the model's own beside it.

    >>> said_beside_call({"content": "One sec.", "tool_calls": [{}]}), said_beside_call({"content": " ", "tool_calls": [{}]})
    (True, False)
    """
    content = msg.get("content")
    return bool(msg.get("tool_calls")) and isinstance(content, str) and bool(content.strip())


def wording(text: str, context: str) -> tuple[str, ...]:
    """The words of a model's text beside its calls that its context does not hold: what
    differs between two samplings of one step ("Let me pull up that order." / "One sec,
    fetching the order."), not a name or an id it copied ("Looking up LO-1 for Erik").

    >>> wording("Looking up LO-1 for Erik.", "order LO-1, Erik"), wording("One sec, fetching LO-2.", "LO-2")
    (('looking', 'up', 'for'), ('one', 'sec', 'fetching'))
    """
    seen = set(_WORD.findall(context.lower()))
    return tuple(w for w in _WORD.findall(text.lower()) if w not in seen and not w.isdigit())


def literal_texts(sk: Skeleton) -> list[str]:
    """The literal text of a skeleton: content parts and JSON string leaves and pieces.

    >>> literal_texts(Skeleton("assistant", None, ["Hi ", 0], [("f", {"a": "x", "b": {"$gap": 1}})], []))
    ['Hi ', 'x']
    """
    out = [p for p in sk.content or [] if isinstance(p, str)]

    def walk(v: Any) -> None:
        if isinstance(v, dict):
            if set(v) == {"$tgap"}:
                out.extend(p for p in v["$tgap"] if isinstance(p, str))
            elif set(v) != {"$gap"}:
                for x in v.values():
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, (str, int, float)) and not isinstance(v, bool):
            out.append(str(v))

    for _, args in sk.calls:
        walk(args)
    return out
