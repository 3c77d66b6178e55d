"""The pinned stack works together: a tiny Prefect flow runs, litellm makes a tool call
(its mcp extra is installed), DuckDB has what the store needs."""

from __future__ import annotations

import duckdb
import pytest


def test_tiny_flow_runs_on_the_pinned_prefect(prefect_harness: None) -> None:
    from prefect import flow, task

    @task(retries=1, retry_delay_seconds=0)
    def double(x: int) -> int:
        return 2 * x

    @flow(name="pins-smoke")
    def tiny(n: int) -> int:
        return sum(double.map(range(n)).result())

    state = tiny(4, return_state=True)
    assert state.is_completed() and state.result() == 12


def test_litellm_tool_call_with_mock_response() -> None:
    import litellm

    r = litellm.completion(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}],
        tools=[{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}],
        mock_tool_calls=[{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}],
    )
    assert r.choices[0].message.tool_calls[0].function.name == "f"


def test_duckdb_version_and_on_conflict() -> None:
    assert duckdb.__version__.startswith("2.")
    con = duckdb.connect()
    con.execute("CREATE TABLE t (k VARCHAR PRIMARY KEY, n INTEGER)")
    con.execute("INSERT INTO t VALUES ('a', 1)")
    con.execute("INSERT INTO t VALUES ('a', 2) ON CONFLICT (k) DO UPDATE SET n = t.n + excluded.n")
    assert con.execute("SELECT n FROM t").fetchone() == (3,)


@pytest.mark.parametrize("mod", ["re2", "starlette", "e2b_code_interpreter", "prefect_dask", "rapidfuzz", "faker"])
def test_pinned_modules_import(mod: str) -> None:
    __import__(mod)
