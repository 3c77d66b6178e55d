"""``$ROTE_HOME``: the user's data directory by default (not the working directory), and an
unusable home is one line saying what to do, for every command, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from rote.cli import NO_HOME_COMMANDS, app, home_problem
from rote.config import Home, default_home
from tests.conftest import chat_record

ROTE = str(Path(sys.executable).parent / "rote")


def run(args: list[str], env: dict[str, str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([ROTE, *args], env=env, cwd=cwd, input=stdin.decode() if stdin else None,
                          capture_output=True, text=True, timeout=120)


def test_default_home_is_the_user_data_dir_not_the_working_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ROTE_HOME"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")  # where platformdirs puts user data on Linux
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    record = orjson.dumps(chat_record([{"role": "user", "content": "Say hello to Zed."}], "Hello, Zed!"))
    ingest = run(["ingest", "-"], env, here, record + b"\n")
    assert ingest.returncode == 0, ingest.stderr
    stats = run(["stats", "--json"], env, there)  # another directory: the same store
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["records"] == 1
    assert (tmp_path / "xdg" / "rote" / "rote.duckdb").exists()
    assert not (here / "data").exists() and not (there / "data").exists()


def test_home_from_env() -> None:
    assert Home.from_env({}).root == default_home()
    assert Home.from_env({"ROTE_HOME": "~/somewhere"}).root == Path("~/somewhere").expanduser()


@pytest.mark.parametrize("command", [
    ["stats", "--json"], ["ingest", "data/fixtures/train.jsonl"], ["tree"], ["explain", "n1"], ["induce"],
    ["merge", "n1"], ["schedule"], ["publish", "--list"], ["serve", "--port", "1"], ["feedback", "list"],
    ["feedback", "enable", "n1"],
])
def test_unusable_home_is_one_line_for_every_command(tmp_path: Path, command: list[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = {**os.environ, "ROTE_HOME": str(blocker / "home")}
    p = run(command, env, Path(__file__).resolve().parents[2])
    assert p.returncode == 2, (p.stdout, p.stderr)
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr, p.stderr
    assert lines[0].startswith(f"rote: ROTE_HOME={blocker / 'home'} is not usable")
    assert "set ROTE_HOME to a directory you can write" in lines[0]
    assert p.stdout == ""


def test_read_only_home(tmp_path: Path) -> None:
    """A read-only mount (EROFS: root is refused too), where unshare is allowed."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare(1) here")
    home = tmp_path / "ro"
    home.mkdir()
    script = (f"mount --bind {home} {home} && mount -o remount,bind,ro {home} && echo mounted && "
              f"ROTE_HOME={home} {ROTE} stats --json")
    p = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c", script], capture_output=True,
                       text=True, timeout=120)
    if not p.stdout.startswith("mounted"):  # unshare or mount refused here
        pytest.skip(f"no private read-only mount here: {p.stderr.strip()}")
    lines = p.stderr.strip().splitlines()
    assert p.returncode == 2 and len(lines) == 1 and p.stdout == "mounted\n", (p.stdout, p.stderr)
    assert lines[0].startswith(f"rote: ROTE_HOME={home} is not usable (Read-only file system"), lines


def test_commands_that_need_no_home_are_not_checked() -> None:
    bad = {"ROTE_HOME": "/proc/no-home-here"}
    assert home_problem(["sandbox", "info"], bad) is None and home_problem(["eval", "--help"], bad) is None
    assert home_problem(["--help"], bad) is None and home_problem([], bad) is None
    assert home_problem(["stats"], bad) is not None
    # The home-free names are real commands (after a rename, the new name would be checked).
    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    assert names >= NO_HOME_COMMANDS
