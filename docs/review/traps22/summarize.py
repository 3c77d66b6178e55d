"""Sum the harness lines per trap (and per n): ``python summarize.py results/before.txt results/after.txt``."""
import re
import sys
from collections import defaultdict


def load(path):
    tot = defaultdict(lambda: [0, 0, 0]); per_n = defaultdict(lambda: [0, 0])
    for line in open(path):
        m = re.match(r"(\S+) n=(\d+) seeds=\S+ calls=(\d+) hits=(\d+) FALSE=(\d+)", line)
        if m:
            wf, n, c, h, f = m.group(1), int(m.group(2)), *map(int, m.groups()[2:])
            tot[wf][0] += c; tot[wf][1] += h; tot[wf][2] += f
            per_n[wf, n][0] += h; per_n[wf, n][1] += f
    return tot, per_n


b, bn = load(sys.argv[1]); a, an = load(sys.argv[2])
ns = sorted({n for _, n in an})
print("| trap | calls | hits before | false before | hits after | false after | false after per n (" + ",".join(map(str, ns)) + ") |")
print("|---|---|---|---|---|---|---|")
for wf in a:
    cb = b.get(wf, [0, 0, 0])
    print(f"| {wf} | {a[wf][0]} | {cb[1]} | {cb[2]} | {a[wf][1]} | {a[wf][2]} | " + " / ".join(str(an[wf, n][1]) for n in ns) + " |")
