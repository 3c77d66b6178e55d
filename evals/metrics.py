"""Metric tables over the per-call rows (DuckDB queries, results as pandas DataFrames).

Definitions (see ``docs/evals.md``):

- ``hit_rate``: hits / calls; ``false_hit_rate``: false hits / calls (a false hit is a
  hit whose message differs from the ground truth: text, tool names, parsed arguments).
- ``refused``: misses on calls of non-cacheable workflows whose exact context was never
  seen in training (``refusable``): the right answer there is "ask the model".
- ``saved_*``: correct hits are upstream calls saved; tokens are the ground truth's usage,
  priced at the suite's price per million tokens.
- latency: time of one lookup, hits only, in milliseconds.
- ``seen_paths`` / ``seen_path_hit_rate``: calls of cacheable workflows whose path (the
  branches the policy took before them: an order's status, a board) occurred in at least
  ``min_runs`` training runs, and the hit rate on them. The other cacheable calls follow
  structure training never showed that often (``unseen_paths``); no cache may guess it.
- ``budget_misses``: misses the runtime explains as "no time left in the request's budget"
  (its per-lookup budget is the thread's CPU time; a busy machine still slows it).

>>> import pandas as pd
>>> calls = pd.DataFrame([
...     {"system": "rote", "train_runs": 1, "workflow": "w", "cacheable": True, "hit": True, "correct": True,
...      "false_hit": False, "seen": False, "latency_us": 40.0, "prompt_tokens": 10, "completion_tokens": 5},
...     {"system": "rote", "train_runs": 1, "workflow": "w", "cacheable": True, "hit": False, "correct": False,
...      "false_hit": False, "seen": False, "latency_us": 9.0, "prompt_tokens": 10, "completion_tokens": 5}])
>>> t = summarize(calls, ["system"], price_in=1.0, price_out=1.0)
>>> t[["calls", "hits", "hit_rate", "false_hits", "saved_tokens"]].to_dict("records")
[{'calls': 2, 'hits': 1, 'hit_rate': 0.5, 'false_hits': 0, 'saved_tokens': 15}]
"""

from __future__ import annotations

import duckdb
import pandas as pd

SYSTEM_ORDER = ("rote", "rote_http", "exact", "fuzzy", "embedding")


def summarize(calls: pd.DataFrame, by: list[str], *, price_in: float, price_out: float,
              min_runs: int = 2) -> pd.DataFrame:
    """One row per group of ``by`` columns. ``min_runs``: training runs a path needs to count as seen."""
    if calls.empty:
        return pd.DataFrame(columns=[*by, "calls", "hits", "hit_rate"])
    keys = ", ".join(by)
    if "reason" not in calls:
        calls = calls.assign(reason=None)
    if "path_runs" not in calls:
        calls = calls.assign(path_runs=None)
    calls = calls.astype({"reason": "object", "path_runs": "Int64"})
    con = duckdb.connect()
    try:
        con.register("calls", calls)
        df = con.execute(f"""
            SELECT {keys},
                count(*)::BIGINT AS calls,
                sum(hit::INT)::BIGINT AS hits,
                round(avg(hit::INT), 4) AS hit_rate,
                sum(false_hit::INT)::BIGINT AS false_hits,
                round(avg(false_hit::INT), 4) AS false_hit_rate,
                sum((NOT hit)::INT)::BIGINT AS misses,
                round(sum(hit::INT) FILTER (WHERE cacheable)
                      / nullif(count(*) FILTER (WHERE cacheable), 0), 4) AS cacheable_hit_rate,
                count(*) FILTER (WHERE cacheable AND path_runs >= {int(min_runs)})::BIGINT AS seen_paths,
                count(*) FILTER (WHERE cacheable AND path_runs < {int(min_runs)})::BIGINT AS unseen_paths,
                round(sum(hit::INT) FILTER (WHERE cacheable AND path_runs >= {int(min_runs)})
                      / nullif(count(*) FILTER (WHERE cacheable AND path_runs >= {int(min_runs)}), 0), 4)
                    AS seen_path_hit_rate,
                count(*) FILTER (WHERE NOT hit AND reason LIKE '%budget%')::BIGINT AS budget_misses,
                count(*) FILTER (WHERE NOT cacheable AND NOT seen)::BIGINT AS refusable,
                count(*) FILTER (WHERE NOT cacheable AND NOT seen AND NOT hit)::BIGINT AS refused,
                round(quantile_cont(latency_us, 0.5) FILTER (WHERE hit) / 1000, 3) AS hit_p50_ms,
                round(quantile_cont(latency_us, 0.99) FILTER (WHERE hit) / 1000, 3) AS hit_p99_ms,
                sum(correct::INT)::BIGINT AS saved_calls,
                coalesce(sum(prompt_tokens + completion_tokens) FILTER (WHERE correct), 0)::BIGINT
                    AS saved_tokens,
                round(coalesce((sum(prompt_tokens) FILTER (WHERE correct)) * ? / 1e6
                               + (sum(completion_tokens) FILTER (WHERE correct)) * ? / 1e6, 0), 6)
                    AS saved_usd
            FROM calls GROUP BY {keys} ORDER BY {keys}
        """, [price_in, price_out]).df()
    finally:
        con.close()
    if "system" in by:
        order = {s: i for i, s in enumerate(SYSTEM_ORDER)}
        df = df.sort_values(by=["system", *[b for b in by if b != "system"]],
                            key=lambda col: col.map(order) if col.name == "system" else col, kind="stable")
    return df.reset_index(drop=True)
