"""The store's prefix tree of the records being induced, and what it says below a node.

Each message is one node per context (its content address); a node knows the calls answered
at it, the runs through it and the bindings users declared. Induction asks it what followed a
node (the model outputs below it, the kinds of messages that came next) to weigh values.

>>> from evals.builders import hello_records
>>> tree = StoreTree()
>>> len(tree.load(hello_records(["Erik", "Maria"]))), len(tree.roots["default"])
(2, 1)
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator
from itertools import islice
from typing import Any

import orjson

from induction.hashing import canonical_message
from induction.identifier import skeleton_key, text_of
from induction.induce.model import Member, StoreNode
from induction.rules.min_runs import said_beside_call, wording
from induction.rules.results_order import out_of_order
from induction.rules.structure_evidence import CONTINUATION_DEPTH
from induction.rules.unread_values import number_in
from induction.store import StoredRecord

PROPOSAL_LATER = 8  # model outputs a proposal looks at for copied values


def message_text(msg: dict[str, Any]) -> str:
    """A message as the Namer sees it: its text, or its tool calls as JSON."""
    return text_of(msg) or orjson.dumps(canonical_message(msg).get("tool_calls") or []).decode()


class StoreTree:
    """The records' messages as a prefix tree (``load``), with the queries induction makes of it."""

    def __init__(self) -> None:
        self.nodes: dict[str, StoreNode] = {}
        self.roots: dict[str, list[str]] = defaultdict(list)
        self._later: dict[str, str] = {}
        self._continuations: dict[str, frozenset[bytes]] = {}
        self._answers: dict[str, tuple[bytes, ...]] = {}
        self.tools: dict[str, set[str]] = defaultdict(set)  # tool names the requests declared, per namespace
        # Namespaces whose model worded its words beside one step's calls differently in
        # different runs: it samples them (``min-runs``).
        self.sampled: set[str] = set()
        self._wordings: dict[tuple[str, int, tuple[str, ...]], set[tuple[str, ...]]] = defaultdict(set)

    def load(self, records: list[StoredRecord]) -> list[StoredRecord]:
        """Add the records' messages; returns the records kept (those whose tool results are
        in the order of their calls, ``results-order``)."""
        in_order = [r for r in records if not out_of_order(r.messages)]
        # Results of parallel calls out of the order of the calls: the runtime never answers
        # such a context (it reads results by position), and learning from one would read
        # in-order results swapped.
        records = in_order
        for rec in records:
            for t in rec.params.get("tools") or ():
                name = (t.get("function") or {}).get("name") if isinstance(t, dict) else None
                if isinstance(name, str):
                    self.tools[rec.namespace].add(name)
            parent: str | None = None
            for nid, msg in zip([*rec.node_ids, rec.response_node_id], [*rec.messages, rec.response_message],
                                strict=True):
                if nid not in self.nodes:
                    self.nodes[nid] = StoreNode(nid, parent, msg)
                    if parent is None:
                        self.roots[rec.namespace].append(nid)
                    else:
                        self.nodes[parent].children.append(nid)
                parent = nid
            self.nodes[rec.node_ids[-1]].answers.append(rec)
            self._note_wording(rec)
            if rec.bindings:
                for nid in [*rec.node_ids, rec.response_node_id]:
                    self.nodes[nid].declared.update(rec.bindings)
        for rec in records:  # a run's final call: nothing continues from its answer
            if not self.nodes[rec.response_node_id].children:
                for nid in rec.node_ids:
                    self.nodes[nid].runs += 1
        return records

    def _note_wording(self, rec: StoredRecord) -> None:
        """Count the words a tool-calling answer says beside its calls, per namespace, step
        (messages before it) and tools called; a second wording marks the namespace sampled."""
        msg = rec.response_message
        if not said_beside_call(msg):
            return
        content, calls = msg["content"], msg["tool_calls"]
        step = (rec.namespace, len(rec.messages),
                tuple(sorted(str((c.get("function") or {}).get("name")) for c in calls if isinstance(c, dict))))
        seen = self._wordings[step]
        seen.add(wording(content, "\n".join(message_text(m) for m in rec.messages)))
        if len(seen) > 1:
            self.sampled.add(rec.namespace)

    def before_results(self, sid: str) -> bool:
        """Whether a store node is a tool result that every run followed with another tool
        result (the results of parallel calls): the model decided nothing between them, so
        what follows says nothing of this one's values; they are weighed where an answer
        reads them, as a system prompt's are.

        >>> from evals.builders import stored
        >>> call = {"role": "assistant", "tool_calls": [{"id": i, "type": "function", "function": {"name": "f",
        ...         "arguments": "{}"}} for i in ("a", "b")]}
        >>> msgs = [{"role": "user", "content": "go"}, call, {"role": "tool", "tool_call_id": "a", "content": "1"},
        ...         {"role": "tool", "tool_call_id": "b", "content": "2"}]
        >>> tree = StoreTree(); _ = tree.load(stored([{"request": {"model": "m", "messages": msgs},
        ...     "response": {"choices": [{"message": {"role": "assistant", "content": "ok"}}]}}]))
        >>> [tree.before_results(sid) for sid in tree.nodes]
        [False, False, True, False, False]
        """
        node = self.nodes[sid]
        return (node.msg.get("role") == "tool" and not node.answers and bool(node.children)
                and all(self.nodes[kid].msg.get("role") == "tool" for kid in node.children))

    def answers_of(self, sid: str) -> tuple[bytes, ...]:
        """The canonical bytes of each answer recorded at a store node, in record order
        (remembered: clustering, splits and repeats all compare answers)."""
        cached = self._answers.get(sid)
        if cached is None:
            cached = self._answers[sid] = tuple(orjson.dumps(canonical_message(r.response_message))
                                                for r in self.nodes[sid].answers)
        return cached

    def answer_kind(self, sid: str) -> bytes:
        """The kinds (role, tool names, argument keys) of the answers at a store node."""
        return b"\x00".join(sorted({orjson.dumps(skeleton_key(r.response_message), default=str)
                                     for r in self.nodes[sid].answers}))

    def continuation(self, sid: str, depth: int = CONTINUATION_DEPTH) -> frozenset[bytes]:
        """What follows a store node, as structure: the skeleton keys (role, tool names,
        argument keys) of the answers there and of the messages up to ``depth`` below. Runs
        that branched right after it (a refund instead of a tracking call) differ here; a
        branch further down is weighed where it happens, against the values read there or
        above (``_deciding``), so a value read early is not blamed for it."""
        cached = self._continuations.get(sid) if depth == CONTINUATION_DEPTH else None
        if cached is None:
            node = self.nodes[sid]
            keys = {orjson.dumps(skeleton_key(r.response_message), default=str) for r in node.answers}
            for kid in node.children:
                keys.add(orjson.dumps(skeleton_key(self.nodes[kid].msg), default=str))
                if depth > 1:
                    keys |= self.continuation(kid, depth - 1)
            cached = frozenset(keys)
            if depth == CONTINUATION_DEPTH:
                self._continuations[sid] = cached
        return cached

    def number_later(self, sid: str, value: Any) -> bool:
        """Whether a model output below a store node writes the number ``value`` (not as a
        piece of a longer number)."""
        return number_in(self.later_text(sid), value)

    def later_outputs(self, sid: str) -> Iterator[dict[str, Any]]:
        """The model outputs (assistant messages) below a store node, nearest first."""
        queue = deque(self.nodes[sid].children)
        while queue:
            node = self.nodes[queue.popleft()]
            if node.msg.get("role") == "assistant":
                yield node.msg
            queue.extend(node.children)

    def later_text(self, sid: str) -> str:
        """Lower-cased text of every model output below a store node (cached)."""
        cached = self._later.get(sid)
        if cached is None:
            cached = self._later[sid] = "\n".join(
                orjson.dumps(canonical_message(m)).decode().lower() for m in self.later_outputs(sid))
        return cached

    def later_texts(self, sid: str) -> list[str]:
        """Texts of the nearest ``PROPOSAL_LATER`` model outputs below a store node (content
        and tool-call arguments): a copied value shows up soon, and a long run must not
        make proposals quadratic."""
        return [message_text(m) if not text_of(m) else f"{text_of(m)}\n{message_text({'tool_calls': m.get('tool_calls')})}"
                for m in islice(self.later_outputs(sid), PROPOSAL_LATER)]

    def answers_differ(self, cluster: list[tuple[str, Member]]) -> bool:
        """Whether the calls at these store nodes were answered in more than one way."""
        return self.answer_count(cluster) > 1

    def answer_count(self, cluster: list[tuple[str, Member]]) -> int:
        """How many distinct answers the calls at these store nodes got."""
        return len({a for sid, _ in cluster for a in self.answers_of(sid)})
