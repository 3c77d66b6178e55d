"""Taking in what the proxy spooled (and files named on the command line), each source once.

The proxy only ever appends to ``spool/segment-*.jsonl.open`` and renames a
segment to ``.jsonl`` when it is closed; only closed segments are read here. A segment
whose writer died is sealed first (``seal_orphans``: its lock can be taken, see
``proxy.spool``), so a killed proxy strands nothing even if it never restarts.
A source is recorded in the store's ``ingested_sources`` after its records are
in. A crash between the two re-ingests the source on the next run, which adds
nothing: a record's id is the digest of its line, so ingest is idempotent.
Feedback segments (``spool/feedback-*.jsonl``) are tallied, and their node ids
disabled, in the same transaction that records them: exactly once.

>>> import tempfile, pathlib
>>> from induction.store import Store
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "segment-1.jsonl").write_bytes(b"")
>>> _ = (d / "segment-2.jsonl.open").write_bytes(b"")
>>> with Store.open(d / "s.duckdb") as s:
...     [src.name for src in pending_segments(s, d)]
['segment-1.jsonl']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from flows import progress
from flows.summary import IngestSummary
from induction.ingest import IngestReport, ingest_stream, source_id
from induction.store import Store
from proxy.spool import recover_orphans
from rote.config import Home

SEGMENT_PREFIX, FEEDBACK_PREFIX = "segment", "feedback"  # what the proxy's two writers name segments
SEGMENT_GLOB = f"{SEGMENT_PREFIX}-*.jsonl"
FEEDBACK_GLOB = f"{FEEDBACK_PREFIX}-*.jsonl"
DISABLED_KEY = "disabled_nodes"


@dataclass(frozen=True, slots=True)
class Source:
    """A closed spool segment or an input file, identified for exactly-once bookkeeping."""

    path: Path
    name: str  # what the summary shows
    source_id: str

    @classmethod
    def of(cls, path: Path, *, spool_dir: Path | None = None) -> Source:
        # Spool segments are named relative to the spool, so moving $ROTE_HOME re-ingests nothing.
        key = f"spool/{path.name}" if spool_dir is not None else str(path.absolute())
        return cls(path=path, name=path.name, source_id=source_id(key, path.stat().st_size))


@dataclass
class FeedbackTally:
    reports: int = 0
    negative: int = 0
    disabled: list[str] = field(default_factory=list)  # every node disabled so far (kv ``disabled_nodes``)


def _seen(store: Store) -> set[str]:
    return {r[0] for r in store.con.execute("SELECT source FROM ingested_sources").fetchall()}


def _pending(store: Store, paths: Iterable[Path], spool_dir: Path | None) -> list[Source]:
    seen = _seen(store)
    out = []
    for p in paths:
        try:
            src = Source.of(p, spool_dir=spool_dir)
        except FileNotFoundError:  # removed by an operator since we listed it
            continue
        if src.source_id not in seen:
            out.append(src)
    return out


def seal_orphans(spool_dir: Path) -> list[Path]:
    """Close the record and feedback segments of writers that died (no live writer holds
    their lock), so they are ingested like closed ones; the segments sealed."""
    if not spool_dir.is_dir():
        return []
    return recover_orphans(spool_dir, SEGMENT_PREFIX) + recover_orphans(spool_dir, FEEDBACK_PREFIX)


def pending_segments(store: Store, spool_dir: Path) -> list[Source]:
    """Closed record segments not ingested yet, oldest first (``.jsonl.open`` ones are being written)."""
    return _pending(store, sorted(spool_dir.glob(SEGMENT_GLOB)), spool_dir)


def pending_files(store: Store, files: Iterable[str | Path]) -> list[Source]:
    """Input files not ingested yet at their current size."""
    return _pending(store, [Path(f) for f in files], None)


def pending_feedback(store: Store, spool_dir: Path) -> list[Source]:
    return _pending(store, sorted(spool_dir.glob(FEEDBACK_GLOB)), spool_dir)


def _mark(store: Store, src: Source, records: int) -> None:
    store.con.execute("INSERT INTO ingested_sources VALUES (?, ?, now()) ON CONFLICT DO NOTHING",
                      [src.source_id, records])


def ingest_source(store: Store, src: Source, namespace: str = "default") -> IngestReport:
    """Ingest one segment or file, then record it as ingested."""
    with src.path.open("rb") as f:
        report = ingest_stream(store, f, source=src.name, namespace=namespace)
    _mark(store, src, report.added + report.skipped_existing)
    return report


def disabled_nodes(store: Store) -> list[str]:
    raw = store.get_kv(DISABLED_KEY)
    return list(orjson.loads(raw)) if raw else []


def take_feedback(store: Store, sources: Iterable[Source]) -> FeedbackTally:
    """Count feedback reports; add the node ids reported wrong (``ok: false``) to ``disabled_nodes``."""
    tally = FeedbackTally()
    disabled = set(disabled_nodes(store))
    for src in sources:
        reports, negative, nodes = 0, 0, set()
        for raw in src.path.read_bytes().splitlines():
            try:
                fb = orjson.loads(raw)["feedback"]
            except (orjson.JSONDecodeError, KeyError, TypeError):
                continue
            reports += 1
            if fb.get("ok") is False and isinstance(fb.get("node_id"), str):
                negative += 1
                nodes.add(fb["node_id"])
        store.con.execute("BEGIN")
        try:
            store.set_kv(DISABLED_KEY, orjson.dumps(sorted(disabled | nodes)).decode())
            _mark(store, src, reports)
            store.con.execute("COMMIT")
        except BaseException:
            store.con.execute("ROLLBACK")
            raise
        disabled |= nodes
        tally.reports += reports
        tally.negative += negative
    tally.disabled = sorted(disabled)
    return tally


def take_in(home: Home, files: Iterable[str | Path] = (), *, log: Callable[[str], None] = lambda _: None,
            wait: float = 0.0, on_wait: Callable[[str], None] | None = None) -> IngestSummary:
    """Everything new: the given files, closed spool segments (after sealing those of dead
    writers), then feedback reports. ``wait``: seconds to wait for a store another process holds."""
    out = IngestSummary()
    sealed = seal_orphans(home.spool_dir)
    if sealed:
        log(f"sealed {len(sealed)} segment(s) left open by a writer that died: "
            + ", ".join(p.name for p in sealed))
    with Store.open(home.store_path, wait=wait, on_wait=on_wait) as store:
        sources = pending_files(store, files) + pending_segments(store, home.spool_dir)
        progress.stage("ingest", len(sources))
        for src in sources:
            report = ingest_source(store, src)
            out.sources.append(src.name)
            out.lines += report.lines
            out.added += report.added
            out.already_present += report.skipped_existing
            out.bad_lines += len(report.bad)
            log(f"ingested {src.name}: {report.added} new, {report.skipped_existing} already present, "
                f"{len(report.bad)} bad line(s)")
            progress.advance()
        tally = take_feedback(store, pending_feedback(store, home.spool_dir))
    out.feedback_reports, out.negative_feedback, out.disabled_nodes = tally.reports, tally.negative, tally.disabled
    if tally.reports:
        log(f"feedback: {tally.reports} report(s), {tally.negative} wrong answer(s); "
            f"{len(tally.disabled)} node(s) disabled in all")
    return out
