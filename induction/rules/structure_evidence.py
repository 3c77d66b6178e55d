"""structure-evidence: a repeated word or unused prose is data when the runs show it does not decide.

The structure rules (``enum-values``, ``unused-prose``) are blanket by default; this rule
weighs them against what the runs show (issue 14: evidence decides structure). A gap is data
when every run went on alike (one answer template here, the same kinds of messages
``CONTINUATION_DEPTH`` below) and either the answer copies or computes from it, or it took
enough distinct values, or several values were each seen several times; a gap whose *same*
value went on differently does not decide when another gap tells the runs apart. It adds no
false hit of its own: it frees what the other rules would keep, and never frees marks or
short codes (a grade ``B+``, a size, ``P1``), whose few values say nothing of the others,
unless the answer forwards them whole into a tool call (a route ``SFO``, a project ``web``)
and ``InductionConfig.min_distinct_code`` distinct ones went on alike.
Where no call is answered (``Structure.context_only``), the runs going on alike below stand
in for one answer template: a system prompt's values (the customer's name and email in a
support agent's prompt, its statuses closed) by the messages and answers below it, a model's
own text beside its tool calls ("Let me look that up." before ``get_order``) by the kinds of
results that came back (what follows a result is weighed where the result is read), and the
result of one of parallel calls by the next result (``StoreTree.before_results``: nothing is
answered between them; its statuses are closed, and pinned by the answer they decide). Text
alone before a user's turn is not freed this way: the user's "yes" means what was offered.
Where the answers are tool calls with a sampled model's words beside them, the words are thin
air (never served) and the calls alone are the one answer template the runs are weighed
against (``Answerer.response(calls_only=True)``); those words, in the context of a later call,
are one value (``identifier.COMMENTARY_SHARE``), weighed like any other.
Guards ``letter_grade``, ``roman_numeral_tier`` and ``severity_p`` (codes stay structure),
``commentary_beside_call``, ``commentary_names_region`` (words beside a call that decide
the reply are pinned below) and ``profile_in_system_prompt`` (a tier that decides the fee); ``forwarded_grade`` (four passing grades forwarded alike, a
failing one unseen) is its known limit.

A block of lines of a plain-text result (``line-blocks``) is data where the runs that went on
one way held several distinct blocks (``varies_within``), even where runs went on differently:
each answer below then serves only blocks like its own (``BlockCheck``).

Learning side: ``determines``, ``is_data``, ``each_repeated``, ``varies_within``; counted as
``evidence_data``.
Request time: none.

>>> determines(["a", "a", "b"], [1, 1, 2]), is_data(["shipped", "pending", "lost"], used=False, min_distinct=3)
(True, True)
>>> is_data(["B+", "A", "C-"], used=True, min_distinct=3)
False
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import orjson

from induction.evidence import distinct

CODE_MAX = 3  # values this short are codes (grades, sizes, levels): never data on evidence alone
CONTINUATION_DEPTH = 2  # messages below a node compared to tell runs that branched right after it


def determines(values: Sequence[Any], outcomes: Sequence[Any]) -> bool:
    """Whether each value came with one outcome only (so the value may decide it).

    >>> determines(["a", "a", "b"], [1, 1, 2]), determines(["a", "a", "b"], [1, 2, 2])
    (True, False)
    """
    seen: dict[bytes, Any] = {}
    for v, o in zip(values, outcomes, strict=True):
        key = orjson.dumps(v, default=str)
        if seen.setdefault(key, o) != o:
            return False
    return True


def varies_within(values: Sequence[Any], outcomes: Sequence[Any], n: int) -> bool:
    """Whether the runs of some one outcome held ``n`` or more distinct values: the value
    varied while the outcome stayed. A block of lines unique to each run "determines" the
    outcome only because every value does; this is the evidence that it is not what decides.

    >>> varies_within(["a", "b", "c", "d"], [1, 1, 1, 2], 3), varies_within(["a", "b", "c", "d"], [1, 1, 2, 2], 3)
    (True, False)
    """
    by_outcome: dict[bytes, set[bytes]] = {}
    for v, o in zip(values, outcomes, strict=True):
        by_outcome.setdefault(orjson.dumps(o, default=str), set()).add(orjson.dumps(v, default=str))
    return any(len(vs) >= n for vs in by_outcome.values())


def each_repeated(values: Sequence[Any]) -> bool:
    """Two or more distinct values, each seen at least twice.

    >>> each_repeated(["us", "eu", "us", "eu"]), each_repeated(["us", "eu", "us"]), each_repeated(["us", "us"])
    (True, False, False)
    """
    counts = Counter(orjson.dumps(v, default=str) for v in values)
    return len(counts) >= 2 and min(counts.values()) >= 2


def is_codes(values: Sequence[Any]) -> bool:
    """Whether most distinct values are short codes (``CODE_MAX`` characters or fewer): a
    grade, a size, a project ``web``; one "Amy" among ten greeting names is no category.

    >>> is_codes(["B+", "A", "C-"]), is_codes(["web", "api", "billing"]), is_codes(["Amy", "Michelle", "Todd"])
    (True, True, False)
    """
    seen = {str(v).strip() for v in values}
    return 2 * sum(len(v) <= CODE_MAX for v in seen) > len(seen)


def is_data(values: Sequence[Any], *, used: bool, min_distinct: int, codes: bool = True,
            forwarded: bool = False, min_distinct_code: int = 4) -> bool:
    """Whether a gap whose runs all went on alike is data: the answer reads it (``used``), or
    it took ``min_distinct`` distinct values, or each of several values was seen twice. Short
    codes (``codes``: the values may be codes; not the rest of a list, whose ``]`` is no
    category) need more: the answer forwards them whole into a tool call (``forwarded``: a
    route "SFO", a project "web") and ``min_distinct_code`` distinct ones went on alike.

    >>> is_data(["]", ", 2]", ", 3, 4]"], used=False, min_distinct=3, codes=False)
    True
    >>> codes = ["SFO", "JFK", "MIA", "LHR"]
    >>> is_data(codes, used=True, min_distinct=3, forwarded=True), is_data(codes[:3], used=True, min_distinct=3, forwarded=True)
    (True, False)
    >>> is_data(codes, used=True, min_distinct=3, forwarded=False)
    False
    """
    if codes and is_codes(values):
        return forwarded and distinct(list(values)) >= min_distinct_code
    return used or distinct(list(values)) >= min_distinct or each_repeated(values)
