"""Write fixture runs as JSON Lines in the ingest format (the shipped set lives in ``data/fixtures``).

    .venv/bin/python -m evals.fixtures data/fixtures --train 5 --test 5
"""

from __future__ import annotations

import argparse
from pathlib import Path

import orjson

from evals.workflows import WORKFLOWS

TRAIN_SEED, TEST_SEED = 1, 2


def write_runs(path: Path, workflows: list[str], *, seed: int, n: int) -> int:
    """Write ``n`` runs of each workflow; returns the number of records."""
    count = 0
    with path.open("wb") as f:
        for name in workflows:
            for run in WORKFLOWS[name].runs(seed=seed, n=n):
                for rec in run:
                    f.write(orjson.dumps(rec) + b"\n")
                    count += 1
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", type=Path)
    ap.add_argument("--train", type=int, default=5)
    ap.add_argument("--test", type=int, default=5)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    names = list(WORKFLOWS)
    n1 = write_runs(args.out / "train.jsonl", names, seed=TRAIN_SEED, n=args.train)
    n2 = write_runs(args.out / "test.jsonl", names, seed=TEST_SEED, n=args.test)
    print(f"wrote {n1} training and {n2} test records for {len(names)} workflows to {args.out}")


if __name__ == "__main__":
    main()
