"""Errors the flows raise on purpose, under rote's one root (``rote.errors``)::

    RoteError
    └── FlowError
        ├── RunInProgressError   another induction or merge run holds the lock (its pid)
        ├── NoRecordsError       nothing to induce from
        ├── UnknownNodeError     ``rote merge`` got an id that names no node
        └── NothingToMergeError  ``rote merge`` on a node with fewer than two children
"""

from __future__ import annotations

from rote.errors import RoteError


class FlowError(RoteError):
    pass


class RunInProgressError(FlowError):
    def __init__(self, lock_path: str, pid: int | None) -> None:
        who = f"pid {pid}" if pid else "pid unknown"
        super().__init__(f"another induction run is in progress ({who}; lock {lock_path}); "
                         "wait for it to finish, then run again")
        self.lock_path = lock_path
        self.pid = pid


class NoRecordsError(FlowError):
    def __init__(self, store_path: str) -> None:
        super().__init__(f"no records to induce from in {store_path}: ingest some first "
                         "(`rote ingest FILE`, or let the proxy record into the spool)")
        self.store_path = store_path


class UnknownNodeError(FlowError):
    def __init__(self, node_id: str, detail: str) -> None:
        super().__init__(f"unknown node {node_id!r}: {detail}")
        self.node_id = node_id


class NothingToMergeError(FlowError):
    def __init__(self, node_id: str, children: int) -> None:
        super().__init__(f"node {node_id} has {children} distinct child message(s); a merge needs at least 2")
        self.node_id = node_id
        self.children = children
