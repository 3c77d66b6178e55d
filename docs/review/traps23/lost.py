"""Hits lost to the new rules: ``PYTHONPATH=<tree> python lost.py WF[,WF...] [NS] [SEEDS]`` trains as the harness does
and counts, over every call of the 20 test runs, the misses whose lookup reason is a copied-affixes
refusal ("saw every X alike"; "integer digits": magnitude), a time-order one, a fixed-words one (a word or a part) or a fragment one, with an example reason.
On a control, every such miss is a hit lost to a chance shared affix / order."""
import importlib.util
import io
import sys
import tempfile
from collections import Counter
from pathlib import Path

import orjson

here = Path(__file__).parent
wfs = sys.argv[1].split(",")
TRAPS = here.parent / "traps21" / "traps.py" if wfs[0][:3] in ("r21", "j21", "c21") else here.parent / "traps22" / "traps.py" if wfs[0][:3] in ("r22", "c22") else here / "traps.py"
spec = importlib.util.spec_from_file_location("r23traps", TRAPS)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)

from evals.workflows import REGISTRY  # noqa: E402
from induction.config import InductionConfig  # noqa: E402
from induction.ingest import ingest_stream  # noqa: E402
from induction.pipeline import run_induction  # noqa: E402
from induction.runtime.compiled import CompiledTree  # noqa: E402
from induction.store import Store  # noqa: E402

SEEDS = [(1, 2), (102, 103), (203, 204), (304, 305), (405, 406), (506, 507), (607, 608), (708, 709)]
ns = [int(x) for x in sys.argv[2].split(",")] if len(sys.argv) > 2 else [3, 5, 8, 20]
seeds = SEEDS if len(sys.argv) <= 3 else [tuple(map(int, p.split("/"))) for p in sys.argv[3].split(",")]
for _c in mod.ALL:
    REGISTRY[_c.name] = _c()
for wf in wfs:
    W = REGISTRY[wf]
    for n in ns:
        tot = Counter(); ex_reason = {}
        for tr, te in seeds:
            train = [rec for run in W.runs(seed=tr, n=n) for rec in run]
            with tempfile.TemporaryDirectory() as tmp:
                store = Store.open(Path(tmp) / "s.duckdb")
                ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n"
                                                         for r in train)), source=wf, namespace=wf)
                tree, _, _ = run_induction(store, InductionConfig())
                store.close()
            ct = CompiledTree.from_bytes(tree.to_bytes(), budget_ms=50)
            for run in W.runs(seed=te, n=20):
                for rec in run:
                    ex = ct.explain(rec["request"], wf)
                    if ex.hit is not None:
                        continue
                    r = ex.reason or ""
                    for key, tag in (("integer digits", "magnitude"), ("alike, and this one", "affix"), ("always saw", "time-order"), ("text above fixes", "fixed-word"), ("which the text above names", "fragment")):
                        if key in r:
                            tot[tag] += 1; ex_reason.setdefault(tag, r[r.find("node"):][:200]); break
        print(f"{wf} n={n} lost={dict(tot)} e.g. {ex_reason}", flush=True)
