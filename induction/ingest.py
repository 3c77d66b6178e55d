"""Ingest JSON Lines records into the store: fast, idempotent, and tolerant of bad lines.

Each line is ``{"request": {...}, "response": {...}}`` (other keys ignored; the
proxy's spool adds ``"rote": {"namespace": ..., "bindings": {...}}``). Lines are
parsed with orjson, checked by hand (pydantic per line would cost more than the
whole insert), hashed once per distinct message, and written in bulk through
Arrow. Re-ingesting the same lines changes nothing: a record's id is the digest
of its namespace and its line.

>>> import io, tempfile, pathlib
>>> from induction.store import Store
>>> line = b'{"request":{"messages":[{"role":"user","content":"hi"}]},'
>>> line += b'"response":{"choices":[{"message":{"role":"assistant","content":"yo"}}]}}'
>>> with Store.open(pathlib.Path(tempfile.mkdtemp()) / "s.duckdb") as s:
...     r = ingest_stream(s, io.BytesIO(line + b"\\n" + b"not json\\n"), source="doc")
...     (r.added, r.skipped_existing, [b.line for b in r.bad])
(1, 0, [2])
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

import orjson
import pyarrow as pa

from induction.hashing import canonical_bytes, child_id, digest, request_key, root_id
from induction.runtime import jsonx
from induction.store import Store

ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
BATCH_BYTES = 32 << 20


@dataclass(frozen=True, slots=True)
class BadLine:
    line: int
    reason: str


@dataclass
class IngestReport:
    lines: int = 0
    added: int = 0
    skipped_existing: int = 0
    bad: list[BadLine] = field(default_factory=list)
    bytes: int = 0

    def merge(self, other: IngestReport) -> None:
        self.lines += other.lines
        self.added += other.added
        self.skipped_existing += other.skipped_existing
        self.bad.extend(other.bad)
        self.bytes += other.bytes


class _Bad(Exception):
    pass


def _check_message(m: Any, where: str) -> None:
    if not isinstance(m, dict):
        raise _Bad(f"{where} is not an object")
    role = m.get("role")
    if role not in ROLES:
        raise _Bad(f"{where} has role {role!r}; expected one of {sorted(ROLES)}")
    content = m.get("content")
    if content is not None and not isinstance(content, (str, list)):
        raise _Bad(f"{where}.content must be a string, a list of parts or null")
    calls = m.get("tool_calls")
    if calls is not None:
        if not isinstance(calls, list):
            raise _Bad(f"{where}.tool_calls must be a list")
        for j, c in enumerate(calls):
            fn = c.get("function") if isinstance(c, dict) else None
            if not isinstance(fn, dict) or not isinstance(fn.get("name"), str):
                raise _Bad(f"{where}.tool_calls[{j}] has no function name")
            if not isinstance(fn.get("arguments", ""), (str, dict)):
                raise _Bad(f"{where}.tool_calls[{j}].function.arguments must be a JSON string")


def parse_record(raw: bytes) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """Parse and check one line: (request, response, rote metadata). Raises ``_Bad``."""
    try:
        obj = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise _Bad(f"not JSON ({e.msg})") from None
    if not isinstance(obj, dict):
        raise _Bad("not a JSON object")
    req, resp = obj.get("request"), obj.get("response")
    if not isinstance(req, dict):
        raise _Bad("no 'request' object")
    if not isinstance(resp, dict):
        raise _Bad("no 'response' object")
    msgs = req.get("messages")
    if not isinstance(msgs, list) or not msgs:
        raise _Bad("request has no messages")
    choices = resp.get("choices")
    if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
        raise _Bad("response has no choices")
    msg = choices[0].get("message")
    if not isinstance(msg, dict) or msg.get("role") != "assistant":
        raise _Bad("response message role is not 'assistant'")
    meta = obj.get("rote")
    return req, resp, meta if isinstance(meta, dict) else {}


class _Batch:
    """Rows for one bulk write, deduplicated within the batch."""

    def __init__(self) -> None:
        self.records: list[dict[str, Any]] = []
        self.messages: dict[str, tuple[str, bytes, bytes]] = {}
        self.nodes: dict[str, tuple[str, str | None, str, int, str]] = {}
        self.node_records: Counter[str] = Counter()
        self.node_responses: Counter[str] = Counter()
        self.ids: set[str] = set()


class Ingester:
    """Turns record lines into store rows. Keeps a memo of message hashes, since
    append-only runs repeat the same prefix messages record after record."""

    def __init__(self, store: Store, *, namespace: str = "default") -> None:
        self.store = store
        self.namespace = namespace
        self._hash_memo: dict[bytes, tuple[str, str, bytes, bytes]] = {}

    def _message(self, m: Any, where: str) -> tuple[str, str, bytes, bytes]:
        raw = jsonx.dumps(m)
        hit = self._hash_memo.get(raw)
        if hit is None:
            # Checked once per distinct message: a memo hit is byte-identical to one checked before.
            _check_message(m, where)
            canon = canonical_bytes(m)
            hit = (digest(canon), m["role"], raw, canon)
            if len(self._hash_memo) > 1_000_000:
                self._hash_memo.clear()
            self._hash_memo[raw] = hit
        return hit

    def _add(self, batch: _Batch, raw: bytes, req: dict[str, Any], resp: dict[str, Any],
             meta: dict[str, Any], source: str | None) -> None:
        meta_ns = meta.get("namespace")
        ns: str = meta_ns if isinstance(meta_ns, str) and meta_ns else self.namespace
        rid = digest(ns.encode() + b"\x00" + raw.strip())
        if rid in batch.ids:
            return
        msgs = req["messages"]
        resp_msg = resp["choices"][0]["message"]
        parent: str | None = None
        chain = root_id(ns)
        path: list[str] = []
        # Check every message before touching the batch, so a bad line adds nothing.
        hashed = [self._message(m, f"request.messages[{i}]") for i, m in enumerate(msgs)]
        hashed.append(self._message(resp_msg, "response.choices[0].message"))
        batch.ids.add(rid)
        for depth, (h, role, body, canon) in enumerate(hashed):
            batch.messages.setdefault(h, (role, body, canon))
            chain = child_id(chain, h)
            if chain not in batch.nodes:
                batch.nodes[chain] = (ns, parent, h, depth, role)
            path.append(chain)
            parent = chain
        params = {k: v for k, v in req.items() if k != "messages"}
        bindings = meta.get("bindings")
        batch.records.append({
            "record_id": rid,
            "namespace": ns,
            "context_node_id": path[-2],
            "response_node_id": path[-1],
            "request_key": request_key(req),
            "model": req.get("model") if isinstance(req.get("model"), str) else None,
            "n_messages": len(msgs),
            "params": jsonx.dumps(params).decode(),  # any depth a client may send (jsonx)
            "response": jsonx.dumps(resp).decode(),
            "bindings": jsonx.dumps(bindings).decode() if isinstance(bindings, dict) and bindings else None,
            "source": source,
            "_path": path,
        })

    def _flush(self, batch: _Batch, report: IngestReport) -> None:
        if not batch.records:
            return
        con = self.store.con
        ids = pa.table({"record_id": [r["record_id"] for r in batch.records]})
        existing = {r[0] for r in con.execute(
            "SELECT r.record_id FROM records r JOIN ids USING (record_id)"
        ).fetchall()} if ids.num_rows else set()
        new = [r for r in batch.records if r["record_id"] not in existing]
        report.skipped_existing += len(batch.records) - len(new)
        if not new:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        for r in new:
            path = r.pop("_path")
            batch.node_records.update(path)
            batch.node_responses[path[-1]] += 1
        used = set(batch.node_records)
        seq0 = self.store.max_seq()
        cols = ("record_id", "namespace", "context_node_id", "response_node_id", "request_key", "model",
                "n_messages", "params", "response", "bindings", "source")
        records = pa.table({
            **{c: [r[c] for r in new] for c in cols},
            "seq": pa.array(range(seq0 + 1, seq0 + 1 + len(new)), pa.int64()),
            "ingested_at": pa.array([now] * len(new), pa.timestamp("us")),
        })
        hashes = list(batch.messages)
        messages = pa.table({
            "hash": hashes,
            "role": [batch.messages[h][0] for h in hashes],
            "body": [batch.messages[h][1].decode() for h in hashes],
            "canonical": [batch.messages[h][2].decode() for h in hashes],
            "bytes": [len(batch.messages[h][1]) for h in hashes],
        })
        node_ids = [n for n in batch.nodes if n in used]
        nodes = pa.table({
            "node_id": node_ids,
            "namespace": [batch.nodes[n][0] for n in node_ids],
            "parent_id": [batch.nodes[n][1] for n in node_ids],
            "message_hash": [batch.nodes[n][2] for n in node_ids],
            "depth": pa.array([batch.nodes[n][3] for n in node_ids], pa.int32()),
            "role": [batch.nodes[n][4] for n in node_ids],
            "records": pa.array([batch.node_records[n] for n in node_ids], pa.int32()),
            "responses": pa.array([batch.node_responses[n] for n in node_ids], pa.int32()),
        })
        con.execute("BEGIN")
        try:
            con.register("messages_tbl", messages)
            con.execute("INSERT INTO messages SELECT hash, role, body, canonical, bytes FROM messages_tbl "
                        "ON CONFLICT DO NOTHING")
            con.register("nodes_tbl", nodes)
            con.execute(
                "INSERT INTO nodes SELECT node_id, namespace, parent_id, message_hash, depth, role, records, "
                "responses, ?, ? FROM nodes_tbl ON CONFLICT (node_id) DO UPDATE SET "
                "records = nodes.records + excluded.records, responses = nodes.responses + excluded.responses, "
                "last_seen = excluded.last_seen", [now, now])
            con.register("records_tbl", records)
            con.execute(
                "INSERT INTO records SELECT record_id, namespace, context_node_id, response_node_id, request_key, "
                "model, n_messages, params, response, bindings, source, seq, ingested_at FROM records_tbl")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            for t in ("messages_tbl", "nodes_tbl", "records_tbl"):
                con.unregister(t)
        report.added += len(new)

    def ingest_lines(self, lines: Iterable[bytes], *, source: str | None = None,
                     on_progress: Callable[[int], None] | None = None) -> IngestReport:
        report = IngestReport()
        batch, batch_bytes = _Batch(), 0
        for lineno, raw in enumerate(lines, start=1):
            report.lines += 1
            n = len(raw)
            report.bytes += n
            batch_bytes += n
            if raw.strip():
                try:
                    req, resp, meta = parse_record(raw)
                    self._add(batch, raw, req, resp, meta, source)
                except _Bad as e:
                    report.bad.append(BadLine(lineno, str(e)))
            else:
                report.lines -= 1  # blank lines are not records
            if batch_bytes >= BATCH_BYTES:
                self._flush(batch, report)
                batch, batch_bytes = _Batch(), 0
            if on_progress is not None:
                on_progress(n)
        self._flush(batch, report)
        return report


def _lines(f: IO[bytes]) -> Iterator[bytes]:
    yield from f


def ingest_stream(store: Store, f: IO[bytes], *, source: str | None = None, namespace: str = "default",
                  on_progress: Callable[[int], None] | None = None) -> IngestReport:
    """Ingest every line of a binary stream."""
    return Ingester(store, namespace=namespace).ingest_lines(_lines(f), source=source, on_progress=on_progress)


def source_id(path: str, size: int) -> str:
    """Identity of a spool segment or file for exactly-once bookkeeping."""
    return hashlib.sha256(f"{path}\x00{size}".encode()).hexdigest()[:32]
