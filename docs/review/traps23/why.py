"""Why one false hit: ``PYTHONPATH=. .venv/bin/python docs/review/traps23/why.py WORKFLOW N TRAIN TEST [RUN]``
trains as the harness does (N runs of seed TRAIN), replays the 20 test runs of seed TEST, and for
each false hit (or run RUN only; or, with ``misses``, each fixed-words refusal too) prints the request's last messages, what was served, what was
right, and the matched path's templates, pins, ranges and choices, with the run notes of the
answering node."""
import importlib.util
import io
import sys
import tempfile
from pathlib import Path

import orjson

TRAPS = Path(__file__).parent.parent / "traps21" / "traps.py" if sys.argv[1][:3] in ("r21", "j21", "c21") else Path(__file__).parent.parent / "traps22" / "traps.py" if sys.argv[1][:3] in ("r22", "c22") else Path(__file__).with_name("traps.py")
spec = importlib.util.spec_from_file_location("r23traps", TRAPS)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)

from evals.workflows import REGISTRY  # noqa: E402
from induction.config import InductionConfig  # noqa: E402
from induction.ingest import ingest_stream  # noqa: E402
from induction.pipeline import run_induction, same_answer  # noqa: E402
from induction.runtime.compiled import CompiledTree  # noqa: E402
from induction.store import Store  # noqa: E402

wf, n, tr, te = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
only = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[5] != "misses" else None
MISSES = "misses" in sys.argv[5:]
for _c in mod.ALL:
    REGISTRY[_c.name] = _c()
W = REGISTRY[wf]
train = [rec for run in W.runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n"
                                             for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
for _c in mod.ALL:
    REGISTRY[_c.name] = _c()
W = REGISTRY[wf]
ct = CompiledTree.from_bytes(tree.to_bytes(), budget_ms=50)
nodes = {nd.id: nd for nd in result.nodes}
notes = getattr(result, "notes", None) or getattr(pipe, "notes", None)


def short(m):
    if m.get("tool_calls"):
        return "; ".join(f"{c['function']['name']}({c['function']['arguments']})" for c in m["tool_calls"])
    return str(m.get("content"))


print("training answers:")
for run in W.runs(seed=tr, n=n):
    print("  ", " | ".join(short(r["response"]["choices"][0]["message"])[:90] for r in run))
for i, run in enumerate(W.runs(seed=te, n=20)):
    if only is not None and i != only:
        continue
    for j, rec in enumerate(run):
        ex = ct.explain(rec["request"], wf)
        if ex.hit is None:
            if MISSES and "text above fixes" in (ex.reason or ""):
                print(f"\n=== run {i} call {j}: MISS by fixed-words: {ex.reason}")
                for m in rec["request"]["messages"][1:]:
                    print("   msg:", m["role"], short(m)[:200])
                for nid in ex.path:
                    nd = nodes.get(nid)
                    if nd is not None:
                        t = orjson.dumps(nd.template.model_dump(mode="json")).decode()
                        print(f"   node {nid[:8]} tmpl={t[:900]}")
                        if nd.response is not None:
                            print(f"      fixed_words={nd.response.fixed_words}")
            continue
        got, want = ex.hit.response["choices"][0]["message"], rec["response"]["choices"][0]["message"]
        if same_answer(got, want) and only is None:
            continue
        print(f"\n=== run {i} call {j}: {'OK' if same_answer(got, want) else 'FALSE HIT'}")
        for m in rec["request"]["messages"][2:]:
            print("   msg:", m["role"], short(m)[:200])
        print("   served:", short(got)[:200])
        print("   right: ", short(want)[:200])
        for nid in ex.path:
            nd = nodes.get(nid)
            if nd is None:
                continue
            t = orjson.dumps(nd.template.model_dump(mode="json")).decode()
            print(f"   node {nid[:8]} {nd.status} tmpl={t[:400]}")
            if nd.response is not None:
                r = nd.response
                print(f"      response pins={r.pins} ranges={r.ranges} choices={r.choices} evidence={r.evidence}")
                if getattr(r, "affixes", None) or getattr(r, "before", None):
                    print(f"      affixes={r.affixes} before={getattr(r, 'before', ())}")
                for var, chk in (getattr(r, "blocks", None) or {}).items():
                    print(f"      BLOCK {var}: lines={chk.lines}")
                    for nm, shapes in (("shapes", chk.shapes), ("first", chk.first), ("last", chk.last)):
                        for sh in shapes:
                            print(f"         {nm}: {''.join(t if t is not None else '_' for t in sh.tokens)!r} slots={[(s.closed, s.bounds) for s in sh.slots]}")
            if isinstance(notes, dict) and nid in notes:
                print("      notes:", notes[nid])
