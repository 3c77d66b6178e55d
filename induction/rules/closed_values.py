"""closed-values: a status every run went on alike with is a slot that serves only the values seen.

False hit prevented: the answer learned for the statuses training saw served for one it never
saw (``P2`` and ``P3`` ticketed, so ``P1`` ticketed too, where it pages). ``enum-values``,
``unused-prose`` and short codes (``structure-evidence``) keep such a value as structure when
the runs are too few to call it data; splitting the cluster by it then splits everything below
too: a project name (``web``, ``api``) that no answer turns on leaves each project's runs to
show on their own what a pipeline's status decides, and each sees too few. Where every run
went on alike (one answer template here, the same continuation below), the value is instead a
**closed** slot: each answer at or below it that has it in scope records the values its own
calls were seen with (``ResponseTemplate.choices``) and serves only those. An answer that
differs by it is split where it differs (``deciding-value``, read above), and each part is
pinned to its values. So nothing is served for a value an answer was not seen with, as when
the cluster was split; only the evidence of the values that went on alike is pooled.

Guards ``frozen_project`` (the one project that decides, seldom seen, is never served the
others' answer), ``roman_numeral_tier`` (an unseen tier), ``code_behind_enum`` (exit codes
weighed across regions) and ``name_case_normalised`` (beside ``trailing_space_name``: one
greeting's runs cannot tell a copy from capitalising, whatever the other greeting's show).
Only ``enum-values`` gaps are closed: free text seen a few times (``unused-prose``) is no
vocabulary, and marks (``marks``) stay structure: a board's few runs cannot show what a cell
decides. A status that is data by evidence (three values, or two each seen twice, all going on
alike) is closed too when no answer reads or repeats it: its few values say nothing of a status
no run showed (a reviewer's ``third_status_in_test``, ``docs/review/traps``).

Learning side: ``choices`` (of the members' ``Member.closed`` variables) and
``value_groups``: an explanation of an answer's value (a copy, a derivation) that fits one
value's calls alone stays a rival (``rivals``), whatever the other values' calls rule out;
counted as ``closed_gaps``. Request time: ``induction.runtime.lookup.chosen``: a value outside the
recorded choices is a miss.

>>> choices([{"project": "web", "mr": 1}, {"project": "api", "mr": 2}, {"project": "web", "mr": 3}], {"project"})
{'project': ('api', 'web')}
>>> choices([{"project": "web"}, {"project": "web"}], {"project"})
{}
>>> value_groups([{"p": "web"}, {"p": "api"}, {"p": "web"}], {"p": ("api", "web")})
[[0, 2], [1]]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson


def choices(scopes: Sequence[Mapping[str, Any]], closed: Iterable[str]) -> dict[str, tuple[Any, ...]]:
    """The distinct values (sorted by their JSON) of each closed variable that every call
    in ``scopes`` has, where it took more than one (one value is a pin: ``context-bound``)."""
    out: dict[str, tuple[Any, ...]] = {}
    for var in sorted(closed):
        if not scopes or any(var not in sc for sc in scopes):
            continue
        seen = {orjson.dumps(sc[var], default=str): sc[var] for sc in scopes}
        if len(seen) > 1:
            out[var] = tuple(seen[k] for k in sorted(seen))
    return out


def value_groups(scopes: Sequence[Mapping[str, Any]], chosen: Mapping[str, Any]) -> list[list[int]]:
    """The calls (indices of ``scopes``) grouped by their values of the variables ``chosen``
    (first seen first); no groups when nothing was chosen."""
    if not chosen:
        return []
    groups: dict[bytes, list[int]] = {}
    for i, sc in enumerate(scopes):
        groups.setdefault(orjson.dumps([sc[v] for v in sorted(chosen)], default=str), []).append(i)
    return list(groups.values())
