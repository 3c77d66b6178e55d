"""Three-way table: ``python summarize22.py before.txt after.txt [proto.txt]`` -> per trap, served hits, false hits
and correct hits (served - false) summed over the points of each file, and false per n for the after file."""
import re
import sys
from collections import defaultdict


def load(path):
    tot = defaultdict(lambda: [0, 0, 0]); per_n = defaultdict(int)
    for line in open(path):
        m = re.match(r"(\S+) n=(\d+) seeds=\S+ calls=(\d+) hits=(\d+) FALSE=(\d+)", line)
        if m:
            wf, n, c, h, f = m.group(1), int(m.group(2)), *map(int, m.groups()[2:])
            tot[wf][0] += c; tot[wf][1] += h; tot[wf][2] += f; per_n[wf, n] += f
    return tot, per_n


files = [load(p) for p in sys.argv[1:]]
names = ["before", "after", "proto"][:len(files)]
a, an = files[1]
ns = sorted({n for _, n in an})
print("| trap | calls | " + " | ".join(f"{x} false | {x} correct hits" for x in names) + " | after false per n (" + "/".join(map(str, ns)) + ") |")
print("|---|---|" + "---|---|" * len(files) + "---|")
for wf in a:
    cells = []
    for tot, _ in files:
        c = tot.get(wf, [0, 0, 0]); cells += [str(c[2]), str(c[1] - c[2])]
    print(f"| {wf} | {a[wf][0]} | " + " | ".join(cells) + " | " + "/".join(str(an[wf, n]) for n in ns) + " |")
