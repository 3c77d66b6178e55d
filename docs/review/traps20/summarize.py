"""Sum the harness lines: per trap and n, false hits / hits / calls over the seed pairs, before and after.

    .venv/bin/python docs/review/traps20/summarize.py docs/review/traps20/results/before_all.txt docs/review/traps20/results/after_all.txt
"""
import re
import sys
from collections import defaultdict

LINE = re.compile(r"(\S+) n=(\d+) seeds=\S+ calls=(\d+) hits=(\d+) FALSE=(\d+)")


def load(path):
    out = defaultdict(lambda: [0, 0, 0, 0])  # false, hits, calls, pairs with a false hit
    for line in open(path):
        m = LINE.match(line)
        if m:
            wf, n, calls, hits, fh = m[1], int(m[2]), int(m[3]), int(m[4]), int(m[5])
            o = out[(wf, n)]
            o[0] += fh; o[1] += hits; o[2] += calls; o[3] += fh > 0
    return out


before, after = load(sys.argv[1]), load(sys.argv[2])
print("| workflow | n | false before | false after | pairs w/ false before/after | hits before | hits after | calls |")
print("|---|---|---|---|---|---|---|---|")
for key in sorted(before, key=lambda k: (list(dict.fromkeys(w for w, _ in before)).index(k[0]), k[1])):
    b, a = before[key], after[key]
    flag = " **REGRESSION**" if a[0] > b[0] else ""
    print(f"| {key[0]} | {key[1]} | {b[0]} | {a[0]}{flag} | {b[3]}/{a[3]} | {b[1]} | {a[1]} | {b[2]} |")
