"""What the proxy served, per template node: hits per node, misses per deepest node reached,
and a small rolling log of recent misses with the runtime's reason (for the inspector).

Label sets are bounded: the first ``label_limit`` node ids get their own Prometheus series,
later ones count under ``other`` (a tree of 100,000 templates must not become 100,000 series);
the in-memory counts the inspector reads are bounded the same way. The miss log keeps the
last ``miss_log_size`` misses (0: off), each request kept only up to ``miss_log_body_bytes``
of JSON (longer ones are logged without their messages).

>>> from proxy.metrics import Metrics
>>> u = Usage(Metrics(), label_limit=1, miss_log_size=2)
>>> u.hit("n1"); u.hit("n2"); u.hit("n1")
>>> u.hits
{'n1': 2, 'other': 1}
>>> u.miss("v1", "default", {"messages": []}, "message 1 matches no template", ())
>>> u.miss_counts, [m.reason for m in u.recent()]
({'root': 1}, ['message 1 matches no template'])
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from prometheus_client import Counter

from proxy.metrics import Metrics

OTHER = "other"
ROOT = "root"  # a miss whose first message matched nothing


@dataclass(frozen=True, slots=True)
class MissEntry:
    """One recent miss: when, which tree, the runtime's reason and deepest path, the request."""

    number: int
    at: float
    tree_version: str | None
    namespace: str
    reason: str
    path: tuple[str, ...]
    request: dict[str, Any] | None  # None: too large to keep


class _Bounded:
    """Counts per node id, the first ``limit`` ids apart and the rest as ``other``."""

    def __init__(self, counter: Counter, limit: int) -> None:
        self.counter = counter
        self.limit = limit
        self.counts: dict[str, int] = {}
        self._children: dict[str, Any] = {}
        self._other: Any = None

    def inc(self, node_id: str) -> None:
        child = self._children.get(node_id)
        if child is None:
            if len(self._children) >= self.limit:
                node_id = OTHER
                if self._other is None:
                    self._other = self.counter.labels(OTHER)
                child = self._other
            else:
                child = self._children[node_id] = self.counter.labels(node_id)
        child.inc()
        self.counts[node_id] = self.counts.get(node_id, 0) + 1


class Usage:
    def __init__(self, metrics: Metrics, *, label_limit: int = 1000, miss_log_size: int = 100,
                 miss_log_body_bytes: int = 65536) -> None:
        self._hits = _Bounded(metrics.template_hits, label_limit)
        self._misses = _Bounded(metrics.template_misses, label_limit)
        self.log: deque[MissEntry] = deque(maxlen=max(miss_log_size, 1))
        self.logging = miss_log_size > 0
        self.body_bytes = miss_log_body_bytes
        self._numbers = itertools.count(1)

    @property
    def hits(self) -> dict[str, int]:
        return self._hits.counts

    @property
    def miss_counts(self) -> dict[str, int]:
        return self._misses.counts

    def hit(self, node_id: str) -> None:
        self._hits.inc(node_id)

    def miss(self, tree_version: str | None, namespace: str, request: dict[str, Any], reason: str,
             path: Sequence[str]) -> None:
        """Count a miss under its deepest node and log it (the request kept if small enough)."""
        self._misses.inc(path[-1] if path else ROOT)
        if not self.logging:
            return
        kept: dict[str, Any] | None = request
        try:
            if len(orjson.dumps(request)) > self.body_bytes:
                kept = None
        except (TypeError, orjson.JSONEncodeError):
            kept = None
        self.log.append(MissEntry(next(self._numbers), time.time(), tree_version, namespace, reason,
                                  tuple(path), kept))

    def recent(self) -> list[MissEntry]:
        """The logged misses, newest first."""
        return list(reversed(self.log))

    def entry(self, number: int) -> MissEntry | None:
        return next((m for m in self.log if m.number == number), None)
