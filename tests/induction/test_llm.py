"""LLMClient: structured output, re-asks, accounting and provider errors, with scripted fakes
and litellm's own ``mock_response`` path (no network, no real model)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from induction.llm import LLMClient, LLMOutputError, LLMProviderError, ScriptedCompletion, Usage
from rote.errors import InductionError, LLMError


class Pick(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    score: int


def test_structured_output_is_parsed_and_instructions_come_first() -> None:
    fake = ScriptedCompletion(['{"name": "first_name", "score": 3}'])
    client = LLMClient("openai/tiny", api_base="http://localhost:8000/v1", completion=fake)
    reply = client.ask("FIXED INSTRUCTIONS", "per-call data", Pick)
    assert reply == Pick(name="first_name", score=3)
    (call,) = fake.calls
    assert call["messages"] == [{"role": "system", "content": "FIXED INSTRUCTIONS"},
                                {"role": "user", "content": "per-call data"}]
    assert call["response_format"] is Pick
    assert call["model"] == "openai/tiny" and call["api_base"] == "http://localhost:8000/v1"
    assert call["temperature"] == 0 and "api_key" not in call


def test_invalid_output_is_reasked_with_the_validation_error() -> None:
    fake = ScriptedCompletion(['{"name": "x", "score": "many"}', '{"name": "x", "score": 2}'])
    client = LLMClient("m", completion=fake)
    assert client.ask("sys", "data", Pick).score == 2
    second = fake.calls[1]["messages"]
    assert second[:2] == fake.calls[0]["messages"]  # same prefix: the provider's prompt cache still applies
    assert second[2] == {"role": "assistant", "content": '{"name": "x", "score": "many"}'}
    assert second[3]["role"] == "user"
    assert "score" in second[3]["content"] and "valid integer" in second[3]["content"]


def test_gives_up_after_max_retries() -> None:
    fake = ScriptedCompletion(["not json at all"] * 3)
    client = LLMClient("m", max_retries=2, completion=fake)
    with pytest.raises(LLMOutputError) as info:
        client.ask("sys", "data", Pick)
    assert isinstance(info.value, LLMError) and isinstance(info.value, InductionError)
    assert info.value.attempts == 3 and "Pick" in str(info.value)
    assert len(fake.calls) == 3 and client.usage.calls == 3


def test_zero_retries_means_one_call() -> None:
    fake = ScriptedCompletion(['{"name": 1}'])
    with pytest.raises(LLMOutputError):
        LLMClient("m", max_retries=0, completion=fake).ask("s", "u", Pick)
    assert len(fake.calls) == 1


def test_code_fence_around_json_is_accepted() -> None:
    fake = ScriptedCompletion(['```json\n{"name": "a", "score": 1}\n```'])
    assert LLMClient("m", completion=fake).ask("s", "u", Pick).name == "a"


def test_refusal_is_reasked() -> None:
    replies: list[dict[str, Any]] = [{"choices": [{"message": {"role": "assistant", "content": None, "refusal": "I can't"}}]},
               {"choices": [{"message": {"role": "assistant", "content": '{"name": "a", "score": 1}'}}]}]
    seen: list[dict[str, Any]] = []

    def completion(**kwargs: Any) -> dict[str, Any]:
        seen.append(kwargs)
        return replies.pop(0)

    client = LLMClient("m", completion=completion)
    assert client.ask("s", "u", Pick).name == "a"
    assert "the model refused: I can't" in seen[1]["messages"][-1]["content"]
    assert client.usage.calls == 2 and client.usage.prompt_tokens == 0  # no usage reported: counted as 0


def test_tokens_are_summed_over_calls() -> None:
    fake = ScriptedCompletion(['{"oops": 1}', '{"name": "a", "score": 1}', '{"name": "b", "score": 2}'],
                              prompt_tokens=120, completion_tokens=15)
    client = LLMClient("m", completion=fake)
    client.ask("s", "u", Pick)
    client.ask("s", "u", Pick)
    u = client.usage
    assert (u.calls, u.prompt_tokens, u.completion_tokens) == (3, 360, 45)
    assert not u.cost_known and u.cost_usd == 0  # an injected completion reports no cost
    assert u.as_counters() == {"llm_calls": 3, "llm_prompt_tokens": 360, "llm_completion_tokens": 45,
                               "llm_cost_usd": 0.0, "llm_cost_unknown_calls": 3, "llm_retries": 0,
                               "llm_timeouts": 0, "llm_format_fallbacks": 0, "llm_output_mode_json_schema": 1}


def test_cost_reported_by_the_response_is_used() -> None:
    def completion(**kwargs: Any) -> dict[str, Any]:
        return {"choices": [{"message": {"content": '{"name": "a", "score": 1}'}}],
                "usage": {"prompt_tokens": 10, "completion_tokens": 2}, "_hidden_params": {"response_cost": 0.25}}

    client = LLMClient("m", completion=completion)
    client.ask("s", "u", Pick)
    client.ask("s", "u", Pick)
    assert client.usage.cost_usd == 0.5 and client.usage.cost_known


def test_usage_counts_unknown_costs() -> None:
    u = Usage()
    u.add(10, 2, 0.001)
    u.add(10, 2, None)
    assert u.as_counters()["llm_cost_usd"] == 0.001 and u.as_counters()["llm_cost_unknown_calls"] == 1


def _litellm() -> Any:
    from induction.llm import load_litellm

    return load_litellm()


@pytest.mark.parametrize(("name", "kind", "transient"), [
    ("RateLimitError", "rate_limit", True),
    ("Timeout", "timeout", True),
    ("AuthenticationError", "auth", False),
    ("BadRequestError", "bad_request", False),
    ("ContextWindowExceededError", "bad_request", False),
    ("NotFoundError", "bad_request", False),
    ("APIConnectionError", "connection", True),
    ("ServiceUnavailableError", "server", True),
    ("InternalServerError", "server", True),
])
def test_provider_exceptions_become_llm_errors(name: str, kind: str, transient: bool) -> None:
    exc = getattr(_litellm(), name)(message="provider says no", llm_provider="openai", model="gpt-4o-mini")
    # A server whose output mode is known, and no retry: the one error is what comes out.
    client = LLMClient("gpt-4o-mini", completion=ScriptedCompletion([exc]), mode="json_schema", provider_retries=0)
    with pytest.raises(LLMProviderError) as info:
        client.ask("s", "u", Pick)
    err = info.value
    assert isinstance(err, LLMError)
    assert (err.kind, err.transient) == (kind, transient)
    assert "provider says no" in str(err) and isinstance(err.__cause__, type(exc))
    assert client.usage.calls == 0


def test_a_bug_in_the_completion_function_is_not_disguised() -> None:
    client = LLMClient("m", completion=ScriptedCompletion([TypeError("bad fake")]))
    with pytest.raises(TypeError, match="bad fake"):
        client.ask("s", "u", Pick)


# litellm 1.106.2 builds its response types with a pydantic that warns about ReadOnly TypedDict
# items; under pytest's warnings-as-errors litellm would wrap that warning in an exception.
_LITELLM_READONLY = pytest.mark.filterwarnings("ignore:Item .* is using the `ReadOnly` qualifier:UserWarning")


@_LITELLM_READONLY
def test_real_litellm_path_with_mock_response() -> None:
    """litellm.completion itself runs (request building, response_format, usage, cost) without network."""
    client = LLMClient("gpt-4o-mini", extra_kwargs={"mock_response": '{"name": "due_date", "score": 9}'})
    assert client.ask("sys", "data", Pick) == Pick(name="due_date", score=9)
    u = client.usage
    assert u.calls == 1 and u.prompt_tokens > 0 and u.completion_tokens > 0
    assert u.cost_known and u.cost_usd > 0  # gpt-4o-mini is in litellm's local cost map


@_LITELLM_READONLY
def test_real_litellm_path_reasks_and_converts_errors() -> None:
    client = LLMClient("gpt-4o-mini", max_retries=1, extra_kwargs={"mock_response": '{"name": 1}'})
    with pytest.raises(LLMOutputError):
        client.ask("sys", "data", Pick)
    assert client.usage.calls == 2
    litellm = _litellm()
    limited = litellm.RateLimitError(message="slow down", llm_provider="openai", model="gpt-4o-mini")
    client = LLMClient("gpt-4o-mini", extra_kwargs={"mock_response": limited})
    with pytest.raises(LLMProviderError) as info:
        client.ask("sys", "data", Pick)
    assert info.value.kind == "rate_limit" and "slow down" in str(info.value)


def test_max_retries_must_not_be_negative() -> None:
    with pytest.raises(ValueError):
        LLMClient("m", max_retries=-1)


@pytest.fixture
def openai_server() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """A local OpenAI-compatible server answering every chat completion with one JSON reply."""
    seen: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            seen.append({"path": self.path, "auth": self.headers.get("authorization"), "body": body})
            data = json.dumps({
                "id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None, "message": {
                    "role": "assistant", "content": '{"name": "invoice_id", "score": 4}', "refusal": None}}],
                "usage": {"prompt_tokens": 31, "completion_tokens": 9, "total_tokens": 40}}).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1", seen
    server.shutdown()
    server.server_close()
    thread.join()


@_LITELLM_READONLY
def test_openai_compatible_server_over_http(openai_server: tuple[str, list[dict[str, Any]]]) -> None:
    """``openai/<name>`` + ``api_base``: the route to vLLM, Ollama, llama.cpp and the like."""
    base, seen = openai_server
    client = LLMClient("openai/local-model", api_base=base, api_key="sk-local")
    assert client.ask("FIXED", "DATA", Pick) == Pick(name="invoice_id", score=4)
    (req,) = seen
    assert req["path"] == "/v1/chat/completions" and req["auth"] == "Bearer sk-local"
    body = req["body"]
    assert body["model"] == "local-model" and body["temperature"] == 0
    assert body["messages"] == [{"role": "system", "content": "FIXED"}, {"role": "user", "content": "DATA"}]
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"]["additionalProperties"] is False
    assert (client.usage.prompt_tokens, client.usage.completion_tokens) == (31, 9)
    assert not client.usage.cost_known  # "local-model" has no price


@_LITELLM_READONLY
def test_a_missing_key_is_an_auth_error(openai_server: tuple[str, list[dict[str, Any]]],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    client = LLMClient("openai/local-model", api_base=openai_server[0])
    with pytest.raises(LLMProviderError) as info:
        client.ask("s", "u", Pick)
    assert info.value.kind == "auth" and not info.value.transient  # litellm calls it an internal server error
    assert client.failures_in_row == 1


# -- any OpenAI-compatible server (issue 17) --------------------------------------------------


class _LlamaCppLike:
    """A scripted stand-in for llama.cpp's Python server (no model): it answers 500 to
    ``response_format`` types it does not support, ``stall`` seconds late when told to,
    and a JSON reply (with prose around it when unconstrained) otherwise."""

    def __init__(self, refuses: set[str], stall: float = 0.0) -> None:
        self.refuses = refuses
        self.stall = stall
        self.seen: list[dict[str, Any]] = []
        self.errors_500 = 0  # transient 500s to answer before the next success

    def reply(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        fmt = (body.get("response_format") or {}).get("type", "text")
        if fmt in self.refuses:
            return 500, {"error": {"message": "Internal Server Error", "type": "server_error", "code": 500}}
        if self.errors_500:
            self.errors_500 -= 1
            return 500, {"error": {"message": "try again", "type": "server_error", "code": 500}}
        content = '{"name": "invoice_id", "score": 4}'
        if fmt == "text":
            content = "Sure, here it is:\n" + content + "\nAnything else?"
        return 200, {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": body["model"],
                     "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                                  "message": {"role": "assistant", "content": content}}],
                     "usage": {"prompt_tokens": 50, "completion_tokens": 12, "total_tokens": 62}}


@pytest.fixture
def llama_cpp() -> Iterator[tuple[str, _LlamaCppLike]]:
    script = _LlamaCppLike(refuses={"json_schema"})

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["content-length"])))
            script.seen.append(body)
            if script.stall:
                import time
                time.sleep(script.stall)
            status, payload = script.reply(body)
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout): nobody to answer

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1", script
    server.shutdown()
    server.server_close()
    thread.join()


def _local(base: str, **kwargs: Any) -> LLMClient:
    return LLMClient("openai/local-model", api_base=base, api_key="sk-local", retry_pause_s=0.01, **kwargs)


@_LITELLM_READONLY
def test_a_server_refusing_json_schema_with_500_falls_back_once_to_json_object(
        llama_cpp: tuple[str, _LlamaCppLike]) -> None:
    base, server = llama_cpp
    client = _local(base, max_tokens=256)
    assert client.ask("FIXED", "DATA", Pick) == Pick(name="invoice_id", score=4)
    assert client.ask("FIXED", "MORE", Pick) == Pick(name="invoice_id", score=4)
    kinds = [(b.get("response_format") or {}).get("type") for b in server.seen]
    # One json_schema request (the refusal is not retried as transient), then json_object for good.
    assert kinds == ["json_schema", "json_object", "json_object"]
    assert all(b["max_tokens"] == 256 for b in server.seen)
    system = server.seen[1]["messages"][0]["content"]
    assert system.startswith("FIXED") and '"score"' in system  # the schema travels in the prompt
    counters = client.usage.as_counters()
    assert counters["llm_format_fallbacks"] == 1 and counters["llm_output_mode_json_object"] == 1
    assert counters["llm_calls"] == 2 and counters["llm_prompt_tokens"] == 100 and counters["llm_retries"] == 0


@_LITELLM_READONLY
def test_a_server_refusing_both_json_modes_gets_plain_text_parsed_and_validated(
        llama_cpp: tuple[str, _LlamaCppLike]) -> None:
    base, server = llama_cpp
    server.refuses = {"json_schema", "json_object"}
    client = _local(base)
    assert client.ask("FIXED", "DATA", Pick) == Pick(name="invoice_id", score=4)
    assert client.ask("FIXED", "DATA", Pick).score == 4
    assert ["response_format" in b for b in server.seen] == [True, True, False, False]
    assert client.mode == "text" and client.usage.format_fallbacks == 2


@_LITELLM_READONLY
def test_a_transient_500_after_the_mode_is_known_is_retried_once(llama_cpp: tuple[str, _LlamaCppLike]) -> None:
    base, server = llama_cpp
    client = _local(base)
    client.ask("FIXED", "DATA", Pick)
    server.errors_500 = 1
    assert client.ask("FIXED", "DATA", Pick).score == 4
    assert client.usage.retries == 1 and client.mode == "json_object"
    server.errors_500 = 5  # a server down for good: raised after one retry, not 29
    with pytest.raises(LLMProviderError) as info:
        client.ask("FIXED", "DATA", Pick)
    assert info.value.kind == "server" and client.usage.retries == 2
    assert len(server.seen) == 2 + 2 + 2


@_LITELLM_READONLY
def test_a_call_past_its_timeout_is_given_up_and_the_connection_closed(llama_cpp: tuple[str, _LlamaCppLike]) -> None:
    import time

    base, server = llama_cpp
    server.stall = 5.0
    client = _local(base, timeout_s=0.5, provider_retries=0, mode="json_object")
    t0 = time.monotonic()
    with pytest.raises(LLMProviderError) as info:
        client.ask("FIXED", "DATA", Pick)
    assert info.value.kind == "timeout" and time.monotonic() - t0 < 4.0
    assert client.usage.timeouts == 1 and len(server.seen) == 1


@_LITELLM_READONLY
def test_a_cancelled_run_stops_waiting_for_a_model_call_at_once(llama_cpp: tuple[str, _LlamaCppLike]) -> None:
    import time

    from induction.deadline import Deadline, RunCancelled

    base, server = llama_cpp
    server.stall = 10.0
    client = _local(base, timeout_s=30.0, mode="json_object")
    client.deadline = Deadline.start(None)
    timer = threading.Timer(0.5, client.deadline.cancel, args=("SIGTERM",))
    timer.start()
    t0 = time.monotonic()
    with pytest.raises(RunCancelled):
        client.ask("FIXED", "DATA", Pick)
    assert time.monotonic() - t0 < 3.0
    client.deadline.close()


def test_every_call_is_bounded_and_a_model_wanting_max_completion_tokens_gets_it() -> None:
    litellm = _litellm()
    refusal = litellm.BadRequestError(message="Unsupported parameter: 'max_tokens' is not supported with this "
                                      "model. Use 'max_completion_tokens' instead.", llm_provider="openai",
                                      model="o4-mini")
    fake = ScriptedCompletion([refusal, '{"name": "a", "score": 1}', '{"name": "b", "score": 2}'])
    client = LLMClient("o4-mini", completion=fake, max_tokens=300, mode="json_schema")
    assert client.ask("s", "u", Pick).name == "a" and client.ask("s", "u", Pick).name == "b"
    assert fake.calls[0]["max_tokens"] == 300
    assert all(c["max_completion_tokens"] == 300 and "max_tokens" not in c for c in fake.calls[1:])
    assert all(c["timeout"] <= 60 for c in fake.calls)


def test_an_error_every_mode_repeats_decides_no_mode() -> None:
    """A context too long fails in every mode: raised, and the next question starts again
    from json_schema (nothing was learnt about the server)."""
    litellm = _litellm()

    def too_long() -> BaseException:
        return litellm.BadRequestError(message="context length exceeded", llm_provider="openai", model="m")

    fake = ScriptedCompletion([too_long(), too_long(), too_long(), '{"name": "a", "score": 1}'])
    client = LLMClient("m", completion=fake)
    with pytest.raises(LLMProviderError) as info:
        client.ask("s", "u", Pick)
    assert info.value.kind == "bad_request" and client.mode is None and client.usage.format_fallbacks == 0
    assert client.ask("s", "u", Pick).name == "a"
    assert fake.calls[-1]["response_format"] is Pick and client.mode == "json_schema"
