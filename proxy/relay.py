"""Streaming an upstream reply to the client as it arrives.

Unlike ``StreamingResponse`` over a generator, the relay owns the whole
exchange: it closes the upstream response whatever happens (client gone,
upstream gone, cancellation) and reports whether the answer went through
complete, which decides whether it is recorded.

If the upstream fails mid-stream, an event stream gets a final OpenAI-style
``data: {"error": ...}`` event (the openai SDK raises ``APIError`` on it) and
ends; any other body is cut off, so the client sees an incomplete response.
"""

from __future__ import annotations

from collections.abc import Callable

import anyio
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from proxy.errors import UpstreamFailure
from proxy.upstream import Reply


class Relay(Response):
    def __init__(self, reply: Reply, headers: list[tuple[str, str]], *, sse: bool,
                 tee: bytearray | None = None, on_done: Callable[[bool], None] | None = None,
                 on_failure: Callable[[UpstreamFailure], None] | None = None) -> None:
        self.status_code = reply.status
        self.background = None
        self.raw_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        self.reply = reply
        self.sse = sse
        self.tee = tee
        self.on_done = on_done
        self.on_failure = on_failure

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        complete = False
        try:
            async with anyio.create_task_group() as tg:

                async def until_disconnect() -> None:
                    while (await receive())["type"] != "http.disconnect":
                        pass
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
        try:
            async for chunk in self.reply.body:
                if self.tee is not None:
                    self.tee += chunk
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
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
