"""The task runner a flow spreads its per-namespace induction over, from one string.

- ``threads`` (default): a thread pool in this process.
- ``dask`` or ``dask:N``: a Dask ``LocalCluster`` of N worker processes (default 2)
  started for the run and stopped after it.
- ``tcp://host:8786`` (or ``dask://host:8786``): an existing Dask scheduler.

Only pure work (inducing and verifying one namespace's records) goes to the runner;
tasks that touch the DuckDB store or the lock run in the flow's own process,
so workers need neither the store file nor ``$ROTE_HOME``.

>>> parse("dask:3"), parse("tcp://10.0.0.5:8786"), parse("threads")
(('dask', 3), ('address', 'tcp://10.0.0.5:8786'), ('threads', None))
"""

from __future__ import annotations

from typing import Any

DEFAULT_DASK_WORKERS = 2


def parse(spec: str) -> tuple[str, Any]:
    spec = spec.strip()
    if spec in ("", "threads", "thread", "local"):
        return ("threads", None)
    if spec == "dask":
        return ("dask", DEFAULT_DASK_WORKERS)
    if spec.startswith("dask:") and spec[5:].isdigit():
        return ("dask", max(1, int(spec[5:])))
    if spec.startswith("dask://"):
        return ("address", "tcp://" + spec[len("dask://"):])
    if spec.startswith(("tcp://", "tls://")):
        return ("address", spec)
    raise ValueError(f"unknown task runner {spec!r}: use 'threads', 'dask', 'dask:N' or 'tcp://host:port'")


def task_runner(spec: str) -> Any:
    """A Prefect task runner for ``spec`` (imports Prefect / prefect-dask lazily)."""
    kind, arg = parse(spec)
    if kind == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner()
    from prefect_dask.task_runners import DaskTaskRunner

    if kind == "address":
        return DaskTaskRunner(address=arg)
    return DaskTaskRunner(cluster_kwargs={"n_workers": arg, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": None})
