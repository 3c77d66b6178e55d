"""split-by-answer: messages of different events are induced apart, one answer each.

False hit prevented: a template over "VM Started <id>" and "VM Paused <id>" (or over
"Instance spawned" lines) answering one event's line with the other's answer. Where each
answer's messages fit a template that no message of another answer matches, the cluster is
split by answer instead of by every value of the span. Guards the Loghub event lines
(``rote eval loghub``); ``checklist_first_open`` and ``thumbs_skin_tone`` (controls) go through it.

Learning side: ``answer_groups`` (the grouping; ``Inducer._by_answer`` checks that no part's
template matches another part's message); counted as ``answer_splits``. Request time: none
of its own: each part is a template of its own.

>>> answer_groups([{b"E1"}, {b"E2"}, {b"E1"}, {b"E2"}])
[[0, 2], [1, 3]]
>>> answer_groups([{b"E1"}, {b"E1", b"E2"}]) is None, answer_groups([{b"a"}, {b"b"}, {b"c"}]) is None
(True, True)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

MAX_ANSWERS = 64  # more distinct answers than this: answers that copy values, the value split decides


def answer_groups(answers: Iterable[set[bytes]]) -> list[list[int]] | None:
    """Member indexes grouped by their one answer (canonical bytes), or None when a member was
    answered two ways or the answers do not group (one per member, or one for all)."""
    groups: dict[bytes, list[int]] = defaultdict(list)
    n = 0
    for i, mine in enumerate(answers):
        if len(mine) != 1:
            return None  # one message answered two ways: the answer is not the message's
        groups[next(iter(mine))].append(i)
        n += 1
    if len(groups) < 2 or len(groups) > MAX_ANSWERS or 2 * len(groups) > n:
        return None  # answers that copy values differ call by call: the value split decides
    return list(groups.values())
