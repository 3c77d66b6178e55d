"""The run report counts every model call of the run (issue 17, found against the local model).

A run whose StructureJudge split something induces a second time without it, to tell what the
splits cost (``judge_live_cost``); that comparison run asks the model about clusters the first
one never had. The report used the first pass's own snapshot of the counters, so those calls
were missing: against the local model, 7 calls and 2,714 prompt tokens reported for 25 calls
and 11,350 prompt tokens made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.induction.test_llm_stages import _induce_fixtures, _JudgingModel


class _Counting(_JudgingModel):
    def __init__(self) -> None:
        super().__init__(everything=True)
        self.made = 0
        self.prompt_tokens = 0

    def __call__(self, **kwargs: Any) -> Any:
        reply = super().__call__(**kwargs)
        self.made += 1
        usage = reply.get("usage") if isinstance(reply, dict) else getattr(reply, "usage", None)
        if isinstance(usage, dict):
            self.prompt_tokens += int(usage.get("prompt_tokens") or 0)
        return reply


def test_the_report_counts_the_calls_of_the_judges_comparison_run(tmp_path: Path) -> None:
    model = _Counting()
    _, result, report = _induce_fixtures(tmp_path, model, judge_fallback=False)
    c = report.counters
    assert c["judge_splits"] > 0  # so the comparison run happened
    assert result.stage_counters["llm_calls"] < model.made  # what the first pass alone saw
    assert c["llm_calls"] == model.made
    assert c["llm_prompt_tokens"] == model.prompt_tokens
