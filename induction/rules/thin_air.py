"""thin-air: an answer the request does not determine is not served for new values.

False hit prevented: a weather report, a haiku, a fortune: a slot of the answer that no
variable in scope explains and no verified derivation computes is knowledge or creativity
(thin air), and answers that differ in structure with no value read to tell them apart are
a branch the request does not decide. Such a node is uncacheable; where some value of its
own repeats, the cluster is split by its new values first, so what repeats can still be
served. Guards ``truncate_title``, ``a_or_an`` (known limits where a derivation fits by
chance) and the default suite's ``haiku`` and ``city_weather``.

Learning side: ``worth_splitting`` and ``why``; counted as ``thin_air_splits`` and
``nodes_uncacheable``. Request time: an uncacheable node answers nothing (its exact-repeat
siblings, ``min-runs``, may).

>>> worth_splitting([["NY"], ["NY"], ["OR"]]), worth_splitting([["NY"], ["OR"]])
(True, False)
>>> why("call[0].state", ["NY", "OR"])
"[rule: thin-air] thin air: call[0].state (['NY', 'OR']…) is not derivable"
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import orjson

from induction.rules import tag


def worth_splitting(keys: Sequence[Sequence[Any]]) -> bool:
    """Whether splitting by these keys (the new values per member) can help: only when some
    value repeats; all-singleton parts would lose the subtree's generality and gain no answer."""
    counts = Counter(orjson.dumps(k) for k in keys)
    return len(counts) > 1 and max(counts.values()) > 1


def why(where: str, values: Sequence[Any]) -> str:
    """The note of a slot no variable or derivation explains."""
    return f"{tag('thin-air')} thin air: {where} ({list(values)[:3]!r}…) is not derivable"
