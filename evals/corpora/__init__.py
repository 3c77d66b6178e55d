"""Third-party corpora as eval records: traffic nobody on the team wrote.

The raw files stay outside the repository (``../shared/corpora`` next to it, or the
directory named by ``$ROTE_CORPORA`` or a ``--corpora`` option); the converters here
turn them into ``{"request", "response"}`` records split into train and test:

- ``evals.corpora.loghub``: Loghub-2k log lines, the answer is the line's event id;
- ``evals.corpora.webarena``: WebArena task intents, the answer is a ``start_task`` tool call.

Each test record carries its ``group`` (a log system, a site) and its ``label`` (the event
or template id) so the eval can say whether training showed that label at all: a hit on
a label training never showed is false by construction.

>>> r = CorpusRecord("HPC", "E1", chat_request("sys", "line"), text_response("E1", "x"))
>>> c = Corpus("toy", train=[r], test=[r])
>>> c.train_counts()[("HPC", "E1")], c.seen(r)
(1, True)
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

CORPORA_ENV = "ROTE_CORPORA"
MODEL = "gpt-4o-mini"


class CorpusMissing(FileNotFoundError):
    """The corpus files are not where they were looked for; the message says where and how to point elsewhere."""


def corpora_root(path: str | Path | None = None) -> Path:
    """Where the raw corpora live: ``path``, else ``$ROTE_CORPORA``, else ``../shared/corpora``
    beside the repository (the workplace's shared folder; the raw files are never copied in).

    >>> corpora_root("/tmp/somewhere")
    PosixPath('/tmp/somewhere')
    """
    if path is not None:
        return Path(path)
    env = os.environ.get(CORPORA_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


@dataclass(frozen=True, slots=True)
class CorpusRecord:
    """One call: its group (log system, site), its label (event id, template id) and the record."""

    group: str
    label: str
    request: dict[str, Any]
    response: dict[str, Any]

    def as_record(self) -> dict[str, Any]:
        return {"request": self.request, "response": self.response}


@dataclass
class Corpus:
    """A converted corpus split into train and test records."""

    name: str
    train: list[CorpusRecord] = field(default_factory=list)
    test: list[CorpusRecord] = field(default_factory=list)

    def train_counts(self) -> Counter[tuple[str, str]]:
        """How many training records each (group, label) has."""
        return Counter((r.group, r.label) for r in self.train)

    def seen(self, rec: CorpusRecord) -> bool:
        """Whether training holds at least one record of ``rec``'s label (in its group)."""
        return (rec.group, rec.label) in self.train_counts()

    @property
    def groups(self) -> list[str]:
        return list(dict.fromkeys(r.group for r in [*self.train, *self.test]))

    def export(self, directory: Path) -> tuple[Path, Path]:
        """Write ``train.jsonl`` and ``test.jsonl`` (``{"request", "response"}`` per line) for
        ``rote ingest`` / ``rote induce`` / ``rote serve`` black-box runs; returns both paths."""
        directory.mkdir(parents=True, exist_ok=True)
        paths = directory / "train.jsonl", directory / "test.jsonl"
        for path, records in zip(paths, (self.train, self.test), strict=True):
            write_jsonl(path, (r.as_record() for r in records))
        return paths


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """One JSON object per line; returns how many were written."""
    n = 0
    with path.open("wb") as f:
        for rec in records:
            f.write(orjson.dumps(rec) + b"\n")
            n += 1
    return n


def chat_request(system: str, user: str, *, tools: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A chat-completions request of a system prompt and one user message."""
    req: dict[str, Any] = {"model": MODEL, "messages": [{"role": "system", "content": system},
                                                        {"role": "user", "content": user}]}
    if tools:
        req["tools"] = tools
    return req


def _completion(message: dict[str, Any], finish: str, key: str) -> dict[str, Any]:
    # Ids derived from the record's own text: converting twice gives the same bytes.
    digest = hashlib.sha256(key.encode()).hexdigest()
    completion_tokens = len(orjson.dumps(message)) // 4
    return {"id": f"chatcmpl-{digest[:24]}", "object": "chat.completion", "created": 1763700000, "model": MODEL,
            "choices": [{"index": 0, "finish_reason": finish, "logprobs": None, "message": message}],
            "usage": {"prompt_tokens": len(key) // 4 + 8, "completion_tokens": completion_tokens,
                      "total_tokens": len(key) // 4 + 8 + completion_tokens}}


def text_response(text: str, key: str) -> dict[str, Any]:
    """A ``chat.completion`` whose assistant message is ``text``; ``key`` seeds its id."""
    return _completion({"role": "assistant", "content": text, "refusal": None}, "stop", key)


def tool_response(name: str, arguments: dict[str, Any], key: str) -> dict[str, Any]:
    """A ``chat.completion`` whose assistant message calls ``name`` with ``arguments``."""
    call_id = "call_" + hashlib.sha256(f"call:{key}".encode()).hexdigest()[:24]
    msg = {"role": "assistant", "content": None, "refusal": None, "tool_calls": [
        {"id": call_id, "type": "function", "function": {"name": name, "arguments": orjson.dumps(arguments).decode()}}]}
    return _completion(msg, "tool_calls", key)


def load_corpus(name: str, root: str | Path | None = None, *, groups: list[str] | None = None,
                per_group: int | None = None, rotate: int = 0) -> Corpus:
    """A corpus by name (``loghub`` or ``webarena``), optionally only some groups and the first
    ``per_group`` source rows of each (a fast slice for tests); ``rotate``: another split of the
    same records (0 is the issue's split; see each loader)."""
    if name == "loghub":
        from evals.corpora import loghub

        return loghub.load(root, systems=groups, per_system=per_group, rotate=rotate)
    if name == "webarena":
        from evals.corpora import webarena

        return webarena.load(root, sites=groups, limit=per_group, rotate=rotate)
    raise ValueError(f"unknown corpus {name!r}; known: loghub, webarena")
