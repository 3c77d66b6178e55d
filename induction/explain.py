"""``rote explain NODE_ID``: a template node's template, variables, bindings DAG,
derivations, evidence, status and the reasons induction gave.

>>> from evals.builders import hello_records
>>> from induction.induce import induce
>>> r = induce(hello_records(["Erik", "Maria"]))
>>> print(describe(r.nodes[1], r.notes[r.nodes[1].id]).splitlines()[0])
node ... (user, live)
"""

from __future__ import annotations

from typing import Any

import orjson

from induction.arranger import bindings_dag
from induction.runtime.affixes import AffixCheck
from induction.runtime.cuts import CutCheck, describe_cell, show_number
from induction.runtime.nodes import Derivation, TemplateNode
from induction.runtime.template import MessageTemplate


def render_message(t: MessageTemplate) -> str:
    """A template as text with ``{{var}}`` slots (tool calls as ``name(args)``)."""
    out = [str(t.content)] if t.content is not None else []
    for call in t.tool_calls:
        out.append(f"{call.name}({_json_tpl(call.arguments)})")
    return "\n".join(out)


def _json_tpl(v: Any) -> str:
    if isinstance(v, dict):
        if set(v) == {"$v"}:
            return "{{" + str(v["$v"]) + "}}"
        if set(v) == {"$t"}:
            return '"' + "".join(p if isinstance(p, str) else "{{" + p["var"] + "}}" for p in v["$t"]) + '"'
        if set(v) == {"$lit"}:
            return orjson.dumps(v["$lit"]).decode()
        return "{" + ", ".join(f'"{k}": {_json_tpl(x)}' for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(_json_tpl(x) for x in v) + "]"
    return str(orjson.dumps(v).decode())


def _derivation(d: Derivation) -> str:
    body = orjson.dumps(d.expr).decode() if d.expr is not None else f"python {d.function}(…)"
    out = f"{d.var} = {body}   (from {', '.join(d.args)})"
    if d.alternatives:
        # The examples could not tell these apart: inputs where they disagree are misses.
        rivals = " | ".join(orjson.dumps(a).decode() for a in d.alternatives)
        out += f"\n    served only where these agree with it: {rivals}"
    return out


def _refusals(t: MessageTemplate) -> list[str]:
    slots = list(t.content.slots) if t.content is not None else []
    out = [f"{s.var} never holds: " + " ".join(repr(x) for x in (*s.refuse, *s.refuse_text))
           for s in slots if s.refuse or s.refuse_text]
    for s in slots:
        for side, ok in (("starts", s.edge_start), ("ends", s.edge_end)):
            if ok is not None:
                out.append(f"{s.var} {side} with a letter or digit" + (f" or one of {ok!r}" if ok else ""))
    return out


def _cut(check: CutCheck) -> str:
    """The numbers a cut check places values against, in words ("250", "8000 and 8999")."""
    shown = [show_number(c) for c in check.cuts]
    return " and ".join(shown) if len(shown) < 3 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _affix(check: AffixCheck) -> str:
    """An affix check in words ("starting 'U', ending '@corp.example'")."""
    parts = [f"starting {check.prefix!r}"] if check.prefix else []
    parts += [f"ending {check.suffix!r}"] if check.suffix else []
    parts += [f"starting with one of {', '.join(map(repr, check.firsts))}"] if check.firsts else []
    parts += [f"of {check.digits[0]} to {check.digits[1]} digits"] if check.digits else []
    if check.magnitude is not None:
        parts.append(f"of at most {check.magnitude} integer digits" + ("" if check.negative else ", not negative"))
    return ", ".join(parts)


def describe(node: TemplateNode, notes: list[str]) -> str:
    lines = [f"node {node.id} ({node.template.role}, {node.status})", f"parent: {node.parent or '(root)'}",
             f"namespace: {node.namespace}", "template:"]
    lines += ["  " + x for x in render_message(node.template).splitlines()]
    vars_ = node.template.variables()
    if vars_:
        lines.append("variables in this message: " + ", ".join(vars_))
    lines += ["  " + x for x in _refusals(node.template)]
    for d in node.derivations:
        lines.append("derived (checked on match): " + _derivation(d))
    if node.response is not None:
        r = node.response
        lines.append(f"answer ({r.evidence} calls, finish_reason={r.finish_reason}):")
        lines += ["  " + x for x in render_message(r.message).splitlines()]
        for d in r.derivations:
            lines.append("  derivation: " + _derivation(d))
        if r.derivations:
            independent = sorted({a for d in r.derivations for a in d.args} - {d.var for d in r.derivations})
            g = bindings_dag(independent, r.derivations)
            lines.append("  bindings DAG: " + "; ".join(f"{a} -> {b}" for a, b in g.edges))
        if r.pins:
            lines.append("  only for: " + ", ".join(f"{k} = {orjson.dumps(v).decode()}" for k, v in sorted(r.pins.items()))
                         + " (the one value every call it was seen for had)")
        if r.choices:
            lines.append("  only for: " + "; ".join(
                f"{k} one of {', '.join(orjson.dumps(v).decode() for v in vs)}" for k, vs in sorted(r.choices.items()))
                + " (the values its calls were seen with: closed-values)")
        if r.apart:
            lines.append("  only while never equal or one inside the other: "
                         + ", ".join(f"{a}~{b}" for a, b in r.apart[:8]) + (" …" if len(r.apart) > 8 else ""))
        if r.together:
            lines.append("  only while equal or one inside the other: " + ", ".join(f"{a}~{b}" for a, b in r.together))
        if r.sharing:
            lines.append("  only while sharing a part (a first part, a word): "
                         + ", ".join(f"{a}~{b}" for a, b in r.sharing[:8]) + (" …" if len(r.sharing) > 8 else ""))
        if r.affixes:
            lines.append("  only for values like every one its calls saw: " + "; ".join(
                f"{k} {_affix(c)}" for k, c in sorted(r.affixes.items())) + " (copied-affixes)")
        if r.before:
            lines.append("  only while " + ", ".join(f"{a} before {b}" for a, b in r.before) + " (time-order)")
        if r.fixed_words:
            lines.append("  never for a value equal to, or holding as a part, a word the text above fixes, "
                         "save those seen: " + "; ".join(f"{k} ({', '.join(v) or 'none seen'})"
                                                         for k, v in sorted(r.fixed_words.items())[:8])
                         + (" …" if len(r.fixed_words) > 8 else "") + " (fixed-words)")
        if r.fragments:
            near = sorted({f for v in r.fragments.values() for f in v} | {""})[1:]
            lines.append(f"  never for a value closer to {', '.join(map(repr, near)) or 'a fragment of the text above'}"
                         f" than its calls' were ({len(r.fragments)} variables; fixed-words)")
        if r.cuts:
            lines.append("  only for numbers on the sides of " + ", ".join(sorted(
                {_cut(c) for c in r.cuts.values()})) + " their calls were on: " + "; ".join(
                f"{k} {' or '.join(describe_cell(x, c.cuts) for x in c.cells)}" for k, c in sorted(r.cuts.items())[:8])
                + (" …" if len(r.cuts) > 8 else "") + " (named-numbers)")
    lines.append(f"evidence: {len(node.evidence)} record(s)" + (f": {', '.join(node.evidence[:5])}…"
                                                                 if node.evidence else ""))
    lines += [f"why: {n}" for n in notes]
    return "\n".join(lines)
