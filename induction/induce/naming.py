"""Naming a skeleton's gaps (a reference, a derivation or a new variable) and rendering it as a
template; slot kinds, refusals and edges (``edges-and-refusals``).

>>> from induction.identifier import Gap
>>> from induction.stages import HeuristicNamer
>>> from induction.deriver import HeuristicDeriver
>>> sk = Skeleton("user", None, ["Say hello to ", 0, "."], [], [Gap(0, ["Erik", "Maria"], "content", "Say hello to ")])
>>> named = name_gaps(sk, [{}, {}], HeuristicNamer(), HeuristicDeriver(), Counter())
>>> str(named.template.content), named.new_vars
('Say hello to {{name:word}}.', {'name': 'Say hello to '})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import orjson

from induction.arranger import same_variable
from induction.identifier import Gap, Skeleton
from induction.induce.model import Named
from induction.json_align import item_path, path_steps
from induction.rules.edges_and_refusals import literal_after, quoted, refused, slot_edges, tool_words
from induction.runtime.dsl import expr_vars as _expr_vars
from induction.runtime.kinds import value_fits
from induction.runtime.nodes import Derivation, ResponseTemplate
from induction.runtime.ops import json_get
from induction.runtime.template import MessageTemplate, Slot, SlotKind, TextTemplate, ToolCallTemplate
from induction.stages import Deriver, Namer
from induction.tokens import recognise


def slot_kind(values: list[Any]) -> SlotKind:
    """The kind of a slot from its examples' values: a typed kind where every value is of it
    (and reads back with its pattern), else a word, a line of text or several lines.

    >>> slot_kind(["2026-01-16", "2026-02-01"]), slot_kind(["1/16/2023", "2/16/2023"]), slot_kind(["New York"])
    ('date', 'word', 'text')
    """
    strs = [v for v in values if isinstance(v, str)]
    kinds = {recognise(v) for v in strs}
    if len(kinds) == 1:
        k = kinds.pop()
        if k == "digits" and not any(len(v) >= 5 or (len(v) > 1 and v[0] == "0") for v in strs):
            return "number"  # small counts and amounts may be negative or decimal next time
        if k in ("email", "date", "uuid", "digits") and all(value_fits(k, v) for v in strs):
            # Only where the kind's own pattern reads every value back: the recogniser also
            # knows "1/16/2023", the date kind only ISO dates (such a slot read nothing).
            return k  # type: ignore[return-value]
    if any("\n" in v for v in strs):
        return "multiline"
    if all(not any(c.isspace() for c in v) for v in strs):
        return "word"
    return "text"


def render(sk: Skeleton, slot: dict[int, str], kinds: dict[int, SlotKind],
            refuse: dict[int, tuple[str, tuple[str, ...]]] | None = None,
            edges: dict[int, tuple[str | None, str | None]] | None = None) -> MessageTemplate:
    refuse = refuse or {}
    edges = edges or {}

    def text(parts: list[str | int]) -> TextTemplate:
        return TextTemplate(parts=tuple(
            p if isinstance(p, str) else Slot(var=slot[p], kind=kinds[p], refuse=refuse.get(p, ("", ()))[0],
                                              refuse_text=refuse.get(p, ("", ()))[1],
                                              edge_start=edges.get(p, (None, None))[0],
                                              edge_end=edges.get(p, (None, None))[1]) for p in parts))

    def js(v: Any) -> Any:
        if isinstance(v, dict):
            if set(v) == {"$gap"}:
                return {"$v": slot[v["$gap"]]}
            if set(v) == {"$tgap"}:
                return {"$t": [p if isinstance(p, str) else {"var": slot[p], "kind": kinds[p]} for p in v["$tgap"]]}
            return {k: js(x) for k, x in v.items()}
        if isinstance(v, list):
            return [js(x) for x in v]
        return v

    return MessageTemplate(
        role=sk.role, name=sk.name, content=None if sk.content is None else text(sk.content),
        tool_calls=tuple(ToolCallTemplate(name=n, arguments=js(a)) for n, a in sk.calls))


def uses(d: Derivation) -> set[str]:
    """The variables a derivation reads, its rivals' included."""
    out = set(d.args)
    for e in (d.expr, *d.alternatives):
        if e is not None:
            out |= set(_expr_vars(e))
    return out


def reads(response: ResponseTemplate) -> set[str]:
    """The variables an answer copies or computes from (its message's slots, its derivations'
    arguments and rivals)."""
    return set(response.message.variables()).union(*(uses(d) for d in response.derivations))


def replicate(sk: Skeleton, n: int) -> Skeleton:
    """A one-message skeleton stretched over ``n`` identical members."""
    for g in sk.gaps:
        g.values = g.values * n
    return sk


def name_gaps(sk: Skeleton, scopes: list[dict[str, Any]], namer: Namer, deriver: Deriver, stats: Counter[str],
              forced: dict[int, str] | None = None, message_text: str = "",
              declared_tools: Sequence[str] = ()) -> Named:
    """Name every gap: a reference to a variable in scope, a derivation, or a new variable.
    The new variables come in order, each with what precedes it (its label or JSON key).
    ``declared_tools``: the tools the requests declare; a model's words beside its calls
    refuse the words of the others (``edges_and_refusals.tool_words``)."""
    taken = set(scopes[0]) if scopes else set()
    fixed = _ItemFields(message_text, sk.gaps)
    slot: dict[int, str] = {}
    derivations: list[Derivation] = []
    new_vars: dict[str, str] = {}
    new_scopes = [dict(s) for s in scopes]
    forced = forced or {}
    for gap in sk.gaps:
        if gap.gid in forced:  # a user-declared variable: its name, bound here or inherited
            var = forced[gap.gid]
            slot[gap.gid] = var
            if var not in taken:
                taken.add(var)
                new_vars[var] = gap.before
                for sc, v in zip(new_scopes, gap.values, strict=True):
                    sc[var] = v
            continue
        ref = same_variable(gap.values, scopes)
        if ref is not None:
            slot[gap.gid] = ref
            stats["refs"] += 1
            continue
        var = namer.name(gap, taken, message_text)
        taken.add(var)
        slot[gap.gid] = var
        if gap.path:
            # A field of a list item, with the item's fields fixed in every run, for ``pick``.
            deriver.note_item(var, gap.path, fixed(gap.path))
        d = deriver.derive(gap.values, scopes) if len(set(map(repr, gap.values))) > 1 else None
        if d is not None:
            # In a message of the context the value is read off the request: the
            # derivation only checks it, so which of several fitting ones is moot.
            args = tuple(sorted(_expr_vars(d.expr))) if d.expr is not None else d.args
            derivations.append(d.model_copy(update={"var": var, "alternatives": (), "args": args}))
            stats["derived"] += 1
        else:
            new_vars[var] = gap.before
            stats["variables"] += 1
        for sc, v in zip(new_scopes, gap.values, strict=True):
            sc[var] = v
    kinds = {g.gid: slot_kind(g.values) for g in sk.gaps}
    content = sk.content or []
    after = literal_after(content)
    free = [g for g in sk.gaps if kinds[g.gid] in ("text", "word", "multiline")]
    # The model's own words beside its calls: another declared tool named there is a next step
    # announced (``edges-and-refusals``).
    words = tool_words(declared_tools, [name for name, _ in sk.calls]) if sk.role == "assistant" and sk.calls else ()
    refuse = {g.gid: refused(g.values, after.get(g.gid, ""), in_quotes=quoted(content, g.gid, g.values),
                             words=words if g.where == "content" else ())
              for g in free}
    edges = slot_edges(content, free)
    return Named(render(sk, slot, kinds, refuse, edges), derivations, new_scopes, new_vars, slot)


class _ItemFields:
    """The fields of a JSON list item that are the same in every member (no gap there: a job's
    name at its place in the list), read off the first member's text, by a gap's path.

    >>> f = _ItemFields('{"jobs": [{"id": 7, "name": "lint"}]}', [Gap(0, ["7", "8"], "content", "", path="$.jobs[0].id")])
    >>> f("$.jobs[0].id")
    {'.name': 'lint'}
    """

    def __init__(self, text: str, gaps: Sequence[Gap]) -> None:
        self.text = text
        self.gap_paths = {g.path.split("|")[0] for g in gaps if g.path}
        self.doc: Any = None
        self.parsed = False

    def __call__(self, path: str) -> dict[str, Any] | None:
        item = item_path(path)
        if item is None:
            return None
        if not self.parsed:
            self.parsed = True
            try:
                self.doc = orjson.loads(self.text) if self.text[:1] in ("{", "[") else None
            except orjson.JSONDecodeError:
                self.doc = None
        try:
            node = json_get(self.doc, [*path_steps(item[0]), item[1]])
        except (KeyError, IndexError, TypeError):
            return None
        if not isinstance(node, dict):
            return None
        base = f"{item[0]}[{item[1]}]"
        return {f".{key}": v for key, v in node.items()
                if isinstance(v, (str, int, float, bool)) and f"{base}.{key}" not in self.gap_paths}
