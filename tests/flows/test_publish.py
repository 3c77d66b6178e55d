"""Publishing: rollback byte for byte, a killed publish leaves the previous version current,
fsspec destinations, and ``rote publish``'s command line. No Prefect needed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from induction.publish import CURRENT_FILE, MANIFEST_FILE, TMP_MARK, TREE_FILE, Publisher
from rote.cli import app
from rote.errors import PublishError

runner = CliRunner()

# The child publishes through the publish task's function, and stops (to be killed) just
# before the rename that would complete the write of ``target``: the new bytes are on disk
# under a temporary name, which is the moment a crash is most likely to leave a torn state.
CHILD = textwrap.dedent("""
    import os, sys, time
    from flows.tasks import publish
    target, ready, url = sys.argv[1], sys.argv[2], sys.argv[3]
    real_replace = os.replace
    def replace(src, dst, *a, **k):
        if os.path.basename(str(dst)) == target:
            open(ready, "w").close()
            time.sleep(60)
        return real_replace(src, dst, *a, **k)
    os.replace = replace
    publish.fn(url, b'{"tree": "v2", "pad": "' + b"x" * 100000 + b'"}', {"records": 2})
""")


@pytest.mark.parametrize("target", [TREE_FILE, MANIFEST_FILE, CURRENT_FILE])
def test_a_killed_publish_leaves_the_previous_version_current_and_intact(tmp_path: Path, target: str) -> None:
    url = str(tmp_path / "published")
    pub = Publisher(url)
    v1 = pub.publish(b'{"tree": "v1"}', stats={"records": 1})
    ready = tmp_path / "ready"
    child = subprocess.Popen([sys.executable, "-c", CHILD, target, str(ready), url],
                             env={**os.environ, "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL"})
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert child.poll() is None, "the publishing child exited before the kill point"
            assert time.monotonic() < deadline, "the publishing child never reached the kill point"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    after = Publisher(url)
    assert after.current() == v1.version
    assert after.read_tree() == b'{"tree": "v1"}'
    complete = [m.version for m in after.versions()]
    assert complete[0] == v1.version
    assert len(complete) == (2 if target == CURRENT_FILE else 1)  # a torn version is never listed
    # The next publish sweeps what the killed one left: its half-written file, a version with
    # no manifest; a complete version that never became current is listed, not removed.
    leftovers = sorted(p.name for p in Path(url).rglob(f"*{TMP_MARK}*"))
    assert len(leftovers) == 1
    swept = after.sweep(grace_seconds=0)
    assert [n.rsplit("/", 1)[-1] for n in swept.removed_tmp] == leftovers
    assert not list(Path(url).rglob(f"*{TMP_MARK}*"))
    if target == CURRENT_FILE:
        assert swept.removed_incomplete == [] and swept.never_current == [complete[1]]
        listed = runner.invoke(app, ["publish", "--list", "--json", "--publish-url", url])
        assert json.loads(listed.stdout)["never_current"] == [complete[1]]
    else:
        assert len(swept.removed_incomplete) == 1 and swept.never_current == []
        assert [p.name for p in (Path(url) / "versions").iterdir()] == [v1.version]
    v3 = after.publish(b'{"tree": "v3"}')  # and the next publish works as usual
    assert after.current() == v3.version and v3.parent == v1.version
    assert after.sweep(grace_seconds=0).never_current == swept.never_current  # v1 and v3 were served


def test_rollback_restores_the_previous_tree_byte_for_byte(home: Path) -> None:
    pub = Publisher(home / "published")
    trees = [b'{"tree": 1}', b'{"tree": 2, "more": [1, 2, 3]}', b'{"tree": 3}']
    versions = [pub.publish(t).version for t in trees]
    r = runner.invoke(app, ["publish", "--rollback"])
    assert r.exit_code == 0, r.output
    assert pub.current() == versions[1] and pub.read_tree() == trees[1]
    r = runner.invoke(app, ["publish", "--rollback", versions[0], "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["current"] == versions[0]
    assert pub.read_tree() == trees[0]
    r = runner.invoke(app, ["publish", "--list", "--json"])
    listed = json.loads(r.stdout)
    assert listed["current"] == versions[0] and [m["version"] for m in listed["versions"]] == versions
    r = runner.invoke(app, ["publish", "--list"])
    assert r.exit_code == 0 and versions[2] in r.stdout
    r = runner.invoke(app, ["publish"])
    assert r.exit_code == 0 and f"current version {versions[0]}" in r.stdout


def test_publish_cli_user_errors_are_one_line(home: Path) -> None:
    r = runner.invoke(app, ["publish", "--rollback"])
    assert r.exit_code == 2 and "error:" in r.output and "nothing to roll back" in r.output
    assert "Traceback" not in r.output
    Publisher(home / "published").publish(b"{}")
    r = runner.invoke(app, ["publish", "--rollback"])
    assert r.exit_code == 2 and "has no parent to roll back to" in r.output
    r = runner.invoke(app, ["publish", "--rollback", "no-such-version"])
    assert r.exit_code == 2 and "no published version 'no-such-version'" in r.output
    r = runner.invoke(app, ["publish", "v1"])
    assert r.exit_code == 2 and "only taken with --rollback" in r.output


def test_a_publish_destination_that_cannot_work_is_one_line(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    registry = importlib.import_module("fsspec.registry")  # the package attribute is a read-only view
    r = runner.invoke(app, ["induce", "--publish-url", "memory://trees"])
    assert r.exit_code == 2 and "cannot publish to memory://trees: in-memory storage" in r.output
    assert len(r.output.strip().splitlines()) == 1
    # As if s3fs were not installed: fsspec's own registry says which package provides s3://.
    monkeypatch.setitem(registry.known_implementations, "s3",
                        {"class": "no_such_module.S3FileSystem", "err": "Install s3fs to access S3"})
    monkeypatch.delitem(registry._registry, "s3", raising=False)
    r = runner.invoke(app, ["induce", "--publish-url", "s3://bucket/trees"])
    assert r.exit_code == 2 and r.output.strip() == "error: s3:// needs s3fs: pip install s3fs"
    r = runner.invoke(app, ["publish", "--list", "--publish-url", "memory://x"])
    assert r.exit_code == 2 and "in-memory storage" in r.output


def test_fsspec_memory_destination_publishes_and_rolls_back() -> None:
    url = "memory://rote-publish-test/trees"
    pub = Publisher(url)
    v1 = pub.publish(b"one")
    pub.publish(b"two")
    assert pub.read_tree() == b"two"
    assert pub.rollback().version == v1.version and pub.read_tree() == b"one"
    assert Publisher(url).current() == v1.version  # a second reader (a proxy replica) sees the same
    with pytest.raises(PublishError, match="no published version"):
        pub.rollback("nope")


def test_an_old_torn_version_is_swept_in_one_pass_though_removing_its_file_touches_it(tmp_path: Path) -> None:
    # Removing the half-written file inside a version directory sets the directory's mtime to
    # now; its age is taken before, so the torn version goes in the same sweep (it waited for
    # the next one, and under load a grace of 0 missed it: CI saw the killed-publish test fail).
    url = str(tmp_path / "published")
    pub = Publisher(url)
    v1 = pub.publish(b'{"tree": "v1"}')
    torn = Path(url) / "versions" / "20260101T000000Z-torn"
    torn.mkdir(parents=True)
    half = torn / f"{TREE_FILE}{TMP_MARK}1-2"
    half.write_bytes(b'{"tree": "v2"')
    past = time.time() - 3600
    os.utime(half, (past, past))
    os.utime(torn, (past, past))
    report = pub.sweep(grace_seconds=600)
    assert report.removed_tmp == [f"versions/{torn.name}/{half.name}"]
    assert report.removed_incomplete == [torn.name]
    assert pub.current() == v1.version and not torn.exists()
