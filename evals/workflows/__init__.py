"""Fixture workflows by name: ``WORKFLOWS["crm_email"].runs(seed=0, n=5)``.

- ``WORKFLOWS``: the catalog (``catalog.py``). ``workflows: all`` in a suite, the shipped
  fixtures and the benchmarks mean these.
- ``ADVERSARIAL``: the adversarial workflows (``adversarial/``, one module per family), never part of ``all``;
  a suite names them one by one or by group (``adversarial``, ``adversarial-limits``).
- ``PROBE``: the probe workflows (``probe.py``: agent traffic in styles the catalog lacks), never part
  of ``all``; a suite names them one by one or by group (``probe``).
- ``PROBE2``: the second probe's workflows (``probe2.py``: a tau-bench-style conversation, a browser
  agent, a coding agent, retries and long results), never part of ``all``; group ``probe2``.
- ``REGISTRY``: every workflow a suite may name (all of the above).
"""

from evals.workflows import adversarial, probe, probe2
from evals.workflows.adversarial import Adversarial
from evals.workflows.base import Run, Workflow
from evals.workflows.catalog import ALL

WORKFLOWS: dict[str, Workflow] = {cls.name: cls() for cls in ALL}
ADVERSARIAL: dict[str, Adversarial] = {cls.name: cls() for cls in adversarial.ALL}
PROBE: dict[str, Workflow] = {cls.name: cls() for cls in probe.ALL}
PROBE2: dict[str, Workflow] = {cls.name: cls() for cls in probe2.ALL}
_twice = ((WORKFLOWS.keys() & ADVERSARIAL.keys()) | (PROBE.keys() & (WORKFLOWS.keys() | ADVERSARIAL.keys()))
          | (PROBE2.keys() & (WORKFLOWS.keys() | ADVERSARIAL.keys() | PROBE.keys())))
if _twice:
    raise RuntimeError(f"workflow names used twice: {sorted(_twice)}")
REGISTRY: dict[str, Workflow] = {**WORKFLOWS, **ADVERSARIAL, **PROBE, **PROBE2}

__all__ = ["ADVERSARIAL", "PROBE", "PROBE2", "REGISTRY", "WORKFLOWS", "Adversarial", "Run", "Workflow"]
