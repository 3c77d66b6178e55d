"""Compare the parent's and the change's harness outputs call by call.

    python3 docs/review/traps25/compare.py results/parent.jsonl results/change.jsonl [--calls WF]

Per workflow: hits and false hits on each tree (hits = every served call, correct = hits - false),
false hits by n on the change, NEW false hits (a call the change served wrongly that the parent
did not serve wrongly), and the correct hits the change lost, by the check that refused them
(its miss reason). ``--calls WF`` lists WF's new false hits and lost hits one per line.
"""
import gzip
import json
import re
import sys
from collections import Counter, defaultdict


def load(path):
    out = {}
    for line in (gzip.open(path, "rt") if str(path).endswith(".gz") else open(path)):
        d = json.loads(line)
        if "wf" in d and "error" not in d:
            out[(d["wf"], d["n"], d["tr"], d["te"])] = d
    return out


def kind(reason):
    for pat, k in (("numbers the text above names", "named-numbers"), ("share a part", "sharing"),
                   ("equal to a word the text above fixes", "fixed-words"), ("so close to", "fragments"),
                   ("saw every", "affixes"), ("disagree", "disagree"), ("uncacheable", "uncacheable"),
                   ("only between", "range"), ("equal or one inside", "apart/together")):
        if pat in reason:
            return k
    return "other"


def main():
    par, chg = load(sys.argv[1]), load(sys.argv[2])
    detail = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--calls" else None
    rows = defaultdict(lambda: Counter())
    lost_by = defaultdict(Counter)
    fn = defaultdict(Counter)
    ln = defaultdict(Counter)
    for key, c in sorted(chg.items()):
        p = par.get(key)
        if p is None:
            continue
        wf, n, tr, te = key
        r = rows[wf]
        r["ph"] += p["hits"]; r["pf"] += p["false"]; r["ch"] += c["hits"]; r["cf"] += c["false"]
        pserved = {(i, j): f for i, j, f in p["served"]}
        cserved = {(i, j): f for i, j, f in c["served"]}
        fn[wf][n] += c["false"]
        for (i, j), f in cserved.items():
            if f and not pserved.get((i, j)):
                r["new"] += 1
                if detail == wf:
                    print("NEW FALSE", wf, n, f"{tr}/{te}", f"run {i} call {j}",
                          "(parent missed: " + p["misses"].get(f"{i}:{j}", "")[:150] + ")")
        for (i, j), f in pserved.items():
            if not f and (i, j) not in cserved:
                why = c["misses"].get(f"{i}:{j}", "")
                r["lost"] += 1
                ln[wf][n] += 1
                lost_by[wf][kind(why)] += 1
                if detail == wf:
                    print("LOST", wf, n, f"{tr}/{te}", f"run {i} call {j}:", why[:200])
            if f and (i, j) not in cserved:
                r["fixed"] += 1
    print(f"| workflow | parent hits | parent false | change hits | change false | change false n=3/5/8/20 "
          f"| new false | false fixed | correct lost n=3/5/8/20 | correct lost (by check) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    tot = Counter()
    for wf, r in rows.items():
        tot.update(r)
        lost = ", ".join(f"{k} {v}" for k, v in lost_by[wf].most_common())
        print(f"| {wf} | {r['ph']} | {r['pf']} | {r['ch']} | **{r['cf']}** | "
              f"{'/'.join(str(fn[wf][n]) for n in (3, 5, 8, 20))} | {r['new']} | {r['fixed']} | {'/'.join(str(ln[wf][n]) for n in (3, 5, 8, 20))} | {r['lost']}"
              f"{' (' + lost + ')' if lost else ''} |")
    print(f"| **total** | {tot['ph']} | {tot['pf']} | {tot['ch']} | **{tot['cf']}** | | {tot['new']} | "
          f"{tot['fixed']} | | {tot['lost']} |")


if __name__ == "__main__":
    main()
