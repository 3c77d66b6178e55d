"""Two false hits from today's smaller changes.

(a) 017b5af, title case no rival of a copy when every value has a digit. The agent starts a
    sentence with the commit id, capitalised ("A07dc6c857 is the first bad commit."). Training
    shows only ids beginning with a digit (capitalize is a no-op there): a copy is derived and
    capitalize is no longer kept as a rival, so an id beginning with a letter is served
    lower-case. Before: capitalize was a rival that disagrees -> miss.

(b) c744336, measures leave order pairs. size_mb (an identifier-like number by its label: a
    "measure") against limit_mb (a quantity). Upload when size <= limit, else refuse. Training:
    every file fit. The order size_mb <= limit_mb was kept before (a request breaking it missed);
    now size_mb is a measure, the pair is dropped and a too-big file is served upload(...).

    cd /tmp/review && PYTHONPATH=/tmp/review /work/main/.venv/bin/python docs/review/traps/repro_digits_measures.py
"""

from __future__ import annotations

import random
from typing import Any

from evals.builders import stored
from evals.workflows.base import Run
from evals.workflows.catalog import Hello
from induction.induce import induce
from induction.pipeline import same_answer
from induction.runtime.compiled import compile_tree


def bisect(sha: str, n: int) -> list[dict[str, Any]]:
    run = Run(Hello(), random.Random(n))
    run.system("Find the commit that broke a PR's build.").user(f"What broke PR {100 + n}?")
    run.call("bisect", {"pr": 100 + n}, {"pr": 100 + n, "first_bad": sha})
    run.say(f"{sha.capitalize()} is the first bad commit.")
    return run.records


def upload(size: int, limit: int, n: int) -> list[dict[str, Any]]:
    run = Run(Hello(), random.Random(n))
    name = f"file-{n}.zip"
    run.system("Upload files that fit the user's quota.").user(f"Upload {name} please.")
    run.call("stat", {"name": name}, {"name": name, "size_mb": size, "limit_mb": limit})
    if size <= limit:
        run.call("upload", {"name": name}, {"ok": True})
        run.say(f"Uploaded {name}.")
    else:
        run.say(f"{name} is too big for your quota.")
    return run.records


def check(tree: Any, label: str, rec: dict[str, Any]) -> None:
    hit = tree.lookup(rec["request"])
    want = rec["response"]["choices"][0]["message"]
    if hit is None:
        print(f"  {label}: miss")
        return
    got = hit.response["choices"][0]["message"]
    def show(m):
        return (m["tool_calls"][0]["function"] if m.get("tool_calls") else m["content"])
    print(f"  {label}: {'ok' if same_answer(got, want) else 'FALSE HIT'}: served {show(got)} / recorded {show(want)}")


if __name__ == "__main__":
    print("(a) capitalised id")
    shas = ["9891dd0c84", "50fe2f2ef0", "4dd3ed2f29", "880be4b1b6"]
    tree = compile_tree(induce(stored([r for n, s in enumerate(shas) for r in bisect(s, n)])).nodes)
    check(tree, "digit-first 7081bee9ff", bisect("7081bee9ff", 50)[1])
    check(tree, "letter-first a07dc6c857", bisect("a07dc6c857", 51)[1])
    print("(b) size_mb vs limit_mb")
    train = [(120, 640), (700, 910), (515, 530), (300, 800), (640, 990), (820, 870)]
    tree = compile_tree(induce(stored([r for n, (s, lim) in enumerate(train) for r in upload(s, lim, n)])).nodes)
    check(tree, "fits 600 <= 700", upload(600, 700, 60)[1])
    check(tree, "too big 900 > 700", upload(900, 700, 61)[1])
