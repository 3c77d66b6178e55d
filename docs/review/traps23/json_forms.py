"""Review 23's traps with the tool's bare value in a JSON field ({"request_id": ..., "value": ...}):
what the checks do where the value is data (JSON scalars are clustered) rather than a literal node.
Usage (from the repo root): PYTHONPATH=. .venv/bin/python docs/review/traps23/json_forms.py 3,5,8,20
Prints hits and false hits per trap over the 8 seed pairs, 20 test runs each, and the total."""
import sys, importlib.util, inspect, pathlib
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from evals.builders import stored
from evals.workflows.base import iter_records
from induction.induce import induce
from induction.runtime.compiled import compile_tree
from induction.pipeline import same_answer
spec = importlib.util.spec_from_file_location("t23", HERE / "traps.py")
mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
BY = {c.name: c for c in vars(mod).values() if inspect.isclass(c) and c.__module__ == "t23" and isinstance(getattr(c, "name", None), str) and c.name.startswith(("r23", "c23"))}
PAIRS=[(1,2),(102,103),(203,204),(304,305),(405,406),(506,507),(607,608),(708,709)]
ns=[int(x) for x in sys.argv[1].split(",")]
def jsonify(cls):
    class J(cls):
        def play(self, run, fake, rng):
            orig = run.call; first = [True]
            def call(name, args, result, *a, **k):
                if first[0] and isinstance(result, str):
                    first[0] = False
                    result = {"request_id": f"req_{rng.getrandbits(32):08x}", "value": result}
                return orig(name, args, result, *a, **k)
            run.call = call
            try: return super().play(run, fake, rng)
            finally: run.call = orig
    return J
T=F=0
for name in sorted(BY):
    wf = jsonify(BY[name])()
    fs=hs=0
    for n in ns:
        for tr,te in PAIRS:
            tree = compile_tree(induce(stored(list(iter_records(wf.runs(tr, n))))).nodes)
            for run in wf.runs(te, 20):
                for r in run:
                    h = tree.explain(r["request"]).hit
                    if h is not None:
                        hs+=1
                        if not same_answer(h.response["choices"][0]["message"], r["response"]["choices"][0]["message"]): fs+=1
    T+=hs; F+=fs
    print(name, "hits", hs, "false", fs, flush=True)
print("TOTAL hits", T, "false", F)
