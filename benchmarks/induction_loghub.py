"""Induction throughput on third-party traffic: Loghub-2k's training lines (10,904 records,
11 systems), heuristic backend, with verification (every training call replayed through
the compiled tree), as ``rote induce`` runs it minus Prefect and publishing.

    .venv/bin/python benchmarks/induction_loghub.py [--systems HPC,BGL] [--repeat 3]

Prints records/s for each repeat and the best; the issue-14 target is >= 2,000 records/s.
Ingest into the DuckDB store is not timed (``benchmarks/ingest_throughput.py`` does that).
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

import orjson

from evals.corpora import loghub
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--systems", default=None, help="comma-separated subset (default: all 11)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--corpora", type=Path, default=None)
    args = ap.parse_args()
    corpus = loghub.load(args.corpora, systems=args.systems.split(",") if args.systems else None)
    lines = b"".join(orjson.dumps(r.as_record()) + b"\n" for r in corpus.train)
    rates = []
    for i in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.duckdb") as store:
            ingest_stream(store, io.BytesIO(lines), source="loghub")
            t0 = time.perf_counter()
            _, _, report = run_induction(store, InductionConfig())
            seconds = time.perf_counter() - t0
        rates.append(len(corpus.train) / seconds)
        print(f"run {i + 1}: {len(corpus.train)} records in {seconds:.2f} s -> {rates[-1]:,.0f} records/s "
              f"({report.live} live, {report.replay_hits} replay hits, {report.demoted} demoted)")
    print(f"best: {max(rates):,.0f} records/s (target >= 2,000)")


if __name__ == "__main__":
    main()
