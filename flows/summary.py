"""What a flow run did, as one value: returned by the flows, rendered as the run's
markdown artifact and as the CLI's closing table.

>>> s = RunSummary(flow="induction", skipped=True, reason="no new records", records=3)
>>> print(s.markdown().splitlines()[0])
# rote induction: skipped (no new records)
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from flows.nodes import MergeReport

LLM_COUNTERS = ("llm_prompt_tokens", "llm_completion_tokens", "llm_cost_usd")


class IngestSummary(BaseModel):
    sources: list[str] = []  # segments and files taken in this run
    lines: int = 0
    added: int = 0
    already_present: int = 0
    bad_lines: int = 0
    feedback_reports: int = 0
    negative_feedback: int = 0
    disabled_nodes: list[str] = []


class RunSummary(BaseModel):
    flow: str
    skipped: bool = False
    reason: str = ""
    ingest: IngestSummary = IngestSummary()
    records: int = 0  # in the store, all induced over
    max_seq: int = 0
    namespaces: int = 0
    nodes: int = 0
    live: int = 0
    staged: int = 0
    uncacheable: int = 0
    live_before: int | None = None  # in the version this run's publish replaced
    derivations: int = 0
    demoted: int = 0
    verified_calls: int = 0
    replay_hits: int = 0
    counters: dict[str, Any] = {}
    published_version: str | None = None
    parent_version: str | None = None
    content_hash: str | None = None
    publish_url: str = ""
    induction_seconds: float = 0.0
    seconds: float = 0.0
    merge: MergeReport | None = None

    def llm_usage(self) -> dict[str, Any]:
        return {k: self.counters[k] for k in LLM_COUNTERS if k in self.counters}

    def rows(self) -> list[tuple[str, str]]:
        """(metric, value) pairs, in reading order."""
        i = self.ingest
        out = [] if self.flow != "induction" else [  # the merge ingests nothing
            ("records in (new / already present / bad lines)",
             f"{i.added} / {i.already_present} / {i.bad_lines} from {len(i.sources)} source(s)"),
            ("feedback reports (wrong answers)", f"{i.feedback_reports} ({i.negative_feedback})"),
        ]
        if self.skipped:
            out.append(("records in the store", str(self.records)))
        else:
            promoted = "" if self.live_before is None else f" ({self.live - self.live_before:+d} vs previous)"
            out += [
                ("records induced over", f"{self.records} in {self.namespaces} namespace(s)"),
                ("templates live / staged / uncacheable",
                 f"{self.live}{promoted} / {self.staged} / {self.uncacheable}"),
                ("derivations kept", str(self.derivations)),
                ("templates demoted by replay", str(self.demoted)),
                ("training calls replayed (hits)", f"{self.verified_calls} ({self.replay_hits})"),
            ]
            usage = self.llm_usage()
            if usage:
                out.append(("LLM tokens in / out, cost",
                            f"{usage.get('llm_prompt_tokens', 0)} / {usage.get('llm_completion_tokens', 0)}, "
                            f"${float(usage.get('llm_cost_usd', 0)):.4f}"))
        if self.disabled_count:
            out.append(("nodes disabled by feedback", str(self.disabled_count)))
        if self.skipped and self.published_version:
            out.append(("current version (unchanged)", self.published_version))
        elif self.published_version:
            out.append(("published version", f"{self.published_version} (parent {self.parent_version})"))
        if not self.skipped:
            out.append(("duration", f"{self.seconds:.1f} s (induction {self.induction_seconds:.1f} s)"))
        return out

    @property
    def disabled_count(self) -> int:
        return len(self.ingest.disabled_nodes)

    def table(self) -> Any:
        """A rich ``Table`` of ``rows()`` (and of the merge's groups, if any) for the terminal."""
        from rich.markup import escape
        from rich.table import Table

        title = f"rote {self.flow}: " + (f"nothing to do ({self.reason})" if self.skipped else self.reason)
        table = Table(title=escape(title), show_header=False, title_justify="left")
        table.add_column(style="bold")
        table.add_column()
        for k, v in self.rows():
            table.add_row(escape(k), escape(v))
        if self.merge is not None:
            m = self.merge
            groups = Table(title=f"children of {m.node_id[:12]}: {m.children} -> {len(m.groups)} template(s)",
                           title_justify="left")
            for col in ("template", "status", "members", "text"):
                groups.add_column(col)
            for g in m.groups:
                groups.add_row(g.template_id[:12], g.status, str(len(g.members)), escape(g.template[:100]))
            from rich.console import Group

            return Group(table, groups)
        return table

    def markdown(self) -> str:
        head = f"# rote {self.flow}: " + (f"skipped ({self.reason})" if self.skipped else self.reason or "done")
        lines = [head, "", "| | |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in self.rows()]
        if self.merge is not None:
            m = self.merge
            lines += ["", f"## merge of node `{m.node_id[:12]}`: {m.children} children -> "
                          f"{len(m.groups)} template(s)", "", "| template | status | members | text |",
                      "|---|---|---|---|"]
            lines += [f"| `{g.template_id[:12]}` | {g.status} | {len(g.members)} | "
                      f"{_cell(g.template)} |" for g in m.groups]
        other = {k: v for k, v in sorted(self.counters.items()) if k not in LLM_COUNTERS}
        if other:
            lines += ["", "counters: " + ", ".join(f"{k}={v}" for k, v in other.items())]
        if self.publish_url:
            lines += ["", f"destination: `{self.publish_url}`"]
        return "\n".join(lines) + "\n"


def _cell(text: str, width: int = 100) -> str:
    text = text.replace("|", "\\|").replace("\n", " ⏎ ")
    return text if len(text) <= width else text[: width - 1] + "…"
