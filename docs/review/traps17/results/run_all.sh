#!/bin/sh
# Every trap on both trees, one JSONL file per (tree, trap). Two at a time.
cd /tmp/rev17
names=$(PYTHONPATH=/tmp/rev17 .venv/bin/python -c "
import importlib.util,sys
s=importlib.util.spec_from_file_location('t','docs/review/traps17/traps.py');m=importlib.util.module_from_spec(s);s.loader.exec_module(m)
print(' '.join(c.name for c in m.TRAPS))")
for t in $names; do
  (cd /tmp/rev17 && PYTHONPATH=/tmp/rev17 .venv/bin/python docs/review/traps17/harness.py $t > docs/review/traps17/results/after.$t.jsonl 2>&1) &
  (cd /tmp/rev17base && PYTHONPATH=/tmp/rev17base .venv/bin/python /tmp/rev17/docs/review/traps17/harness.py $t > /tmp/rev17/docs/review/traps17/results/before.$t.jsonl 2>&1) &
  wait
done
