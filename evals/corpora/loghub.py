"""Loghub-2k (corrected labels) as eval records: label a log line with its event id.

Each line becomes one call: the system prompt ``You label <S> log lines with their
event id``, the user message the line's ``Content``, the recorded answer its ``EventId``
as assistant text. Per (system, event id), lines in file order alternate train / test,
the first one training; an event with a single line is test-only, so a hit on it is
false by construction (with all 11 systems: 10,904 train, 11,096 test, 464 test lines of
single-line events).

>>> rows = [("E1", "a 1"), ("E1", "a 2"), ("E1", "a 3"), ("E2", "b")]
>>> [(e, c, part) for (e, c), part in zip(rows, split_labels([e for e, _ in rows]))]
[('E1', 'a 1', 'train'), ('E1', 'a 2', 'test'), ('E1', 'a 3', 'train'), ('E2', 'b', 'test')]

Export the records for black-box runs: ``python -m evals.corpora.loghub --out DIR``
(``train.jsonl``, ``test.jsonl``; ``--systems HPC,BGL`` for a slice).
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from evals.corpora import Corpus, CorpusMissing, CorpusRecord, chat_request, corpora_root, text_response

SYSTEMS: tuple[str, ...] = ("Android", "BGL", "HPC", "Hadoop", "Mac", "OpenStack", "Proxifier", "Spark",
                            "Thunderbird", "Windows", "Zookeeper")
# The other five systems of Loghub-2k (logpai/logparser ``data/loghub_2k_corrected``), not in
# ../shared/corpora: a hold-out nobody tuned a rule on, for whoever has the files
# (``--corpora DIR --systems Apache,HDFS,...``; never the default).
HOLDOUT: tuple[str, ...] = ("Apache", "HDFS", "HealthApp", "Linux", "OpenSSH")
Part = Literal["train", "test"]


def system_prompt(system: str) -> str:
    """The system prompt of one log system's calls.

    >>> system_prompt("HPC")
    'You label HPC log lines with their event id'
    """
    return f"You label {system} log lines with their event id"


def split_labels(labels: Sequence[str], rotate: int = 0) -> list[Part]:
    """Train or test for each line, by its label: per label, lines alternate train / test in
    order (the first trains); a label with one line is test-only (nothing to learn it from).
    ``rotate``: each label's lines rotated by this many before they alternate (another split).

    >>> split_labels(["a", "b", "a", "a", "b"]), split_labels(["a", "b", "a", "a", "b"], rotate=1)
    (['train', 'train', 'test', 'train', 'test'], ['test', 'test', 'train', 'train', 'train'])
    """
    total = Counter(labels)
    seen: Counter[str] = Counter()
    out: list[Part] = []
    for label in labels:
        i = (seen[label] + rotate) % total[label]
        seen[label] += 1
        out.append("train" if total[label] > 1 and i % 2 == 0 else "test")
    return out


def read_system(root: Path, system: str, limit: int | None = None) -> list[tuple[str, str]]:
    """(EventId, Content) of each line of ``<system>_2k.log_structured_corrected.csv``, in file order."""
    path = root / "loghub-2k" / f"{system}_2k.log_structured_corrected.csv"
    if not path.is_file():
        raise CorpusMissing(f"no Loghub file {path}; point --corpora or $ROTE_CORPORA at the corpora directory")
    with path.open(newline="", encoding="utf-8") as f:
        rows = [(r["EventId"], r["Content"]) for r in csv.DictReader(f)]
    return rows if limit is None else rows[:limit]


def load(root: str | Path | None = None, *, systems: Sequence[str] | None = None,
         per_system: int | None = None, rotate: int = 0) -> Corpus:
    """The Loghub corpus split into train and test records (``systems``: a subset, in that order;
    ``per_system``: only the first N lines of each file, split the same way; ``rotate``: another
    split, ``split_labels``)."""
    base = corpora_root(root)
    chosen = list(systems) if systems else list(SYSTEMS)
    unknown = [s for s in chosen if s not in SYSTEMS + HOLDOUT]
    if unknown:
        raise ValueError(f"unknown Loghub systems {unknown}; known: {list(SYSTEMS + HOLDOUT)}")
    corpus = Corpus("loghub")
    for system in chosen:
        rows = read_system(base, system, per_system)
        prompt = system_prompt(system)
        for i, ((event, content), part) in enumerate(zip(rows, split_labels([e for e, _ in rows], rotate), strict=True)):
            rec = CorpusRecord(system, event, chat_request(prompt, content),
                               text_response(event, f"loghub:{system}:{i}:{content}"))
            (corpus.train if part == "train" else corpus.test).append(rec)
    return corpus


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m evals.corpora.loghub --out DIR [--systems A,B] [--corpora PATH]``."""
    p = argparse.ArgumentParser(description="Convert Loghub-2k into train.jsonl and test.jsonl.")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--corpora", type=Path, default=None, help="the corpora directory (default: $ROTE_CORPORA "
                                                              "or ../shared/corpora)")
    p.add_argument("--systems", default=None, help="comma-separated subset of " + ",".join(SYSTEMS + HOLDOUT)
                   + " (the last five are not in ../shared/corpora)")
    p.add_argument("--per-system", type=int, default=None, help="only the first N lines of each system")
    a = p.parse_args(argv)
    corpus = load(a.corpora, systems=a.systems.split(",") if a.systems else None, per_system=a.per_system)
    train, test = corpus.export(a.out)
    print(f"{len(corpus.train)} train records -> {train}\n{len(corpus.test)} test records -> {test}")


if __name__ == "__main__":
    main()
