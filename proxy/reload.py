"""The tree being served, and the watcher that swaps in newly published versions.

A request reads ``holder.current`` once and keeps that reference to the end, so a
swap never disturbs a request in flight. A version that cannot be read or
compiled (bad hash, half-written, malformed) is refused, logged and retried only
after ``reload_retry_seconds``; the old tree keeps serving.

A loaded tree is moved out of the garbage collector's generations (``gc.freeze``):
a full collection walks every tracked object, and a 10,000-template tree is some
360,000 of them (0.23–0.36 s per full collection on the dev box, ~2.5 s at 100,000),
a pause every request in flight would wait for. Frozen, it is ~0 ms. A replaced
tree is freed by reference counting (a compiled tree has no cycles); install runs
no full collection, which would be the very pause freezing avoids.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import anyio
import anyio.to_thread

from induction.publish import Publisher
from proxy.metrics import Metrics

log = logging.getLogger("rote.proxy.reload")


class HitLike(Protocol):
    @property
    def node_id(self) -> str: ...
    @property
    def path(self) -> Sequence[str]: ...
    @property
    def bindings(self) -> Mapping[str, Any]: ...
    @property
    def response(self) -> dict[str, Any]: ...


class NodeLike(Protocol):
    @property
    def parent(self) -> str | None: ...
    @property
    def namespace(self) -> str: ...


class TreeRuntime(Protocol):
    """What the proxy needs of a compiled tree (``induction.runtime.compiled.CompiledTree``)."""

    def lookup(self, request: dict[str, Any], namespace: str = "default",
               disabled: set[str] | None = None) -> HitLike | None: ...

    def node(self, node_id: str) -> NodeLike:
        """The node with this id; KeyError if there is none."""


def node_path(tree: TreeRuntime, node_id: str) -> tuple[tuple[str, ...], str]:
    """(ids from the namespace root down to ``node_id``, its namespace); KeyError if unknown."""
    node = tree.node(node_id)
    path = [node_id]
    parent = node.parent
    while parent is not None:
        path.append(parent)
        parent = tree.node(parent).parent
    return tuple(reversed(path)), node.namespace


TreeLoader = Callable[[bytes], TreeRuntime]


def compiled_tree_loader(data: bytes) -> TreeRuntime:
    from induction.runtime.compiled import CompiledTree

    tree = CompiledTree.from_bytes(data)
    tree.warm()  # compile every pattern now, off the event loop, not on the first requests
    runtime: TreeRuntime = tree
    return runtime


@dataclass(frozen=True, slots=True)
class LoadedTree:
    version: str
    runtime: TreeRuntime


class TreeHolder:
    def __init__(self, url: str, metrics: Metrics, *, loader: TreeLoader = compiled_tree_loader,
                 retry_seconds: float = 30.0, freeze_gc: bool = True) -> None:
        """``freeze_gc``: ``gc.freeze()`` after each install (the whole process's objects, not
        only the tree's: right for a server process, wrong for one that hosts it among others)."""
        self.publisher = Publisher(url)
        self.freeze_gc = freeze_gc
        self.metrics = metrics
        self.loader = loader
        self.retry_seconds = retry_seconds
        self.current: LoadedTree | None = None
        # The version ``current`` named at the last poll (None: nothing published, or not read yet).
        self.published: str | None = None
        self._refused: dict[str, float] = {}

    @property
    def version(self) -> str | None:
        return self.current.version if self.current else None

    def poll(self) -> LoadedTree | None:
        """Blocking (run it in a thread): the newly published tree, if ``current`` moved and it loads."""
        try:
            version = self.publisher.current()
        except OSError:
            log.exception("tree.current_unreadable", extra={"url": self.publisher.url})
            return None
        self.published = version
        if version is None or version == self.version:
            return None
        refused = self._refused.get(version)
        if refused is not None and time.monotonic() - refused < self.retry_seconds:
            return None
        try:
            runtime = self.loader(self.publisher.read_tree(version))
        except Exception as e:
            # Whatever is wrong with the new version, the old tree keeps serving.
            self._refused[version] = time.monotonic()
            self.metrics.tree_reloads.labels("refused").inc()
            log.error("tree.refused", extra={"version": version, "kept": self.version,
                                             "error": f"{type(e).__name__}: {e}"})
            return None
        return LoadedTree(version, runtime)

    def install(self, tree: LoadedTree) -> None:
        previous = self.version
        self.current = tree
        self._refused.pop(tree.version, None)
        if self.freeze_gc:
            # Unfreeze first, so what was frozen with the previous tree is collectable again
            # once unused; collect the young generations (cheap) so little garbage is frozen.
            gc.unfreeze()
            gc.collect(1)
            gc.freeze()
        self.metrics.tree_reloads.labels("loaded").inc()
        self.metrics.tree.info({"version": tree.version})
        log.info("tree.loaded", extra={"version": tree.version, "previous": previous})

    async def load(self) -> None:
        tree = await anyio.to_thread.run_sync(self.poll)
        if tree is not None:
            self.install(tree)

    async def watch(self, interval: float, also: Sequence[Callable[[], None]] = ()) -> None:
        """Poll forever (cancel to stop); ``also`` are other blocking refreshes run each round."""
        while True:
            await anyio.sleep(interval)
            await self.load()
            for refresh in also:
                await anyio.to_thread.run_sync(refresh)
