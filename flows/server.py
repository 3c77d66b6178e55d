"""The Prefect API a flow run talks to: one already running, rote's managed server, or a
temporary one tied to this process's life.

Order of choice (``api_for_run``):

1. ``PREFECT_API_URL`` (environment, Prefect profile or an active settings context);
2. rote's **managed server**, started once with ``rote prefect start`` (``prefect server
   start`` in the background on ``127.0.0.1:4200`` by default, its database and log
   under ``$ROTE_HOME/prefect``), when it answers;
3. otherwise a **temporary server** for this run only: started on a free loopback port and
   stopped after the run. The kernel kills it if this process dies (``PR_SET_PDEATHSIG``),
   so a ``kill -9`` of ``rote induce`` leaves nothing behind, unlike Prefect's own
   ephemeral mode whose uvicorn child outlives a killed parent.

>>> import tempfile, pathlib
>>> m = ManagedServer(pathlib.Path(tempfile.mkdtemp()))
>>> m.status() is None, m.url(4200)
(True, 'http://127.0.0.1:4200/api')
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import orjson
from pydantic import BaseModel

from rote.errors import RoteError

DEFAULT_PORT = 4200
HOST = "127.0.0.1"
STATE_FILE = "server.json"
LOG_FILE = "server.log"
# Prefect migrates its SQLite database on a first start: tens of seconds on a busy 2-core machine.
START_TIMEOUT = 120.0
PR_SET_PDEATHSIG = 1


class ServerError(RoteError):
    pass


class ServerState(BaseModel):
    """What ``rote prefect start`` left in ``$ROTE_HOME/prefect/server.json``."""

    pid: int
    port: int
    url: str
    log: str
    started_at: float


def free_port() -> int:
    """A TCP port nobody listens on right now (on loopback)."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def healthy(url: str, timeout: float = 2.0) -> bool:
    """Whether the Prefect API at ``url`` (``http://host:port/api``) answers its health check."""
    try:
        return httpx.get(url.rstrip("/") + "/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _die_with_parent() -> None:
    """``preexec_fn``: the kernel sends SIGKILL to the child when its parent dies (Linux)."""
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the prctl took effect
        os._exit(1)


def _server_env(prefect_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)  # the server must not think it is a client of another one
    env.update(PREFECT_HOME=str(prefect_home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_LOGGING_LEVEL=env.get("PREFECT_SERVER_LOGGING_LEVEL", "WARNING"))
    return env


def _prefect_cli() -> str:
    exe = Path(sys.executable).with_name("prefect")
    return str(exe) if exe.exists() else "prefect"


def _wait(proc: subprocess.Popen[bytes], url: str, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not healthy(url, timeout=1.0):
        if proc.poll() is not None:
            raise ServerError(f"the Prefect server exited with code {proc.returncode} before answering; "
                              f"see {log}")
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            raise ServerError(f"the Prefect server did not answer at {url} within {timeout:.0f} s; see {log}")
        time.sleep(0.3)


class ManagedServer:
    """rote's persistent local Prefect server under ``<home>/prefect``: start, status, stop."""

    def __init__(self, home_root: Path) -> None:
        self.dir = home_root / "prefect"

    @staticmethod
    def url(port: int) -> str:
        return f"http://{HOST}:{port}/api"

    @property
    def state_path(self) -> Path:
        return self.dir / STATE_FILE

    def status(self) -> ServerState | None:
        """The running server's state, or None (no state file, process gone or not answering)."""
        try:
            state = ServerState.model_validate(orjson.loads(self.state_path.read_bytes()))
        except (FileNotFoundError, orjson.JSONDecodeError, ValueError):
            return None
        if not _is_prefect_server(state.pid) or not healthy(state.url):
            return None
        return state

    def start(self, port: int = DEFAULT_PORT, timeout: float = START_TIMEOUT) -> ServerState:
        """``prefect server start`` in its own session (it outlives this process), UI included."""
        running = self.status()
        if running is not None:
            return running
        self.dir.mkdir(parents=True, exist_ok=True)
        if _port_busy(port):
            raise ServerError(f"port {port} on {HOST} is in use; choose another with --port")
        log = self.dir / LOG_FILE
        with open(log, "ab") as out:
            proc = subprocess.Popen(
                [_prefect_cli(), "server", "start", "--host", HOST, "--port", str(port)],
                env=_server_env(self.dir), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True)
        url = self.url(port)
        _wait(proc, url, timeout, log)
        state = ServerState(pid=proc.pid, port=port, url=url, log=str(log), started_at=time.time())
        self.state_path.write_bytes(orjson.dumps(state.model_dump()))
        return state

    def stop(self, timeout: float = 20.0) -> ServerState | None:
        """Stop the server this home started (SIGTERM, then SIGKILL); None if none was running."""
        try:
            state = ServerState.model_validate(orjson.loads(self.state_path.read_bytes()))
        except (FileNotFoundError, orjson.JSONDecodeError, ValueError):
            return None
        # Only a process that is still that server: after a reboot the pid may be someone else's.
        if _is_prefect_server(state.pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(state.pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while pid_alive(state.pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if pid_alive(state.pid):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(state.pid, signal.SIGKILL)
        self.state_path.unlink(missing_ok=True)
        return state


@contextlib.contextmanager
def temporary_server(prefect_home: Path, timeout: float = START_TIMEOUT) -> Iterator[str]:
    """A Prefect API server for one run, on a free loopback port; killed on exit, and by the
    kernel if this process dies first. Yields its API URL.

    The kernel ties the child to the *thread* that started it: enter this from a thread that
    lives through the block (the CLI's main thread does)."""
    prefect_home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = prefect_home / f"temporary-server-{os.getpid()}.log"
    env = _server_env(prefect_home)
    # No UI for a one-off run (less to start); the scheduler is not needed either.
    env.update(PREFECT_UI_ENABLED="0", PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false")
    with open(log, "ab") as out:
        # One process: `prefect server start` runs uvicorn in itself, so the death signal covers it.
        proc = subprocess.Popen([_prefect_cli(), "server", "start", "--host", HOST, "--port", str(port)],
                                env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                preexec_fn=_die_with_parent)  # the death signal is set in the child
    url = ManagedServer.url(port)
    try:
        _wait(proc, url, timeout, log)  # on failure the log stays, for the message's "see ..."
    except BaseException:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        raise
    try:
        yield url
    finally:
        _drain_prefect_workers()
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.unlink(missing_ok=True)


def _drain_prefect_workers(timeout: float = 10.0) -> None:
    """Send the logs and events Prefect still queues to the server before it stops: otherwise
    their workers retry against a closed port at exit (about a minute of "Error logging to API")."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with contextlib.suppress(Exception):
            worker.drain_all(timeout=timeout)


def configured_api_url() -> str | None:
    """``PREFECT_API_URL`` as Prefect sees it (environment, profile, or an active settings context)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    return str(url) if url else None


@contextlib.contextmanager
def api_for_run(home_root: Path, note: Callable[[str], None] = lambda _: None) -> Iterator[str]:
    """Point Prefect at a server for the block: the configured one, rote's managed one, or a
    temporary one (see the module doc). ``note`` is told which, in one line."""
    url = configured_api_url()
    if url:
        note(f"Prefect server: {url} (PREFECT_API_URL)")
        yield url
        return
    managed = ManagedServer(home_root).status()
    with contextlib.ExitStack() as stack:
        if managed is not None:
            url = managed.url
            note(f"Prefect server: {url} (rote's managed server)")
        else:
            note("Prefect server: a temporary one for this run (start a persistent one with "
                 "`rote prefect start` to skip this)")
            url = stack.enter_context(temporary_server(home_root / "prefect"))
        stack.enter_context(use_api(url))
        yield url


@contextlib.contextmanager
def use_api(url: str) -> Iterator[None]:
    """Prefect in this process and the processes it starts talk to ``url`` for the block."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    # The environment for subprocesses (flow runs of `serve`), the settings context for this
    # process: Prefect has read its settings from the environment already, once imported.
    with _env("PREFECT_API_URL", url), temporary_settings(updates={PREFECT_API_URL: url}):
        yield


@contextlib.contextmanager
def _env(name: str, value: str) -> Iterator[None]:
    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def pid_alive(pid: int) -> bool:
    """Whether ``pid`` is a running process (a zombie, killed but not reaped yet, is not).

    >>> pid_alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (killed, not yet reaped) is not a server.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def _is_prefect_server(pid: int) -> bool:
    if not pid_alive(pid):
        return False
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return b"server" in cmd and b"start" in cmd and any(b"prefect" in part for part in cmd)


def _port_busy(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex((HOST, port)) == 0
