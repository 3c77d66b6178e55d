"""Adversarial trap harness: train on n runs of a tiny workflow (through the store, as
``rote induce`` does), replay 20+ new runs, count hits and false hits per call index."""

from __future__ import annotations

import io
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from faker import Faker

from evals.workflows.base import Run, Workflow
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction, same_answer
from induction.store import Store


class Trap(Workflow):
    description = "trap"

    def __init__(self, name: str, play: Callable[[Run, Faker, random.Random], None], tools: list[dict[str, Any]],
                 train_play: Callable[[Run, Faker, random.Random], None] | None = None) -> None:
        self.name = name  # type: ignore[misc]
        self._play = play
        self._train = train_play
        self.tools = tools  # type: ignore[misc]
        self.training = False

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        (self._train if self.training and self._train else self._play)(run, fake, rng)


def induce_tree(wf: Trap, seed: int, n: int) -> Any:
    wf.training = True
    train = [rec for i in range(n) for rec in wf.run(seed * 10_000 + i)]
    wf.training = False
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "s.duckdb")
        ingest_stream(store, io.BytesIO(b"".join(
            orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for r in train)))
        tree, _, _ = run_induction(store, InductionConfig())
        store.close()
    return tree


def msg(rec: dict[str, Any]) -> Any:
    return rec["response"]["choices"][0]["message"]


def short(m: dict[str, Any]) -> str:
    if m.get("tool_calls"):
        return "; ".join(f"{c['function']['name']}({c['function']['arguments']})" for c in m["tool_calls"])
    return str(m.get("content"))


def measure(wf: Trap, seed: int, n: int, n_test: int = 30, show: int = 2,
            test_filter: Callable[[list[dict[str, Any]]], bool] | None = None) -> tuple[int, int, int]:
    tree = induce_tree(wf, seed, n)
    hits = false = calls = 0
    shown = 0
    tested = 0
    k = 0
    while tested < n_test and k < n_test * 20:
        run = wf.run(seed * 10_000 + 5_000 + k)
        k += 1
        if test_filter is not None and not test_filter(run):
            continue
        tested += 1
        for i, rec in enumerate(run):
            calls += 1
            ex = tree.explain(rec["request"])
            if ex.hit is None:
                continue
            hits += 1
            served = ex.hit.response["choices"][0]["message"]
            if not same_answer(served, msg(rec)):
                false += 1
                if shown < show:
                    shown += 1
                    last = rec["request"]["messages"][-1]
                    print(f"    FALSE HIT seed={seed} n={n} test_seed={seed * 10_000 + 5_000 + k - 1} call#{i}:\n"
                          f"      last msg: {str(last.get('content'))[:300]}\n"
                          f"      served:   {short(served)[:300]}\n"
                          f"      recorded: {short(msg(rec))[:300]}", flush=True)
    return hits, false, calls


def sweep(wf: Trap, seeds: list[int], ns: list[int], n_test: int = 30, **kw: Any) -> None:
    tot_h = tot_f = 0
    for n in ns:
        for s in seeds:
            h, f, c = measure(wf, s, n, n_test, **kw)
            tot_h += h
            tot_f += f
            print(f"  {wf.name} seed={s} train={n}: hits {h}/{c} false {f}", flush=True)
    print(f"== {wf.name}: total hits {tot_h} false {tot_f}", flush=True)


def main(traps: dict[str, Callable[[], Trap]]) -> None:
    names = sys.argv[1:2] or list(traps)
    seeds = [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else [1, 2]
    ns = [int(x) for x in sys.argv[3].split(",")] if len(sys.argv) > 3 else [5, 10, 20]
    for name in names:
        if name in ("all",):
            for nm in traps:
                sweep(traps[nm](), seeds, ns)
        else:
            sweep(traps[name](), seeds, ns)
