from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import orjson
from typer.testing import CliRunner

from rote.cli import app
from tests.conftest import chat_record

runner = CliRunner()


def hello(name: str) -> dict:
    return chat_record([{"role": "system", "content": "You greet people politely."},
                        {"role": "user", "content": f"Say hello to {name}."}], f"Hello, {name}!", rid=name)


def write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    return path


def test_ingest_twice_then_stats_unchanged(home: Path, tmp_path: Path) -> None:
    f = write(tmp_path / "train.jsonl", [orjson.dumps(hello(n)) for n in ("Erik", "Maria", "Kwame")])
    r1 = runner.invoke(app, ["ingest", str(f)])
    assert r1.exit_code == 0, r1.output
    s1 = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert runner.invoke(app, ["ingest", str(f)]).exit_code == 0
    s2 = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert s1 == s2
    assert (s1["records"], s1["runs"], s1["nodes"]) == (3, 3, 7)


def test_bad_lines_reported_with_numbers_and_exit_code(home: Path, tmp_path: Path) -> None:
    f = write(tmp_path / "mixed.jsonl", [orjson.dumps(hello("Erik")), b"garbage", orjson.dumps(hello("Ada"))])
    r = runner.invoke(app, ["ingest", str(f)])
    assert r.exit_code == 1
    assert "line 2" in r.output and "2 added" in r.output
    assert json.loads(runner.invoke(app, ["stats", "--json"]).stdout)["records"] == 2


def test_missing_file_is_a_clear_error(home: Path) -> None:
    r = runner.invoke(app, ["ingest", "/nonexistent/file.jsonl"])
    assert r.exit_code == 2
    assert "error" in r.output and "No such file" in r.output


def test_tree_prints_roles_texts_and_counts(home: Path, tmp_path: Path) -> None:
    f = write(tmp_path / "t.jsonl", [orjson.dumps(hello(n)) for n in ("Erik", "Maria")])
    runner.invoke(app, ["ingest", str(f)])
    r = runner.invoke(app, ["tree"])
    assert r.exit_code == 0
    assert "You greet people politely." in r.stdout and "Say hello to Maria." in r.stdout
    assert "2 rec" in r.stdout and "answered 1x" in r.stdout


def test_every_command_has_help() -> None:
    r = runner.invoke(app, ["--help"])
    assert r.exit_code == 0
    for cmd in ("ingest", "stats", "tree"):
        assert cmd in r.stdout
        assert runner.invoke(app, [cmd, "--help"]).exit_code == 0


def test_installed_entry_point_reads_stdin(home: Path) -> None:
    rote = Path(sys.executable).parent / "rote"
    p = subprocess.run([str(rote), "ingest", "-"], input=orjson.dumps(hello("Zed")) + b"\n",
                       capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr
    out = subprocess.run([str(rote), "stats", "--json"], capture_output=True, timeout=120)
    assert json.loads(out.stdout)["records"] == 1
