"""Label each false hit of a results file by the right answer at that call (tool name or "say") and the bare
value the run's tool returned: ``python classify.py results/r23_change.txt [results/r23_parent.txt]`` (no
induction; test runs regenerated from the workflow). With a parent file: only the change's new false hits."""
import importlib.util
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

spec = importlib.util.spec_from_file_location("r23traps", Path(__file__).with_name("traps.py"))
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
W = {c.name: c() for c in mod.ALL}


def load(path):
    out = {}
    for line in open(path):
        m = re.match(r"(\S+) n=(\d+) seeds=(\d+)/(\d+) .*calls_fh=(\[.*\])", line)
        if m:
            out[m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))] = set(
                (int(a), int(b)) for a, b in re.findall(r"\((\d+), (\d+)\)", m.group(5)))
    return out


ch = load(sys.argv[1]); pa = load(sys.argv[2]) if len(sys.argv) > 2 else {}
by = defaultdict(Counter); ex = defaultdict(list)
for (wf, n, tr, te), fh in ch.items():
    fh = fh - pa.get((wf, n, tr, te), set())
    if not fh or wf not in W:
        continue
    runs = list(W[wf].runs(seed=te, n=20))
    for r, c in sorted(fh):
        rec = runs[r][c]
        msg = rec["response"]["choices"][0]["message"]
        want = msg["tool_calls"][0]["function"]["name"] if msg.get("tool_calls") else "say"
        val = runs[r][1]["request"]["messages"][-1].get("content") if len(runs[r]) > 1 else None
        by[wf][f"call {c} want {want}"] += 1
        if len(ex[wf]) < 4:
            ex[wf].append(f"n={n} {tr}/{te} run {r}: {val}")
for wf in by:
    print(wf, dict(by[wf]), "e.g.", "; ".join(ex[wf]))
