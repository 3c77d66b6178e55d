"""The chat endpoint's own lane past Starlette's layers (the hit path).

A request to a Starlette app passes ``ServerErrorMiddleware``, ``ExceptionMiddleware``,
the router's scan of its routes and the route before it reaches its endpoint: some
44,000 instructions a request (callgrind, in-process, 2026-11-22), about as much as the
proxy's own parsing, checks and response on a hit; taking the lane cut a hit's in-process
instructions by 11% (316,000 to 282,000; the lookup is 120,000). :class:`RoteApp` sends
``POST`` requests for the chat paths straight to the chat endpoint instead, and keeps
what those layers would do for it:

- the router: the same paths (``get_route_path``, so a ``root_path`` is honoured) and
  method as the chat routes, which come first in the route list anyway;
- ``ExceptionMiddleware`` handles ``HTTPException`` and registered exception classes
  only; the chat endpoint raises neither (it answers the errors it expects itself);
- ``ServerErrorMiddleware``: an exception the endpoint raises gets the app's 500
  handler's response, unless the answer had started, and is re-raised to the server.

Everything else (other paths and methods, lifespan) takes the full stack. So does
every request once the app has layers the lane would skip: user middleware, a body
size limit, debug mode or other exception handlers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Sequence
from typing import Any

from starlette._utils import get_route_path  # the router's own path rule (root_path)
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Lifespan, Message, Receive, Scope, Send

ServerError = Callable[[Request, Exception], Awaitable[Response]]


class ChatLane:
    """ASGI: the chat paths to ``chat``, anything else to ``app`` (the full middleware stack)."""

    def __init__(self, app: ASGIApp, chat: ASGIApp, paths: Collection[str], server_error: ServerError) -> None:
        self.app = app
        self.chat = chat
        self.paths = frozenset(paths)
        self.server_error = server_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or get_route_path(scope) not in self.paths:
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.chat(scope, receive, tracked)
        except Exception as exc:
            # As ServerErrorMiddleware: the handler's answer if none has started, then the server's turn.
            response = await self.server_error(Request(scope), exc)
            if not started:
                await response(scope, receive, send)
            raise


class RoteApp(Starlette):
    """A Starlette app whose chat paths take :class:`ChatLane` while the app has no layers it would skip."""

    def __init__(self, *, routes: Sequence[BaseRoute], lifespan: Lifespan[Any], chat: ASGIApp,
                 chat_paths: Collection[str], server_error: ServerError) -> None:
        super().__init__(routes=routes, lifespan=lifespan, exception_handlers={Exception: server_error})
        self.chat = chat
        self.chat_paths = frozenset(chat_paths)
        self.server_error = server_error

    def build_middleware_stack(self) -> ASGIApp:
        stack = super().build_middleware_stack()
        if (self.debug or self.user_middleware or self.max_body_size is not None
                or self.exception_handlers != {Exception: self.server_error}):
            return stack
        return ChatLane(stack, self.chat, self.chat_paths, self.server_error)
