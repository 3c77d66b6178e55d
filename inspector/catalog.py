"""The template nodes of a compiled tree, as rows and as pages: what ``rote templates``
prints and the inspector's tree and node pages show.

>>> from induction.runtime.compiled import compile_tree
>>> from induction.runtime.nodes import ResponseTemplate, TemplateNode
>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> node = TemplateNode(id="n1", parent=None, evidence=("r1", "r2"),
...     template=MessageTemplate(role="user", content=TextTemplate(parts=("say hello to ", Slot(var="name")))),
...     response=ResponseTemplate(evidence=2, message=MessageTemplate(role="assistant",
...         content=TextTemplate(parts=("Hello, ", Slot(var="name"), "!")))))
>>> row = template_rows(compile_tree([node]), {}, {"n1": 7})[0]
>>> row.id, row.status, row.text, row.variables, row.runs, row.hits
('n1', 'live', 'say hello to {{name}}', ('name',), 2, 7)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from induction.explain import render_message
from induction.runtime.compiled import CompiledTree
from induction.runtime.nodes import Derivation, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, json_template_vars

STATUSES = ("live", "staged", "uncacheable")


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One template node in a listing."""

    id: str
    namespace: str
    status: str
    role: str
    parent: str | None
    depth: int
    text: str  # the template with ``{{var}}`` slots, on one line
    answer: str | None  # the answer template, if the node has one
    variables: tuple[str, ...]
    runs: int  # records the node was induced from (evidence kept: at most 50)
    calls: int  # calls the answer was induced from (0: no answer)
    hits: int | None  # hits served since the proxy started (None: no counters here)
    note: str  # the first reason induction gave
    values: dict[str, int]  # variable -> distinct values training showed (when published)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def one_line(text: str, width: int = 90) -> str:
    """A text on one line, cut to ``width`` characters.

    >>> one_line("a\\nb", 10), one_line("x" * 12, 10)
    ('a ⏎ b', 'xxxxxxxxx…')
    """
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= width else text[: width - 1] + "…"


def depth_of(tree: CompiledTree, node_id: str) -> int:
    return len(tree.index.by_id[node_id].path)


def template_rows(tree: CompiledTree, notes: Mapping[str, Sequence[str]], hits: Mapping[str, int] | None,
                  *, status: str | None = None, namespace: str | None = None, width: int = 90,
                  values: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None) -> list[TemplateRow]:
    """One row per template node (filtered by ``status`` and ``namespace``), in tree order:
    namespace, then depth-first by id. ``hits`` None: no counters (no proxy to ask)."""
    rows: list[TemplateRow] = []
    for node in tree_order(tree):
        if (status and node.status != status) or (namespace and node.namespace != namespace):
            continue
        r = node.response
        rows.append(TemplateRow(
            id=node.id, namespace=node.namespace, status=node.status, role=node.template.role,
            parent=node.parent, depth=depth_of(tree, node.id),
            text=one_line(render_message(node.template), width),
            answer=one_line(render_message(r.message), width) if r is not None else None,
            variables=tuple(node.template.variables()), runs=len(node.evidence),
            calls=r.evidence if r is not None else 0,
            hits=None if hits is None else hits.get(node.id, 0),
            note=(notes.get(node.id) or [""])[0],
            values={v: int(x.get("distinct", 0)) for v, x in (values or {}).get(node.id, {}).items()}))
    return rows


def tree_order(tree: CompiledTree) -> list[TemplateNode]:
    """Every node, parents before children: by namespace, then depth first, siblings by id."""
    kids = children_of(tree)
    out: list[TemplateNode] = []
    stack = sorted((n for n in tree.nodes if n.parent is None), key=lambda n: (n.namespace, n.id), reverse=True)
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(kids.get(node.id, [])))
    return out


def children_of(tree: CompiledTree) -> dict[str | None, list[TemplateNode]]:
    """Parent id -> its children sorted by id (None: first messages of every namespace)."""
    out: dict[str | None, list[TemplateNode]] = {}
    for n in tree.nodes:  # sorted by id already
        out.setdefault(n.parent, []).append(n)
    return out


def status_counts(tree: CompiledTree) -> dict[str, dict[str, int]]:
    """Namespace -> status -> template nodes.

    >>> from induction.runtime.compiled import compile_tree
    >>> status_counts(compile_tree([]))
    {}
    """
    out: dict[str, dict[str, int]] = {}
    for n in tree.nodes:
        per = out.setdefault(n.namespace, dict.fromkeys(STATUSES, 0))
        per[n.status] = per.get(n.status, 0) + 1
    return out


def resolve(tree: CompiledTree, given: str) -> TemplateNode | None:
    """The template node with this id or unique id prefix; None if none or several."""
    if given in tree.index.by_id:
        return tree.node(given)
    found = [n for n in tree.nodes if n.id.startswith(given)]
    return found[0] if len(found) == 1 else None


# -- one node, for the node page -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Piece:
    """A part of a rendered template: literal text, or a slot (``var`` set)."""

    text: str
    var: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    kind: str
    where: str  # "text", "tool call", "derived here", "in scope above"
    refuses: str = ""
    distinct: int | None = None  # distinct values training showed (None: not published)
    examples: tuple[str, ...] = ()


@dataclass(slots=True)
class NodeView:
    """Everything the node page shows about one template node."""

    node: TemplateNode
    path: list[TemplateNode]
    children: list[TemplateNode]
    pieces: list[Piece]
    answer: list[Piece] | None
    variables: list[Variable]
    derivations: list[str]
    dag: tuple[list[str], list[tuple[str, str]]]  # (variables, edges) of the answer's bindings
    notes: list[str]
    hits: int | None
    facts: list[tuple[str, str]] = field(default_factory=list)


def pieces(t: MessageTemplate) -> list[Piece]:
    """The template as literal and slot pieces (tool calls as ``name({...})``).

    >>> from induction.runtime.template import TextTemplate
    >>> [p.var for p in pieces(MessageTemplate(role="user", content=TextTemplate(parts=("hi ", Slot(var="n")))))]
    [None, 'n']
    """
    out: list[Piece] = []
    if t.content is not None:
        for p in t.content.parts:
            out.append(Piece(p) if isinstance(p, str) else Piece(str(p), p.var, p.kind))
    for i, call in enumerate(t.tool_calls):
        if out or i:
            out.append(Piece("\n"))
        out.append(Piece(f"{call.name}("))
        out.extend(_json_pieces(call.arguments))
        out.append(Piece(")"))
    return out


def _json_pieces(v: Any) -> list[Piece]:
    import orjson

    if isinstance(v, dict):
        if set(v) == {"$v"}:
            return [Piece("{{" + str(v["$v"]) + "}}", str(v["$v"]), "json")]
        if set(v) == {"$t"}:
            inner: list[Piece] = [Piece('"')]
            for p in v["$t"]:
                if isinstance(p, str):
                    inner.append(Piece(p))
                else:
                    inner.append(Piece("{{" + p["var"] + "}}", p["var"], p.get("kind", "text")))
            return [*inner, Piece('"')]
        if set(v) == {"$lit"}:
            return [Piece(orjson.dumps(v["$lit"]).decode())]
        out: list[Piece] = [Piece("{")]
        for i, (k, x) in enumerate(v.items()):
            out.append(Piece((", " if i else "") + orjson.dumps(k).decode() + ": "))
            out.extend(_json_pieces(x))
        return [*out, Piece("}")]
    if isinstance(v, list):
        out = [Piece("[")]
        for i, x in enumerate(v):
            if i:
                out.append(Piece(", "))
            out.extend(_json_pieces(x))
        return [*out, Piece("]")]
    return [Piece(orjson.dumps(v).decode())]


def _variables(node: TemplateNode) -> list[Variable]:
    out: dict[str, Variable] = {}
    t = node.template
    for s in t.content.slots if t.content is not None else ():
        out.setdefault(s.var, Variable(s.var, s.kind, "text", _refuses(s)))
    for call in t.tool_calls:
        for v in json_template_vars(call.arguments):
            out.setdefault(v, Variable(v, "json", f"tool call {call.name}"))
    for d in node.derivations:
        out[d.var] = Variable(d.var, out[d.var].kind if d.var in out else "derived", "derived, checked on match")
    return list(out.values())


def _with_values(variables: list[Variable], seen: Mapping[str, Mapping[str, Any]]) -> list[Variable]:
    from dataclasses import replace

    return [replace(v, distinct=int(seen[v.name].get("distinct", 0)),
                    examples=tuple(str(x) for x in seen[v.name].get("examples", ())))
            if v.name in seen else v for v in variables]


def _refuses(s: Slot) -> str:
    chars = " ".join(s.refuse)
    phrases = ", ".join(f"“{x}”" for x in s.refuse_text)
    return "  ·  ".join(x for x in (chars, phrases) if x)


def expression(expr: Any) -> str:
    """A DSL expression written as calls.

    >>> expression({"op": "date_add", "args": [{"var": "date"}, {"const": -3}]})
    'date_add(date, -3)'
    """
    import orjson

    if isinstance(expr, dict):
        if "var" in expr:
            return str(expr["var"])
        if "const" in expr:
            return orjson.dumps(expr["const"]).decode()
        if "op" in expr:
            return f"{expr['op']}({', '.join(expression(a) for a in expr.get('args', []))})"
    return orjson.dumps(expr).decode()


def derivation_text(d: Derivation) -> str:
    """``var = expression``, and the rivals the examples could not tell from it.

    >>> derivation_text(Derivation(var="first", args=("name",),
    ...     expr={"op": "split_index", "args": [{"var": "name"}, {"const": " "}, {"const": 0}]}))
    'first = split_index(name, " ", 0)'
    """
    body = expression(d.expr) if d.expr is not None else f"python {d.function}({', '.join(d.args)}), verified in the sandbox"
    out = f"{d.var} = {body}"
    if d.alternatives:
        out += "\n    served only where these agree with it: " + " | ".join(expression(a) for a in d.alternatives)
    return out


def answer_dag(node: TemplateNode) -> tuple[list[str], list[tuple[str, str]]]:
    """The bindings DAG of the node's answer: every variable it uses, and argument -> derived edges.

    >>> answer_dag(TemplateNode(id="n", parent=None, template=MessageTemplate(role="user")))
    ([], [])
    """
    r = node.response
    if r is None:
        return [], []
    names: dict[str, None] = dict.fromkeys(r.message.variables())
    edges: list[tuple[str, str]] = []
    for d in r.derivations:
        for a in d.args:
            names.setdefault(a)
            edges.append((a, d.var))
        names.setdefault(d.var)
    return list(names), edges


def node_view(tree: CompiledTree, node_id: str, notes: Mapping[str, Sequence[str]],
              hits: Mapping[str, int] | None,
              values: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None) -> NodeView:
    """What the node page shows (``KeyError`` for an unknown id)."""
    import orjson

    node = tree.node(node_id)
    path = [tree.node(i) for i in tree.index.by_id[node_id].path]
    r = node.response
    facts: list[tuple[str, str]] = [("status", node.status), ("namespace", node.namespace),
                                    ("role", node.template.role), ("records seen", str(len(node.evidence)))]
    derivations = [derivation_text(d) for d in node.derivations]
    if r is not None:
        facts.append(("answer induced from", f"{r.evidence} call(s), finish_reason {r.finish_reason}"))
        derivations += [derivation_text(d) for d in r.derivations]
        if r.pins:
            facts.append(("only for", ", ".join(f"{k} = {orjson.dumps(v).decode()}" for k, v in sorted(r.pins.items()))))
        if r.choices:
            facts.append(("only one of", "; ".join(f"{k}: {', '.join(orjson.dumps(v).decode() for v in vs)}"
                                                   for k, vs in sorted(r.choices.items()))))
        if r.ranges:
            facts.append(("only within", ", ".join(f"{k} in [{lo}, {hi}]" for k, (lo, hi) in sorted(r.ranges.items()))))
        if r.order:
            facts.append(("only in the order seen", ", ".join(f"{a} <= {b}" for a, b in r.order)))
        if r.gaps:
            facts.append(("only as far apart as seen", ", ".join(f"{b} - {a} in [{lo:g}, {hi:g}]" for a, b, lo, hi in r.gaps)))
        if r.spans:
            facts.append(("only as many days apart as seen", ", ".join(f"{b} - {a} in [{lo}, {hi}] days"
                                                                     for a, b, lo, hi in r.spans)))
        if r.tails:
            facts.append(("lists like the ones seen", "; ".join(
                f"{k}: {c.items[0]} to {c.items[1]} items"
                + "".join(f", {f or 'items'} one of {', '.join(ws)}" for f, ws in sorted(c.closed.items()))
                for k, c in sorted(r.tails.items()))))
        if r.blocks:
            facts.append(("blocks of lines like the ones seen", "; ".join(
                f"{k}: {c.lines[0]} to {c.lines[1]} lines of {len(c.shapes)} shape(s): "
                + " / ".join("".join(t if t is not None else "{}" for t in s.tokens)[:60] for s in c.shapes[:3])
                + (" …" if len(c.shapes) > 3 else "")
                for k, c in sorted(r.blocks.items()))))
        if r.fixed_words:
            facts.append(("never equal to a word the text above fixes", ", ".join(
                k + (f" (but {', '.join(ws)})" if ws else "") for k, ws in sorted(r.fixed_words.items()))))
        if r.apart:
            facts.append(("never related", ", ".join(f"{a} ~ {b}" for a, b in r.apart[:8])
                          + (" …" if len(r.apart) > 8 else "")))
        if r.together:
            facts.append(("always related", ", ".join(f"{a} ~ {b}" for a, b in r.together)))
        if r.exact_once:
            facts.append(("served to", "exact repeats of its whole context only"))
        if r.request_keys:
            facts.append(("request settings", f"{len(r.request_keys)} recorded"))
    return NodeView(node=node, path=path, children=children_of(tree).get(node.id, []),
                    pieces=pieces(node.template), answer=pieces(r.message) if r is not None else None,
                    variables=_with_values(_variables(node), (values or {}).get(node.id, {})),
                    derivations=derivations, dag=answer_dag(node),
                    notes=list(notes.get(node.id, [])), hits=None if hits is None else hits.get(node.id, 0),
                    facts=facts)
