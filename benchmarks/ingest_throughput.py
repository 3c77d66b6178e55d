"""Ingest throughput: generate a large JSONL file of multi-step agent runs, ingest it
into a fresh store, report MB/s and records/s.

    .venv/bin/python benchmarks/ingest_throughput.py --mb 100
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import orjson

from induction.ingest import ingest_stream
from induction.store import Store

TOOLS = [
    {"type": "function", "function": {"name": n, "description": f"{n} tool",
                                       "parameters": {"type": "object", "properties": {"q": {"type": "string"}}}}}
    for n in ("search_crm", "send_email", "create_ticket", "fill_field", "click")
]
SYSTEM = ("You are a support agent for Acme Corp. Follow the runbook exactly: look the customer up, "
          "check the order, answer politely, and file a ticket when the order is late. " * 6)


def run_records(rng: random.Random, run: int, steps: int) -> list[bytes]:
    name = rng.choice(["Erik", "Maria", "Kwame", "Aiko", "Lars", "Priya"]) + f" {rng.randint(1, 10**6)}"
    order = f"ORD-{rng.randint(10**5, 10**6)}"
    msgs: list[dict[str, object]] = [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Hi, I'm {name}. Where is my order {order}? " + "x" * rng.randint(50, 400)},
    ]
    out = []
    for step in range(steps):
        call_id = f"call_{run}_{step}_{rng.randint(0, 10**9)}"
        tool = TOOLS[step % len(TOOLS)]["function"]["name"]  # type: ignore[index]
        resp_msg = {"role": "assistant", "content": None, "tool_calls": [
            {"id": call_id, "type": "function",
             "function": {"name": tool, "arguments": orjson.dumps({"q": order, "name": name}).decode()}}]}
        response = {"id": f"chatcmpl-{run}-{step}", "object": "chat.completion", "created": 1700000000 + run,
                    "model": "gpt-4o-mini", "choices": [{"index": 0, "finish_reason": "tool_calls",
                                                          "message": resp_msg}],
                    "usage": {"prompt_tokens": 900, "completion_tokens": 20, "total_tokens": 920}}
        out.append(orjson.dumps({"request": {"model": "gpt-4o-mini", "messages": msgs, "tools": TOOLS},
                                 "response": response}))
        msgs = [*msgs, resp_msg, {"role": "tool", "tool_call_id": call_id,
                                  "content": orjson.dumps({"status": rng.choice(["ok", "late"]), "order": order,
                                                           "eta": f"2026-11-{rng.randint(1, 28):02d}",
                                                           "log": "y" * rng.randint(100, 1500)}).decode()}]
    return out


def generate(path: Path, mb: float, seed: int = 0) -> int:
    rng = random.Random(seed)
    target, size, n, run = int(mb * (1 << 20)), 0, 0, 0
    with path.open("wb") as f:
        while size < target:
            for line in run_records(rng, run, steps=rng.randint(4, 10)):
                f.write(line + b"\n")
                size += len(line) + 1
                n += 1
            run += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=100.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "runs.jsonl"
        n = generate(data, args.mb)
        size = data.stat().st_size
        with Store.open(Path(tmp) / "bench.duckdb") as store:
            t0 = time.perf_counter()
            with data.open("rb") as f:
                report = ingest_stream(store, f, source=str(data))
            dt = time.perf_counter() - t0
            t1 = time.perf_counter()
            with data.open("rb") as f:
                again = ingest_stream(store, f, source=str(data))
            dt2 = time.perf_counter() - t1
            s = store.stats()
        print(f"file: {size / 2**20:.1f} MB, {n} records; store: {s['messages']} messages, {s['nodes']} nodes")
        print(f"ingest: {dt:.2f} s -> {size / 2**20 / dt:.1f} MB/s, {report.added / dt:,.0f} records/s")
        print(f"re-ingest (all present): {dt2:.2f} s -> {size / 2**20 / dt2:.1f} MB/s, added {again.added}")


if __name__ == "__main__":
    main()
