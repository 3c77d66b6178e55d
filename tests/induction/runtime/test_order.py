"""Answers carry the order two numbers always had (``ResponseTemplate.order``): a request
where it is broken is a miss, whatever the per-variable ranges say."""

from __future__ import annotations

from induction.evidence import order_pairs
from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.nodes import ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate


def _tree(order: tuple[tuple[str, str], ...]) -> CompiledTree:
    node = TemplateNode(
        id="n1", parent=None, status="live",
        template=MessageTemplate(role="user", content=TextTemplate(parts=(
            "Budget ", Slot(var="budget", kind="number"), ", price ", Slot(var="price", kind="number"), ". Fits?"))),
        response=ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(parts=("Yes.",))),
                                  ranges={"budget": (800.0, 1200.0)}, order=order, evidence=3))
    return compile_tree([node], created_at="2026-12-06T00:00:00Z")


def _ask(budget: int, price: int) -> dict[str, object]:
    return {"model": "m", "messages": [{"role": "user", "content": f"Budget {budget}, price {price}. Fits?"}]}


def test_an_order_no_training_call_broke_is_required() -> None:
    yes = [{"budget": 1000, "price": 900}, {"budget": 800, "price": 400}, {"budget": 1200, "price": 750}]
    order = order_pairs(yes, {"budget"})
    assert order == (("price", "budget"),)
    tree = _tree(order)
    assert tree.lookup(_ask(1000, 600)) is not None  # in range, in order
    miss = tree.explain(_ask(850, 900))  # both in range, the order broken: the $900 laptop on $850
    assert miss.hit is None and "always saw price <= budget" in (miss.reason or "")
    assert _tree(()).lookup(_ask(850, 900)) is not None  # ranges alone would have served it


def test_numbers_whose_ranges_are_apart_or_unordered_record_no_order() -> None:
    # Ranges apart, both range-checked: the ranges keep the order.
    assert order_pairs([{"a": 1, "b": 100}, {"a": 3, "b": 200}], {"a", "b"}) == ()
    # Apart, but b is checked by no range (a size, say): the order is kept.
    assert order_pairs([{"a": 1, "b": 100}, {"a": 3, "b": 200}], {"a"}) == (("a", "b"),)
    assert order_pairs([{"a": 5, "b": 4}, {"a": 3, "b": 6}], {"a"}) == ()  # no order held
    assert order_pairs([{"a": 5, "b": 6}, {"a": 3, "b": 4}], set()) == ()  # neither taken for noise
