"""The node page's facts: every check an answer is served under is shown."""

from induction.runtime.compiled import compile_tree
from induction.runtime.nodes import ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate
from inspector.catalog import node_view


def test_the_node_page_shows_order_gaps_and_day_spans() -> None:
    template = MessageTemplate(role="user", content=TextTemplate(parts=(
        "Move $", Slot(var="amount", kind="number"), " of ", Slot(var="balance", kind="number"), " on ",
        Slot(var="today", kind="date"), " since ", Slot(var="opened", kind="date"))))
    answer = ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(parts=("Done.",))),
                              order=(("amount", "balance"),), gaps=(("amount", "balance", 267.0, 3462.0),),
                              spans=(("opened", "today", 3, 40),), ranges={"balance": (914.0, 3979.0)})
    node = TemplateNode(id="n1", parent=None, namespace="default", template=template, response=answer, status="live")
    facts = dict(node_view(compile_tree([node]), "n1", {}, None).facts)
    assert facts["only in the order seen"] == "amount <= balance"
    assert facts["only as far apart as seen"] == "balance - amount in [267, 3462]"
    assert facts["only as many days apart as seen"] == "today - opened in [3, 40] days"
    assert facts["only within"] == "balance in [914.0, 3979.0]"


def test_the_node_page_shows_the_fixed_words_check() -> None:
    template = MessageTemplate(role="user", content=TextTemplate(parts=("Land it in ", Slot(var="project"), ".")))
    answer = ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(parts=("Done.",))),
                              fixed_words={"project": (), "owner": ("ann",)})
    node = TemplateNode(id="n1", parent=None, namespace="default", template=template, response=answer, status="live")
    facts = dict(node_view(compile_tree([node]), "n1", {}, None).facts)
    assert facts["never equal to a word the text above fixes"] == "owner (but ann), project"
