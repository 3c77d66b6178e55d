"""``rote serve``: the plain :func:`serve` function, and :func:`register` to mount it on a typer app."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from proxy.config import LiteLLMSettings, NamespaceFrom, ProxyConfig, UpstreamClient
from rote.config import Home

LOG_LEVEL_ENV = "ROTE_PROXY_LOG_LEVEL"
DEFAULT_UPSTREAM = "https://api.openai.com/v1"


def build_config(*, upstream: str | None = None, tree: str | None = None, namespace_from: NamespaceFrom = "header",
                 proxy_keys: list[str] | None = None, upstream_api_key: str | None = None,
                 litellm_model: str | None = None, litellm_params: dict[str, str] | None = None,
                 strip_headers: list[str] | None = None, max_body_mb: float = 20.0,
                 upstream_timeout: float = 600.0, upstream_proxy: str | None = None,
                 upstream_client: UpstreamClient = "httpx", home: Home | None = None, ui: bool = False,
                 admin_key: str | None = None, miss_log_size: int = 100) -> ProxyConfig:
    litellm = None
    if litellm_model is not None or litellm_params:
        litellm = LiteLLMSettings(model=litellm_model or None, params=dict(litellm_params or {}))
    if upstream is None and litellm is None:
        upstream = os.environ.get("ROTE_UPSTREAM") or DEFAULT_UPSTREAM
    keys = proxy_keys if proxy_keys is not None else os.environ.get("ROTE_PROXY_KEYS", "").split(",")
    # Where the flows publish (``ROTE_PUBLISH_URL``, e.g. s3://bucket/prefix) is where replicas read.
    tree = tree or os.environ.get("ROTE_PUBLISH_URL") or None
    return ProxyConfig(
        home=home or Home.from_env(), upstream=upstream, litellm=litellm,
        upstream_api_key=upstream_api_key or os.environ.get("ROTE_UPSTREAM_API_KEY") or None,
        tree=tree, namespace_from=namespace_from, proxy_keys=frozenset(k.strip() for k in keys if k.strip()),
        strip_headers=frozenset(strip_headers or ()), max_body_bytes=int(max_body_mb * 1024 * 1024),
        upstream_timeout=upstream_timeout, upstream_proxy=upstream_proxy, upstream_client=upstream_client,
        ui=ui, admin_key=admin_key or os.environ.get("ROTE_ADMIN_KEY") or None, miss_log_size=miss_log_size)


def serve(host: str = "127.0.0.1", port: int = 8000, upstream: str | None = None, tree: str | None = None,
          workers: int = 1, namespace_from: NamespaceFrom = "header", proxy_keys: list[str] | None = None,
          log_level: str = "info", **options: Any) -> None:
    """Run the proxy until interrupted (blocking); ``options`` are :func:`build_config`'s other arguments."""
    config = build_config(upstream=upstream, tree=tree, namespace_from=namespace_from, proxy_keys=proxy_keys,
                          **options)
    run(config, host=host, port=port, workers=workers, log_level=log_level)


def run(config: ProxyConfig, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
        log_level: str = "info") -> None:
    import uvicorn

    from proxy.app import CONFIG_ENV, create_app
    from proxy.logs import configure_logging

    configure_logging(log_level)
    common = {"host": host, "port": port, "access_log": False, "log_config": None, "log_level": log_level}
    if workers > 1:
        # Each worker process builds its own app from the same config.
        os.environ[CONFIG_ENV] = config.model_dump_json()
        os.environ[LOG_LEVEL_ENV] = log_level
        uvicorn.run("proxy.cli:worker_app", factory=True, workers=workers, **common)  # type: ignore[arg-type]
    else:
        uvicorn.run(create_app(config), **common)  # type: ignore[arg-type]


def worker_app() -> object:
    from proxy.app import app_from_env
    from proxy.logs import configure_logging

    configure_logging(os.environ.get(LOG_LEVEL_ENV, "info"))
    return app_from_env()


def _params(values: list[str]) -> dict[str, str]:
    out = {}
    for v in values:
        k, sep, val = v.partition("=")
        if not sep:
            raise typer.BadParameter(f"expected KEY=VALUE, got {v!r}")
        out[k.strip()] = val
    return out


def feedback_app(home: Home | None = None) -> typer.Typer:
    """``rote feedback list | enable NODE``: the nodes feedback turned off, and turning one back on.

    They work on ``$ROTE_HOME/proxy/disabled.jsonl`` (the file every proxy worker on that home
    re-reads each second), so a running proxy serves a re-enabled node again within a second.
    ``home`` is for tests; the command line reads ``$ROTE_HOME``.

    >>> from typer.testing import CliRunner
    >>> import tempfile
    >>> CliRunner().invoke(feedback_app(Home(root=Path(tempfile.mkdtemp()))), ["list"]).stdout
    'no node is disabled\\n'
    """
    group = typer.Typer(help="Nodes disabled by feedback (ok: false): list them, turn one back on.",
                        no_args_is_help=True)

    def path() -> Path:
        from proxy.feedback import disabled_path

        return disabled_path((home or Home.from_env()).root / "proxy")

    @group.command("list")
    def list_command(as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
                     ) -> None:
        """Show every node disabled by feedback: namespace, node, when, the response reported, comment."""
        from proxy.feedback import read_disabled

        entries = read_disabled(path())
        if as_json:
            for entry in entries.values():
                typer.echo(orjson.dumps(entry).decode())
            return
        if not entries:
            typer.echo("no node is disabled")
            return
        for (ns, node), entry in sorted(entries.items()):
            at = entry.get("at")
            when = datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if isinstance(
                at, (int, float)) else "?"
            comment = f"  \"{entry['comment']}\"" if entry.get("comment") else ""
            typer.echo(f"{ns}\t{node}\t{when}\t{entry.get('response_id', '')}{comment}")

    @group.command("enable")
    def enable_command(
        node_id: Annotated[str, typer.Argument(help="The node id (X-Rote-Node of a hit; `rote feedback list`).")],
        namespace: Annotated[str | None, typer.Option(
            help="Only in this namespace (default: every namespace it is disabled in).")] = None,
    ) -> None:
        """Serve a node disabled by feedback again (running proxies pick it up within a second)."""
        from proxy.feedback import enable_node

        namespaces = enable_node(path(), node_id, namespace)
        if not namespaces:
            where = f" in namespace {namespace!r}" if namespace else ""
            typer.echo(f"node {node_id!r} is not disabled{where} (see `rote feedback list`)", err=True)
            raise typer.Exit(1)
        typer.echo(f"enabled {node_id} in {', '.join(namespaces)}")

    return group


def register(app: typer.Typer) -> None:
    """Add ``serve`` and ``feedback`` to the ``rote`` command line."""
    app.add_typer(feedback_app(), name="feedback")

    @app.command("serve")
    def serve_command(
        host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        upstream: Annotated[str | None, typer.Option(
            help="OpenAI-compatible base URL for misses (requests go to {upstream}/chat/completions). "
                 "Default: $ROTE_UPSTREAM or https://api.openai.com/v1.")] = None,
        tree: Annotated[str | None, typer.Option(
            help="Published tree location (path or fsspec URL). Default: $ROTE_PUBLISH_URL, else "
                 "$ROTE_HOME/published.")] = None,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
        namespace_from: Annotated[str, typer.Option(
            help="'header' (Rote-Namespace, else 'default') or 'api-key' (a hash of the caller's key).")] = "header",
        proxy_keys: Annotated[str | None, typer.Option(
            help="Comma-separated keys allowed to use the proxy (default: $ROTE_PROXY_KEYS; none: open).")] = None,
        upstream_api_key: Annotated[str | None, typer.Option(
            help="Key sent upstream when callers authenticate with a proxy key "
                 "(default: $ROTE_UPSTREAM_API_KEY).")] = None,
        litellm_model: Annotated[str | None, typer.Option(
            help="Send misses through litellm with this model (e.g. anthropic/claude-3-5-haiku); "
                 "'' keeps the request's model.")] = None,
        litellm_param: Annotated[list[str] | None, typer.Option(help="Extra litellm argument KEY=VALUE.")] = None,
        strip_header: Annotated[list[str] | None, typer.Option(
            help="A request header never to record (repeatable).")] = None,
        max_body_mb: Annotated[float, typer.Option(help="Largest chat request body accepted.")] = 20.0,
        upstream_timeout: Annotated[float, typer.Option(help="Seconds to wait for upstream bytes.")] = 600.0,
        upstream_proxy: Annotated[str | None, typer.Option(help="HTTP(S) proxy URL for upstream calls.")] = None,
        upstream_client: Annotated[str, typer.Option(
            help="HTTP client for misses: 'httpx' or 'aiohttp' (less CPU per miss).")] = "httpx",
        log_level: Annotated[str, typer.Option(help="debug, info, warning, error.")] = "info",
        ui: Annotated[bool, typer.Option("--ui", help="Mount the web inspector at /ui.")] = False,
        admin_key: Annotated[str | None, typer.Option(
            help="Key for the inspector's actions (rollback, re-enable). Default: $ROTE_ADMIN_KEY; "
                 "none: the inspector is read-only.")] = None,
        miss_log_size: Annotated[int, typer.Option(
            help="Recent misses kept with their reason for the inspector (0: off).")] = 100,
    ) -> None:
        """Serve the published template tree as an OpenAI-compatible endpoint."""
        if namespace_from not in ("header", "api-key"):
            raise typer.BadParameter("--namespace-from must be 'header' or 'api-key'")
        if upstream_client not in ("httpx", "aiohttp"):
            raise typer.BadParameter("--upstream-client must be 'httpx' or 'aiohttp'")
        serve(host=host, port=port, upstream=upstream, tree=tree, workers=workers,
              namespace_from=namespace_from,  # type: ignore[arg-type]
              proxy_keys=proxy_keys.split(",") if proxy_keys is not None else None, log_level=log_level,
              upstream_api_key=upstream_api_key, litellm_model=litellm_model,
              litellm_params=_params(litellm_param or []), strip_headers=strip_header,
              max_body_mb=max_body_mb, upstream_timeout=upstream_timeout, upstream_proxy=upstream_proxy,
              upstream_client=upstream_client, ui=ui, admin_key=admin_key, miss_log_size=miss_log_size)
