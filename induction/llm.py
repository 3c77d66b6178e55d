"""The one module that talks to litellm: structured questions in, validated answers out.

``LLMClient.ask(system, user, schema)`` sends the fixed instructions first and
the per-call data last (so provider prompt caching applies), asks for a strict
JSON schema (``response_format=schema``), parses the reply with
``schema.model_validate_json`` and, when the reply does not validate, asks again
with the validation error appended (at most ``max_retries`` times). litellm is
imported only when the first real call is made, with its global cache off and
the local cost map (no download at import).

Every call carries a bounded ``max_tokens`` and a timeout; the call runs on a helper
thread, so a timeout (or the induction run being cancelled or past its deadline) stops
waiting at once, and closing the connection lets the server stop generating.

Structured output is negotiated once per client (one induction run): ``json_schema``
first; a server that refuses it (a 4xx or 5xx to that request, where the next mode is
accepted) gets ``json_object`` with the schema in the system message, then plain text
with the schema in the prompt, the first JSON object in the reply parsed and
validated. The mode that worked is kept for the rest of the run; a refusal is not
retried as a transient error. Transient errors (429, 5xx, timeouts, connection) are
retried ``provider_retries`` times with a short pause.

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
import json
import math
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from induction.deadline import Deadline
from rote.errors import LLMError

M = TypeVar("M", bound=BaseModel)
Completion = Callable[..., Any]

REASK = ("Your reply was not valid: {error}\n"
         "Answer again with only one JSON object that matches the required schema.")

# How the reply's shape is asked for, best first (see the module docstring).
OutputMode = Literal["json_schema", "json_object", "text"]
MODES: tuple[OutputMode, ...] = ("json_schema", "json_object", "text")
SCHEMA_IN_PROMPT = ("\n\nReply with only one JSON object (no prose, no code fence) that matches this "
                    "JSON schema:\n{schema}")
# The time a call's helper thread gets beyond its own timeout before it is abandoned.
GRACE_S = 2.0


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
    retries: int = 0  # transient provider errors tried again
    timeouts: int = 0  # calls given up after their timeout
    format_fallbacks: int = 0  # structured-output modes the server refused (json_schema -> json_object -> text)
    mode: str = ""  # the structured-output mode in use ("" before the first answer)

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
        out: dict[str, int | float] = {
            "llm_calls": self.calls, "llm_prompt_tokens": self.prompt_tokens,
            "llm_completion_tokens": self.completion_tokens, "llm_cost_usd": round(self.cost_usd, 6),
            "llm_cost_unknown_calls": self.unknown_cost_calls, "llm_retries": self.retries,
            "llm_timeouts": self.timeouts, "llm_format_fallbacks": self.format_fallbacks}
        if self.mode:
            out[f"llm_output_mode_{self.mode}"] = 1
        return out


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
                 *, timeout_s: float = 60.0, max_tokens: int = 1024, provider_retries: int = 1,
                 retry_pause_s: float = 1.0, mode: OutputMode | None = None,
                 extra_kwargs: Mapping[str, Any] | None = None) -> None:
        if max_retries < 0 or provider_retries < 0:
            raise ValueError("max_retries and provider_retries must be >= 0")
        if max_tokens < 1 or timeout_s <= 0:
            raise ValueError("max_tokens and timeout_s must be positive")
        self.max_tokens = max_tokens
        self.provider_retries = provider_retries
        self.retry_pause_s = retry_pause_s
        # The structured-output mode: None until a server answered one (then kept for the run).
        self.mode: OutputMode | None = mode
        self._mode_index = MODES.index(mode) if mode else 0
        self._limit_param = "max_tokens"  # "max_completion_tokens" for servers that refuse max_tokens
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
        """The model's answer as a ``schema`` instance; ``LLMError`` if it cannot be had.

        >>> class Yes(BaseModel):
        ...     ok: bool
        >>> fake = ScriptedCompletion(['Sure! {"ok": true} Anything else?'])
        >>> LLMClient("m", completion=fake, mode="text").ask("Say ok.", "now", Yes).ok
        True
        """
        messages: list[dict[str, str]] = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        detail = ""
        for _ in range(self.max_retries + 1):
            response = self._negotiated(messages, schema)
            content, refusal = _reply(response)
            if refusal:
                detail = f"the model refused: {refusal}"
            else:
                try:
                    # Also in json_schema mode: a server may ignore the schema and add prose.
                    return schema.model_validate_json(_json_part(content))
                except ValidationError as e:
                    detail = _brief(e)
            messages = [*messages, {"role": "assistant", "content": content or ""},
                        {"role": "user", "content": REASK.format(error=detail)}]
        raise LLMOutputError(schema.__name__, self.max_retries + 1, detail)

    def _negotiated(self, messages: list[dict[str, str]], schema: type[BaseModel]) -> Any:
        """One answer, in the mode this server accepts. While no mode has worked yet, an error
        that a later mode does not repeat was the server refusing the parameter: that mode is
        kept for the rest of the run. If every mode fails, the first error is raised and
        nothing is decided (a context too long fails in every mode)."""
        start = self._mode_index
        first: LLMProviderError | None = None
        for index in range(start, len(MODES)):
            mode = MODES[index]
            try:
                response = self._call(messages, schema, mode)
            except LLMProviderError as e:
                first = first or e
                if not self._refusal(e):
                    raise
                continue
            if index != start:
                self._mode_index = index  # chosen once: every later call of the run starts here
                self.usage.format_fallbacks += index - start
            if self.mode is None or index != start:
                self.mode = mode
                self.usage.mode = mode
            return response
        assert first is not None
        raise first

    def _refusal(self, e: LLMProviderError) -> bool:
        """Whether ``e`` may be the server refusing the structured-output parameter: any 4xx
        or 5xx (llama.cpp's Python server answers 500 to ``json_schema``) while no mode has
        worked yet, or one whose message names the parameter."""
        if e.kind in ("rate_limit", "timeout", "connection", "auth"):
            return False
        if self.mode is None:
            return True
        return bool(_FORMAT_WORDS.search(str(e)))

    def _call(self, messages: list[dict[str, str]], schema: type[BaseModel], mode: OutputMode = "json_schema") -> Any:
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages, "temperature": self.temperature,
                                  self._limit_param: self.max_tokens,
                                  # The OpenAI client inside litellm retries 5xx by itself; the
                                  # retries here know a refusal from a transient error.
                                  "max_retries": 0}
        if mode == "json_schema":
            kwargs["response_format"] = schema
        else:
            if mode == "json_object":
                kwargs["response_format"] = {"type": "json_object"}
            hint = SCHEMA_IN_PROMPT.format(schema=json.dumps(schema.model_json_schema(), ensure_ascii=False))
            kwargs["messages"] = [{**messages[0], "content": messages[0]["content"] + hint}, *messages[1:]]
        if self.api_base:
            kwargs["api_base"] = self.api_base
        if self.api_key:
            kwargs["api_key"] = self.api_key
        kwargs.update(self.extra_kwargs)
        completion = self._completion or load_litellm().completion
        for attempt in range(self.provider_retries + 1):
            timeout = self.deadline.cap(self.timeout_s, "a model call") if self.deadline else self.timeout_s
            kwargs["timeout"] = timeout
            try:
                response = self._bounded(completion, kwargs, timeout)
            except LLMProviderError as e:
                self.failures_in_row += 1
                if self._limit_param == "max_tokens" and _WANTS_COMPLETION_TOKENS.search(str(e)):
                    # A reasoning model that takes only max_completion_tokens: ask again with it.
                    kwargs["max_completion_tokens"] = kwargs.pop("max_tokens")
                    self._limit_param = "max_completion_tokens"
                    continue
                if not e.transient or attempt >= self.provider_retries or (self.mode is None and e.kind == "server"):
                    raise  # (a 5xx before any mode worked may be a refusal: negotiate instead)
                self.usage.retries += 1
                pause = self.retry_pause_s * (attempt + 1)
                if self.deadline is not None:
                    pause = min(pause, self.deadline.remaining() or 0.0)
                time.sleep(pause)
                continue
            self.failures_in_row = 0
            usage = _get(response, "usage")
            prompt = int(_get(usage, "prompt_tokens") or 0)
            done = int(_get(usage, "completion_tokens") or 0)
            self.usage.add(prompt, done, self._cost(response, prompt, done))
            return response
        raise AssertionError("unreachable")  # the loop returns or raises

    def _bounded(self, completion: Completion, kwargs: dict[str, Any], timeout: float) -> Any:
        """``completion(**kwargs)`` on a helper thread: given up after ``timeout`` (plus a
        grace), or at once when the run is cancelled or past its deadline. The helper is a
        daemon: an abandoned call cannot keep the process alive, and its own ``timeout``
        closes the connection."""
        box: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            try:
                box["response"] = completion(**kwargs)
            except BaseException as e:  # handed to the waiting thread as is
                box["error"] = e
            finally:
                done.set()

        threading.Thread(target=run, name="rote-llm-call", daemon=True).start()
        give_up = time.monotonic() + timeout + GRACE_S
        while not done.wait(0.1):
            if self.deadline is not None:
                self.deadline.check("a model call")
            if time.monotonic() >= give_up:
                self.usage.timeouts += 1
                raise LLMProviderError("timeout", f"no answer within {timeout:g} s")
        if "error" in box:
            e = box["error"]
            if not _from_provider(e):
                raise e  # a bug here or in an injected fake, not the provider's
            if convert_error(e).kind == "timeout":
                self.usage.timeouts += 1
            raise convert_error(e) from e
        return box["response"]

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
# An error message that names the structured-output parameter (or the grammar a server
# builds from it): the server refuses the parameter, not the request.
_FORMAT_WORDS = re.compile(r"response_format|json_schema|json schema|grammar|structured output", re.IGNORECASE)
_WANTS_COMPLETION_TOKENS = re.compile(r"max_tokens.*max_completion_tokens|max_completion_tokens.*instead",
                                      re.IGNORECASE | re.DOTALL)
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


def _json_part(text: str) -> str:
    """The first JSON object in a reply that may hold prose around it (json_object and text
    modes: a server that does not constrain the output); the text itself if there is none.

    >>> _json_part('Here you go: {"a": {"b": 1}} hope it helps')
    '{"a": {"b": 1}}'
    """
    text = _unfence(text)
    decoder = json.JSONDecoder()
    i = text.find("{")
    while i >= 0:
        try:
            obj, end = decoder.raw_decode(text, i)
        except ValueError:
            i = text.find("{", i + 1)
            continue
        if isinstance(obj, dict):
            return text[i:end]
        i = text.find("{", end)
    return text


def _brief(e: ValidationError) -> str:
    """The validation errors in a few lines the model can act on."""
    lines = []
    for err in e.errors(include_url=False)[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(reply)"
        lines.append(f"{where}: {err['msg']}")
    return "validation error: " + "; ".join(lines)
