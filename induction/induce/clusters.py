"""Clustering: siblings of one skeleton grouped into clusters that share one template.

>>> from evals.builders import hello_records
>>> from induction.config import InductionConfig
>>> tree = StoreTree()
>>> _ = tree.load(hello_records(["Erik", "Maria"]))
>>> users = [(sid, Member("", {})) for sid in tree.nodes if tree.nodes[sid].msg["role"] == "user"]
>>> [len(c) for c in Clusterer(tree, InductionConfig()).cluster(users)]
[2]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import orjson

from induction.config import InductionConfig
from induction.hashing import message_hash
from induction.identifier import Skeleton, identify, text_of
from induction.induce.model import Member, StoreNode
from induction.induce.store_tree import StoreTree, message_text
from induction.tokens import tokenize


class Clusterer:
    """Clusters of one store tree, with ``identify`` memoised (clustering asks twice)."""

    def __init__(self, tree: StoreTree, config: InductionConfig) -> None:
        self.tree = tree
        self.config = config
        self.identified: dict[tuple[str, ...], Skeleton | None] = {}
        self.token_counts: dict[str, Counter[str]] = {}

    def identify(self, msgs: list[dict[str, Any]]) -> Skeleton | None:
        """``identify`` memoised on the messages' hashes."""
        key = tuple(message_hash(m) for m in msgs)
        if key not in self.identified:
            self.identified[key] = identify(msgs)
        return self.identified[key]

    def fits(self, msgs: list[dict[str, Any]]) -> bool:
        if self.too_few_shared(msgs):
            return False  # what the alignment below would say, without aligning
        sk = self.identify(msgs)
        if sk is None:
            return False
        if sk.content is None or not sk.gaps or sk.role == "assistant":
            # A model output in the context is explained by the answer induced at its
            # parent; as context it is only read, so no structure threshold applies.
            return True
        literal = sum(len(p) for p in sk.content if isinstance(p, str))
        # A block of lines (``induction.line_blocks``) is weighed as a whole list is, apart: the
        # share is of the text around it.
        mean = (sum(len(text_of(m) or "") for m in msgs)
                - sum(len(v) for g in sk.gaps if g.block for v in g.values)) / len(msgs)
        # JSON of one shape (the same keys, lists whose first items share theirs) shares its
        # structure whatever the share of its text the values take (a long log excerpt in a
        # result, the rest of a list of search results).
        return literal >= self.config.min_literal_share * mean or _same_json_shape(msgs)

    def too_few_shared(self, msgs: list[dict[str, Any]]) -> bool:
        """Whether ``fits`` is sure to say no because the texts share too few tokens: the
        literal text of their word-by-word skeleton is made of tokens all of them have, so it
        is at most the tokens they share, counted as often as the text with fewest has them.
        Clustering tries many messages that are plainly another event: this spares aligning
        them. Only where ``fits`` weighs the literal text of a word-by-word alignment: not an
        assistant's message, nor texts that are all JSON (aligned leaf by leaf too), nor one
        text alone (no gaps).

        >>> c = Clusterer(StoreTree(), InductionConfig())
        >>> user = [{"role": "user", "content": t} for t in ("disk sda1 full", "login failed for root")]
        >>> c.too_few_shared(user), c.fits(user)
        (True, False)
        >>> c.too_few_shared([{"role": "assistant", "content": m["content"]} for m in user])
        False
        """
        if msgs[0].get("role") == "assistant":
            return False
        texts = [text_of(m) for m in msgs]
        if any(t is None for t in texts) or len(set(texts)) == 1:
            return False
        known = [t for t in texts if t is not None]
        if all(t.lstrip()[:1] in ("{", "[") for t in known):
            return False
        if msgs[0].get("role") == "tool" and len({t.count("\n") for t in known}) > 1:
            return False  # lines of different numbers: a block of lines may hold what differs
        # Text that is not all JSON is aligned word by word only (``identifier._text_parts``),
        # with ``tokenize``: the bound holds (tests/induction/test_clusters.py checks it on fits).
        shared = self.tokens_of(known[0])
        for t in known[1:]:
            shared = shared & self.tokens_of(t)
        bound = sum(len(tok) * n for tok, n in shared.items())
        # Not all JSON, so ``_same_json_shape`` says no: the share alone decides.
        return bound < self.config.min_literal_share * sum(len(t) for t in known) / len(known)

    def tokens_of(self, text: str) -> Counter[str]:
        """How often each alignment token occurs in ``text`` (memoised: a cluster's first
        member is compared with many messages)."""
        if text not in self.token_counts:
            self.token_counts[text] = Counter(tokenize(text))
        return self.token_counts[text]

    def cluster(self, group: list[tuple[str, Member]]) -> list[list[tuple[str, Member]]]:
        """Split siblings of one skeleton into clusters that share one template."""
        if self.fits([self.tree.nodes[s].msg for s, _ in group]):
            return [group]
        by_hash: dict[str, list[tuple[str, Member]]] = defaultdict(list)
        for item in group:
            by_hash[message_hash(self.tree.nodes[item[0]].msg)].append(item)
        clusters: list[list[tuple[str, Member]]] = []
        kinds: list[bytes] = []  # the kind of answer (role, tool names, argument keys) of each cluster
        words: list[frozenset[str]] = []  # the words (no digits) of each cluster's first member
        for items in by_hash.values():
            msg = self.tree.nodes[items[0][0]].msg
            kind = self.tree.answer_kind(items[0][0])
            mine = _words(msg)
            # First among messages answered the same kind of way, compared with each cluster's
            # first member only, most words in common first: a chance fit with another kind
            # ("Tell me the closest cafe to X" beside "Check if X can be reached from Y") must
            # not take a message from its own kind when its own cluster comes later, and trying
            # a few candidates keeps clustering linear in practice (alignment is the cost).
            i = self.first_fit(msg, mine, clusters, words,
                               (i for i in range(min(len(clusters), self.config.max_cluster_candidates))
                                if kinds[i] == kind))
            if i is not None:
                clusters[i].extend(items)
            else:
                clusters.append(list(items))
                kinds.append(kind)
                words.append(mine)
        clusters = self.across_kinds(clusters, kinds, words)
        out: list[list[tuple[str, Member]]] = []
        for c in clusters:
            if len(c) == 1 or self.fits([self.tree.nodes[s].msg for s, _ in c]):
                out.append(c)
            else:  # pairwise fit, but not all together: the messages of each answer, if they fit,
                out.extend(self.refine(c))  # else each distinct message apart
        return out

    def across_kinds(self, clusters: list[list[tuple[str, Member]]], kinds: list[bytes],
                     words: list[frozenset[str]]) -> list[list[tuple[str, Member]]]:
        """Clusters of one kind of answer merged into an earlier cluster of another kind whose
        first member fits theirs: one message template whose value decides the tool called (a
        refund or a tracking call for one order request)."""
        out: list[int] = []
        merged: dict[int, list[tuple[str, Member]]] = {}
        for j, c in enumerate(clusters):
            i = self.first_fit(self.tree.nodes[c[0][0]].msg, words[j], clusters, words,
                               (i for i in out[:self.config.max_cluster_candidates] if kinds[i] != kinds[j]))
            if i is not None:
                merged[i].extend(c)
            else:
                out.append(j)
                merged[j] = list(c)
        return [merged[i] for i in out]

    def first_fit(self, msg: dict[str, Any], mine: frozenset[str], clusters: list[list[tuple[str, Member]]],
                  words: list[frozenset[str]], candidates: Iterable[int]) -> int | None:
        """The first of the ``candidates`` (cluster indices) whose first member ``msg`` fits,
        most words in common first and at most ``max_cluster_tries`` of them tried."""
        scored = sorted((-_jaccard(mine, words[i]), i) for i in candidates)
        for _, i in scored[:self.config.max_cluster_tries]:
            if self.fits([self.tree.nodes[clusters[i][0][0]].msg, msg]):
                return i
        return None

    def refine(self, cluster: list[tuple[str, Member]]) -> list[list[tuple[str, Member]]]:
        """A cluster that does not fit one template, split by what was answered: the messages
        of each answer (or, when answers copy values and so all differ, of each kind of answer:
        role, tool names, argument keys) together where they fit one template, else clustered
        again among themselves; each message apart as the last resort."""
        def exact(sid: str) -> bytes:
            return b"\x00".join(sorted(self.tree.answers_of(sid)))

        def shape(sid: str) -> bytes:
            # The number of words and of punctuation marks: lines of one event with and without
            # an optional part ("1190 bytes (1.16 KB) sent" / "416 bytes sent") fall apart here.
            text = message_text(self.tree.nodes[sid].msg)
            return f"{len(text.split())}:{sum(not c.isalnum() and not c.isspace() for c in text)}".encode()

        for key in (exact, self.tree.answer_kind, shape):
            groups: dict[bytes, list[tuple[str, Member]]] = defaultdict(list)
            for item in cluster:
                groups[key(item[0])].append(item)
            if len(groups) < 2 or 2 * len(groups) > len(cluster):
                continue  # not telling: every call its own answer, or one answer for all
            out: list[list[tuple[str, Member]]] = []
            for part in groups.values():
                if len(part) > 1 and self.fits([self.tree.nodes[s].msg for s, _ in part]):
                    out.append(part)
                elif len(part) > 2:
                    out.extend(self.cluster(part))  # smaller than ``cluster``: this ends
                else:
                    out.extend(by_message(part, self.tree.nodes))
            return out
        return by_message(cluster, self.tree.nodes)


def by_message(group: list[tuple[str, Member]], nodes: dict[str, StoreNode]) -> list[list[tuple[str, Member]]]:
    parts: dict[str, list[tuple[str, Member]]] = defaultdict(list)
    for item in group:
        parts[message_hash(nodes[item[0]].msg)].append(item)
    return list(parts.values())


def split(cluster: list[tuple[str, Member]], keys: list[list[Any]]) -> list[list[tuple[str, Member]]]:
    parts: dict[bytes, list[tuple[str, Member]]] = defaultdict(list)
    for item, key in zip(cluster, keys, strict=True):
        parts[orjson.dumps(key)].append(item)
    return list(parts.values())


def _same_json_shape(msgs: list[dict[str, Any]]) -> bool:
    """Whether every message's text is a JSON object or array, all of one shape (keys and
    list lengths, recursively; leaves of any value)."""
    shapes = set()
    for m in msgs:
        text = text_of(m) or ""
        if text.lstrip()[:1] not in ("{", "["):
            return False
        try:
            shapes.add(orjson.dumps(_json_shape(orjson.loads(text))))
        except orjson.JSONDecodeError:
            return False
        if len(shapes) > 1:
            return False
    return len(shapes) == 1


def _json_shape(v: Any) -> Any:
    """A JSON value's keys and leaf types; a list by its first item's shape (search results of
    any length share the shape of the API's result: ``induction.json_align`` aligns their first
    items and weighs the rest as one value), an empty list apart.

    >>> _json_shape({"items": [{"id": 1}, {"id": 2}], "n": 2}) == _json_shape({"items": [{"id": 3}], "n": 1})
    True
    >>> _json_shape({"items": []}) == _json_shape({"items": [{"id": 3}]})
    False
    """
    if isinstance(v, dict):
        return [[k, _json_shape(x)] for k, x in v.items()]
    if isinstance(v, list):
        return ["list", _json_shape(v[0])] if v else "[]"
    return type(v).__name__ if not isinstance(v, bool) else "bool"


_WORDS_ONLY = re.compile(r"[^\W\d_]{2,}")


def _words(msg: dict[str, Any]) -> frozenset[str]:
    """The words (letters only, 2+) of a message's text or tool calls: a cheap likeness."""
    return frozenset(_WORDS_ONLY.findall(message_text(msg)[:4000]))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0
