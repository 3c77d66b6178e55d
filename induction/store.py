"""The trajectory store: recorded calls, messages (each distinct one kept once) and
tree nodes, in one DuckDB file under ``$ROTE_HOME``.

Append-only contexts mean a run's records repeat their prefixes; the store keeps
each distinct message once (by canonical hash) and each record as a pointer to
the tree node its context ends at, plus the response. Every record carries a
namespace (tenant) and trees are per namespace.

>>> import tempfile, pathlib
>>> with Store.open(pathlib.Path(tempfile.mkdtemp()) / "s.duckdb") as s:
...     s.stats()["records"]
0
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import orjson

from induction.hashing import request_key
from rote.errors import StoreError, StoreLockedError

SCHEMA_VERSION = 1

# Each entry migrates from version i to i+1; the store applies what is missing.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE IF NOT EXISTS messages (
        hash VARCHAR PRIMARY KEY,
        role VARCHAR NOT NULL,
        body VARCHAR NOT NULL,        -- the message as first seen (JSON)
        canonical VARCHAR NOT NULL,   -- what the hash is computed over (JSON)
        bytes INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS nodes (
        node_id VARCHAR PRIMARY KEY,
        namespace VARCHAR NOT NULL,
        parent_id VARCHAR,            -- NULL for a first message
        message_hash VARCHAR NOT NULL,
        depth INTEGER NOT NULL,       -- 0 for a first message
        role VARCHAR NOT NULL,
        records INTEGER NOT NULL,     -- records whose context or response passes through
        responses INTEGER NOT NULL,   -- records answered by this message
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL
    );
    CREATE TABLE IF NOT EXISTS records (
        record_id VARCHAR PRIMARY KEY,
        namespace VARCHAR NOT NULL,
        context_node_id VARCHAR NOT NULL,
        response_node_id VARCHAR NOT NULL,
        request_key VARCHAR NOT NULL,
        model VARCHAR,
        n_messages INTEGER NOT NULL,
        params VARCHAR NOT NULL,      -- the request without messages (JSON)
        response VARCHAR NOT NULL,    -- the chat.completion body (JSON)
        bindings VARCHAR,             -- user-declared bindings (JSON) or NULL
        source VARCHAR,
        seq BIGINT NOT NULL,          -- ingest order, for incremental induction
        ingested_at TIMESTAMP NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ingested_sources (
        source VARCHAR PRIMARY KEY,   -- a spool segment or file, ingested exactly once
        records INTEGER NOT NULL,
        ingested_at TIMESTAMP NOT NULL
    );
    CREATE TABLE IF NOT EXISTS kv (key VARCHAR PRIMARY KEY, value VARCHAR);
    """,
)


SNAPSHOT_SUFFIX = ".stats.json"
# How long ingest and induction wait for a store another process holds (seconds).
STORE_WAIT_ENV = "ROTE_STORE_WAIT"
DEFAULT_STORE_WAIT = 600.0


def store_wait(env: dict[str, str] | None = None) -> float:
    """``$ROTE_STORE_WAIT`` (seconds) or the default; read at entry points and passed down.

    >>> store_wait({"ROTE_STORE_WAIT": "2.5"}), store_wait({})
    (2.5, 600.0)
    """
    env = dict(os.environ) if env is None else env
    raw = env.get(STORE_WAIT_ENV)
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_STORE_WAIT
    except ValueError:
        raise StoreError(f"{STORE_WAIT_ENV}={raw!r} is not a number of seconds") from None
_HOLDER = re.compile(r"Conflicting lock is held in (?P<exe>.*?) \(PID (?P<pid>\d+)\)")


def lock_holder(message: str) -> str:
    """Who holds the store, from DuckDB's lock error: the pid and its command line.

    >>> lock_holder('... Conflicting lock is held in /usr/bin/python3 (PID 4194999). See ...')
    'pid 4194999 (/usr/bin/python3)'
    """
    m = _HOLDER.search(message)
    if m is None:
        return "another process"
    pid = m.group("pid")
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        cmd = ""
    if cmd:
        # `python .../bin/rote ingest x.jsonl` reads better as `rote ingest x.jsonl`.
        words = cmd.split()
        if len(words) > 1 and words[1].endswith("/rote"):
            cmd = " ".join(["rote", *words[2:]])
    return f"pid {pid} ({cmd[:120] or m.group('exe')})"


def snapshot_path(store_path: str | Path) -> Path:
    return Path(f"{store_path}{SNAPSHOT_SUFFIX}")


def write_snapshot(store_path: str | Path, stats: dict[str, Any]) -> None:
    """Keep ``stats`` beside the store (atomically), stamped with the time it was taken."""
    target = snapshot_path(store_path)
    tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    tmp.write_bytes(orjson.dumps({**stats, "as_of": datetime.now(UTC).isoformat()}))
    os.replace(tmp, target)


def read_snapshot(store_path: str | Path) -> dict[str, Any] | None:
    """The counts the last writer left when it closed the store, or None."""
    try:
        data = orjson.loads(snapshot_path(store_path).read_bytes())
    except (FileNotFoundError, orjson.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """A record as induction sees it: the full context rebuilt from the tree."""

    record_id: str
    namespace: str
    messages: list[dict[str, Any]]
    node_ids: list[str]  # tree node of each context message
    response: dict[str, Any]
    response_node_id: str
    params: dict[str, Any]
    request_key: str
    bindings: dict[str, Any]
    seq: int

    @property
    def response_message(self) -> dict[str, Any]:
        msg: dict[str, Any] = self.response["choices"][0]["message"]
        return msg


class Store:
    """A DuckDB-backed trajectory store. One writer process at a time (DuckDB's rule)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, writer: bool = False) -> None:
        self.con = con
        self.path = path
        self.writer = writer

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, wait: float = 0.0,
             on_wait: Callable[[str], None] | None = None) -> Store:
        """Open the store; while another process holds it (DuckDB allows one writer, and no
        reader beside it), retry for up to ``wait`` seconds, telling ``on_wait`` once who holds
        it. ``StoreLockedError`` (naming the holder) when it is still held after that.

        >>> import tempfile, pathlib
        >>> with Store.open(pathlib.Path(tempfile.mkdtemp()) / "s.duckdb", wait=5) as s:
        ...     s.path.endswith("s.duckdb")
        True
        """
        path = str(path)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if read_only and path != ":memory:" and not Path(path).exists():
            read_only = False  # nothing to protect yet: create it
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                con = duckdb.connect(path, read_only=read_only)
                break
            except duckdb.IOException as e:
                if "lock" not in str(e).lower():
                    raise StoreError(f"cannot open store {path}: {e}") from e
                holder = lock_holder(str(e))
                left = deadline - time.monotonic()
                if left <= 0:
                    waited = f"; waited {wait:.0f} s" if wait else ""
                    raise StoreLockedError(path, f"held by {holder}{waited}") from e
                if on_wait is not None and not told:
                    on_wait(f"the store {path} is held by {holder}; waiting up to {wait:.0f} s for it")
                    told = True
                time.sleep(min(0.25, left))
        store = cls(con, path, writer=not read_only)
        if not read_only:
            store.migrate()
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self.writer and self.path != ":memory:":
            # What `rote stats` shows while the next writer holds the file.
            with contextlib.suppress(duckdb.Error, OSError):
                write_snapshot(self.path, self.stats())
        with contextlib.suppress(duckdb.Error):
            self.con.close()

    # -- schema ------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"store {self.path} has schema {current}, newer than this rote ({SCHEMA_VERSION})")
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        for version in range(current, SCHEMA_VERSION):
            self.con.execute("BEGIN")
            self.con.execute(MIGRATIONS[version])
            self.con.execute("INSERT INTO schema_version VALUES (?, now())", [version + 1])
            self.con.execute("COMMIT")

    # -- key/value bookkeeping (e.g. the last induced seq) ----------------------
    def get_kv(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM kv WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_kv(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO kv VALUES (?, ?)", [key, value])

    # -- reading -------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts for ``rote stats``: records, messages, nodes, runs, namespaces.

        A run is a distinct trajectory: a record whose response no later record
        of the same run continues from."""
        def q(sql: str) -> int:
            row = self.con.execute(sql).fetchone()
            return int(row[0]) if row else 0

        return {
            "records": q("SELECT count(*) FROM records"),
            "messages": q("SELECT count(*) FROM messages"),
            "nodes": q("SELECT count(*) FROM nodes"),
            "runs": q(
                "SELECT count(DISTINCT r.response_node_id) FROM records r "
                "WHERE NOT EXISTS (SELECT 1 FROM nodes n WHERE n.parent_id = r.response_node_id)"
            ),
            "namespaces": q("SELECT count(DISTINCT namespace) FROM records"),
            "message_bytes": q("SELECT coalesce(sum(bytes), 0) FROM messages"),
            "schema_version": self.schema_version(),
        }

    def namespaces(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT DISTINCT namespace FROM nodes ORDER BY 1").fetchall()]

    def max_seq(self) -> int:
        row = self.con.execute("SELECT coalesce(max(seq), 0) FROM records").fetchone()
        return int(row[0]) if row else 0

    def resolve_node(self, prefix: str) -> str:
        """A full node id from a unique prefix (as printed by ``rote tree``)."""
        rows = self.con.execute(
            "SELECT node_id FROM nodes WHERE starts_with(node_id, ?) LIMIT 2", [prefix]
        ).fetchall()
        if not rows:
            raise StoreError(f"no node with id {prefix!r}")
        if len(rows) > 1:
            raise StoreError(f"node id prefix {prefix!r} is ambiguous; give more characters")
        return str(rows[0][0])

    def iter_records(self, namespace: str | None = None, since_seq: int = 0) -> Iterator[StoredRecord]:
        """Records (optionally of one namespace, newer than ``since_seq``), contexts rebuilt."""
        where, args = ["seq > ?"], [since_seq]
        if namespace is not None:
            where.append("namespace = ?")
            args.append(namespace)  # type: ignore[arg-type]
        rows = self.con.execute(
            "SELECT record_id, namespace, context_node_id, response_node_id, params, response, bindings, "
            f"request_key, seq FROM records WHERE {' AND '.join(where)} ORDER BY seq",
            args,
        ).fetchall()
        if not rows:
            return
        parents, hashes = self._node_index(namespace)
        bodies = self._message_bodies()
        for rid, ns, ctx, resp_node, params, response, bindings, rkey, seq in rows:
            ids: list[str] = []
            node: str | None = ctx
            while node is not None:
                ids.append(node)
                node = parents[node]
            ids.reverse()
            yield StoredRecord(
                record_id=rid,
                namespace=ns,
                messages=[bodies[hashes[i]] for i in ids],
                node_ids=ids,
                response=orjson.loads(response),
                response_node_id=resp_node,
                params=(params_obj := orjson.loads(params)),
                # From the stored settings, not the column: keys follow the current
                # definition (``hashing.request_key``) without a re-ingest.
                request_key=request_key(params_obj) if isinstance(params_obj, dict) else rkey,
                bindings=orjson.loads(bindings) if bindings else {},
                seq=seq,
            )

    def _node_index(self, namespace: str | None) -> tuple[dict[str, str | None], dict[str, str]]:
        sql = "SELECT node_id, parent_id, message_hash FROM nodes"
        rows = self.con.execute(sql + (" WHERE namespace = ?" if namespace else ""),
                                [namespace] if namespace else []).fetchall()
        return {r[0]: r[1] for r in rows}, {r[0]: r[2] for r in rows}

    def _message_bodies(self) -> dict[str, dict[str, Any]]:
        return {h: orjson.loads(b) for h, b in self.con.execute("SELECT hash, body FROM messages").fetchall()}

    def node(self, node_id: str) -> dict[str, Any]:
        cur = self.con.execute(
            "SELECT n.node_id, n.namespace, n.parent_id, n.depth, n.role, n.records, n.responses, "
            "n.first_seen, n.last_seen, m.body, "
            "(SELECT count(*) FROM nodes c WHERE c.parent_id = n.node_id) AS children "
            "FROM nodes n JOIN messages m ON m.hash = n.message_hash WHERE n.node_id = ?",
            [node_id],
        )
        row = cur.fetchone()
        if row is None:
            raise StoreError(f"no node {node_id}")
        cols = [d[0] for d in cur.description]
        out = dict(zip(cols, row, strict=True))
        out["body"] = orjson.loads(out["body"])
        return out

    def children(self, parent_id: str | None, namespace: str | None = None) -> list[dict[str, Any]]:
        """Child nodes with their message bodies, most-used first."""
        if parent_id is None:
            cond, args = "n.parent_id IS NULL" + (" AND n.namespace = ?" if namespace else ""), (
                [namespace] if namespace else []
            )
        else:
            cond, args = "n.parent_id = ?", [parent_id]
        cur = self.con.execute(
            "SELECT n.node_id, n.namespace, n.depth, n.role, n.records, n.responses, m.body, "
            "(SELECT count(*) FROM nodes c WHERE c.parent_id = n.node_id) AS children "
            f"FROM nodes n JOIN messages m ON m.hash = n.message_hash WHERE {cond} "
            "ORDER BY n.records DESC, n.first_seen, n.node_id",
            args,
        )
        cols = [d[0] for d in cur.description]
        out = []
        for row in cur.fetchall():
            d = dict(zip(cols, row, strict=True))
            d["body"] = orjson.loads(d["body"])
            out.append(d)
        return out
