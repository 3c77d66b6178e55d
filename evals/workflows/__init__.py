"""Fixture workflows by name: ``WORKFLOWS["crm_email"].runs(seed=0, n=5)``."""

from evals.workflows.base import Run, Workflow
from evals.workflows.catalog import ALL

WORKFLOWS: dict[str, Workflow] = {cls.name: cls() for cls in ALL}

__all__ = ["WORKFLOWS", "Run", "Workflow"]
