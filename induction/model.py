"""Chat-completions data in the OpenAI shape: messages, requests, responses, records.

Models accept what real clients send (extra keys are kept verbatim) and are the
typed values passed between stages. Hot paths (ingest, proxy) work on plain
dicts and use :mod:`induction.hashing` directly.

>>> rec = Record.model_validate({
...     "request": {"model": "m", "messages": [{"role": "user", "content": "hi"}]},
...     "response": {"choices": [{"message": {"role": "assistant", "content": "hello"}}]},
... })
>>> rec.request.messages[0].text, rec.response_message().text
('hi', 'hello')
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["system", "developer", "user", "assistant", "tool", "function"]


class _Open(BaseModel):
    # Unknown keys are kept so a record round-trips without loss.
    model_config = ConfigDict(extra="allow")


class FunctionCall(_Open):
    name: str
    arguments: str = ""  # a JSON string, as on the wire


class ToolCall(_Open):
    id: str | None = None
    type: str = "function"
    function: FunctionCall


class ContentPart(_Open):
    type: str
    text: str | None = None


class Message(_Open):
    role: Role
    content: str | list[ContentPart] | None = None
    name: str | None = None
    tool_calls: list[ToolCall] | None = None
    tool_call_id: str | None = None

    @property
    def text(self) -> str | None:
        """The text content: the string, or the text parts joined; None if there is none."""
        if self.content is None or isinstance(self.content, str):
            return self.content
        texts = [p.text for p in self.content if p.type == "text" and p.text is not None]
        return "".join(texts) if texts else None

    def wire(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)


class ChatRequest(_Open):
    model: str | None = None
    messages: list[Message] = Field(min_length=1)
    tools: list[dict[str, Any]] | None = None
    stream: bool | None = None


class Choice(_Open):
    index: int = 0
    message: Message
    finish_reason: str | None = "stop"


class ChatResponse(_Open):
    id: str | None = None
    object: str = "chat.completion"
    created: int | None = None
    model: str | None = None
    choices: list[Choice] = Field(min_length=1)
    usage: dict[str, Any] | None = None


class Record(_Open):
    """One recorded chat-completions call. ``rote`` holds rote's own metadata
    (namespace, user-declared bindings) written by the proxy's spool."""

    request: ChatRequest
    response: ChatResponse
    rote: dict[str, Any] | None = None

    def response_message(self) -> Message:
        return self.response.choices[0].message

    @property
    def namespace(self) -> str:
        ns = (self.rote or {}).get("namespace")
        return ns if isinstance(ns, str) and ns else "default"

    @property
    def bindings(self) -> dict[str, Any]:
        b = (self.rote or {}).get("bindings")
        return b if isinstance(b, dict) else {}
