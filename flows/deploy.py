"""``rote schedule``: the flows as Prefect deployments, served in the foreground.

- ``induction/nightly``: ``induction_flow`` on a cron schedule (default 02:00 daily);
- ``merge/on-demand``: ``merge_flow``, run with ``prefect deployment run 'merge/on-demand'
  --param node_id=...`` (or from the UI);
- ``eval/on-demand``: ``eval_flow``, ``--param suite=small``.

``serve`` polls the Prefect API for scheduled and requested runs and executes
each in a subprocess. Deployments name their flows by module path
(``flows.induction_flow.induction_flow``), so they load from any directory.
"""

from __future__ import annotations

from typing import Any

from flows.settings import FlowSettings

DEFAULT_CRON = "0 2 * * *"
NIGHTLY = "nightly"
ON_DEMAND = "on-demand"


def deployments(settings: FlowSettings, *, cron: str = DEFAULT_CRON, timezone: str | None = None,
                backend: str = "heuristic", interval: float | None = None) -> list[Any]:
    """The three runner deployments (``RunnerDeployment``), parameters pinned to ``settings``.

    ``interval`` (seconds) replaces the cron schedule of the nightly induction."""
    from datetime import timedelta

    from prefect.schedules import Cron, Interval
    from prefect.types.entrypoint import EntrypointType

    from flows.eval_flow import eval_flow
    from flows.induction_flow import induction_flow
    from flows.merge_flow import merge_flow

    where = {"home": str(settings.home.root), "publish_url": settings.publish_url,
             "task_runner": settings.task_runner}
    common: dict[str, Any] = {"tags": ["rote"], "entrypoint_type": EntrypointType.MODULE_PATH}
    return [
        induction_flow.to_deployment(
            name=NIGHTLY, schedules=[Cron(cron, timezone=timezone) if interval is None
                                     else Interval(timedelta(seconds=interval), timezone=timezone)],
            parameters={**where, "backend": backend},
            description="Nightly: ingest the spool, induce what changed, verify, publish.", **common),
        merge_flow.to_deployment(
            name=ON_DEMAND, parameters={**where, "backend": backend},
            description="Merge one node's children: --param node_id=<store or template node id>.", **common),
        eval_flow.to_deployment(
            name=ON_DEMAND, description="Run an eval suite: --param suite=<name or path>.", **common),
    ]


def serve(settings: FlowSettings, *, cron: str = DEFAULT_CRON, timezone: str | None = None,
          backend: str = "heuristic", limit: int | None = 1, interval: float | None = None) -> None:
    """Register the deployments and run their flows as requested, until interrupted.

    ``limit`` (default 1): runs at once; induction and merge take a lock anyway."""
    from prefect import serve as prefect_serve

    prefect_serve(*deployments(settings, cron=cron, timezone=timezone, backend=backend, interval=interval),
                  limit=limit)
