"""Fixture workflows by name: ``WORKFLOWS["crm_email"].runs(seed=0, n=5)``.

- ``WORKFLOWS``: the catalog (``catalog.py``). ``workflows: all`` in a suite, the shipped
  fixtures and the benchmarks mean these.
- ``ADVERSARIAL``: the adversarial workflows (``adversarial/``, one module per family), never part of ``all``;
  a suite names them one by one or by group (``adversarial``, ``adversarial-limits``).
- ``REGISTRY``: every workflow a suite may name (both of the above).
"""

from evals.workflows import adversarial
from evals.workflows.adversarial import Adversarial
from evals.workflows.base import Run, Workflow
from evals.workflows.catalog import ALL

WORKFLOWS: dict[str, Workflow] = {cls.name: cls() for cls in ALL}
ADVERSARIAL: dict[str, Adversarial] = {cls.name: cls() for cls in adversarial.ALL}
if WORKFLOWS.keys() & ADVERSARIAL.keys():
    raise RuntimeError(f"workflow names used twice: {sorted(WORKFLOWS.keys() & ADVERSARIAL.keys())}")
REGISTRY: dict[str, Workflow] = {**WORKFLOWS, **ADVERSARIAL}

__all__ = ["ADVERSARIAL", "REGISTRY", "WORKFLOWS", "Adversarial", "Run", "Workflow"]
