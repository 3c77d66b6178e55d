"""The web inspector: a Starlette app of plain HTML pages (Jinja2), mounted at ``/ui`` by
``rote serve --ui`` or served alone over a publish directory by ``rote ui``.

Pages: overview, template tree (search), node, recent misses and each one's why, a why form,
versions (list, diff, rollback), feedback (disabled nodes, re-enable). See ``inspector.auth``
for who may see and do what.

>>> import tempfile
>>> from starlette.testclient import TestClient
>>> app = inspector_app(InspectorConfig(tree_url=tempfile.mkdtemp(), state_dir=tempfile.mkdtemp()))
>>> TestClient(app).get("/").text.count("Nothing is published")
1
"""

from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anyio.to_thread
import orjson
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from induction.runtime.compiled import CompiledTree
from inspector.auth import COOKIE, Level, UiGate
from inspector.catalog import STATUSES, children_of, node_view, one_line, status_counts, template_rows
from inspector.dag import layout
from inspector.source import Published, TreeSource
from inspector.why import request_of, why
from rote.errors import PublishError

TEMPLATES = Path(__file__).parent / "templates"
TREE_ROWS = 2000  # template nodes drawn on the tree page at most (deeper levels are left out)


@dataclass(frozen=True)
class InspectorConfig:
    """``tree_url``: the published trees; ``state_dir``: the proxy state (``disabled.jsonl``)."""

    tree_url: str
    state_dir: str
    proxy_keys: frozenset[str] = frozenset()
    admin_key: str | None = field(default=None, repr=False)
    title: str = "rote inspector"


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["short"] = lambda s, n=16: s[:n]
    env.filters["when"] = _when
    env.filters["pct"] = lambda x: "–" if x is None else f"{100 * x:.1f}%"
    env.filters["slots"] = highlight_slots
    return env


_SLOT = re.compile(r"\{\{[^{}]+\}\}")


def highlight_slots(text: str) -> Markup:
    """A one-line template as HTML, its ``{{slots}}`` highlighted.

    >>> str(highlight_slots("Hi <b>{{name}}</b>"))
    'Hi &lt;b&gt;<span class="slot">{{name}}</span>&lt;/b&gt;'
    """
    out, last = [], 0
    for m in _SLOT.finditer(text):
        out.append(str(escape(text[last:m.start()])))
        out.append(f'<span class="slot">{escape(m.group(0))}</span>')
        last = m.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def _when(ts: Any) -> str:
    if isinstance(ts, (int, float)):
        return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return str(ts or "?")[:19].replace("T", " ")


def inspector_app(config: InspectorConfig, source: TreeSource | None = None, *, root_path: str = "") -> Starlette:
    """The inspector as an ASGI app. ``source``: the proxy's tree and counters (default: the
    current published version, no counters). ``root_path``: where it is mounted (for links)."""
    from proxy.feedback import disabled_path, enable_node, read_disabled

    src = source or TreeSource(config.tree_url)
    gate = UiGate(config.proxy_keys, config.admin_key)
    env = _env()
    disabled_file = disabled_path(config.state_dir)

    def base(request: Request) -> str:
        return root_path or request.scope.get("root_path", "")

    def page(request: Request, name: str, level: Level | None, code: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(base=base(request), level=level, actions=gate.actions,
                                             title=config.title, live=src.usage is not None,
                                             flash=request.query_params.get("done"), **ctx)
        return HTMLResponse(html, code)

    def access(request: Request) -> Level | None:
        return gate.level({k.lower(): v for k, v in request.headers.items()}, request.cookies.get(COOKIE))

    def guarded(fn: Any, need: Level = "read") -> Any:
        async def endpoint(request: Request) -> Response:
            level = access(request)
            if level is None:
                if request.method == "GET":
                    return RedirectResponse(f"{base(request)}/login?next={urllib.parse.quote(request.url.path)}", 303)
                return page(request, "login.html", None, code=401, error="a key is required")
            if need == "admin" and level != "admin":
                msg = "this action needs the admin key" if gate.actions else \
                      "actions are off: start with --admin-key (or $ROTE_ADMIN_KEY) to allow them"
                return page(request, "error.html", level, code=403, error=msg)
            result: Response = await fn(request, level)
            return result

        return endpoint

    async def published(request: Request) -> Published | None:
        return await anyio.to_thread.run_sync(src.current)

    async def overview(request: Request, level: Level) -> Response:
        pub = await published(request)
        counts = status_counts(pub.tree) if pub else {}
        hits = src.hits() or {}
        top = sorted(hits.items(), key=lambda kv: -kv[1])[:10]
        misses = sorted((src.usage.miss_counts if src.usage else {}).items(), key=lambda kv: -kv[1])[:10]
        manifest = None
        if pub is not None:
            try:
                manifest = await anyio.to_thread.run_sync(src.publisher.manifest, pub.version)
            except PublishError:
                manifest = None
        return page(request, "overview.html", level, pub=pub, counts=counts, statuses=STATUSES,
                    stats=src.stats(), top=[(k, v, _label(pub, k)) for k, v in top],
                    top_misses=[(k, v, _label(pub, k)) for k, v in misses], manifest=manifest,
                    url=src.url)

    async def tree_page(request: Request, level: Level) -> Response:
        pub = await published(request)
        q = request.query_params.get("q", "").strip()
        status = request.query_params.get("status") or None
        if pub is None:
            return page(request, "tree.html", level, pub=None, q=q, status=status, statuses=STATUSES)
        hits = src.hits()
        rows = template_rows(pub.tree, pub.notes, hits, status=status, width=110, values=pub.values)
        if q:
            needle = q.lower()
            rows = [r for r in rows if needle in r.text.lower() or needle in (r.answer or "").lower()
                    or r.id.startswith(q)]
            return page(request, "tree.html", level, pub=pub, q=q, status=status, statuses=STATUSES,
                        matches=rows, nested=None)
        if status:
            return page(request, "tree.html", level, pub=pub, q=q, status=status, statuses=STATUSES,
                        matches=rows, nested=None)
        hidden = 0
        if len(rows) > TREE_ROWS:  # a big tree: the top levels, and search or a node page for the rest
            depth = max(d for d in range(1, 64) if sum(1 for r in rows if r.depth <= d) <= TREE_ROWS) \
                if sum(1 for r in rows if r.depth <= 1) <= TREE_ROWS else 1
            kept = [r for r in rows if r.depth <= depth][:TREE_ROWS]
            hidden, rows = len(rows) - len(kept), kept
        by_parent: dict[str | None, list[Any]] = {}
        for r in rows:
            by_parent.setdefault(r.parent, []).append(r)
        return page(request, "tree.html", level, pub=pub, q=q, status=None, statuses=STATUSES, matches=None,
                    nested=by_parent, namespaces=sorted({r.namespace for r in rows}), hidden=hidden)

    async def node_page(request: Request, level: Level) -> Response:
        pub = await published(request)
        node_id = request.path_params["node_id"]
        if pub is None or node_id not in pub.tree.index.by_id:
            return page(request, "error.html", level, code=404, error=f"no template node {node_id} in the tree served")
        view = node_view(pub.tree, node_id, pub.notes, src.hits(), pub.values)
        disabled = {n for (_, n) in read_disabled(disabled_file)}
        stopped = [e for e in (src.usage.recent() if src.usage else []) if e.path and e.path[-1] == node_id]
        return page(request, "node.html", level, v=view, dag=layout(*view.dag), pub=pub,
                    disabled=node_id in disabled, misses=(src.usage.miss_counts.get(node_id, 0)
                                                          if src.usage else None), stopped=stopped[:20])

    async def misses_page(request: Request, level: Level) -> Response:
        pub = await published(request)
        entries = src.usage.recent() if src.usage else []
        return page(request, "misses.html", level, entries=entries, pub=pub,
                    logging=bool(src.usage and src.usage.logging),
                    labels={e.number: _label(pub, e.path[-1]) if e.path else "" for e in entries})

    async def miss_page(request: Request, level: Level) -> Response:
        pub = await published(request)
        entry = src.usage.entry(int(request.path_params["number"])) if src.usage else None
        if entry is None:
            return page(request, "error.html", level, code=404, error="that miss is no longer in the log")
        if entry.request is None or pub is None:
            return page(request, "why.html", level, w=None, entry=entry, pub=pub, request_json=None)
        w = why(pub.tree, entry.request, entry.namespace, _disabled_in(disabled_file, entry.namespace), pub.notes)
        return page(request, "why.html", level, w=w, entry=entry, pub=pub,
                    request_json=orjson.dumps(entry.request, option=orjson.OPT_INDENT_2).decode())

    async def why_form(request: Request, level: Level) -> Response:
        pub = await published(request)
        text, namespace, w, error = "", "default", None, None
        if request.method == "POST":
            form = await request.form()
            text = str(form.get("request", ""))
            namespace = str(form.get("namespace", "") or "default")
            try:
                req, ns = request_of(orjson.loads(text))
                if pub is None:
                    raise ValueError("nothing is published")
                w = why(pub.tree, req, ns or namespace, _disabled_in(disabled_file, ns or namespace), pub.notes)
            except (ValueError, orjson.JSONDecodeError) as e:
                error = str(e)
        return page(request, "ask.html", level, pub=pub, text=text, namespace=namespace, w=w, error=error)

    async def versions_page(request: Request, level: Level) -> Response:
        manifests = await anyio.to_thread.run_sync(src.publisher.versions)
        current = await anyio.to_thread.run_sync(src.publisher.current)
        a, b = request.query_params.get("a"), request.query_params.get("b")
        diff = None
        if a and b:
            try:
                diff = await anyio.to_thread.run_sync(_diff, src, a, b)
            except PublishError as e:
                return page(request, "error.html", level, code=404, error=str(e))
        names = [m.version for m in manifests]
        return page(request, "versions.html", level, manifests=list(reversed(manifests)), current=current,
                    a=a or (names[-2] if len(names) > 1 else None), b=b or (names[-1] if names else None),
                    diff=diff)

    async def rollback(request: Request, level: Level) -> Response:
        form = await request.form()
        version = str(form.get("version", ""))
        try:
            await anyio.to_thread.run_sync(src.publisher.rollback, version)
        except PublishError as e:
            return page(request, "error.html", level, code=400, error=str(e))
        if src.holder is not None:  # serve it now rather than at the next tick
            await src.holder.load()
        return RedirectResponse(f"{base(request)}/versions?done=" + urllib.parse.quote(f"now serving {version}"), 303)

    async def feedback_page(request: Request, level: Level) -> Response:
        pub = await published(request)
        entries = [(ns, node, e, _label(pub, node)) for (ns, node), e in
                   sorted((await anyio.to_thread.run_sync(read_disabled, disabled_file)).items())]
        return page(request, "feedback.html", level, entries=entries)

    async def enable(request: Request, level: Level) -> Response:
        form = await request.form()
        node, ns = str(form.get("node_id", "")), str(form.get("namespace", "")) or None
        done = await anyio.to_thread.run_sync(enable_node, disabled_file, node, ns)
        msg = f"enabled {node} in {', '.join(done)}" if done else f"{node} was not disabled"
        return RedirectResponse(f"{base(request)}/feedback?done=" + urllib.parse.quote(msg), 303)

    async def login(request: Request) -> Response:
        nxt = request.query_params.get("next") or f"{base(request)}/"
        if not nxt.startswith("/") or nxt.startswith("//"):
            nxt = f"{base(request)}/"
        if request.method == "GET":
            return page(request, "login.html", access(request), next=nxt)
        form = await request.form()
        token = gate.cookie_for(str(form.get("key", "")))
        if token is None:
            time.sleep(0.2)  # a little friction for guessing; the check itself is constant-time
            return page(request, "login.html", None, code=401, error="that key opens nothing here", next=nxt)
        response = RedirectResponse(nxt, 303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path=base(request) or "/")
        return response

    async def logout(request: Request) -> Response:
        response = RedirectResponse(f"{base(request)}/login", 303)
        response.delete_cookie(COOKIE, path=base(request) or "/")
        return response

    routes = [
        Route("/", guarded(overview)),
        Route("/tree", guarded(tree_page)),
        Route("/node/{node_id}", guarded(node_page)),
        Route("/misses", guarded(misses_page)),
        Route("/misses/{number:int}", guarded(miss_page)),
        Route("/why", guarded(why_form), methods=["GET", "POST"]),
        Route("/versions", guarded(versions_page)),
        Route("/versions/rollback", guarded(rollback, "admin"), methods=["POST"]),
        Route("/feedback", guarded(feedback_page)),
        Route("/feedback/enable", guarded(enable, "admin"), methods=["POST"]),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
    ]
    return Starlette(routes=routes)


def _label(pub: Published | None, node_id: str) -> str:
    if pub is None or node_id not in pub.tree.index.by_id:
        return ""
    from induction.explain import render_message

    return one_line(render_message(pub.tree.node(node_id).template), 80)


def _disabled_in(path: Path, namespace: str) -> set[str]:
    from proxy.feedback import read_disabled

    return {node for (ns, node) in read_disabled(path) if ns == namespace}


@dataclass(frozen=True, slots=True)
class Change:
    node_id: str
    namespace: str
    text: str
    before: str | None
    after: str | None


def _diff(src: TreeSource, a: str, b: str) -> dict[str, Any]:
    """Templates added, removed and changed status from version ``a`` to ``b``."""
    ta, tb = src.version(a).tree, src.version(b).tree
    return diff_trees(ta, tb)


def diff_trees(ta: CompiledTree, tb: CompiledTree) -> dict[str, Any]:
    """Nodes added, removed and whose status changed (by node id), and status counts of both.

    >>> from induction.runtime.compiled import compile_tree
    >>> diff_trees(compile_tree([]), compile_tree([]))["added"]
    []
    """
    from induction.explain import render_message

    na: Mapping[str, Any] = {n.id: n for n in ta.nodes}
    nb: Mapping[str, Any] = {n.id: n for n in tb.nodes}

    def change(nid: str) -> Change:
        n = nb.get(nid) or na[nid]
        return Change(nid, n.namespace, one_line(render_message(n.template), 90),
                      na[nid].status if nid in na else None, nb[nid].status if nid in nb else None)

    added = [change(i) for i in nb if i not in na]
    removed = [change(i) for i in na if i not in nb]
    changed = [change(i) for i in nb if i in na and na[i].status != nb[i].status]

    def count(t: CompiledTree) -> dict[str, int]:
        return {s: sum(1 for n in t.nodes if n.status == s) for s in STATUSES}

    return {"added": added, "removed": removed, "changed": changed, "before": count(ta), "after": count(tb)}


__all__ = ["InspectorConfig", "children_of", "diff_trees", "inspector_app"]
