"""Feedback on served hits: ``ok: false`` disables the template path at once.

A hit's response id names its node (``chatcmpl-rote-<node_id>-<nonce>``), so
any worker can act on feedback, even for a hit another worker served or one
served before a restart, without keeping a log of hits; the path for the
induction report is read off the tree being served. Disabled nodes are
kept per namespace in ``$ROTE_HOME/proxy/disabled.jsonl``, shared by all workers
(each re-reads it on its reload tick) and kept across restarts: a template
reported wrong stays off until the operator turns it back on (``rote feedback
enable NODE``, which appends an ``"enabled": true`` line: the file is a log, and
the last line for a node decides) or removes its lines.

>>> rid = ResponseIds()("0f" * 16)
>>> node_of(rid) == "0f" * 16, node_of("chatcmpl-abc")
(True, None)
"""

from __future__ import annotations

import itertools
import logging
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import anyio.to_thread
import orjson
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from proxy.callers import Gate
from proxy.errors import ProxyError
from proxy.metrics import Metrics
from proxy.recording import FeedbackRecord
from proxy.reload import TreeHolder, node_path
from proxy.spool import SpoolWriter
from proxy.validate import read_body

log = logging.getLogger("rote.proxy.feedback")

ID_PREFIX = "chatcmpl-rote-"


class ResponseIds:
    """Ids for hits: the node, then a per-process random prefix and a counter (no syscall per hit)."""

    def __init__(self) -> None:
        self._prefix = secrets.token_hex(4)
        self._count = itertools.count(1)

    def __call__(self, node_id: str) -> str:
        return f"{ID_PREFIX}{node_id}-{self._prefix}{next(self._count):x}"


def node_of(response_id: str) -> str | None:
    if not response_id.startswith(ID_PREFIX):
        return None
    node, sep, _ = response_id[len(ID_PREFIX):].rpartition("-")
    return node if sep and node else None


DISABLED_FILE = "disabled.jsonl"


def disabled_path(state_dir: str | Path) -> Path:
    """The shared file of disabled nodes under the proxy's state directory (``$ROTE_HOME/proxy``).

    >>> disabled_path("/srv/rote/proxy").as_posix()
    '/srv/rote/proxy/disabled.jsonl'
    """
    return Path(state_dir) / DISABLED_FILE


def append_entry(path: Path, entry: dict[str, object]) -> None:
    """Blocking: append one line and fsync. One ``write`` of a short line on an O_APPEND file:
    workers and the CLI appending at once do not interleave."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "ab") as f:
        f.write(orjson.dumps(entry) + b"\n")
        f.flush()
        os.fsync(f.fileno())


def read_disabled(path: Path) -> dict[tuple[str, str], dict[str, object]]:
    """(namespace, node id) -> the line that disabled it, for every node disabled now.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / DISABLED_FILE
    >>> append_entry(p, {"namespace": "default", "node_id": "n1", "at": 1.0})
    >>> append_entry(p, {"namespace": "default", "node_id": "n2", "at": 2.0})
    >>> append_entry(p, {"namespace": "default", "node_id": "n1", "enabled": True, "at": 3.0})
    >>> list(read_disabled(p))
    [('default', 'n2')]
    """
    out: dict[tuple[str, str], dict[str, object]] = {}
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return out
    for line in raw.splitlines():
        try:
            entry = orjson.loads(line)
            key = (str(entry["namespace"]), str(entry["node_id"]))
        except (orjson.JSONDecodeError, KeyError, TypeError):
            continue  # a torn last line from a writer mid-append
        if entry.get("enabled") is True:
            out.pop(key, None)
        else:
            out[key] = entry
    return out


def enable_node(path: Path, node_id: str, namespace: str | None = None) -> list[str]:
    """Turn a disabled node back on (in ``namespace``, or in every namespace it is disabled in);
    the namespaces it was re-enabled in (empty: it was not disabled). Workers pick it up on
    their next reload tick.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / DISABLED_FILE
    >>> append_entry(p, {"namespace": "team-a", "node_id": "n1", "at": 1.0})
    >>> enable_node(p, "n1"), enable_node(p, "n1"), read_disabled(p)
    (['team-a'], [], {})
    """
    namespaces = sorted(ns for ns, node in read_disabled(path) if node == node_id
                        and (namespace is None or ns == namespace))
    for ns in namespaces:
        append_entry(path, {"namespace": ns, "node_id": node_id, "enabled": True, "at": time.time()})
    return namespaces


@dataclass(frozen=True, slots=True)
class ServedHit:
    node_id: str
    path: tuple[str, ...]
    namespace: str
    tree_version: str | None


class DisabledNodes:
    """Node ids that must not be served, per namespace, as ``disabled.jsonl`` says (plus what
    this worker disabled and has not written yet)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._by_namespace: dict[str, set[str]] = {}
        self._pending: set[tuple[str, str]] = set()  # added in memory, not yet in the file
        self._seen_size = -1
        self._lock = threading.Lock()  # add/persist (event loop) vs refresh (a thread); get takes no lock

    def get(self, namespace: str) -> set[str] | None:
        return self._by_namespace.get(namespace)

    def add(self, namespace: str, node_id: str) -> None:
        """In memory: takes effect for the next request of this worker."""
        with self._lock:
            self._by_namespace.setdefault(namespace, set()).add(node_id)
            self._pending.add((namespace, node_id))

    def persist(self, namespace: str, node_id: str, response_id: str, comment: str | None = None) -> None:
        """Blocking: append to the shared file so other workers and restarts see it."""
        entry: dict[str, object] = {"namespace": namespace, "node_id": node_id, "response_id": response_id,
                                    "at": time.time()}
        if comment:
            entry["comment"] = comment
        append_entry(self.path, entry)
        with self._lock:
            self._pending.discard((namespace, node_id))

    def refresh(self) -> None:
        """Blocking: take in what other workers and ``rote feedback enable`` changed since the last read."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            size = -1
        if size == self._seen_size:
            return
        # Pending adds are taken before the file is read: one persisted in between is then in
        # either, never lost for a tick.
        with self._lock:
            pending = set(self._pending)
        merged: dict[str, set[str]] = {}
        for ns, node in read_disabled(self.path):
            merged.setdefault(ns, set()).add(node)
        with self._lock:
            for ns, node in pending | self._pending:
                merged.setdefault(ns, set()).add(node)
            self._by_namespace = merged
            self._seen_size = size


class FeedbackEndpoint:
    """``POST /v1/rote/feedback`` ``{"id": <hit response id>, "ok": bool, "comment"?: str}``."""

    def __init__(self, *, gate: Gate, holder: TreeHolder, disabled: DisabledNodes,
                 spool: SpoolWriter, metrics: Metrics, max_body_bytes: int) -> None:
        self.gate = gate
        self.holder = holder
        self.disabled = disabled
        self.spool = spool
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes

    async def __call__(self, request: Request) -> Response:
        try:
            caller = self.gate.identify(request.headers)
            body = await read_body(request.receive, self.max_body_bytes, request.headers.get("content-length"))
            rid, ok, comment = _parse(body)
            served = self._resolve(rid, caller.namespace)
        except ProxyError as e:
            return Response(e.body(), e.status, {"x-cache": "BYPASS"}, media_type="application/json")
        except ClientDisconnect:
            log.info("client.disconnected", extra={"where": "feedback"})
            return Response(status_code=499)  # no one is there to read it
        if not ok:
            self.disabled.add(served.namespace, served.node_id)
            await anyio.to_thread.run_sync(self.disabled.persist, served.namespace, served.node_id, rid, comment)
            log.warning("feedback.disabled", extra={"namespace": served.namespace, "node_id": served.node_id,
                                                    "response_id": rid})
        self.metrics.feedback.labels("true" if ok else "false").inc()
        self.spool.submit(FeedbackRecord(rid, served.node_id, served.path, ok, served.namespace, comment,
                                         time.time(), served.tree_version))
        body = orjson.dumps({"id": rid, "node_id": served.node_id, "ok": ok, "disabled": not ok})
        return Response(body, 200, {"x-cache": "BYPASS"}, media_type="application/json")

    def _resolve(self, rid: str, namespace: str) -> ServedHit:
        unknown = ProxyError(404, f"no cached response with id {rid!r} in this namespace", param="id",
                             code="unknown_response_id")
        node = node_of(rid)
        if node is None:
            raise unknown
        tree = self.holder.current
        path: tuple[str, ...] = (node,)
        if tree is not None:
            try:
                path, node_namespace = node_path(tree.runtime, node)
            except KeyError:
                pass  # served by an older tree: disabling it in the caller's own namespace is harmless
            else:
                if node_namespace != namespace:
                    raise unknown
        return ServedHit(node, path, namespace, tree.version if tree else None)


def _parse(body: bytes) -> tuple[str, bool, str | None]:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as e:
        raise ProxyError(400, f"the body is not valid JSON ({e.msg})") from None
    if not isinstance(data, dict):
        raise ProxyError(400, "the body must be a JSON object")
    rid = data.get("id", data.get("response_id"))
    if not isinstance(rid, str) or not rid:
        raise ProxyError(400, "'id' (the response id of a cached answer) is required", param="id")
    ok = data.get("ok")
    if not isinstance(ok, bool):
        raise ProxyError(400, "'ok' must be true or false", param="ok")
    comment = data.get("comment")
    if comment is not None and not isinstance(comment, str):
        raise ProxyError(400, "'comment' must be a string", param="comment")
    return rid, ok, comment
