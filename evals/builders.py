"""``StoredRecord`` values built straight from record dicts (no store needed), for doctests,
tests and benchmarks: production code's examples import this, never ``tests/``.

>>> [r.namespace for r in stored([{"request": {"messages": [{"role": "user", "content": "Hi"}]},
...                                "response": {"choices": [{"message": {"role": "assistant", "content": "Hello"}}]}}])]
['default']
>>> [m["content"] for m in hello_records(["Erik"])[0].messages]
['You greet people politely.', 'Say hello to Erik.']
"""

from __future__ import annotations

import random
from typing import Any

from evals.workflows.base import Run
from evals.workflows.catalog import Hello
from induction.hashing import message_hash, path_ids, request_key
from induction.store import StoredRecord


def stored(records: list[dict[str, Any]], namespace: str = "default") -> list[StoredRecord]:
    """Records (``{"request": ..., "response": ...}``, optional ``"rote": {"bindings": ...}``)
    as the store would give them back, numbered ``r0``, ``r1``... in order."""
    out = []
    for i, rec in enumerate(records):
        msgs = rec["request"]["messages"]
        resp = rec["response"]["choices"][0]["message"]
        ids = path_ids(namespace, [message_hash(m) for m in [*msgs, resp]])
        out.append(StoredRecord(
            record_id=f"r{i}", namespace=namespace, messages=msgs, node_ids=ids[:-1], response=rec["response"],
            response_node_id=ids[-1], params={k: v for k, v in rec["request"].items() if k != "messages"},
            request_key=request_key(rec["request"]), bindings=(rec.get("rote") or {}).get("bindings") or {},
            seq=i + 1))
    return out


def hello_records(names: list[str]) -> list[StoredRecord]:
    """One run of the ``hello`` workflow per name: a system prompt, "Say hello to NAME.",
    "Hello, NAME!"."""
    recs = []
    for n in names:
        r = Run(Hello(), random.Random(0))
        r.system("You greet people politely.").user(f"Say hello to {n}.").say(f"Hello, {n}!")
        recs.extend(r.records)
    return stored(recs)
