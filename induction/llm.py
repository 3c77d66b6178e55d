"""The one module that talks to litellm: structured questions in, validated answers out.

``LLMClient.ask(system, user, schema)`` sends the fixed instructions first and
the per-call data last (so provider prompt caching applies), asks for a strict
JSON schema (``response_format=schema``), parses the reply with
``schema.model_validate_json`` and, when the reply does not validate, asks again
with the validation error appended (at most ``max_retries`` times). litellm is
imported only when the first real call is made, with its global cache off and
the local cost map (no download at import).

Errors (``LLMError`` is ``rote.errors.LLMError``)::

    LLMError
    ├── LLMProviderError   the provider refused or failed (``kind``: rate_limit,
    │                      timeout, auth, bad_request, connection, server, provider)
    └── LLMOutputError     the model kept answering out of schema (``attempts``, ``detail``)

>>> from pydantic import BaseModel
>>> class Name(BaseModel):
...     name: str
>>> fake = ScriptedCompletion(['{"name": 7}', '{"name": "first_name"}'])
>>> client = LLMClient("scripted", completion=fake)
>>> client.ask("Name the value.", "Hello ⟦Ada⟧", Name).name
'first_name'
>>> client.usage.calls, "validation error" in fake.calls[1]["messages"][-1]["content"]
(2, True)
"""

from __future__ import annotations

import importlib
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from induction.deadline import Deadline
from rote.errors import LLMError

M = TypeVar("M", bound=BaseModel)
Completion = Callable[..., Any]

REASK = ("Your reply was not valid: {error}\n"
         "Answer again with only one JSON object that matches the required schema.")


class LLMProviderError(LLMError):
    """The provider (or litellm on its way there) failed; ``transient`` ones may pass on a later try."""

    TRANSIENT = frozenset({"rate_limit", "timeout", "connection", "server"})

    def __init__(self, kind: str, message: str, status_code: int | None = None) -> None:
        super().__init__(f"LLM provider error [{kind}]: {message}")
        self.kind = kind
        self.status_code = status_code

    @property
    def transient(self) -> bool:
        return self.kind in self.TRANSIENT


class LLMOutputError(LLMError):
    """The model's replies did not validate against the schema, ``attempts`` times in a row."""

    def __init__(self, schema: str, attempts: int, detail: str) -> None:
        super().__init__(f"the model answered out of schema {schema} {attempts} times; last: {detail}")
        self.schema = schema
        self.attempts = attempts
        self.detail = detail


@dataclass(slots=True)
class Usage:
    """Tokens and cost summed over calls. A call whose cost is unknown adds 0 and is counted."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    cost_usd: float = 0.0
    unknown_cost_calls: int = 0

    @property
    def cost_known(self) -> bool:
        return self.unknown_cost_calls == 0

    def add(self, prompt_tokens: int, completion_tokens: int, cost_usd: float | None) -> None:
        self.calls += 1
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
        if cost_usd is None:
            self.unknown_cost_calls += 1
        else:
            self.cost_usd += cost_usd

    def as_counters(self) -> dict[str, int | float]:
        """The induction stats counters this usage adds up to."""
        return {"llm_calls": self.calls, "llm_prompt_tokens": self.prompt_tokens,
                "llm_completion_tokens": self.completion_tokens, "llm_cost_usd": round(self.cost_usd, 6),
                "llm_cost_unknown_calls": self.unknown_cost_calls}


def load_litellm() -> Any:
    """Import litellm the way rote uses it: local cost map, no global cache, quiet."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # else import downloads the price map
    litellm: Any = importlib.import_module("litellm")
    litellm.cache = None
    litellm.suppress_debug_info = True
    if hasattr(litellm, "telemetry"):  # gone in 1.106; older releases phone home unless told not to
        litellm.telemetry = False
    return litellm


class LLMClient:
    """A model behind litellm (or any callable with ``litellm.completion``'s signature).

    Cost comes from the response (litellm's ``_hidden_params["response_cost"]``),
    else from litellm's cost map when litellm made the call; otherwise it is unknown.
    ``extra_kwargs`` are passed to every call (``mock_response``, ``drop_params``,
    ``num_retries``, provider settings).
    """

    def __init__(self, model: str, api_base: str | None = None, api_key: str | None = None,
                 max_retries: int = 2, completion: Completion | None = None, temperature: float = 0.0,
                 *, timeout_s: float = 120.0, extra_kwargs: Mapping[str, Any] | None = None) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self.model = model
        self.api_base = api_base
        self.api_key = api_key
        self.max_retries = max_retries
        self.temperature = temperature
        self.timeout_s = timeout_s
        self.extra_kwargs = dict(extra_kwargs or {})
        self.usage = Usage()
        self.failures_in_row = 0  # provider errors since the last answer: the stages stop falling back at 3
        self._completion = completion
        # The induction run's deadline (set by the pipeline): checked before every call, and
        # a call's timeout never outlasts it.
        self.deadline: Deadline | None = None

    def ask(self, system: str, user: str, schema: type[M]) -> M:
        """The model's answer as a ``schema`` instance; ``LLMError`` if it cannot be had."""
        messages: list[dict[str, str]] = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        detail = ""
        for _ in range(self.max_retries + 1):
            content, refusal = _reply(self._call(messages, schema))
            if refusal:
                detail = f"the model refused: {refusal}"
            else:
                try:
                    return schema.model_validate_json(_unfence(content))
                except ValidationError as e:
                    detail = _brief(e)
            messages = [*messages, {"role": "assistant", "content": content or ""},
                        {"role": "user", "content": REASK.format(error=detail)}]
        raise LLMOutputError(schema.__name__, self.max_retries + 1, detail)

    def _call(self, messages: list[dict[str, str]], schema: type[BaseModel]) -> Any:
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages, "response_format": schema,
                                  "temperature": self.temperature, "timeout": self.timeout_s}
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self.api_key:
            kwargs["api_key"] = self.api_key
        kwargs.update(self.extra_kwargs)
        completion = self._completion or load_litellm().completion
        try:
            response = completion(**kwargs)
        except Exception as e:
            if not _from_provider(e):
                raise  # a bug here or in an injected fake, not the provider's
            self.failures_in_row += 1
            raise convert_error(e) from e
        self.failures_in_row = 0
        usage = _get(response, "usage")
        prompt = int(_get(usage, "prompt_tokens") or 0)
        done = int(_get(usage, "completion_tokens") or 0)
        self.usage.add(prompt, done, self._cost(response, prompt, done))
        return response

    def _cost(self, response: Any, prompt: int, done: int) -> float | None:
        hidden = _get(response, "_hidden_params") or {}
        cost = hidden.get("response_cost") if isinstance(hidden, Mapping) else None
        if isinstance(cost, (int, float)) and math.isfinite(cost):
            return float(cost)
        if self._completion is not None:
            return None  # an injected completion (a test double, a custom transport) reports its own cost
        try:
            p, c = load_litellm().cost_per_token(model=self.model, prompt_tokens=prompt, completion_tokens=done)
        except Exception:  # litellm raises a bare Exception subclass for a model missing from its map
            return None
        return float(p) + float(c)


# Exception class names (anywhere in the MRO, first match wins) -> kind. litellm's
# classes subclass openai's, so both spellings of each are covered.
_KINDS: tuple[tuple[str, str], ...] = (
    ("RateLimitError", "rate_limit"), ("Timeout", "timeout"), ("APITimeoutError", "timeout"),
    ("AuthenticationError", "auth"), ("PermissionDeniedError", "auth"),
    ("BadRequestError", "bad_request"), ("NotFoundError", "bad_request"),
    ("UnprocessableEntityError", "bad_request"), ("APIConnectionError", "connection"),
    ("ServiceUnavailableError", "server"), ("InternalServerError", "server"), ("BadGatewayError", "server"),
)
_NO_KEY = re.compile(r"missing credentials|api_key client option must be set", re.IGNORECASE)
_STATUS = {400: "bad_request", 401: "auth", 403: "auth", 404: "bad_request", 408: "timeout",
           422: "bad_request", 429: "rate_limit"}


def _from_provider(e: BaseException) -> bool:
    return any(c.__module__.split(".")[0] in ("litellm", "openai", "httpx") for c in type(e).__mro__)


def convert_error(e: BaseException) -> LLMProviderError:
    """A litellm/openai exception as rote's own, with the provider's message."""
    status = getattr(e, "status_code", None)
    status = status if isinstance(status, int) else None
    names = [c.__name__ for c in type(e).__mro__]
    kind = next((k for n in names for name, k in _KINDS if n == name), None)
    if kind is None:
        kind = _STATUS.get(status or 0) or ("server" if status and status >= 500 else "provider")
    message = str(getattr(e, "message", None) or e) or type(e).__name__
    if kind in ("server", "provider") and _NO_KEY.search(message):
        kind = "auth"  # litellm reports a missing key as an internal server error
    return LLMProviderError(kind, message, status)


class ScriptedCompletion:
    """A stand-in for ``litellm.completion`` in tests: replies from a script, calls recorded.

    Each script item is the reply's text, an exception to raise, or a function of the
    call's kwargs giving the text. Replies are OpenAI-shaped dicts with ``usage``.
    """

    def __init__(self, script: Iterable[str | BaseException | Callable[[dict[str, Any]], str]],
                 prompt_tokens: int = 100, completion_tokens: int = 20) -> None:
        self.script = list(script)
        self.calls: list[dict[str, Any]] = []
        self.prompt_tokens = prompt_tokens
        self.completion_tokens = completion_tokens

    def __call__(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        if not self.script:
            raise LookupError(f"ScriptedCompletion: no reply left for call {len(self.calls)}")
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        text = item if isinstance(item, str) else item(kwargs)
        return {"id": f"chatcmpl-{len(self.calls)}", "object": "chat.completion", "created": 0,
                "model": kwargs.get("model", ""),
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                             "message": {"role": "assistant", "content": text, "refusal": None}}],
                "usage": {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                          "total_tokens": self.prompt_tokens + self.completion_tokens}}


def _get(obj: Any, key: str) -> Any:
    """A field of a litellm object or an OpenAI-shaped dict."""
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(key)
    return getattr(obj, key, None)


def _reply(response: Any) -> tuple[str, str | None]:
    choices = _get(response, "choices") or []
    message = _get(choices[0], "message") if choices else None
    content = _get(message, "content")
    refusal = _get(message, "refusal")
    return (content if isinstance(content, str) else ""), (refusal if isinstance(refusal, str) else None)


_FENCE = re.compile(r"\A\s*```(?:json)?\s*\n(.*?)\n\s*```\s*\Z", re.DOTALL)


def _unfence(text: str) -> str:
    """Some OpenAI-compatible servers wrap JSON in a code fence even when asked for a schema."""
    m = _FENCE.match(text)
    return m.group(1) if m else text


def _brief(e: ValidationError) -> str:
    """The validation errors in a few lines the model can act on."""
    lines = []
    for err in e.errors(include_url=False)[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(reply)"
        lines.append(f"{where}: {err['msg']}")
    return "validation error: " + "; ".join(lines)
