"""request-settings: an answer is served only under the request settings it was recorded with.

False hit prevented: an answer recorded without ``stop`` served to a request whose stop
sequence would have cut it short; an answer recorded with a large ``max_tokens`` served
where it may not fit; another model's or ``reasoning_effort``'s answer served as this one's.
Every request setting but sampling knobs, delivery options and token limits is part of what
an answer was recorded under (``induction.hashing.request_key``): each answer keeps the keys
of the calls it was induced from (``ResponseTemplate.request_keys``). Guards
``max_tokens_cut`` and ``stop_sequence``.

Learning side: each answer keeps the keys of its calls (``StoredRecord.request_key``, computed
at ingest as ``settings_keys`` computes them); counted as ``request_settings`` (keys kept on
answers).
Request-time check: a request whose key is not among them misses
(``induction.runtime.lookup.explain``), and so does one whose ``max_tokens`` the answer may
not fit (``induction.runtime.tokens_limit.over_limit``).

>>> a = {"model": "m", "messages": [], "temperature": 0}
>>> settings_keys([a, {**a, "temperature": 1}]) == settings_keys([a])
True
>>> len(settings_keys([a, {**a, "stop": ["\\n"]}]))
2
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from induction.hashing import request_key


def settings_keys(requests: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """The distinct setting keys of the requests an answer was recorded for, sorted."""
    return tuple(sorted({request_key(r) for r in requests}))
