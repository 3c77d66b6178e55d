"""Real compiled trees for the proxy tests, built with ``compile_tree`` and published with ``Publisher``.

The 'say hello' workflow: a system message, then "Say hello to {{name}}." answered
"Hello, {{name}}!" for plain requests, or with a ``greet`` tool call when the
request carries :data:`TOOLS`.
"""

from __future__ import annotations

from typing import Any

from induction.hashing import request_key
from induction.publish import Publisher
from induction.runtime.compiled import compile_tree
from induction.runtime.nodes import Derivation, ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate, ToolCallTemplate

MODEL = "gpt-4o-mini"
SYSTEM = "You greet people politely."
TOOLS: list[Any] = [{"type": "function", "function": {
    "name": "greet", "parameters": {"type": "object", "properties": {"name": {"type": "string"}}}}}]


def hello_nodes(namespace: str = "default", greeting: str = "Hello") -> list[TemplateNode]:
    ns = namespace
    user = MessageTemplate(role="user", content=TextTemplate(parts=("Say hello to ", Slot(var="name"), ".")))
    return [
        TemplateNode(id=f"sys-{ns}", parent=None, namespace=ns,
                     template=MessageTemplate(role="system", content=TextTemplate.literal(SYSTEM))),
        TemplateNode(id=f"hello-{ns}", parent=f"sys-{ns}", namespace=ns, template=user, response=ResponseTemplate(
            message=MessageTemplate(role="assistant",
                                    content=TextTemplate(parts=(f"{greeting}, ", Slot(var="name"), "!"))),
            request_keys=(request_key({"model": MODEL}),),
            usage={"completion_tokens": 4})),
        TemplateNode(id=f"greet-{ns}", parent=f"sys-{ns}", namespace=ns, template=user, response=ResponseTemplate(
            message=MessageTemplate(role="assistant", tool_calls=(
                ToolCallTemplate(name="greet", arguments={"name": {"$v": "name"}}),)),
            finish_reason="tool_calls",
            request_keys=(request_key({"model": MODEL, "tools": TOOLS}),))),
    ]


def surname_nodes() -> list[TemplateNode]:
    """'Write to {{name}}.' answered 'Dear {{last}}', last = the second word of name: fails on one word."""
    last = Derivation(var="last", args=("name",),
                      expr={"op": "split_index", "args": [{"var": "name"}, {"const": " "}, {"const": 1}]})
    return [TemplateNode(
        id="write", parent=None,
        template=MessageTemplate(role="user", content=TextTemplate(parts=("Write to ", Slot(var="name"), "."))),
        response=ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(
            parts=("Dear ", Slot(var="last"), ","))), derivations=(last,)))]


def publish(url: str, nodes: list[TemplateNode]) -> str:
    return Publisher(url).publish(compile_tree(nodes).to_bytes()).version
