"""Fixture workflows: small deterministic agent policies that yield every call of a run
with the response the "model" gives, in the OpenAI chat format.

A workflow samples run data from a seeded RNG (Faker for names, addresses…) and
plays an agent loop: each step appends to an append-only context and records
``{"request", "response"}``. Ground truth for evals is that recorded response.

>>> from evals.workflows import WORKFLOWS
>>> runs = WORKFLOWS["hello"].runs(seed=1, n=2)
>>> len(runs), runs[0][0]["response"]["choices"][0]["message"]["content"].startswith("Hello, ")
(2, True)
"""

from __future__ import annotations

import hashlib
import random
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import orjson
from faker import Faker

Msg = dict[str, Any]
RecordDict = dict[str, Any]


def tool(fn_name: str, description: str, /, **props: str) -> dict[str, Any]:
    """A function tool declaration with string/number properties (``name="string"``)."""
    return {"type": "function", "function": {
        "name": fn_name, "description": description,
        "parameters": {"type": "object", "properties": {k: {"type": v} for k, v in props.items()},
                       "required": list(props)}}}


class Run:
    """Builds one run's records: the agent's context grows append-only."""

    def __init__(self, workflow: Workflow, rng: random.Random, model: str = "gpt-4o-mini") -> None:
        self.workflow = workflow
        self.rng = rng
        self.model = model
        self.messages: list[Msg] = []
        self.records: list[RecordDict] = []
        # What the policy branched on so far, and a snapshot of it per record: the eval's
        # oracle for "did training show this path?" (``branch``; not part of any record).
        self.labels: list[str] = []
        self.structures: list[tuple[str, ...]] = []
        self._n = 0

    def _id(self, prefix: str) -> str:
        self._n += 1
        return f"{prefix}{self.rng.getrandbits(64):016x}{self._n}"

    def branch(self, label: str) -> Run:
        """Say that what follows depends on ``label`` (a status, a board): runs whose
        labels differ are different structure, which no cache can learn from the other."""
        self.labels.append(label)
        return self

    def system(self, text: str) -> Run:
        self.messages.append({"role": "system", "content": text})
        return self

    def user(self, text: str) -> Run:
        self.messages.append({"role": "user", "content": text})
        return self

    def _respond(self, msg: Msg, finish: str) -> None:
        request: dict[str, Any] = {"model": self.model, "messages": list(self.messages)}
        if self.workflow.tools:
            request["tools"] = self.workflow.tools
        prompt_tokens = sum(len(str(m.get("content") or "")) for m in self.messages) // 4 + 8
        completion_tokens = len(orjson.dumps(msg)) // 4
        self.records.append({"request": request, "response": {
            "id": self._id("chatcmpl-"), "object": "chat.completion", "created": 1763700000 + self._n,
            "model": self.model,
            "choices": [{"index": 0, "finish_reason": finish, "logprobs": None, "message": msg}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens}}})
        self.structures.append(tuple(self.labels))
        self.messages.append(msg)

    def say(self, text: str) -> Run:
        """The model answers with text."""
        self._respond({"role": "assistant", "content": text, "refusal": None}, "stop")
        return self

    def call(self, name: str, args: dict[str, Any], result: Any, *, branch: str | None = None,
             text: str | None = None) -> Run:
        """The model calls one tool; the tool's result is appended as the agent would.
        ``branch``: what in the result decides what the agent does next (see ``branch``);
        ``text``: what the model wrote beside the call ("Let me look that up.")."""
        cid = self._id("call_")
        self._respond({"role": "assistant", "content": text, "refusal": None, "tool_calls": [
            {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}]},
            "tool_calls")
        if branch is not None:
            self.branch(branch)
        content = result if isinstance(result, str) else orjson.dumps(result).decode()
        self.messages.append({"role": "tool", "tool_call_id": cid, "content": content})
        return self

    def call_many(self, calls: Sequence[tuple[str, dict[str, Any]]], results: Sequence[Any],
                  order: Sequence[int] | None = None) -> Run:
        """The model calls several tools in one message (parallel tool calls); the results are
        appended in ``order`` (indices into ``calls``: completion order), tied by ``tool_call_id``."""
        ids = [self._id("call_") for _ in calls]
        self._respond({"role": "assistant", "content": None, "refusal": None, "tool_calls": [
            {"id": cid, "type": "function", "function": {"name": name, "arguments": orjson.dumps(args).decode()}}
            for cid, (name, args) in zip(ids, calls, strict=True)]}, "tool_calls")
        for i in range(len(calls)) if order is None else order:
            r = results[i]
            self.messages.append({"role": "tool", "tool_call_id": ids[i],
                                  "content": r if isinstance(r, str) else orjson.dumps(r).decode()})
        return self


class Workflow(ABC):
    """One agent workflow. ``cacheable`` says whether a correct cache may serve new data."""

    name: ClassVar[str]
    description: ClassVar[str]
    cacheable: ClassVar[bool] = True
    tools: ClassVar[list[dict[str, Any]]] = []

    @abstractmethod
    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        """Sample this run's data and play the agent policy into ``run``."""

    @property
    def seed_name(self) -> str:
        """The name that seeds the run data (a renamed workflow may keep its old data)."""
        return self.name

    def play_run(self, seed: int) -> Run:
        """One run, played: its records and the structure labels of each record."""
        # One RNG per (workflow, seed): adding a workflow never changes another's data.
        s = int.from_bytes(hashlib.sha256(f"{self.seed_name}:{seed}".encode()).digest()[:8], "big")
        rng = random.Random(s)
        fake = Faker("en_US")
        fake.seed_instance(s)
        r = Run(self, rng)
        self.play(r, fake, rng)
        return r

    def run(self, seed: int) -> list[RecordDict]:
        return self.play_run(seed).records

    def played(self, seed: int, n: int) -> list[Run]:
        """The ``n`` runs of ``seed``, played (``runs`` gives just their records)."""
        return [self.play_run(seed * 100_003 + i) for i in range(n)]

    def runs(self, seed: int, n: int) -> list[list[RecordDict]]:
        return [r.records for r in self.played(seed, n)]


def iter_records(runs: list[list[RecordDict]]) -> Iterator[RecordDict]:
    for run in runs:
        yield from run
