"""``induction_flow``: the nightly job.

ingest new spool segments and files -> plan (anything new since the last successful
run?) -> induce each namespace on the task runner (induction merges siblings
where nodes qualify, verifies derivations and replays the training calls) ->
compile the live tree -> publish a new version -> record the run.

A run with no new records, unchanged settings and a published tree stops after
the plan: it ingests nothing, publishes nothing, changes nothing. ``full=True``
rebuilds regardless. One run at a time per ``$ROTE_HOME`` (``flows.lock``).
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
from flows.tasks import ingest, plan
from induction.config import Backend


@flow(name="induction", description="Ingest new records, induce templates, verify, compile, publish.")
def induction_flow(full: bool = False, backend: Backend = "heuristic", files: list[str] | None = None,
                   induction: dict[str, Any] | None = None, home: str | None = None,
                   publish_url: str | None = None, task_runner: str | None = None,
                   store_wait: float | None = None) -> RunSummary:
    """Parameters:

    - ``full``: rebuild even if nothing changed since the last run.
    - ``backend``: ``heuristic`` (no model), ``llm`` or ``hybrid``.
    - ``files``: JSON Lines files to ingest besides the spool (each once at a given size).
    - ``induction``: extra ``InductionConfig`` fields, e.g. ``{"min_runs": 3}``.
    - ``home`` / ``publish_url`` / ``task_runner``: default ``$ROTE_HOME`` /
      ``$ROTE_PUBLISH_URL`` (else ``$ROTE_HOME/published``) / ``$ROTE_TASK_RUNNER`` (else threads).
    - ``store_wait``: seconds a step waits while another process holds the store (default
      ``$ROTE_STORE_WAIT``, else 600); the ingest step is retried if it is still held.
    """
    t0 = time.perf_counter()
    settings = FlowSettings.build(home=home, publish_url=publish_url, task_runner=task_runner, store_wait=store_wait)
    settings.home.ensure()
    config = induction_config(backend, induction)
    summary = RunSummary(flow="induction", publish_url=settings.publish_url)
    with run_lock(settings.home.locks_dir):
        summary.ingest = ingest(settings, list(files or []))
        plan_ = plan(settings, config, full)
        summary.reason = plan_.reason
        summary.records, summary.max_seq = plan_.records, plan_.max_seq
        if not plan_.induce:
            summary.skipped = True
            summary.published_version = plan_.current_version
            get_run_logger().info("nothing to do: %s (current version %s)", plan_.reason, plan_.current_version)
        else:
            rebuild(settings, config, plan_, summary, settings.task_runner)
    summary.seconds = round(time.perf_counter() - t0, 3)
    create_markdown_artifact(key="induction-summary", markdown=summary.markdown(),
                             description="What this induction run did")
    return summary
