"""Minimal reproductions of the misses the probe workflows (evals/workflows/probe.py) ran into.

Each case trains on 10 runs of a tiny workflow and replays 20 new runs; it prints the hits per
call index, for the variant that misses and a control that differs in one thing only.

    PYTHONPATH=. python docs/probe/repros.py

- short-name: one 3-letter greeting name ("Amy") among 10 training names keeps the unused
  name as structure (a short code), so nothing below the user message is ever served.
- parallel-const: parallel tool calls where one result is the same text in every run ("[]"):
  the store keeps that message once with the first run's tool_call_id, the rebuilt contexts
  look out of order (results-order) and are dropped from induction.
- version-prose: a three-part version in the answer's text ("Checking flask 2.22.3 now.") is
  cut differently from the request's slot: thin air, the node is uncacheable.
- version-args / ip-args: a three-part version or an IPv4 address in a tool call's arguments:
  the tool-call message cannot be read back as context (coarsening covers content only), so
  every later call misses.
"""

from __future__ import annotations

import io
import random
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from faker import Faker

from evals.workflows.base import Run, Workflow, tool
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.store import Store

NAMES = ["Michelle", "Todd", "Christopher", "Jonathon", "Monica", "Donald", "Deborah", "Susan", "Brian", "Gabrielle"]


class Tiny(Workflow):
    name = "tiny"
    description = "a minimal reproduction"

    def __init__(self, play: Callable[[Run, Faker, random.Random, int], None], tools: list[dict[str, Any]]) -> None:
        self._play = play
        self.tools = tools  # type: ignore[misc]
        self.index = 0

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        self._play(run, fake, rng, self.index)


def induced(wf: Tiny, n: int = 10) -> tuple[Any, list[list[dict[str, Any]]]]:
    """The tree induced from ``n`` runs of ``wf`` (through the store, as ``rote induce`` does)
    and 20 test runs of new values."""
    train = []
    for i in range(n):
        wf.index = i
        train += wf.run(i)
    wf.index = -1
    test = [wf.run(100 + s) for s in range(20)]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "s.duckdb")
        ingest_stream(store, io.BytesIO(b"".join(
            orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n" for r in train)))
        tree, _, _ = run_induction(store, InductionConfig())
        store.close()
    return tree, test


def measure(wf: Tiny) -> list[int]:
    tree, test = induced(wf)
    return [sum(tree.explain(run[i]["request"]).hit is not None for run in test) for i in range(len(test[0]))]


def short_name(short: bool) -> Tiny:
    def play(run: Run, fake: Faker, rng: random.Random, i: int) -> None:
        oid = f"A-{rng.randint(10000, 99999)}"
        name = fake.first_name() if i < 0 else ("Amy" if short and i == 3 else NAMES[i])
        run.system("You look up orders.")
        run.user(f"Hi, {name} here. Where is order {oid}?")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": "shipped"})
        run.say(f"Order {oid} has shipped.")
    return Tiny(play, [tool("get_order", "An order", order_id="string")])


def parallel(const: bool) -> Tiny:
    def play(run: Run, fake: Faker, rng: random.Random, i: int) -> None:
        city = fake.city()
        run.system("You report weather.")
        run.user(f"Weather and alerts for {city}?")
        t = rng.randint(-5, 30)
        alerts = "[]" if const else f'{{"alerts": [], "as_of": {rng.randint(10**9, 2 * 10**9)}}}'
        run.call_many([("get_weather", {"city": city}), ("get_alerts", {"city": city})],
                      [{"city": city, "temp_c": t}, alerts])
        run.say(f"{city}: {t} C, no alerts.")
    return Tiny(play, [tool("get_weather", "Weather", city="string"), tool("get_alerts", "Alerts", city="string")])


def release(value: Callable[[random.Random], str], prose: bool) -> Tiny:
    def play(run: Run, fake: Faker, rng: random.Random, i: int) -> None:
        pkg = rng.choice(["requests", "numpy", "flask", "jinja2", "pillow", "lxml"])
        v = value(rng)
        run.system("You check releases.")
        run.user(f"Check {pkg} {v} please.")
        if prose:
            run.say(f"Checking {pkg} {v} now.")
        else:
            run.call("get_release", {"package": pkg, "version": v}, f"found {rng.getrandbits(32):08x}")
            run.say(f"{pkg} exists.")
    return Tiny(play, [tool("get_release", "A release", package="string", version="string")])


def v3(rng: random.Random) -> str:
    return f"{rng.randint(1, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}"


def v2(rng: random.Random) -> str:
    return f"{rng.randint(1, 5)}.{rng.randint(0, 30)}"


def ip(rng: random.Random) -> str:
    return f"10.{rng.randint(1, 5)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}"


CASES: list[tuple[str, Tiny, Tiny]] = [
    ("short-name (Amy / all names >= 4 letters)", short_name(True), short_name(False)),
    ("parallel-const (one result '[]' / varying)", parallel(True), parallel(False)),
    ("version-prose (1.14.2 / 1.14)", release(v3, True), release(v2, True)),
    ("version-args (1.14.2 / 1.14)", release(v3, False), release(v2, False)),
    ("ip-args (10.1.2.3 / 1.14)", release(ip, False), release(v2, False)),
]

if __name__ == "__main__":
    for label, case, control in CASES:
        print(f"{label}: hits per call of 20 test runs {measure(case)} / control {measure(control)}")
