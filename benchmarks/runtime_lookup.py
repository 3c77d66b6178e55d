"""Template runtime: lookup (match + hydrate) latency on synthetic trees, and artifact load time.

Trees of many agents, each with a literal system prompt and several tasks; a task is a
20-message workflow (system, templated user message, 9 tool calls and their results),
and every tool result also has an "error" sibling that ends the run (sibling fan-out).
Requests are fresh 20-message contexts with new values, answered from the last node.

    .venv/bin/python benchmarks/runtime_lookup.py                 # 100, 1k, 10k templates
    .venv/bin/python benchmarks/runtime_lookup.py --sizes 100000  # ~1 minute more

Instructions per lookup (the difference between N and 2N lookups, untimed, under cachegrind):

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        .venv/bin/python benchmarks/runtime_lookup.py --sizes 10000 --count 2000   # then --count 4000
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import time
from typing import Any

import orjson

from induction.hashing import request_key
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.nodes import Derivation, ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate, ToolCallTemplate

STEPS = 9
TASKS_PER_AGENT = 10
NODES_PER_TASK = 1 + 3 * STEPS
MODEL = "gpt-4o-mini"
KEY = request_key({"model": MODEL})
VERBS = ["refund", "ship", "cancel", "audit", "escalate", "merge", "split", "price", "track", "archive"]
FIRST = Derivation(var="first", args=("name",),
                   expr={"op": "split_index", "args": [{"var": "name"}, {"const": " "}, {"const": 0}]})


def S(var: str, kind: str = "text") -> Slot:
    return Slot(var=var, kind=kind)  # type: ignore[arg-type]


def T(*parts: str | Slot) -> TextTemplate:
    return TextTemplate(parts=parts)


def system_prompt(agent: int) -> str:
    return (f"You are agent #{agent} of Acme Corp. Follow the runbook {{exactly}}: (1) look the customer up; "
            "(2) check the order [status, eta]; (3) answer politely.\n" * 8)


def call(task: str, step: int) -> ToolCallTemplate:
    return ToolCallTemplate(name=f"tool_{step}", arguments={
        "order": {"$v": "order"}, "step": step, "task": task, "note": {"$t": ["for ", {"var": "first"}]}})


def tool_ok(step: int) -> MessageTemplate:
    return MessageTemplate(role="tool", content=T('{"status": "ok", "step": ', str(step), ', "order": "', S("order", "ident"),
                                                  '", "eta": "', S(f"eta{step}", "date"), '"}\nlog:\n', S(f"log{step}", "multiline")))


def tool_error(step: int) -> MessageTemplate:
    return MessageTemplate(role="tool", content=T('{"status": "error", "step": ', str(step), ', "code": ',
                                                  S(f"code{step}", "digits"), "}"))


def build_task(agent: int, t: int, sys_id: str) -> list[TemplateNode]:
    task = f"a{agent}t{t}"
    verb = VERBS[t % len(VERBS)]
    nodes: list[TemplateNode] = []

    def add(id: str, parent: str, template: MessageTemplate, response: MessageTemplate | None = None,
            derivations: tuple[Derivation, ...] = ()) -> str:
        resp = ResponseTemplate(message=response, request_keys=(KEY,), derivations=derivations,
                                finish_reason="tool_calls" if response and response.tool_calls else "stop") \
            if response else None
        nodes.append(TemplateNode(id=id, parent=parent, template=template, response=resp))
        return id

    assistant = [MessageTemplate(role="assistant", tool_calls=(call(task, s),)) for s in range(STEPS)]
    user = MessageTemplate(role="user", content=T(f"Task #{t}: {verb} order ", S("order", "ident"), " for ", S("name"),
                                                  " <", S("email", "email"), ">. Amount: ", S("amount", "number"),
                                                  "\nNotes:\n", S("notes", "multiline")))
    parent = add(f"{task}-user", sys_id, user, assistant[0], (FIRST,))
    for s in range(STEPS):
        parent = add(f"{task}-a{s}", parent, assistant[s], derivations=(FIRST,) if s == 0 else ())
        nxt = assistant[s + 1] if s + 1 < STEPS else MessageTemplate(
            role="assistant", content=T("Done with ", S("order"), " for ", S("first"), ", eta ", S(f"eta{s}"), "."))
        add(f"{task}-e{s}", parent, tool_error(s),
            MessageTemplate(role="assistant", content=T("Step ", str(s), " failed with code ", S(f"code{s}"), ".")))
        parent = add(f"{task}-ok{s}", parent, tool_ok(s), nxt)
    return nodes


def build_tree(n_templates: int) -> tuple[list[TemplateNode], list[tuple[int, int]]]:
    tasks = max(1, n_templates // NODES_PER_TASK)
    nodes: list[TemplateNode] = []
    index: list[tuple[int, int]] = []
    for agent in range(-(-tasks // TASKS_PER_AGENT)):
        sys_id = f"a{agent}-sys"
        nodes.append(TemplateNode(id=sys_id, parent=None,
                                  template=MessageTemplate(role="system", content=T(system_prompt(agent)))))
        for t in range(min(TASKS_PER_AGENT, tasks - agent * TASKS_PER_AGENT)):
            nodes.extend(build_task(agent, t, sys_id))
            index.append((agent, t))
    return nodes, index


def request(rng: random.Random, agent: int, t: int) -> dict[str, Any]:
    first = rng.choice(["Erik", "Maria", "Kwame", "Aiko", "Lars", "Priya"])
    order = f"ORD-{rng.randint(10**5, 10**6)}"
    msgs: list[dict[str, Any]] = [
        {"role": "system", "content": system_prompt(agent)},
        {"role": "user", "content": f"Task #{t}: {VERBS[t % len(VERBS)]} order {order} for {first} Q{rng.randint(1, 999)} "
                                    f"<{first.lower()}@example.org>. Amount: {rng.randint(1, 9)},{rng.randint(100, 999)}.50"
                                    f"\nNotes:\n" + "be quick\n" * rng.randint(1, 20)},
    ]
    for s in range(STEPS):
        args = {"order": order, "step": s, "task": f"a{agent}t{t}", "note": f"for {first}"}
        msgs.append({"role": "assistant", "content": None, "tool_calls": [
            {"id": f"call_{s}", "type": "function", "function": {"name": f"tool_{s}", "arguments": orjson.dumps(args).decode()}}]})
        log = "\n".join(f"line {i}: " + "y" * rng.randint(10, 120) for i in range(rng.randint(1, 12)))
        msgs.append({"role": "tool", "tool_call_id": f"call_{s}",
                     "content": f'{{"status": "ok", "step": {s}, "order": "{order}", "eta": "2026-11-{rng.randint(1, 28):02d}"}}'
                                f"\nlog:\n{log}"})
    return {"model": MODEL, "messages": msgs[:20], "temperature": 0}


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def bench(size: int, requests: int, seed: int = 0) -> dict[str, Any]:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    nodes, index = build_tree(size)
    tree = compile_tree(nodes, created_at="2026-01-01T00:00:00Z")
    compile_s = time.perf_counter() - t0
    data = tree.to_bytes()
    t0 = time.perf_counter()
    tree = CompiledTree.from_bytes(data)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    tree.warm()
    warm_s = time.perf_counter() - t0
    reqs = [request(rng, *rng.choice(index)) for _ in range(requests)]
    for r in reqs[:50]:
        assert tree.lookup(r) is not None, tree.explain(r)
    out = {"templates": len(nodes), "artifact_mb": round(len(data) / 2**20, 1), "compile_s": round(compile_s, 2),
           "load_s": round(load_s, 3), "warm_s": round(warm_s, 2), "requests": requests}
    for label in ("", "frozen_"):
        if label:
            gc.freeze()  # what a server does after loading: the tree leaves the GC's generations
        times, cpu = [], []
        for r in reqs:
            t0, c0 = time.perf_counter_ns(), time.thread_time_ns()
            hit = tree.lookup(r)
            cpu.append((time.thread_time_ns() - c0) / 1e6)
            times.append((time.perf_counter_ns() - t0) / 1e6)
            assert hit is not None
        out[f"{label}p50_ms"] = round(statistics.median(times), 3)
        out[f"{label}p99_ms"] = round(percentile(times, 0.99), 3)
        out[f"{label}cpu_p50_ms"] = round(statistics.median(cpu), 3)
    gc.unfreeze()
    return out


def count(size: int, lookups: int, seed: int = 0) -> None:
    """Build and load the tree as :func:`bench` does, then run ``lookups`` lookups, untimed
    (400 distinct requests in turn): what instruction counts compare."""
    rng = random.Random(seed)
    nodes, index = build_tree(size)
    tree = CompiledTree.from_bytes(compile_tree(nodes, created_at="2026-01-01T00:00:00Z").to_bytes())
    tree.warm()
    reqs = [request(rng, *rng.choice(index)) for _ in range(400)]
    gc.freeze()
    for i in range(lookups):
        assert tree.lookup(reqs[i % len(reqs)]) is not None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--count", type=int, metavar="N", help="only run N lookups, untimed (for cachegrind)")
    args = ap.parse_args()
    for size in args.sizes:
        if args.count is not None:
            count(size, args.count)
        else:
            print(orjson.dumps(bench(size, args.requests)).decode(), flush=True)


if __name__ == "__main__":
    main()
