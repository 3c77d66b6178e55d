"""``why``'s diagnosis of the closest template: a literal span, a slot's refusal, a value that
differs from the one read above."""

from __future__ import annotations

from induction.runtime.compiled import compile_tree
from induction.runtime.nodes import ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate
from inspector.why import render, why


def _text(*parts: str | Slot) -> TextTemplate:
    return TextTemplate(parts=parts)


def _tree() -> object:
    answer = ResponseTemplate(evidence=2, message=MessageTemplate(role="assistant", content=_text("Bye, ", Slot(var="name"))))
    return compile_tree([
        TemplateNode(id="intro", parent=None, template=MessageTemplate(
            role="user", content=_text("I am ", Slot(var="name", kind="word"), "."))),
        TemplateNode(id="ok", parent="intro", template=MessageTemplate(role="assistant", content=_text("ok"))),
        TemplateNode(id="bye", parent="ok", response=answer, template=MessageTemplate(
            role="user", content=_text("Say bye to ", Slot(var="name", kind="word"), "."))),
        TemplateNode(id="city", parent="ok", response=answer, template=MessageTemplate(
            role="user", content=_text("Ship to ", Slot(var="town", refuse=",;"), " please."))),
    ])


def _ask(last: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": "I am Ann."}, {"role": "assistant", "content": "ok"},
            {"role": "user", "content": last}]


def test_a_value_that_differs_from_the_one_read_above() -> None:
    w = why(_tree(), {"messages": _ask("Say bye to Bob.")})  # type: ignore[arg-type]
    assert not w.hit and w.stopped_at == 3 and [s.node_id for s in w.steps] == ["intro", "ok"]
    assert w.closest[0].node_id == "bye"
    assert w.closest[0].problem == ("slot name reads 'Bob' here but 'Ann' was read above: the same variable "
                                    "must hold the same value")
    assert why(_tree(), {"messages": _ask("Say bye to Ann.")}).hit  # type: ignore[arg-type]


def test_a_slot_refusing_its_value_and_a_literal_that_differs() -> None:
    w = why(_tree(), {"messages": _ask("Ship to Paris, Lyon please.")})  # type: ignore[arg-type]
    assert w.closest[0].node_id == "city"
    assert w.closest[0].problem == "slot town refuses ',' (no example's value held it): 'Paris, Lyon'"
    assert "the value is not like any value training saw" in w.hint
    w = why(_tree(), {"messages": _ask("Say hi to Ann.")})  # type: ignore[arg-type]
    assert w.closest[0].problem == "expected 'bye to ' where the message has 'hi to Ann.'"
    text = render(w)
    assert text.startswith("MISS message 3 (user) matches none of the 2 template(s) after node ok")
    assert "  closest bye (live): Say bye to {{name:word}}." in text
