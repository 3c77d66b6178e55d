"""results-order: results of parallel tool calls must come in the order of the calls.

False hit prevented: templates read tool results by position (ids change every run and are
not part of them), so "14 C" then "35 C" in completion order would be read as Dublin's then
Prague's whatever the ``tool_call_id`` says. Guards ``parallel_results_order`` (a known
limit of the other direction: results in order but shuffled values).

Learning side: a record whose results are out of the order of its calls is left out of
induction (counted as ``records_out_of_order``). Request-time check: the runtime answers no
such request (``induction.runtime.lookup.results_out_of_order``, imported here: the runtime
owns the predicate, since the proxy loads only the runtime).

>>> calls = {"role": "assistant", "tool_calls": [{"id": "a"}, {"id": "b"}]}
>>> out_of_order([calls, {"role": "tool", "tool_call_id": "b"}, {"role": "tool", "tool_call_id": "a"}])
True
>>> out_of_order([calls, {"role": "tool", "tool_call_id": "a"}, {"role": "tool", "tool_call_id": "b"}])
False
"""

from __future__ import annotations

from typing import Any

from induction.runtime.lookup import results_out_of_order


def out_of_order(messages: list[Any]) -> bool:
    """Whether a recorded context holds results of parallel calls out of the calls' order.
    Contexts come rebuilt from the store, where a result the same in several runs (an empty
    ``[]``) is kept once with the first run's id: such a result says nothing of the order.

    >>> calls = {"role": "assistant", "tool_calls": [{"id": "a2"}, {"id": "b2"}]}
    >>> out_of_order([calls, {"role": "tool", "tool_call_id": "a2"}, {"role": "tool", "tool_call_id": "b1"}])
    False
    """
    return results_out_of_order(messages, foreign_ok=True) is not None
