"""``eval_flow(suite)``: run an eval suite (``evals.runner.run_suite``) and keep its
report as the run's artifacts: the markdown report and the summary table.

The run ends Failed (after storing the artifacts) when the suite violates one of
its thresholds, so a scheduled eval shows up red in the Prefect UI.
"""

from __future__ import annotations

import re
from typing import Any

from prefect import State, flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.states import Completed, Failed


def artifact_key(suite: str) -> str:
    """Prefect artifact keys: lowercase letters, digits and dashes.

    >>> artifact_key("evals/suites/Small.yaml")
    'eval-small'
    """
    stem = re.sub(r"\.ya?ml$", "", suite.rsplit("/", 1)[-1].lower())
    return "eval-" + (re.sub(r"[^a-z0-9]+", "-", stem).strip("-") or "suite")


@flow(name="eval", description="Run an eval suite and store its report as artifacts.")
def eval_flow(suite: str = "default", report_dir: str | None = None, http: bool = False,
              backend: str | None = None) -> State[dict[str, Any]]:
    """``suite``: a name in ``evals/suites`` or a path to a suite YAML; ``report_dir``: also write
    report.md, CSVs and plots there; ``http``: also replay through the real proxy."""
    from pathlib import Path

    from evals.runner import run_suite

    report = run_suite(suite, report_dir=Path(report_dir) if report_dir else None, http=http, backend=backend)
    key = artifact_key(suite)
    create_markdown_artifact(key=key, markdown=report.markdown(), description=f"Eval report of suite {suite}")
    rows = report.summary_table().reset_index().to_dict("records")
    create_table_artifact(key=f"{key}-summary", table=[{str(k): _plain(v) for k, v in r.items()} for r in rows],
                          description=f"Eval summary of suite {suite}")
    out = {"suite": suite, "ok": report.ok, "violations": list(report.violations), "gaps": list(report.gaps),
           "seconds": report.seconds}
    log = get_run_logger()
    for v in report.violations:
        log.warning("threshold violated: %s", v)
    if not report.ok:
        return Failed(message="; ".join(report.violations), data=out)
    return Completed(message=f"suite {suite} passed", data=out)


def _plain(v: Any) -> Any:
    """JSON-friendly cells (numpy scalars -> Python)."""
    item = getattr(v, "item", None)
    return item() if callable(item) else v
