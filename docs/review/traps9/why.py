"""Explain one sweep false hit: python why.py TRAP_KEY SEED N TEST_SEED CALL_INDEX"""
import sys

from docs.review.traps import harness
from docs.review.traps9 import t9, t9b
from docs.review.traps9.repro_util import check, induce_runs

t9.TRAPS.update(t9b.TRAPS)

key, seed, n, ts, ci = sys.argv[1], *map(int, sys.argv[2:6])
wf = t9.TRAPS[key]()
wf.training = True
train = [wf.run(seed * 10_000 + i) for i in range(n)]
wf.training = False
tree, result = induce_runs(train)
for i, run in enumerate(train):
    print("train", i, " | ".join(repr(m.get("content"))[:90] for m in run[-1]["request"]["messages"][:1]),
          "->", " / ".join(harness.short(harness.msg(r))[:60] for r in run))
    if len(sys.argv) > 6:
        print("     ", [m.get("content") for m in run[-1]["request"]["messages"]][2:4])
test = wf.run(ts)
print("test:", [m.get("content") for m in test[ci]["request"]["messages"]][:4])
check(tree, result, f"test {ts} call {ci}", test[ci])
