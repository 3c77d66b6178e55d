"""Sandbox throughput: verified (derivation, example) case checks per second, local backend.

A realistic verification load: 50 candidate derivations (string split, regex +
float, date arithmetic, JSON, Decimal) x 20 examples each, verified with
``verify_many`` (every case runs twice: a second, reversed pass in a fresh
sandbox checks determinism). Target: >= 200 case checks per second.

    .venv/bin/python benchmarks/sandbox_throughput.py [--derivations 50] [--examples 20] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

from sandbox import Derivation, Example, LocalBackend, verify_many

TEMPLATES = [
    ("def first(full_name):\n    return full_name.split()[{k}]\n",
     "first", lambda i, k: ({"full_name": f"Ada{i} Lovelace{i} King{i}"}, f"{['Ada', 'Lovelace', 'King'][k]}{i}")),
    ("import re\ndef amount(text):\n    return float(re.sub(r'[^0-9.]', '', text)) * {k1}\n",
     "amount", lambda i, k: ({"text": f"${i}.25"}, (i + 0.25) * (k + 1))),
    ("from datetime import date, timedelta\n"
     "def later(day):\n    return (date.fromisoformat(day) + timedelta(days={k1})).isoformat()\n",
     "later", lambda i, k: ({"day": f"2024-01-{i % 28 + 1:02d}"},
                            __import__("datetime").date(2024, 1, i % 28 + 1).__add__(
                                __import__("datetime").timedelta(days=k + 1)).isoformat())),
    ("import json\ndef field(doc):\n    return json.loads(doc)['v'] + {k}\n",
     "field", lambda i, k: ({"doc": f'{{"v": {i}}}'}, i + k)),
    ("from decimal import Decimal\ndef cents(price):\n    return int(Decimal(price) * 100) + {k}\n",
     "cents", lambda i, k: ({"price": f"{i}.07"}, i * 100 + 7 + k)),
]


def workload(n_derivations: int, n_examples: int) -> list[Derivation]:
    out = []
    for d in range(n_derivations):
        template, name, make = TEMPLATES[d % len(TEMPLATES)]
        k = (d // len(TEMPLATES)) % 3
        source = template.format(k=k, k1=k + 1)
        examples = [Example(kwargs=make(i, k)[0], expected=make(i, k)[1]) for i in range(n_examples)]
        out.append(Derivation(source=source, function=name, examples=examples))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--derivations", type=int, default=50)
    parser.add_argument("--examples", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    derivations = workload(args.derivations, args.examples)
    n = sum(len(d.examples) for d in derivations)
    with LocalBackend() as backend:
        print(f"isolation: {backend.isolation.summary()}")
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            verdicts = verify_many(derivations, backend)
            best = min(best, time.perf_counter() - started)
        failed = [v.reason for v in verdicts if not v.passed]
        assert not failed, failed[:3]
        print(f"{n} case checks ({len(derivations)} derivations x {args.examples} examples, each run twice) "
              f"in {best:.3f}s (best of {args.repeat}): {n / best:,.0f} case checks/s; "
              f"{backend.processes_started} sandbox processes in all")


if __name__ == "__main__":
    main()
