"""Naming the node ``rote merge`` acts on, and reporting how its children were grouped.

A user may name a **store node** (``rote tree`` prints them; a unique prefix is
enough) or a **template node** (``rote explain`` / the published tree). Induction's
``force_merge`` takes store nodes: forcing any one store node a template stands
for (a *member*) merges the children of all of them, since a template's
children are drawn from all its members' children.

Template nodes do not list their members; they keep up to 50 evidence record
ids (calls answered at one of their members). The template tree is aligned
with the store tree level by level (one message per level), so walking up from
an evidence record's context node alongside the template's ancestors names a
member of every ancestor. Members with no evidence below them are not found;
that only narrows the merge report, never the merge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel

from flows.errors import UnknownNodeError
from induction.explain import render_message
from induction.pipeline import load_templates
from induction.runtime.nodes import TemplateNode
from induction.store import Store
from rote.errors import StoreError


class MergeTarget(BaseModel):
    store_node_id: str
    namespace: str
    given: str  # what the user typed
    template_id: str | None = None  # when the user named a template node


class ChildGroup(BaseModel):
    template_id: str
    status: str
    template: str
    members: list[str]  # store child nodes of the target this template stands for


class MergeReport(BaseModel):
    node_id: str
    children: int  # distinct store children of the target
    groups: list[ChildGroup]


def template_members(store: Store, nodes: Iterable[TemplateNode]) -> dict[str, set[str]]:
    """Template id -> the store nodes it stands for (as far as the evidence shows)."""
    by_id = {n.id: n for n in nodes}
    evidence: dict[str, list[str]] = defaultdict(list)
    for n in by_id.values():
        for rid in n.evidence:
            evidence[rid].append(n.id)
    members: dict[str, set[str]] = defaultdict(set)
    if not evidence:
        return members
    ctx = dict(store.con.execute(
        "SELECT record_id, context_node_id FROM records WHERE list_contains(?, record_id)",
        [list(evidence)]).fetchall())
    parents: dict[str, str | None] = dict(store.con.execute("SELECT node_id, parent_id FROM nodes").fetchall())
    for rid, tids in evidence.items():
        for tid in tids:
            sid: str | None = ctx.get(rid)
            t: TemplateNode | None = by_id[tid]
            while t is not None and sid is not None:
                members[t.id].add(sid)
                t = by_id.get(t.parent) if t.parent else None
                sid = parents.get(sid)
    return members


def resolve_target(store: Store, given: str) -> MergeTarget:
    """A store node id (or unique prefix), else a template node id (or unique prefix)."""
    try:
        sid = store.resolve_node(given)
        return MergeTarget(store_node_id=sid, namespace=store.node(sid)["namespace"], given=given)
    except StoreError as e:
        store_error = str(e)
    templates = [n for n, _ in load_templates(store)]
    matches = [n for n in templates if n.id.startswith(given)]
    if len(matches) > 1:
        raise UnknownNodeError(given, "the prefix names several template nodes; give more characters")
    if not matches:
        raise UnknownNodeError(given, f"{store_error}, and no induced template has that id "
                                      "(`rote tree` prints store node ids)")
    t = matches[0]
    found = template_members(store, templates).get(t.id)
    if not found:
        raise UnknownNodeError(given, f"template node {t.id} has no recorded evidence to find its store "
                                      "nodes by; name a store node instead (`rote tree`)")
    sid = min(found)
    return MergeTarget(store_node_id=sid, namespace=t.namespace, given=given, template_id=t.id)


def merge_report(store: Store, target: MergeTarget, nodes: list[TemplateNode]) -> MergeReport:
    """How the target's store children were grouped into templates by the last induction."""
    kids = {c["node_id"] for c in store.children(target.store_node_id)}
    members = template_members(store, nodes)
    owners = [tid for tid, m in members.items() if target.store_node_id in m]
    groups = []
    for n in nodes:
        if n.parent in owners:
            mine = sorted(members.get(n.id, set()) & kids)
            if mine:
                groups.append(ChildGroup(template_id=n.id, status=n.status, template=render_message(n.template),
                                         members=mine))
    groups.sort(key=lambda g: (-len(g.members), g.template_id))
    return MergeReport(node_id=target.store_node_id, children=len(kids), groups=groups)


def describe_groups(report: MergeReport) -> list[dict[str, Any]]:
    """Rows for a table artifact / the CLI."""
    return [{"template": g.template_id[:12], "status": g.status, "members": len(g.members),
             "text": g.template[:120]} for g in report.groups]
