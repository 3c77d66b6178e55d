"""Print the results table: per trap, hits / false hits summed over 8 seed pairs x n in (3, 5, 10, 20), for
after (0201fe0, the rule), before (ac315f7), and the two narrowings of proto.py (stop, cue); then the
hit cost per n (before - after).

    python3 docs/review/traps17/results/summarise.py"""
import json
from pathlib import Path

here = Path(__file__).parent
names = sorted(p.name[len("after."):-len(".jsonl")] for p in here.glob("after.*.jsonl"))


def tot(side: str, n: str):
    f = here / f"{side}.{n}.jsonl"
    if not f.exists():
        return None
    for line in f.read_text().splitlines():
        if line.startswith('{"TOTAL"'):
            return json.loads(line)
    return None


print("| trap | after: hits / false (fixed-word refusals) | before | stop | cue | hit cost per n (3,5,10,20) |")
print("|---|---|---|---|---|---|")
for n in names:
    a, b, s, c = (tot(x, n) for x in ("after", "before", "stop", "cue"))
    cost = " ".join(str(b["per_n"][k][0] - a["per_n"][k][0]) for k in a["per_n"])
    cell = lambda r: f"{r['hits']} / {r['false']}" if r else "?"  # noqa: E731
    print(f"| `{n}` | {a['hits']} / {a['false']} ({a['fixed_word_misses']}) | {cell(b)} | {cell(s)} | {cell(c)} | {cost} |")
