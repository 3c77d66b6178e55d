"""Streaming an upstream reply to the client as it arrives.

Unlike ``StreamingResponse`` over a generator, the relay owns the whole
exchange: it closes the upstream response whatever happens (client gone,
upstream gone, cancellation) and reports whether the answer went through
complete, which decides whether it is recorded.

If the upstream fails mid-stream, an event stream gets a final OpenAI-style
``data: {"error": ...}`` event (the openai SDK raises ``APIError`` on it) and
ends; any other body is cut off, so the client sees an incomplete response.

A chat completion stream (``chat=True``) must also *end* as one: a choice with a
``finish_reason`` and ``data: [DONE]``. An upstream that closes cleanly before
that (a crashed worker behind a load balancer, a provider cutting a long answer)
would otherwise reach the client as a silent, truncated 200; instead the client
gets an ``upstream_incomplete`` error event, put before the ``[DONE]`` if one came
without a ``finish_reason`` (clients stop reading at ``[DONE]``), and nothing is recorded.

>>> end = StreamEnd()
>>> end.feed(b'data: {"choices": [{"delta": {}, "finish_reason": "stop"}]}\\n\\ndata: [DO')
-1
>>> end.feed(b"NE]\\n\\n"), end.complete()
(-1, True)
>>> StreamEnd().feed(b'data: {"choices": []}\\n\\ndata: [DONE]\\n\\n')
23
>>> StreamEnd().feed(b'data: {"choices": [{"delta": {"content": "[DONE]"}}]}\\n\\n')
-1
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from proxy.errors import UpstreamFailure
from proxy.upstream import Reply

log = logging.getLogger("rote.proxy.relay")

# A finish_reason with a value (a string, not null). Inside a JSON string the quotes
# would be escaped (\"), so text that merely mentions it does not match.
_FINISH = re.compile(rb'"finish_reason"\s*:\s*"')
_DONE_AT_END = re.compile(rb"data:[ \t]?\[DONE\]\s*$")
# The [DONE] event at a line's start (within a data payload, a newline is always escaped).
_DONE_EVENT = re.compile(rb"(?m)^data:[ \t]?\[DONE\]")
_KEEP = 48  # bytes kept across chunks: enough for either pattern split between two chunks


def incomplete() -> UpstreamFailure:
    """A new error each time: a shared exception instance would carry one request's traceback into another's.

    >>> incomplete().code, incomplete().status
    ('upstream_incomplete', 502)
    """
    return UpstreamFailure(502, "the upstream ended the answer before it was complete (no finish_reason "
                                "or no [DONE])", "upstream_incomplete")


class StreamEnd:
    """Watches a chat completion event stream for its proper end, a few regex searches a chunk.

    ``feed`` returns -1, or, for a ``[DONE]`` that comes before any ``finish_reason``, the
    offset in that chunk where its event starts (the caller cuts there).
    """

    __slots__ = ("finished", "tail")

    def __init__(self) -> None:
        self.finished = False
        self.tail = b""

    def feed(self, chunk: bytes) -> int:
        previous = self.tail
        joined = previous + chunk
        if not self.finished and _FINISH.search(joined) is not None:
            self.finished = True
        self.tail = joined[-_KEEP:]
        if not self.finished:
            m = _DONE_EVENT.search(chunk)
            # At the chunk's start it is an event only if the previous chunk ended a line.
            if m is not None and (m.start() > 0 or not previous or previous.endswith((b"\n", b"\r"))):
                return m.start()
        return -1

    def complete(self) -> bool:
        return self.finished and _DONE_AT_END.search(self.tail) is not None


class Relay(Response):
    def __init__(self, reply: Reply, headers: list[tuple[str, str]], *, sse: bool,
                 tee: bytearray | None = None, on_done: Callable[[bool], None] | None = None,
                 on_failure: Callable[[UpstreamFailure], None] | None = None, chat: bool = False) -> None:
        self.status_code = reply.status
        self.background = None
        self.raw_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        self.reply = reply
        self.sse = sse
        self.tee = tee
        self.on_done = on_done
        self.on_failure = on_failure
        self.end = StreamEnd() if chat and sse else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        complete = False
        try:
            async with anyio.create_task_group() as tg:

                async def until_disconnect() -> None:
                    while (await receive())["type"] != "http.disconnect":
                        pass
                    # Routine (a timeout, a cancelled agent): info, and the upstream is closed below.
                    log.info("client.disconnected", extra={"where": "stream", "path": scope.get("path")})
                    tg.cancel_scope.cancel()

                tg.start_soon(until_disconnect)
                complete = await self._stream(send)
                tg.cancel_scope.cancel()
        finally:
            with anyio.CancelScope(shield=True):
                await self.reply.aclose()
            if self.on_done is not None:
                self.on_done(complete)

    async def _stream(self, send: Send) -> bool:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        end = self.end
        try:
            async for chunk in self.reply.body:
                if end is not None:
                    cut = end.feed(chunk)
                    if cut >= 0:  # [DONE] with no finish_reason before it: the error goes in its place
                        await send({"type": "http.response.body", "body": chunk[:cut], "more_body": True})
                        raise incomplete()
                if self.tee is not None:
                    self.tee += chunk
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            if end is not None and not end.complete():
                raise incomplete()
        except UpstreamFailure as e:
            if self.on_failure is not None:
                self.on_failure(e)
            if not self.sse:
                raise  # cut the connection: the client must not take a partial body as whole
            await send({"type": "http.response.body", "body": b"\n\ndata: " + e.body() + b"\n\n",
                        "more_body": False})
            return False
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return True
