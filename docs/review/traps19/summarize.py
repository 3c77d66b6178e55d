"""Tables from the harness outputs, one column group per tree:

    python3 summarize.py new=results/new_all.txt,results/new_b2.txt before=results/before_all.txt,... [fix=...]

Per trap and number of training runs: false hits and hits summed over the seed pairs run."""
import re
import sys
from collections import defaultdict


def load(paths):
    out = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))  # wf -> n -> [calls, hits, false, pairs]
    for path in paths.split(","):
        for line in open(path):
            m = re.match(r"(\S+) n=(\d+) seeds=\S+ calls=(\d+) hits=(\d+) FALSE=(\d+)", line)
            if m:
                a = out[m.group(1)][int(m.group(2))]
                a[0] += int(m.group(3)); a[1] += int(m.group(4)); a[2] += int(m.group(5)); a[3] += 1
    return out


trees = [(a.split("=", 1)[0], load(a.split("=", 1)[1])) for a in sys.argv[1:]]
names = [t for t, _ in trees]
first = trees[0][1]
print("| trap | n | pairs | calls | " + " | ".join(f"false {t}" for t in names) + " | " + " | ".join(f"hits {t}" for t in names) + " |")
print("|---|---|---|---|" + "---|" * (2 * len(names)))
for wf in first:
    for n in sorted(first[wf]):
        cells = [d[wf][n] if n in d.get(wf, {}) else None for _, d in trees]
        f = " | ".join("-" if c is None else str(c[2]) for c in cells)
        h = " | ".join("-" if c is None else str(c[1]) for c in cells)
        print(f"| `{wf}` | {n} | {first[wf][n][3]} | {first[wf][n][0]} | {f} | {h} |")
print()
print("| trap | calls | " + " | ".join(f"false {t}" for t in names) + " | " + " | ".join(f"hits {t}" for t in names) + " |")
print("|---|---|" + "---|" * (2 * len(names)))
for wf in first:
    tot = [[sum(x[i] for x in d[wf].values()) for i in range(4)] if wf in d else None for _, d in trees]
    f = " | ".join("-" if c is None else str(c[2]) for c in tot)
    h = " | ".join("-" if c is None else f"{c[1]} ({100 * c[1] / c[0]:.1f}%)" for c in tot)
    print(f"| `{wf}` | {tot[0][0]} | {f} | {h} |")
