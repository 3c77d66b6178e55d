"""The compiled template tree: what induction publishes and the proxy serves.

:func:`compile_tree` checks a set of :class:`~induction.runtime.nodes.TemplateNode`
values (tree shape; for live nodes, derivations form a DAG over bound variables
and every response variable is bound) and returns a :class:`CompiledTree`.

The artifact (:meth:`CompiledTree.to_bytes`) is one JSON object (orjson)::

    {"format": "rote.compiled-tree", "schema_version": 1,
     "content_hash": <blake2b-128 hex of the serialised "nodes" array>,
     "created_at": <ISO-8601>, "source": <store version or null>,
     "node_count": N, "nodes": [<TemplateNode as JSON>, ... sorted by id]}

Derivations are stored in topological order, so loading needs no graph work;
patterns are compiled lazily on first use (:meth:`CompiledTree.warm` compiles
them all). :meth:`CompiledTree.from_bytes` refuses a wrong format, schema
version, node count or content hash with :class:`~rote.errors.TemplateError`.

>>> from induction.runtime.nodes import ResponseTemplate, TemplateNode
>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> node = TemplateNode(id="n1", parent=None,
...     template=MessageTemplate(role="user", content=TextTemplate(parts=("say hello to ", Slot(var="name")))),
...     response=ResponseTemplate(message=MessageTemplate(role="assistant",
...         content=TextTemplate(parts=("Hello, ", Slot(var="name"), "!")))))
>>> tree = CompiledTree.from_bytes(compile_tree([node], created_at="2025-01-01T00:00:00Z").to_bytes())
>>> hit = tree.lookup({"model": "m", "messages": [{"role": "user", "content": "say hello to Bob"}]})
>>> hit.response["choices"][0]["message"]["content"], hit.bindings, hit.path
('Hello, Bob!', {'name': 'Bob'}, ('n1',))
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Final

import orjson
from pydantic import TypeAdapter, ValidationError

from induction.hashing import digest
from induction.runtime.bindings import build_dag
from induction.runtime.lookup import Explanation, Hit, explain
from induction.runtime.messages import MatcherPool
from induction.runtime.nodes import TemplateNode
from induction.runtime.tree_index import Children, RuntimeNode
from rote.errors import TemplateError

__all__ = ["FORMAT", "SCHEMA_VERSION", "CompiledTree", "Hit", "TreeIndex", "compile_tree"]

FORMAT: Final = "rote.compiled-tree"
SCHEMA_VERSION: Final = 1
_NODES: Final = TypeAdapter(list[TemplateNode])


class TreeIndex:
    """Runtime nodes by id, and each namespace's first-message children."""

    __slots__ = ("by_id", "pool", "roots")

    def __init__(self, nodes: Iterable[TemplateNode]) -> None:
        self.pool = MatcherPool()  # equal templates share one matcher
        self.by_id: dict[str, RuntimeNode] = {n.id: RuntimeNode(n, self.pool) for n in nodes}
        self.roots: dict[str, Children] = {}
        for node in self.by_id.values():
            parent = node.model.parent
            if parent is None:
                self.roots.setdefault(node.model.namespace, Children()).add(node)
            else:
                self.by_id[parent].add(node)  # a node is the index of its children
        for node in self.by_id.values():
            _set_path(node, self.by_id)


def _set_path(node: RuntimeNode, by_id: Mapping[str, RuntimeNode]) -> None:
    """``node.path`` (and its ancestors', which are set first): the ids from the root down."""
    chain = [node]
    while (parent := chain[-1].model.parent) is not None and len(by_id[parent].path) == 1:
        chain.append(by_id[parent])  # a path of one id is not set yet, except at the root
    above = by_id[parent].path if parent is not None else ()
    for n in reversed(chain):
        above = n.path = (*above, n.id)


class CompiledTree:
    """A servable template tree. Build with :func:`compile_tree` or :meth:`from_bytes`."""

    def __init__(self, nodes: Iterable[TemplateNode], *, content_hash: str, created_at: str,
                 source: str | None = None, budget_ms: float = 5.0, max_frontier: int = 8) -> None:
        self._nodes = tuple(nodes)
        self.content_hash = content_hash
        self.created_at = created_at
        self.source = source
        self.budget_ms = budget_ms
        self.max_frontier = max_frontier
        self.index = TreeIndex(self._nodes)

    @property
    def version(self) -> str:
        """The tree's identity: its content hash."""
        return self.content_hash

    @property
    def nodes(self) -> tuple[TemplateNode, ...]:
        """Every node (live, staged and uncacheable), sorted by id."""
        return self._nodes

    def node(self, node_id: str) -> TemplateNode:
        """The node with this id (``KeyError`` if there is none)."""
        return self.index.by_id[node_id].model

    def lookup(self, request: Mapping[str, Any], namespace: str = "default",
               disabled: Collection[str] | None = None) -> Hit | None:
        """The cached answer to a chat-completions request, or None (a miss)."""
        return explain(self, request, namespace, disabled).hit

    def explain(self, request: Mapping[str, Any], namespace: str = "default",
                disabled: Collection[str] | None = None) -> Explanation:
        """:meth:`lookup`, with the reason for a miss and the deepest path matched."""
        return explain(self, request, namespace, disabled)

    def warm(self) -> None:
        """Compile every pattern now (otherwise each is compiled on first use)."""
        for kids in self.index.roots.values():
            kids.warm()
        for node in self.index.by_id.values():
            node.warm()

    def to_bytes(self) -> bytes:
        """The versioned artifact (see module docstring)."""
        nodes = orjson.dumps(_NODES.dump_python(list(self._nodes), mode="json"))
        head = orjson.dumps({"format": FORMAT, "schema_version": SCHEMA_VERSION, "content_hash": self.content_hash,
                             "created_at": self.created_at, "source": self.source,
                             "node_count": len(self._nodes)})
        return head[:-1] + b',"nodes":' + nodes + b"}"

    @classmethod
    def from_bytes(cls, data: bytes, *, budget_ms: float = 5.0, max_frontier: int = 8) -> CompiledTree:
        """Load an artifact written by :meth:`to_bytes`; :class:`TemplateError` if it is broken."""
        with _gc_paused():
            return cls._from_bytes(data, budget_ms=budget_ms, max_frontier=max_frontier)

    @classmethod
    def _from_bytes(cls, data: bytes, *, budget_ms: float, max_frontier: int) -> CompiledTree:
        try:
            doc = orjson.loads(data)
        except orjson.JSONDecodeError as e:
            raise TemplateError(f"compiled tree is not JSON: {e}") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise TemplateError("not a compiled rote tree")
        if doc.get("schema_version") != SCHEMA_VERSION:
            raise TemplateError(f"compiled tree schema {doc.get('schema_version')!r}, expected {SCHEMA_VERSION}")
        raw = doc.get("nodes")
        if not isinstance(raw, list) or doc.get("node_count") != len(raw):
            raise TemplateError("compiled tree node count does not match")
        if digest(orjson.dumps(raw)) != doc.get("content_hash"):
            raise TemplateError("compiled tree content hash does not match (corrupt or edited)")
        try:
            nodes = _NODES.validate_python(raw)
        except ValidationError as e:
            raise TemplateError(f"compiled tree has malformed nodes: {e}") from None
        _check_shape(nodes)
        return cls(nodes, content_hash=doc["content_hash"], created_at=str(doc.get("created_at") or ""),
                   source=doc.get("source"), budget_ms=budget_ms, max_frontier=max_frontier)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building a tree allocates many long-lived objects and no garbage cycles: without
    this, the collector would walk the growing heap again and again (3x the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compile_tree(nodes: Iterable[TemplateNode], *, created_at: str | None = None, source: str | None = None,
                 budget_ms: float = 5.0, max_frontier: int = 8) -> CompiledTree:
    """Check and compile template nodes into a servable tree.

    Only ``live`` nodes answer (a status is about the node's own answer: the
    nodes above it only have to match); ``staged`` and
    ``uncacheable`` nodes are kept for :meth:`CompiledTree.explain` (an
    uncacheable node answers only an exact literal repeat with a fully literal
    response, and otherwise vetoes). Live nodes are checked in depth: their
    derivations form a DAG over bound variables and every response variable is
    bound. Raises :class:`TemplateError` (or :class:`~rote.errors.CycleError`)
    naming the node at fault.
    """
    with _gc_paused():
        return _compile(list(nodes), created_at, source, budget_ms, max_frontier)


def _compile(nodes: list[TemplateNode], created_at: str | None, source: str | None, budget_ms: float,
             max_frontier: int) -> CompiledTree:
    ordered = sorted(nodes, key=lambda n: n.id)
    _check_shape(ordered)
    by_id = {n.id: n for n in ordered}
    bound: dict[str, frozenset[str]] = {}
    out: list[TemplateNode] = []
    for n in ordered:
        before = _bound_before(n, by_id, bound)
        if n.status != "live":
            out.append(n)
            continue
        try:
            out.append(_check_live(n, before))
        except TemplateError as e:
            raise _at(n, e) from None
    payload = orjson.dumps(_NODES.dump_python(out, mode="json"))
    stamp = created_at or datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return CompiledTree(out, content_hash=digest(payload), created_at=stamp, source=source,
                        budget_ms=budget_ms, max_frontier=max_frontier)


def _at(node: TemplateNode, e: TemplateError) -> TemplateError:
    e.args = (f"node {node.id}: {e.args[0] if e.args else e}",)
    return e


def _check_shape(nodes: list[TemplateNode]) -> None:
    by_id: dict[str, TemplateNode] = {}
    for n in nodes:
        if n.id in by_id:
            raise TemplateError(f"node {n.id} appears twice")
        by_id[n.id] = n
    for n in nodes:
        seen = {n.id}
        cur = n
        while cur.parent is not None:
            parent = by_id.get(cur.parent)
            if parent is None:
                raise TemplateError(f"node {cur.id}: parent {cur.parent} is not in the tree")
            if parent.namespace != cur.namespace:
                raise TemplateError(f"node {cur.id}: parent {parent.id} is in another namespace")
            if parent.id in seen:
                raise TemplateError(f"node {n.id}: its ancestors form a loop")
            seen.add(parent.id)
            cur = parent


def _bound_before(n: TemplateNode, by_id: Mapping[str, TemplateNode], memo: dict[str, frozenset[str]]) -> frozenset[str]:
    """Variables bound by the messages (and node derivations) above ``n``."""
    chain: list[TemplateNode] = []
    cur: TemplateNode | None = n
    while cur is not None and cur.parent is not None and cur.parent not in memo:
        cur = by_id[cur.parent]
        chain.append(cur)
    acc = memo.get(cur.parent, frozenset()) if cur is not None and cur.parent is not None else frozenset()
    for node in reversed(chain):
        acc = acc | set(node.template.variables()) | {d.var for d in node.derivations}
        memo[node.id] = acc
    return acc


def _check_live(n: TemplateNode, before: frozenset[str]) -> TemplateNode:
    read = set(n.template.variables())
    update: dict[str, Any] = {}
    if n.derivations:
        derived = {d.var for d in n.derivations}
        update["derivations"] = tuple(build_dag(n.derivations, (before | read) - derived))
    after = before | read | {d.var for d in n.derivations}
    r = n.response
    if r is not None:
        derived = {d.var for d in r.derivations}
        ordered = build_dag(r.derivations, after - derived) if r.derivations else []
        unbound = set(r.message.variables()) - after - derived
        if unbound:
            raise TemplateError(f"response uses unbound variables {sorted(unbound)}")
        if r.derivations:
            update["response"] = r.model_copy(update={"derivations": tuple(ordered)})
    return n.model_copy(update=update) if update else n
