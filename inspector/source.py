"""Where the inspector reads from: the tree being served (inside a proxy) or the current
published version (``rote ui``), the notes published beside it, and the proxy's counters.

>>> import tempfile
>>> src = TreeSource(tempfile.mkdtemp())
>>> src.current() is None
True
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from induction.publish import Publisher
from induction.runtime.compiled import CompiledTree

if TYPE_CHECKING:
    from proxy.reload import TreeHolder
    from proxy.usage import Usage

NOTES_FILE = "notes.json"


@dataclass(frozen=True, slots=True)
class Published:
    """A version's tree and the reasons induction gave per node."""

    version: str
    tree: CompiledTree
    notes: Mapping[str, list[str]]
    # node -> variable -> {"distinct": n, "examples": [...]} (``inspector.values``; empty if not published)
    values: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)


def read_values(publisher: Publisher, version: str) -> dict[str, Any]:
    """The ``values.json`` published beside a version (empty for versions published without)."""
    from inspector.values import VALUES_FILE

    data = publisher.read_file(version, VALUES_FILE)
    try:
        doc = orjson.loads(data) if data else {}
    except orjson.JSONDecodeError:
        return {}
    return doc if isinstance(doc, dict) else {}


def read_notes(publisher: Publisher, version: str) -> dict[str, list[str]]:
    """The ``notes.json`` published beside a version (empty for versions published without)."""
    data = publisher.read_file(version, NOTES_FILE)
    if not data:
        return {}
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        return {}
    return {str(k): [str(x) for x in v] for k, v in doc.items() if isinstance(v, list)} if isinstance(doc, dict) else {}


class TreeSource:
    """The current tree (the proxy's, when ``holder`` is given, else the published ``current``),
    and any other published version, loaded on demand (the last few kept)."""

    def __init__(self, url: str, holder: TreeHolder | None = None, usage: Usage | None = None,
                 keep: int = 3) -> None:
        self.publisher = Publisher(url)
        self.holder = holder
        self.usage = usage
        self.keep = keep
        self._cache: dict[str, Published] = {}
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.publisher.url

    def current(self) -> Published | None:
        """What is served now (inside a proxy) or published as current; None if nothing is."""
        if self.holder is not None:
            loaded = self.holder.current
            if loaded is None or not isinstance(loaded.runtime, CompiledTree):
                return None
            return self._with_notes(loaded.version, loaded.runtime)
        version = self.publisher.current()
        return None if version is None else self.version(version)

    def version(self, version: str) -> Published:
        """A published version (``PublishError`` if it is not there or broken)."""
        with self._lock:
            hit = self._cache.get(version)
        if hit is not None:
            return hit
        tree = CompiledTree.from_bytes(self.publisher.read_tree(version))
        return self._with_notes(version, tree)

    def _with_notes(self, version: str, tree: CompiledTree) -> Published:
        with self._lock:
            hit = self._cache.get(version)
            if hit is not None and hit.tree is tree:
                return hit
        out = Published(version, tree, read_notes(self.publisher, version), read_values(self.publisher, version))
        with self._lock:
            self._cache[version] = out
            while len(self._cache) > self.keep:
                self._cache.pop(next(iter(self._cache)))
        return out

    def hits(self) -> dict[str, int] | None:
        return dict(self.usage.hits) if self.usage is not None else None

    def stats(self) -> dict[str, Any]:
        """Hit and miss totals since the proxy started (empty without a proxy)."""
        if self.usage is None:
            return {}
        hits = sum(self.usage.hits.values())
        misses = sum(self.usage.miss_counts.values())
        rate = hits / (hits + misses) if hits + misses else None
        return {"hits": hits, "misses": misses, "hit_rate": rate}
