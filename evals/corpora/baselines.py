"""Baselines for the corpus suites, beside ``evals.baselines.ExactCache``.

- :class:`SimilarityCache`: rapidfuzz ``fuzz.ratio`` on the last message only (the common
  "semantic cache" key), among training calls with the same earlier messages; the best
  one at or above the threshold answers with its recorded response.
- :class:`Drain3Cache`: the Drain log-template miner (``drain3`` package, default
  settings), one miner per context (a log system's system prompt). Training lines build
  the clusters; a test line is matched against them (``TemplateMiner.match``, which does
  not learn) and a matched cluster answers with its majority training label.

>>> def req(text):
...     return {"model": "m", "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": text}]}
>>> def resp(text):
...     return {"choices": [{"message": {"role": "assistant", "content": text}}]}
>>> c = SimilarityCache(threshold=80); c.fit([("default", req("Open the forum about cats"), resp("A"))])
>>> c.lookup(req("Open the forum about dogs"))["choices"][0]["message"]["content"]
'A'
>>> c.lookup(req("Delete my account")) is None
True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from evals.baselines import BaselineUnavailable, Record
from induction.hashing import message_hash, request_key


def _text(message: Mapping[str, Any]) -> str:
    content = message.get("content")
    return content if isinstance(content, str) else ""


def _prefix(request: Mapping[str, Any], namespace: str) -> tuple[str, str, tuple[str, ...]]:
    """Everything but the last message: the context a last-message key is looked up in."""
    return namespace, request_key(request), tuple(message_hash(m) for m in request["messages"][:-1])


class SimilarityCache:
    """Similarity of the last message (rapidfuzz ratio, 0–100) under the same earlier messages."""

    name = "similarity"

    def __init__(self, threshold: float = 80.0) -> None:
        self.threshold = threshold
        self._groups: dict[tuple[str, str, tuple[str, ...]], tuple[list[str], list[dict[str, Any]]]] = \
            defaultdict(lambda: ([], []))

    def fit(self, records: Iterable[Record]) -> None:
        for ns, req, resp in records:
            texts, answers = self._groups[_prefix(req, ns)]
            texts.append(_text(req["messages"][-1]))
            answers.append(resp)

    def lookup(self, request: Mapping[str, Any], namespace: str = "default") -> dict[str, Any] | None:
        from rapidfuzz import fuzz, process

        group = self._groups.get(_prefix(request, namespace))
        if not group:
            return None
        texts, answers = group
        best = process.extractOne(_text(request["messages"][-1]), texts, scorer=fuzz.ratio,
                                  score_cutoff=self.threshold)
        return None if best is None else answers[best[2]]


class Drain3Cache:
    """Drain3 with its default settings, one miner per context; a cluster answers with the
    response of its most frequent training label (ties: the label seen first).

    ``label`` maps a training response to its label (default: the assistant text), so a
    cluster's majority is counted over answers, not over response ids.
    """

    name = "drain3"

    def __init__(self) -> None:
        try:
            from drain3 import TemplateMiner  # noqa: F401
        except ImportError:
            raise BaselineUnavailable("drain3 baseline skipped: the drain3 package is not installed "
                                      "(pip install -e '.[dev]')") from None
        self._miners: dict[tuple[str, str, tuple[str, ...]], Any] = {}
        self._votes: dict[tuple[tuple[str, str, tuple[str, ...]], int], Counter[str]] = defaultdict(Counter)
        self._answers: dict[str, dict[str, Any]] = {}

    @staticmethod
    def _label(response: Mapping[str, Any]) -> str:
        msg = response["choices"][0]["message"]
        return _text(msg) or str(msg.get("tool_calls"))

    def _miner(self, key: tuple[str, str, tuple[str, ...]]) -> Any:
        miner = self._miners.get(key)
        if miner is None:
            import logging

            from drain3 import TemplateMiner
            from drain3.template_miner_config import TemplateMinerConfig

            # Default settings; drain3 logs every config lookup at INFO, which only adds noise here.
            logging.getLogger("drain3").setLevel(logging.WARNING)
            config = TemplateMinerConfig()
            config.profiling_enabled = False
            miner = self._miners[key] = TemplateMiner(config=config)
        return miner

    def fit(self, records: Iterable[Record]) -> None:
        for ns, req, resp in records:
            key = _prefix(req, ns)
            result = self._miner(key).add_log_message(_text(req["messages"][-1]))
            label = self._label(resp)
            self._votes[(key, int(result["cluster_id"]))][label] += 1
            self._answers.setdefault(label, resp)

    def lookup(self, request: Mapping[str, Any], namespace: str = "default") -> dict[str, Any] | None:
        key = _prefix(request, namespace)
        miner = self._miners.get(key)
        if miner is None:
            return None
        cluster = miner.match(_text(request["messages"][-1]))
        if cluster is None:
            return None
        votes = self._votes.get((key, int(cluster.cluster_id)))
        if not votes:
            return None
        return self._answers[votes.most_common(1)[0][0]]
