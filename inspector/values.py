"""How many distinct values each variable took in training: the recorded contexts walked down
the compiled tree, each message read by its node's matcher, as a request would be. Published
beside a version as ``values.json`` (by the flows), shown by ``rote templates`` and the node page.

>>> from induction.runtime.compiled import compile_tree
>>> from induction.runtime.nodes import TemplateNode
>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> tree = compile_tree([TemplateNode(id="n1", parent=None, template=MessageTemplate(
...     role="user", content=TextTemplate(parts=("say hello to ", Slot(var="name")))))])
>>> runs = [("default", [{"role": "user", "content": f"say hello to {n}"}]) for n in ("Bob", "Ann", "Bob")]
>>> value_counts(tree, runs)
{'n1': {'name': {'distinct': 2, 'examples': ['Bob', 'Ann']}}}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from induction.runtime.compiled import CompiledTree
from induction.runtime.messages import MessageView
from induction.runtime.template import render_value

VALUES_FILE = "values.json"
MAX_RECORDS = 20_000  # records walked at most (every k-th beyond): counts are then "at least"
MAX_DISTINCT = 1_000  # distinct values counted per variable at most
EXAMPLES = 3


def value_counts(tree: CompiledTree, contexts: Iterable[tuple[str, Sequence[Mapping[str, Any]]]],
                 *, max_records: int = MAX_RECORDS) -> dict[str, dict[str, dict[str, Any]]]:
    """Node id -> variable it reads -> ``{"distinct": n, "examples": [...]}`` over the
    (namespace, context messages) given."""
    items = list(contexts)
    step = max(1, -(-len(items) // max_records))
    seen: dict[str, dict[str, dict[str, None]]] = {}
    for namespace, messages in items[::step]:
        path = tree.explain({"messages": list(messages)}, namespace).path
        scope: dict[str, Any] = {}
        for node_id, message in zip(path, messages, strict=False):
            node = tree.index.by_id[node_id]
            if node.literal:
                continue
            bound = node.matcher.match(MessageView(message), scope)
            if not bound:
                continue
            scope.update(bound)
            per = seen.setdefault(node_id, {})
            for var, value in bound.items():
                values = per.setdefault(var, {})
                if len(values) < MAX_DISTINCT:
                    values[render_value(value)] = None
    return {nid: {var: {"distinct": len(vals), "examples": list(vals)[:EXAMPLES]} for var, vals in per.items()}
            for nid, per in seen.items()}
