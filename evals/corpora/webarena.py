"""WebArena task intents as eval records: start the task a person asked for.

Each intent becomes one call: a per-site system prompt, the intent as the user
message, and the recorded answer a ``start_task`` tool call whose arguments are
``template_id`` and the ``instantiation_dict`` values, typed as in the data (numbers
stay numbers, lists stay lists). Only instances whose intent holds every value
verbatim are kept (the answer must be readable from the request). Per template, in
task order, the first ``ceil(0.6 n)`` instances train and the rest test; a template
with one instance is test-only, and a hit on it is false by construction (all 389
instances qualify: 233 train, 156 test, 16 test intents of single-instance templates).

>>> [train_count(n) for n in (1, 2, 3, 4, 5, 7)]
[0, 2, 2, 3, 3, 5]
>>> qualifies({"intent": "Top-2 in 2022", "instantiation_dict": {"n": 2, "year": 2022}})
True
>>> qualifies({"intent": "Top-2 in 2022", "instantiation_dict": {"n": 3}})
False

Export: ``python -m evals.corpora.webarena --out DIR`` (``train.jsonl``, ``test.jsonl``).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evals.corpora import Corpus, CorpusMissing, CorpusRecord, chat_request, corpora_root, tool_response

TRAIN_SHARE = 0.6
TOOLS: list[dict[str, Any]] = [{"type": "function", "function": {
    "name": "start_task",
    "description": "Start a web task: the template it instantiates and the values that fill it",
    "parameters": {"type": "object", "properties": {"template_id": {"type": "integer"}},
                   "required": ["template_id"], "additionalProperties": True}}}]


def system_prompt(sites: Sequence[str]) -> str:
    """The system prompt of a task on ``sites``.

    >>> system_prompt(["gitlab"])
    'You are a web agent on the gitlab site. Start the task the user asks for with start_task.'
    """
    where = " and ".join(sites)
    return (f"You are a web agent on the {where} site{'s' if len(sites) > 1 else ''}. "
            "Start the task the user asks for with start_task.")


def qualifies(task: dict[str, Any]) -> bool:
    """Whether the intent holds every instantiation value verbatim (as the data prints it)."""
    return all(str(v) in task["intent"] for v in task["instantiation_dict"].values())


def train_count(n: int) -> int:
    """How many of a template's ``n`` instances train: ``ceil(0.6 n)``, none of a lone instance."""
    return 0 if n < 2 else math.ceil(TRAIN_SHARE * n)


def read_tasks(root: Path) -> list[dict[str, Any]]:
    path = root / "webarena" / "intents.json"
    if not path.is_file():
        raise CorpusMissing(f"no WebArena file {path}; point --corpora or $ROTE_CORPORA at the corpora directory")
    tasks: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return tasks


def load(root: str | Path | None = None, *, sites: Sequence[str] | None = None,
         limit: int | None = None, rotate: int = 0) -> Corpus:
    """The WebArena corpus split into train and test records (``sites``: only tasks whose first
    site is one of them; ``limit``: only the first N qualifying tasks, split the same way;
    ``rotate``: each template's instances rotated by this many before the first 60% train,
    another split of the same intents)."""
    tasks = [t for t in read_tasks(corpora_root(root)) if qualifies(t)]
    if sites:
        tasks = [t for t in tasks if t["sites"][0] in sites]
    tasks = sorted(tasks, key=lambda t: t["task_id"])[:limit]
    by_template: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for t in tasks:
        by_template[t["intent_template_id"]].append(t)
    corpus = Corpus("webarena")
    for template_id, group in by_template.items():
        group = group[rotate % len(group):] + group[:rotate % len(group)]
        k = train_count(len(group))
        for i, t in enumerate(group):
            args = {"template_id": template_id, **t["instantiation_dict"]}
            rec = CorpusRecord("+".join(t["sites"]), str(template_id),
                               chat_request(system_prompt(t["sites"]), t["intent"], tools=TOOLS),
                               tool_response("start_task", args, f"webarena:{t['task_id']}:{t['intent']}"))
            (corpus.train if i < k else corpus.test).append(rec)
    return corpus


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m evals.corpora.webarena --out DIR [--corpora PATH]``."""
    p = argparse.ArgumentParser(description="Convert WebArena intents into train.jsonl and test.jsonl.")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--corpora", type=Path, default=None, help="the corpora directory (default: $ROTE_CORPORA "
                                                              "or ../shared/corpora)")
    a = p.parse_args(argv)
    corpus = load(a.corpora)
    train, test = corpus.export(a.out)
    print(f"{len(corpus.train)} train records -> {train}\n{len(corpus.test)} test records -> {test}")


if __name__ == "__main__":
    main()
