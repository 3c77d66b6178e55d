"""deciding-value: where the answers differ, the one value that tells them apart is the branch.

False hit prevented: "VM Started <id>" -> E22 and "VM Paused <id>" -> E20 under one template
would answer one with the other's event; a status read further up ("read above") that each
of its values was answered one way would be lost if the answer were generalised over it.
Where exactly one variable has one answer per value (some value seen twice, more than one
answer in all), the cluster is split by it; the others stay data in each part. Where the
answers copy different things (the failed job's id, from one job or another) so that no
variable has one answer per value, a variable of few repeated values under each of which
the answers of every part seen twice fit one template is the branch
(``Inducer._answerable_split``: it only adds structure, each part induced with all its
checks). Numbers no answer reads (``unread-values``) wait until no value decides: split by
them first, the parts would be too small to show it. Guards the Loghub event lines
(``rote eval loghub``), ``http_status_route`` and ``code_behind_enum``.

Learning side: ``deciding``; counted as ``branch_splits``. Request time: none of its own:
each value is literal text of its own part.

>>> deciding({"state": ["up", "down", "up"], "id": ["7", "8", "9"]}, [{b"ok"}, {b"alert"}, {b"ok"}])
'state'
>>> deciding({"id": ["7", "8"]}, [{b"ok"}, {b"alert"}]) is None
True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import orjson


def deciding(columns: Mapping[str, Sequence[Any]], answers: Sequence[set[bytes]]) -> str | None:
    """The one variable (``columns``: its value per member) whose values each came with a
    single answer (``answers``: the canonical answers per member), more than one answer in
    all and some value seen twice, if exactly one does."""
    found = []
    for var, values in columns.items():
        by_value: dict[bytes, set[bytes]] = defaultdict(set)
        counts: Counter[bytes] = Counter()
        for value, mine in zip(values, answers, strict=True):
            key = orjson.dumps(value, default=str)
            counts[key] += 1
            by_value[key].update(mine)
        every = set().union(*by_value.values()) if by_value else set()
        if (len(every) > 1 and all(len(a) == 1 for a in by_value.values())
                and max(counts.values()) > 1 and len(by_value) < len(values)):
            found.append(var)
    return found[0] if len(found) == 1 else None
