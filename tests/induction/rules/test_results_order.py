"""Golden pairs of ``induction.rules.results_order``: recorded messages in, left out or not."""

import io
import random
from pathlib import Path

import orjson
import pytest

from evals.workflows.base import Run
from evals.workflows.catalog import Hello
from induction.config import InductionConfig
from induction.ingest import ingest_stream
from induction.pipeline import run_induction
from induction.rules.results_order import out_of_order
from induction.store import Store

CALLS = {"role": "assistant", "tool_calls": [{"id": "a"}, {"id": "b"}]}
ONE_CALL = {"role": "assistant", "tool_calls": [{"id": "a"}]}


def _tool(call_id: str) -> dict[str, str]:
    return {"role": "tool", "tool_call_id": call_id, "content": "14 C"}


GOLDEN = [
    ([CALLS, _tool("a"), _tool("b")], False),
    ([CALLS, _tool("b"), _tool("a")], True),  # completion order: Prague's result read as Dublin's
    ([ONE_CALL, _tool("a")], False),
    ([{"role": "user", "content": "hi"}], False),
    ([CALLS, _tool("a"), _tool("b"), _tool("c")], True),  # one result too many
    # Rebuilt from the store: a result the same in every run ("[]") is kept once, with the
    # first run's id; it says nothing of the order, the other result still does.
    ([CALLS, _tool("x"), _tool("b")], False),
    ([CALLS, _tool("b"), _tool("x")], True),
]


def test_a_result_the_same_in_every_run_keeps_its_records(tmp_path: Path) -> None:
    recs = []
    for i, city in enumerate(["Oslo", "Lima", "Kyiv", "Pune"]):
        run = Run(Hello(), random.Random(i))
        run.system("You report weather.").user(f"Weather and alerts for {city}?")
        run.call_many([("get_weather", {"city": city}), ("get_alerts", {"city": city})],
                      [{"city": city, "temp_c": 10 + i}, "[]"])
        run.say(f"{city}: {10 + i} C, no alerts.")
        recs += run.records
    store = Store.open(tmp_path / "s.duckdb")
    ingest_stream(store, io.BytesIO(b"".join(orjson.dumps(r) + b"\n" for r in recs)))
    tree, result, _ = run_induction(store, InductionConfig())
    store.close()
    assert result.stats["records_out_of_order"] == 0
    assert tree.lookup(recs[-1]["request"]) is not None


@pytest.mark.parametrize(("messages", "expected"), GOLDEN)
def test_golden(messages: list[dict[str, object]], expected: bool) -> None:
    assert out_of_order(messages) is expected
