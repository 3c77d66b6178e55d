"""``rote induce``, ``rote merge``, ``rote schedule``, ``rote publish``: the flows' command line.

``induce`` and ``merge`` run their flow once in this process, on ``PREFECT_API_URL``, else
on rote's managed server (``rote prefect start``), else on a temporary server that dies with
this process (``flows.server``), so nothing needs setting up. Prefect is imported inside the
commands only, so ``rote serve`` never loads it. User errors (no records, a store still held
after ``--wait``, an unknown node, nothing to roll back, a destination that cannot work) are
checked before Prefect starts and printed as one line, without a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows.settings import FlowSettings
from rote.errors import RoteError

BACKENDS = ("heuristic", "llm", "hybrid")

PublishUrl = Annotated[str | None, typer.Option(
    "--publish-url", help="Where trees are published: a directory or fsspec URL (s3://bucket/prefix). "
                          "Default: $ROTE_PUBLISH_URL, else $ROTE_HOME/published.")]
TaskRunner = Annotated[str | None, typer.Option(
    "--task-runner", help="threads (default), dask (a local Dask cluster), dask:N (N workers) or "
                          "tcp://host:8786 (a Dask scheduler). Default: $ROTE_TASK_RUNNER.")]
Backend = Annotated[str, typer.Option(help="Induction backend: heuristic (no model), llm or hybrid.")]
JsonOut = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Show Prefect's logs on stderr.")]
StoreWait = Annotated[float | None, typer.Option(
    "--wait", help="Seconds to wait while another process (an ingest) holds the store "
                   "(default: $ROTE_STORE_WAIT, else 600).", min=0)]


def _waiting(message: str) -> None:
    Console(stderr=True, soft_wrap=True).print(f"[yellow]{escape(message)}[/yellow]")


def _fail(e: Exception | str, code: int = 2) -> typer.Exit:
    Console(stderr=True, soft_wrap=True).print(f"[red]error:[/red] {escape(str(e))}")
    return typer.Exit(code)


def prefect_env(verbose: bool) -> None:
    """Defaults for a one-off local run (an explicit environment wins)."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    if not verbose:
        # Prefect's console handler only: the run's logs still reach the API (and the UI).
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")


def _check_backend(backend: str) -> None:
    if backend not in BACKENDS:
        raise _fail(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    from flows.settings import induction_config

    if backend != "heuristic" and not induction_config(backend).llm_model:
        raise _fail(f"--backend {backend} needs a model: set ROTE_LLM_MODEL (a litellm model string such as "
                    "openai/gpt-4o-mini; for an OpenAI-compatible server also ROTE_LLM_API_BASE)")


def _check_runner(spec: str) -> None:
    from flows.runners import parse

    try:
        parse(spec)
    except ValueError as e:
        raise _fail(e) from None


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    try:
        yield
    except (RoteError, OSError) as e:
        raise _fail(e) from None


def _preflight(settings: FlowSettings, *, need_records: bool) -> None:
    """The errors a user can fix, before paying for Prefect's start."""
    from flows.lock import run_lock
    from flows.spool import pending_segments

    settings.home.ensure()
    with run_lock(settings.home.locks_dir):
        pass
    with settings.open_store(read_only=True, on_wait=_waiting) as store:
        records = int(store.stats()["records"])
        pending = pending_segments(store, settings.home.spool_dir) if need_records and not records else []
    if need_records and not records and not pending:
        from flows.errors import NoRecordsError

        raise NoRecordsError(str(settings.home.store_path))


def _run(flow: Any, home_root: Path, **params: Any) -> Any:
    from flows import progress
    from flows.server import api_for_run

    err = Console(stderr=True, soft_wrap=True)
    with progress.cli_progress(err):
        # With no server running this is where a temporary one starts (seconds).
        progress.stage("start Prefect")
        with api_for_run(home_root, note=lambda m: err.print(f"[dim]{escape(m)}[/dim]")):
            return flow(**params)


def induce(
    full: Annotated[bool, typer.Option("--full", help="Rebuild even if nothing changed since the last run.")] = False,
    backend: Backend = "heuristic",
    publish_url: PublishUrl = None,
    task_runner: TaskRunner = None,
    json_out: JsonOut = False,
    verbose: Verbose = False,
    wait: StoreWait = None,
) -> None:
    """Ingest new spool segments, induce templates, verify, compile and publish (one local run)."""
    settings = _settings(backend, publish_url, task_runner, wait)
    with _user_errors():
        from flows.spool import seal_orphans

        # Segments a dead proxy left open count as new input (and are ingested by the run).
        seal_orphans(settings.home.spool_dir)
        _preflight(settings, need_records=True)
        quick = None if full else _nothing_new(settings, backend)
        if quick is not None:
            _print_summary(quick, json_out)
            return
        prefect_env(verbose)
        from flows.induction_flow import induction_flow

        summary = _run(induction_flow, settings.home.root, full=full, backend=backend, home=str(settings.home.root),
                       publish_url=settings.publish_url, task_runner=settings.task_runner,
                       store_wait=settings.store_wait)
    _print_summary(summary, json_out)


def _settings(backend: str, publish_url: str | None, task_runner: str | None,
              store_wait: float | None = None) -> FlowSettings:
    """Check the user's choices before anything starts, and build the flow settings."""
    _check_backend(backend)
    with _user_errors():  # a malformed $ROTE_STORE_WAIT
        settings = FlowSettings.build(publish_url=publish_url, task_runner=task_runner, store_wait=store_wait)
    _check_runner(settings.task_runner)
    _check_destination(settings.publish_url)
    return settings


def _check_destination(url: str) -> None:
    from induction.publish import check_destination
    from rote.errors import PublishError

    try:
        check_destination(url)
    except PublishError as e:
        raise _fail(e) from None


def _nothing_new(settings: FlowSettings, backend: str) -> Any:
    """The summary of a run that would do nothing (no new input, settings unchanged), without
    starting Prefect; None when there is work."""
    from flows.planning import decide
    from flows.settings import induction_config
    from flows.spool import pending_feedback, pending_segments
    from flows.summary import RunSummary

    with settings.open_store(read_only=True, on_wait=_waiting) as store:
        if pending_segments(store, settings.home.spool_dir) or pending_feedback(store, settings.home.spool_dir):
            return None
    p = decide(settings, induction_config(backend))
    if p.induce:
        return None
    return RunSummary(flow="induction", skipped=True, reason=p.reason, records=p.records, max_seq=p.max_seq,
                      published_version=p.current_version, publish_url=settings.publish_url)


def merge(
    node_id: Annotated[str, typer.Argument(help="A store node id (`rote tree`) or template node id, "
                                                "or a unique prefix.")],
    backend: Backend = "heuristic",
    publish_url: PublishUrl = None,
    task_runner: TaskRunner = None,
    json_out: JsonOut = False,
    verbose: Verbose = False,
    wait: StoreWait = None,
) -> None:
    """Merge one node's children into templates, verify them, publish (one local run)."""
    settings = _settings(backend, publish_url, task_runner, wait)
    with _user_errors():
        _preflight(settings, need_records=True)
        from flows.errors import NothingToMergeError
        from flows.nodes import resolve_target

        with settings.open_store(read_only=True, on_wait=_waiting) as store:
            target = resolve_target(store, node_id)
            children = len(store.children(target.store_node_id))
        if children < 2:
            raise NothingToMergeError(target.store_node_id, children)
        prefect_env(verbose)
        from flows.merge_flow import merge_flow

        summary = _run(merge_flow, settings.home.root, node_id=target.store_node_id, backend=backend,
                       home=str(settings.home.root), publish_url=settings.publish_url,
                       task_runner=settings.task_runner, store_wait=settings.store_wait)
    _print_summary(summary, json_out)


def _print_summary(summary: Any, json_out: bool) -> None:
    if json_out:
        sys.stdout.write(summary.model_dump_json() + "\n")
    else:
        Console().print(summary.table())


def schedule(
    cron: Annotated[str, typer.Option(help="When the nightly induction runs (cron syntax).")] = "0 2 * * *",
    timezone: Annotated[str | None, typer.Option(help="Time zone of the cron schedule (e.g. Europe/Berlin); "
                                                      "default UTC.")] = None,
    interval: Annotated[float | None, typer.Option(help="Run the induction every SECONDS instead of on the "
                                                        "cron (tests, demos).", min=1)] = None,
    backend: Backend = "heuristic",
    publish_url: PublishUrl = None,
    task_runner: TaskRunner = None,
    port: Annotated[int, typer.Option(help="Port of rote's managed Prefect server, started if no "
                                           "PREFECT_API_URL is set and none is running.")] = 4200,
) -> None:
    """Serve the deployments in the foreground: nightly induction on the cron; merge and eval on demand.

    Uses PREFECT_API_URL, else rote's managed Prefect server (`rote prefect start`; started here
    on 127.0.0.1:PORT if it is not running, and left running: `rote prefect stop`). Trigger runs
    with `prefect deployment run 'merge/on-demand' --param node_id=...` or from the Prefect UI."""
    settings = _settings(backend, publish_url, task_runner)
    settings.home.ensure()
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    err = Console(stderr=True, soft_wrap=True)
    from flows.server import ManagedServer, ServerError, configured_api_url

    url = configured_api_url()
    if url is None:
        managed = ManagedServer(settings.home.root)
        state = managed.status()
        if state is None:
            err.print(f"starting rote's Prefect server on 127.0.0.1:{port} (database and log in {managed.dir}; "
                      "stop it with `rote prefect stop`)")
            try:
                state = managed.start(port)
            except ServerError as e:
                raise _fail(e) from None
        url = state.url
    err.print(f"serving the deployments against {url} (UI: {url.removesuffix('/api')}); Ctrl-C stops")
    from flows.deploy import serve
    from flows.server import use_api

    try:
        with use_api(url):
            serve(settings, cron=cron, timezone=timezone, backend=backend, interval=interval)
    except ValueError as e:  # a malformed cron or time zone
        raise _fail(e) from None


prefect_app = typer.Typer(help="rote's managed local Prefect server (API and UI; state under $ROTE_HOME/prefect).",
                          no_args_is_help=True)


@prefect_app.command("start")
def prefect_start(port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 4200) -> None:
    """Start `prefect server start` in the background; `rote induce` and `rote schedule` then use it."""
    from flows.server import ManagedServer, ServerError
    from rote.config import Home

    home = Home.from_env().ensure()
    managed = ManagedServer(home.root)
    try:
        state = managed.status() or managed.start(port)
    except ServerError as e:
        raise _fail(e) from None
    Console().print(f"Prefect server running: pid {state.pid}, API {state.url}, UI {state.url.removesuffix('/api')}"
                    f", log {state.log}")


@prefect_app.command("status")
def prefect_status(json_out: JsonOut = False) -> None:
    """Whether rote's managed Prefect server runs (exit code 1 if not)."""
    from flows.server import ManagedServer
    from rote.config import Home

    state = ManagedServer(Home.from_env().root).status()
    if json_out:
        sys.stdout.write(orjson.dumps(state.model_dump() if state else None).decode() + "\n")
    elif state:
        Console().print(f"running: pid {state.pid}, API {state.url}")
    else:
        Console().print("not running (start it with `rote prefect start`)")
    if state is None:
        raise typer.Exit(1)


@prefect_app.command("stop")
def prefect_stop() -> None:
    """Stop rote's managed Prefect server."""
    from flows.server import ManagedServer
    from rote.config import Home

    state = ManagedServer(Home.from_env().root).stop()
    Console().print(f"stopped pid {state.pid}" if state else "not running")


def publish(
    list_: Annotated[bool, typer.Option("--list", help="List the published versions.")] = False,
    rollback: Annotated[bool, typer.Option("--rollback", help="Make VERSION (default: the current version's "
                                                              "parent) current again.")] = False,
    version: Annotated[str | None, typer.Argument(help="The version for --rollback.")] = None,
    publish_url: PublishUrl = None,
    json_out: JsonOut = False,
) -> None:
    """Published template trees: show the current version, --list them all, --rollback [VERSION]."""
    from induction.publish import Publisher

    settings = FlowSettings.build(publish_url=publish_url)
    if version is not None and not rollback:
        raise _fail("a VERSION is only taken with --rollback")
    _check_destination(settings.publish_url)
    with _user_errors():
        pub = Publisher(settings.publish_url)
        if rollback:
            from flows.lock import run_lock

            with run_lock(settings.home.locks_dir):
                m = pub.rollback(version)
            _out(json_out, {"current": m.version, "rolled_back_to": m.model_dump()},
                 f"current version is now {m.version} (created {m.created_at})")
            return
        current = pub.current()
        if not list_:
            if current is None:
                raise _fail(f"nothing is published at {settings.publish_url}", code=1)
            m = pub.manifest(current)
            _out(json_out, {"current": current, "manifest": m.model_dump()},
                 f"current version {current} (created {m.created_at}, parent {m.parent}) at {settings.publish_url}")
            return
        versions = pub.versions()
        served = pub.served()
    # Complete versions `current` never pointed at: left by a publish killed before its last step.
    never = [m.version for m in versions if m.version not in served and m.version != current]
    if json_out:
        sys.stdout.write(orjson.dumps({"current": current, "versions": [m.model_dump() for m in versions],
                                       "never_current": never}).decode() + "\n")
        return
    table = Table(title=f"published at {escape(settings.publish_url)}", title_justify="left",
                  caption="* current, ! never current (an interrupted publish)" if never else None)
    for col in ("", "version", "created"):
        table.add_column(col, no_wrap=True)
    for col in ("records", "live", "staged", "uncacheable"):
        table.add_column(col, justify="right")
    for m in versions:
        s = m.stats
        mark = "*" if m.version == current else "!" if m.version in never else ""
        table.add_row(mark, m.version, m.created_at[:19].replace("T", " "),
                      *(str(s.get(k, "")) for k in ("records", "live", "staged", "uncacheable")))
    Console().print(table)


def _out(json_out: bool, data: dict[str, Any], text: str) -> None:
    if json_out:
        sys.stdout.write(orjson.dumps(data).decode() + "\n")
    else:
        Console().print(escape(text))


def register(app: typer.Typer) -> None:
    app.command()(induce)
    app.command()(merge)
    app.command()(schedule)
    app.command()(publish)
    app.add_typer(prefect_app, name="prefect")
