"""``rote sandbox exec``, run as a real process (``python -m sandbox.cli``): the last
stdout line is the JSON answer, the exit code says ok, and there is never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sandbox.cli import app

ROOT = Path(__file__).resolve().parents[2]


def rote_sandbox(*args: str, stdin: str | None = None, env: dict[str, str] | None = None
                 ) -> tuple[dict[str, Any], int, str]:
    done = subprocess.run([sys.executable, "-m", "sandbox.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=60, env=env)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.returncode, done.stderr


def in_process(*args: str) -> tuple[dict[str, Any], int]:
    """The same command in this process (faster; used for the argument checks)."""
    result = CliRunner().invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return json.loads(result.stdout.strip().splitlines()[-1]), result.exit_code


@pytest.fixture
def derive(tmp_path: Path) -> Path:
    path = tmp_path / "d.py"
    path.write_text("def derive(full_name):\n    return full_name.split()[0]\n")
    return path


def test_a_legitimate_call(derive: Path) -> None:
    answer, code, _ = rote_sandbox("exec", "--code", str(derive), "--function", "derive",
                                   "--kwargs", '{"full_name": "Ada Lovelace"}')
    assert answer == {"ok": True, "value": "Ada", "error": None} and code == 0


def test_code_on_stdin_refused_by_policy() -> None:
    answer, code, _ = rote_sandbox("exec", "--code", "/dev/stdin", "--function", "derive", "--kwargs", "{}",
                                   stdin="import os\ndef derive():\n    return os.listdir('/')\n")
    assert answer["ok"] is False and code == 1
    assert "[import]" in answer["error"] and answer["value"] is None


@pytest.mark.parametrize(("body", "expect"), [
    ("while True:\n        pass", "timed out after 0.5s"),
    ("return len('x' * 10**11)", "memory limit"),
    ("return {1, 2}", "not JSON"),
    ("return 1 / 0", "ZeroDivisionError: division by zero"),
    ("print('x' * 10**6)", "printed more than"),
])
def test_failed_calls_say_why(tmp_path: Path, body: str, expect: str) -> None:
    code_file = tmp_path / "bad.py"
    code_file.write_text(f"def f():\n    {body}\n")
    answer, code = in_process("exec", "--code", str(code_file), "--function", "f", "--timeout", "0.5")
    assert answer["ok"] is False and code == 1
    assert expect in answer["error"]


@pytest.mark.parametrize(("args", "expect"), [
    (["--code", "/nonexistent.py", "--function", "f"], "cannot read --code"),
    (["--function", "f"], "--code FILE and --function NAME are required"),
    (["--code", "{derive}", "--function", "derive", "--kwargs", "{not json"], "--kwargs is not JSON"),
    (["--code", "{derive}", "--function", "derive", "--kwargs", "[1]"], "must be a JSON object"),
    (["--code", "{derive}", "--function", "derive", "--timeout", "soon"], "invalid argument"),
    (["--code", "{derive}", "--function", "derive", "--backend", "cloud"], "unknown sandbox backend"),
    (["--code", "{derive}", "--function", "nope"], "no top-level 'def nope"),
])
def test_bad_arguments_get_a_json_answer(derive: Path, args: list[str], expect: str) -> None:
    answer, code = in_process("exec", *[a.replace("{derive}", str(derive)) for a in args])
    assert answer["ok"] is False and code == 1
    assert expect in answer["error"]


def test_e2b_without_a_key_is_a_clear_error(derive: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("E2B_")}
    answer, code, _ = rote_sandbox("exec", "--code", str(derive), "--function", "derive", "--backend", "e2b",
                                   "--kwargs", '{"full_name": "A B"}', env=env)
    assert answer["ok"] is False and code == 1
    assert "E2B_API_KEY" in answer["error"]


def test_info_reports_the_isolation() -> None:
    report, code, _ = rote_sandbox("info")
    assert code == 0
    assert report["backend"] == "LocalBackend"
    assert set(report["isolation"]) >= {"network", "pid", "filesystem", "user", "limits"}
