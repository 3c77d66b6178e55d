"""``rote templates``, ``rote why``, ``rote ui``: seeing what the published tree holds and why a
request would miss, from the command line or a browser."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from rote.config import Home

TreeOpt = Annotated[str | None, typer.Option(
    "--tree", help="Published trees (path or fsspec URL). Default: $ROTE_PUBLISH_URL, else $ROTE_HOME/published.")]


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def tree_url(tree: str | None, home: Home) -> str:
    return tree or os.environ.get("ROTE_PUBLISH_URL") or str(home.publish_dir)


def load_current(tree: str | None, home: Home) -> Any:
    """The current published version with its notes (from ``notes.json``, else the store's last
    induction when it can be read); exits 2 when nothing is published."""
    from inspector.source import TreeSource
    from rote.errors import RoteError

    try:
        pub = TreeSource(tree_url(tree, home)).current()
    except RoteError as e:
        raise _fail(str(e)) from None
    if pub is None:
        raise _fail(f"nothing is published at {tree_url(tree, home)}: run `rote induce` first")
    if not pub.notes:
        from dataclasses import replace

        pub = replace(pub, notes=store_notes(home))
    return pub


def store_notes(home: Home) -> dict[str, list[str]]:
    """The notes of the store's last induction (versions published before ``notes.json``);
    empty when the store is busy or has none."""
    from induction.pipeline import load_templates
    from induction.store import Store
    from rote.errors import RoteError

    if not Path(home.store_path).exists():
        return {}
    try:
        with Store.open(home.store_path, read_only=True) as store:
            return {n.id: notes for n, notes in load_templates(store)}
    except (RoteError, OSError):
        return {}


_HITS = re.compile(r'^rote_proxy_template_hits_total\{node="([^"]+)"\} ([0-9.e+]+)$', re.M)


def proxy_hits(url: str) -> dict[str, int]:
    """Hits per template node from a running proxy's ``/metrics``.

    >>> _HITS.findall('rote_proxy_template_hits_total{node="abc"} 3.0')
    [('abc', '3.0')]
    """
    import httpx

    text = httpx.get(url.rstrip("/") + "/metrics", timeout=10).text
    return {node: int(float(n)) for node, n in _HITS.findall(text)}


def templates(
    status: Annotated[str | None, typer.Option(help="Only live, staged or uncacheable nodes.")] = None,
    namespace: Annotated[str | None, typer.Option(help="Only this namespace.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    proxy: Annotated[str | None, typer.Option(
        help="A running proxy's base URL (http://127.0.0.1:8000): show the hits it served per node.")] = None,
    tree: TreeOpt = None,
) -> None:
    """One line per template node of the published tree: id, status, role, template, variables,
    evidence (records, calls the answer was induced from; ``name×3``: the distinct values a variable
    took in training), hits served (with --proxy)."""
    from inspector.catalog import STATUSES, template_rows

    if status is not None and status not in STATUSES:
        raise typer.BadParameter(f"--status must be one of {', '.join(STATUSES)}")
    home = Home.from_env()
    pub = load_current(tree, home)
    hits = None
    if proxy:
        try:
            hits = proxy_hits(proxy)
        except Exception as e:  # an unreachable proxy: say so, list the templates anyway
            typer.echo(f"note: no hit counts from {proxy} ({type(e).__name__}: {e})", err=True)
    rows = template_rows(pub.tree, pub.notes, hits, status=status, namespace=namespace, values=pub.values)
    if as_json:
        for r in rows:
            sys.stdout.write(orjson.dumps(r.as_dict()).decode() + "\n")
        return
    several = len({r.namespace for r in rows}) > 1
    head = f"{'NODE':<12}  {'STATUS':<11} {'ROLE':<9} {'RUNS':>4} {'CALLS':>5} {'HITS':>5}  " + \
           ("NAMESPACE  " if several else "") + "TEMPLATE  [VARIABLES]"
    typer.echo(head)
    for r in rows:
        hits_cell = "-" if r.hits is None else str(r.hits)
        var = "  [" + ", ".join(f"{v}×{r.values[v]}" if v in r.values else v for v in r.variables) + "]" \
            if r.variables else ""
        ns = f"{r.namespace:<10} " if several else ""
        typer.echo(f"{r.id[:12]:<12}  {r.status:<11} {r.role:<9} {r.runs:>4} {r.calls:>5} {hits_cell:>5}  "
                   f"{ns}{r.text}{var}")
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUSES}
    typer.echo(f"{len(rows)} template nodes ({', '.join(f'{n} {s}' for s, n in counts.items())}); "
               f"version {pub.version}", err=True)


def why(
    request: Annotated[str, typer.Argument(help="A chat request as JSON, or a recorded line "
                                                "({\"request\": ...}, e.g. from the spool); '-' reads stdin.")],
    namespace: Annotated[str | None, typer.Option(
        help="The namespace to look in (default: the record's, else 'default').")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    tree: TreeOpt = None,
) -> None:
    """Walk a request down the published tree as the proxy would: the path it matched, where and
    why it stopped (closest template and the span that differed, a slot's refusal, the rule that
    keeps a node staged or uncacheable). Exit 0 on a would-be hit, 1 on a miss."""
    from inspector.why import load_json, render, request_of
    from inspector.why import why as explain_why
    from proxy.feedback import disabled_path, read_disabled

    home = Home.from_env()
    try:
        data = sys.stdin.buffer.read() if request == "-" else Path(request).read_bytes()
        req, ns = request_of(load_json(data))
    except (OSError, ValueError) as e:
        raise _fail(str(e)) from None
    ns = namespace or ns or "default"
    pub = load_current(tree, home)
    disabled = {node for (n, node) in read_disabled(disabled_path(home.root / "proxy")) if n == ns}
    w = explain_why(pub.tree, req, ns, disabled, pub.notes)
    if as_json:
        sys.stdout.write(orjson.dumps({**w.as_dict(), "tree_version": pub.version}).decode() + "\n")
    else:
        typer.echo(render(w))
    raise typer.Exit(0 if w.hit else 1)


def ui(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    tree: TreeOpt = None,
    admin_key: Annotated[str | None, typer.Option(
        help="Key allowing actions (rollback, re-enable). Default: $ROTE_ADMIN_KEY; none: read-only.")] = None,
    proxy_keys: Annotated[str | None, typer.Option(
        help="Comma-separated keys allowed to look (default: $ROTE_PROXY_KEYS; none: open).")] = None,
) -> None:
    """Serve the web inspector over the published trees, without serving traffic (no counters)."""
    import uvicorn

    from inspector.web import InspectorConfig, inspector_app

    home = Home.from_env()
    keys = (proxy_keys if proxy_keys is not None else os.environ.get("ROTE_PROXY_KEYS", "")).split(",")
    config = InspectorConfig(tree_url=tree_url(tree, home), state_dir=str(home.root / "proxy"),
                             proxy_keys=frozenset(k.strip() for k in keys if k.strip()),
                             admin_key=admin_key or os.environ.get("ROTE_ADMIN_KEY") or None)
    typer.echo(f"rote inspector on http://{host}:{port}/ (trees at {config.tree_url})", err=True)
    uvicorn.run(inspector_app(config), host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add ``templates``, ``why`` and ``ui`` to the ``rote`` command line."""
    app.command()(templates)
    app.command()(why)
    app.command()(ui)
