"""The order, gaps and ranges each answering node keeps, after training as the harness does:
``PYTHONPATH=TREE .venv/bin/python docs/review/traps20/checks.py WORKFLOW N TRAIN``; with
``number_unit`` of each kept pair's labels where the tree has it (f037de9 and later)."""
import importlib.util
import io
import sys
import tempfile
from pathlib import Path

import orjson

spec = importlib.util.spec_from_file_location("r20traps", Path(__file__).with_name("traps.py"))
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)

import induction  # noqa: E402
from evals.workflows import REGISTRY  # noqa: E402
from induction.config import InductionConfig  # noqa: E402
from induction.ingest import ingest_stream  # noqa: E402
from induction.pipeline import run_induction  # noqa: E402
from induction.store import Store  # noqa: E402

try:
    from induction.evidence import number_unit  # noqa: E402
except ImportError:
    number_unit = None

for c in mod.ALL:
    REGISTRY[c.name] = c()
wf, n, tr = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
train = [rec for run in REGISTRY[wf].runs(seed=tr, n=n) for rec in run]
with tempfile.TemporaryDirectory() as tmp:
    store = Store.open(Path(tmp) / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps({"request": r["request"], "response": r["response"]}) + b"\n"
                                             for r in train)), source=wf, namespace=wf)
    tree, result, pipe = run_induction(store, InductionConfig())
    store.close()
print(f"# tree {Path(induction.__file__).parent.parent} {wf} n={n} train={tr}")
for nd in result.nodes:
    r = nd.response
    if r is None or nd.status != "live":
        continue
    if not (r.ranges or r.order or r.gaps):
        continue
    parts = nd.template.model_dump(mode="json").get("content") or {}
    text = "".join(p if isinstance(p, str) else "{" + p["var"] + "}" for p in (parts.get("parts") or []))
    print(f"node {nd.id[:8]} {text[:110]!r}")
    print(f"   ranges={dict(r.ranges)}")
    print(f"   order={list(r.order)}")
    print(f"   gaps={list(r.gaps)}")
