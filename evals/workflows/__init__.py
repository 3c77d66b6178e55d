"""Fixture workflows by name: ``WORKFLOWS["crm_email"].runs(seed=0, n=5)``.

- ``WORKFLOWS``: the catalog (``catalog.py``). ``workflows: all`` in a suite, the shipped
  fixtures and the benchmarks mean these.
- ``ADVERSARIAL``: the adversarial workflows (``adversarial/``, one module per family), never part of ``all``;
  a suite names them one by one or by group (``adversarial``, ``adversarial-limits``).
- ``PROBE``: the probe workflows (``probe.py``: agent traffic in styles the catalog lacks), never part
  of ``all``; a suite names them one by one or by group (``probe``).
- ``REGISTRY``: every workflow a suite may name (all of the above).
"""

from evals.workflows import adversarial, probe
from evals.workflows.adversarial import Adversarial
from evals.workflows.base import Run, Workflow
from evals.workflows.catalog import ALL

WORKFLOWS: dict[str, Workflow] = {cls.name: cls() for cls in ALL}
ADVERSARIAL: dict[str, Adversarial] = {cls.name: cls() for cls in adversarial.ALL}
PROBE: dict[str, Workflow] = {cls.name: cls() for cls in probe.ALL}
_twice = (WORKFLOWS.keys() & ADVERSARIAL.keys()) | (PROBE.keys() & (WORKFLOWS.keys() | ADVERSARIAL.keys()))
if _twice:
    raise RuntimeError(f"workflow names used twice: {sorted(_twice)}")
REGISTRY: dict[str, Workflow] = {**WORKFLOWS, **ADVERSARIAL, **PROBE}

__all__ = ["ADVERSARIAL", "PROBE", "REGISTRY", "WORKFLOWS", "Adversarial", "Run", "Workflow"]
