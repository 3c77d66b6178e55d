"""``merge_flow(node_id)``: merge one node's children into templates, verify, publish.

For a node whose children induction left apart (fewer distinct children than
``auto_merge_min_children``, or a user who sees many similar children), the
merge is induction run with that node in ``force_merge``: its children are
clustered into templates, each verified like any other (derivations checked,
training calls replayed; a template that answers wrong is demoted). The node
stays in the store's ``force_merge`` list, so later nightly runs keep the merge.
The merge does not ingest the spool; the nightly run does.
"""

from __future__ import annotations

import time
from typing import Any

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from flows.lock import run_lock
from flows.rebuild import rebuild
from flows.settings import FlowSettings, induction_config
from flows.summary import RunSummary
from flows.tasks import plan, report_merge, resolve_node
from induction.config import Backend


@flow(name="merge", description="Merge one node's children into templates, verify, publish.")
def merge_flow(node_id: str, backend: Backend = "heuristic", induction: dict[str, Any] | None = None,
               home: str | None = None, publish_url: str | None = None,
               task_runner: str | None = None, store_wait: float | None = None) -> RunSummary:
    """``node_id``: a store node id (``rote tree``) or template node id, or a unique prefix.
    The other parameters are ``induction_flow``'s."""
    t0 = time.perf_counter()
    settings = FlowSettings.build(home=home, publish_url=publish_url, task_runner=task_runner, store_wait=store_wait)
    settings.home.ensure()
    config = induction_config(backend, induction)
    summary = RunSummary(flow="merge", publish_url=settings.publish_url)
    with run_lock(settings.home.locks_dir):
        target = resolve_node(settings, node_id)
        plan_ = plan(settings, config, True, [target.store_node_id])
        summary.reason = f"merge of the children of node {target.store_node_id[:12]}"
        compiled = rebuild(settings, config, plan_, summary, settings.task_runner)
        summary.merge = report_merge(settings, target, compiled)
    groups = summary.merge.groups
    get_run_logger().info("node %s: %d children -> %d template(s)", target.store_node_id,
                          summary.merge.children, len(groups))
    summary.seconds = round(time.perf_counter() - t0, 3)
    create_markdown_artifact(key="merge-summary", markdown=summary.markdown(),
                             description=f"Merge of node {target.store_node_id}")
    return summary
