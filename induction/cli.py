"""``rote ingest``, ``rote stats``, ``rote tree``: the store's command line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from induction.ingest import IngestReport, ingest_stream
from induction.store import Store, read_snapshot, store_wait
from rote.config import Home
from rote.errors import RoteError, StoreLockedError


def _err(console: Console, e: Exception) -> typer.Exit:
    console.print(f"[red]error:[/red] {escape(str(e))}")
    return typer.Exit(2)


Wait = Annotated[float | None, typer.Option(
    "--wait", help="Seconds to wait while another process holds the store (default: $ROTE_STORE_WAIT, else 600).")]


def ingest(
    files: Annotated[list[str], typer.Argument(help="JSON Lines files of records; '-' reads stdin.")],
    namespace: Annotated[str, typer.Option(help="Namespace (tenant) for records that do not name one.")] = "default",
    wait: Wait = None,
) -> None:
    """Ingest recorded chat-completions calls ({"request":..., "response":...} per line)."""
    err = Console(stderr=True, soft_wrap=True)
    home = Home.from_env().ensure()
    total = IngestReport()
    try:
        with Store.open(home.store_path, wait=store_wait() if wait is None else wait,
                        on_wait=lambda m: err.print(f"[yellow]{escape(m)}[/yellow]")) as store:
            for name in files:
                report = _ingest_one(store, name, namespace, err)
                total.merge(report)
                err.print(f"{escape(name)}: {report.added} added, {report.skipped_existing} already present, "
                          f"{len(report.bad)} bad line(s)")
                for bad in report.bad[:20]:
                    err.print(f"  line {bad.line}: {escape(bad.reason)}")
                if len(report.bad) > 20:
                    err.print(f"  … and {len(report.bad) - 20} more")
    except (RoteError, OSError) as e:
        raise _err(err, e) from None
    if total.bad:
        raise typer.Exit(1)


def _ingest_one(store: Store, name: str, namespace: str, err: Console) -> IngestReport:
    if name == "-":
        return ingest_stream(store, sys.stdin.buffer, source="stdin", namespace=namespace)
    path = Path(name)
    size = path.stat().st_size
    with path.open("rb") as f:
        if not err.is_terminal or size < (8 << 20):
            return ingest_stream(store, f, source=str(path), namespace=namespace)
        from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

        with Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                      TransferSpeedColumn(), console=err, transient=True) as progress:
            task = progress.add_task(f"ingest {path.name}", total=size)
            return ingest_stream(store, f, source=str(path), namespace=namespace,
                                 on_progress=lambda n: progress.advance(task, n))


def stats(json_out: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False) -> None:
    """Counts of records, messages, tree nodes and runs in the store."""
    home = Home.from_env()
    try:
        with Store.open(home.store_path, read_only=True) as store:
            s = store.stats()
    except StoreLockedError as e:
        # An ingest or induction holds the file: answer from the counts its writer left.
        snap = read_snapshot(home.store_path)
        if snap is None:
            raise _err(Console(stderr=True), e) from None
        s = {**snap, "snapshot": True}
        Console(stderr=True, soft_wrap=True).print(
            f"[yellow]note:[/yellow] the store is being written ({escape(e.detail)}); "
            f"counts as of {snap.get('as_of')}")
    except RoteError as e:
        raise _err(Console(stderr=True), e) from None
    if json_out:
        sys.stdout.write(orjson.dumps(s).decode() + "\n")
    else:
        console = Console()
        for k, v in s.items():
            console.print(f"{k:>15}  {v}")


def short_text(body: dict[str, Any], width: int = 70) -> str:
    """One line describing a message: its text, or its tool calls."""
    text = body.get("content")
    if isinstance(text, list):
        text = " ".join(str(p.get("text", f"<{p.get('type')}>")) for p in text if isinstance(p, dict))
    parts = [text] if text else []
    for c in body.get("tool_calls") or []:
        fn = c.get("function") or {}
        parts.append(f"{fn.get('name')}({fn.get('arguments', '')})")
    out = " ".join(str(p) for p in parts).replace("\n", "⏎ ")
    return out if len(out) <= width else out[: width - 1] + "…"


def tree(
    node: Annotated[str | None, typer.Option(help="Start at this node (id or unique prefix).")] = None,
    depth: Annotated[int, typer.Option(help="How many levels to print.")] = 6,
    namespace: Annotated[str | None, typer.Option(help="Only this namespace.")] = None,
    max_children: Annotated[int, typer.Option(help="Children shown per node.")] = 12,
) -> None:
    """Print the cache tree: role, short text, records through a node, children."""
    console = Console()
    home = Home.from_env()
    try:
        with Store.open(home.store_path, read_only=True) as store:
            if node is not None:
                start = store.node(store.resolve_node(node))
                root = Tree(_label(start))
                _grow(store, root, start["node_id"], None, depth, max_children)
            else:
                root = Tree(f"[bold]{escape(str(home.store_path))}[/bold]")
                for ns in [namespace] if namespace else store.namespaces():
                    branch = root.add(f"[magenta]namespace {escape(ns)}[/magenta]")
                    _grow(store, branch, None, ns, depth, max_children)
    except RoteError as e:
        raise _err(Console(stderr=True), e) from None
    console.print(root)


ROLE_STYLE = {"system": "dim", "user": "cyan", "assistant": "green", "tool": "yellow"}


def _label(n: dict[str, Any]) -> str:
    style = ROLE_STYLE.get(n["role"], "white")
    resp = f", answered {n['responses']}x" if n["responses"] else ""
    return (f"[{style}]{n['role']}[/{style}] {escape(short_text(n['body']))} "
            f"[dim]({n['records']} rec{resp}, {n['children']} children) {n['node_id'][:10]}[/dim]")


def _grow(store: Store, branch: Tree, parent: str | None, ns: str | None, depth: int, limit: int) -> None:
    if depth <= 0:
        return
    kids = store.children(parent, ns)
    for child in kids[:limit]:
        _grow(store, branch.add(_label(child)), child["node_id"], None, depth - 1, limit)
    if len(kids) > limit:
        branch.add(f"[dim]… {len(kids) - limit} more[/dim]")


def explain(node_id: Annotated[str, typer.Argument(help="A template node id (or unique prefix), e.g. "
                                                        "from a hit's X-Rote-Node header, or a store node id "
                                                        "(`rote tree`): the template node covering it.")]) -> None:
    """Show a template node: template, variables, DAG, derivations, evidence, status and why."""
    from induction.explain import describe
    from induction.pipeline import load_templates

    home = Home.from_env()
    note = None
    try:
        with Store.open(home.store_path, read_only=True) as store:
            nodes = load_templates(store)
            found = [(n, notes) for n, notes in nodes if n.id.startswith(node_id)]
            if not found and nodes:
                covering, note = template_for_store_node(store, [n for n, _ in nodes], node_id)
                found = [(n, notes) for n, notes in nodes if covering is not None and n.id == covering]
    except RoteError as e:
        raise _err(Console(stderr=True), e) from None
    if not nodes:
        raise _err(Console(stderr=True), RoteError("no induced templates yet: run `rote induce` first"))
    if len(found) != 1:
        reason = "no template node" if not found else f"{len(found)} template nodes"
        raise _err(Console(stderr=True), RoteError(f"{reason} match {node_id!r}" + (f" ({note})" if note else "")))
    node, notes = found[0]
    children = sum(1 for n, _ in nodes if n.parent == node.id)
    head = f"{note}\n" if note else ""
    sys.stdout.write(head + describe(node, notes) + f"\nchildren: {children}\n")


def template_for_store_node(store: Store, nodes: list[Any], given: str) -> tuple[str | None, str | None]:
    """(the template node covering the store node ``given`` names, a line saying so or why none
    does): the store node's context is walked down the templates as the runtime walks a request."""
    from induction.runtime.compiled import compile_tree

    try:
        sid = store.resolve_node(given)
    except RoteError as e:
        return None, f"{e}"
    chain: list[dict[str, Any]] = []
    cur: str | None = sid
    while cur is not None:
        row = store.node(cur)
        chain.append(row)
        cur = row["parent_id"]
    chain.reverse()
    messages = [{**row["body"], "role": row["role"]} for row in chain]
    tree = compile_tree(nodes)
    path = tree.explain({"messages": messages}, chain[-1]["namespace"]).path
    if len(path) == len(messages):
        return path[-1], f"store node {sid} is covered by template node {path[-1]}"
    return None, (f"store node {sid}: the templates cover its context down to message {len(path)} of "
                  f"{len(messages)}; `rote why` on a request ending there says why")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(stats)
    app.command()(tree)
    app.command()(explain)
