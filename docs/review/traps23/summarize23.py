"""``python summarize23.py parent.txt change.txt`` -> per trap: false and correct hits (served - false) summed
over the points of each file, the change's false hits per n, and the change's false hits on (run, call)s where the
parent had none (new), with a total row. Points are matched by (workflow, n, seeds)."""
import re
import sys
from collections import defaultdict


def load(path):
    pts = {}
    for line in open(path):
        m = re.match(r"(\S+) n=(\d+) seeds=(\S+) calls=(\d+) hits=(\d+) FALSE=(\d+)", line)
        if m:
            fh = set(map(lambda t: (int(t[0]), int(t[1])), re.findall(r"\((\d+), (\d+)\)", line.split("calls_fh=")[1])))
            pts[m.group(1), int(m.group(2)), m.group(3)] = (*map(int, m.groups()[3:]), fh)
    return pts


p, c = load(sys.argv[1]), load(sys.argv[2])
wfs = list(dict.fromkeys(k[0] for k in c))
ns = sorted({k[1] for k in c})
print("| trap | points | parent false | parent correct | **change false** | change correct | change false per n ("
      + "/".join(map(str, ns)) + ") | new false (calls the parent did not serve falsely) |")
print("|---|---|---|---|---|---|---|---|")
T = [0] * 6
for wf in wfs:
    keys = [k for k in c if k[0] == wf]
    miss = [k for k in keys if k not in p]
    pf = sum(p[k][2] for k in keys if k in p); pc = sum(p[k][1] - p[k][2] for k in keys if k in p)
    cf = sum(c[k][2] for k in keys); cc = sum(c[k][1] - c[k][2] for k in keys)
    new = sum(len(c[k][3] - p[k][3]) for k in keys if k in p)
    pern = "/".join(str(sum(c[k][2] for k in keys if k[1] == n)) for n in ns)
    note = f" ({len(miss)} points missing in parent)" if miss else ""
    print(f"| {wf} | {len(keys)}{note} | {pf} | {pc} | {cf} | {cc} | {pern} | {new} |")
    for i, v in enumerate((len(keys), pf, pc, cf, cc, new)):
        T[i] += v
print(f"| **total** | {T[0]} | {T[1]} | {T[2]} | {T[3]} | {T[4]} | | {T[5]} |")
