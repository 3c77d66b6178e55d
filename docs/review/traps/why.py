"""Explain one sweep case of a reviewer's trap: its training runs, the test request, the verdict
and the notes of every node on its path. ``docs/review/traps11/why11.py`` and its successors call
:func:`main` with their package."""
import importlib
import sys

from docs.review.traps import harness
from docs.review.traps9.repro_util import check, induce_runs


def main(package: str) -> None:
    """``python -m PACKAGE.whyNN MODULE TRAP SEED N TEST_SEED CALL_INDEX``."""
    mod, key, seed, n, ts, ci = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
    wf = importlib.import_module(f"{package}.{mod}").TRAPS[key]()
    wf.training = True
    train = [wf.run(seed * 10_000 + i) for i in range(n)]
    wf.training = False
    tree, result = induce_runs(train)
    for i, run in enumerate(train):
        print("train", i, " | ".join(str(m.get("content"))[:90] for m in run[-1]["request"]["messages"]
                                     if m["role"] in ("user", "tool", "system"))[:300],
              "->", " / ".join(harness.short(harness.msg(r))[:80] for r in run))
    test = wf.run(ts)
    print("test:", [str(m.get("content"))[:120] for m in test[ci]["request"]["messages"] if m["role"] in ("user", "tool", "system")])
    check(tree, result, f"test {ts} call {ci}", test[ci])
    ex = tree.explain(test[ci]["request"])
    nodes = {n.id: n for n in result.nodes}
    for nid in ex.path:
        nd = nodes.get(nid)
        if nd is not None and nd.template.content is not None:
            print("  node", nid[:8], repr(str(nd.template.content))[:200],
                  [(p.var, p.kind, p.refuse_text) for p in nd.template.content.parts if not isinstance(p, str)])
            if nd.derivations:
                print("    derivations", nd.derivations)
