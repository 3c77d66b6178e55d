"""The inspector over HTTP: keys, read-only and admin access, actions."""

from __future__ import annotations

import httpx
import pytest

from induction.publish import Publisher
from rote.config import Home
from tests.inspector.conftest import ADMIN_KEY, READ_KEY, Served


def test_nothing_without_a_key_when_proxy_keys_are_set(served: Served) -> None:
    for path in ("/ui/", "/ui/tree", "/ui/node/x", "/ui/misses", "/ui/misses/1", "/ui/why", "/ui/versions",
                 "/ui/feedback"):
        r = httpx.get(served.url + path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/ui/login"), path
    r = httpx.get(served.url + "/ui/tree", headers={"Rote-Proxy-Key": "wrong"}, follow_redirects=False)
    assert r.status_code == 303
    for path in ("/ui/versions/rollback", "/ui/feedback/enable", "/ui/why"):
        r = httpx.post(served.url + path, data={"version": "x", "node_id": "x"})
        assert r.status_code == 401 and "Log in" in r.text, path
    login = httpx.post(served.url + "/ui/login", data={"key": "guess"}, follow_redirects=False)
    assert login.status_code == 401 and "rote_ui" not in login.headers.get("set-cookie", "")


def test_a_read_key_looks_but_cannot_act(served: Served) -> None:
    login = httpx.post(served.url + "/ui/login?next=/ui/tree", data={"key": READ_KEY}, follow_redirects=False)
    assert login.status_code == 303 and login.headers["location"] == "/ui/tree"
    cookie = login.cookies["rote_ui"]
    assert READ_KEY not in cookie  # an HMAC of the key, not the key
    with httpx.Client(base_url=served.url, cookies={"rote_ui": cookie}) as c:
        overview = c.get("/ui/")
        assert overview.status_code == 200 and "read-only" in overview.text
        assert f"{served.hits} hits, {served.misses} misses" in overview.text
        before = Publisher(served.home.publish_dir).current()
        versions = Publisher(served.home.publish_dir).versions()
        r = c.post("/ui/versions/rollback", data={"version": versions[0].version})
        assert r.status_code == 403 and "admin key" in r.text
        assert Publisher(served.home.publish_dir).current() == before
        from proxy.feedback import disabled_path

        log = disabled_path(served.home.root / "proxy")
        before = log.read_bytes()
        r = c.post("/ui/feedback/enable", data={"node_id": served.disabled, "namespace": "default"})
        assert r.status_code == 403 and log.read_bytes() == before


def test_the_admin_key_rolls_back_and_back(served: Served) -> None:
    pub = Publisher(served.home.publish_dir)
    first, second = pub.versions()
    headers = {"Rote-Admin-Key": ADMIN_KEY}
    with httpx.Client(base_url=served.url, headers=headers) as c:
        diff = c.get("/ui/versions", params={"a": first.version, "b": second.version})
        assert "2 status changed" in diff.text and "staged → live" in diff.text
        r = c.post("/ui/versions/rollback", data={"version": first.version}, follow_redirects=False)
        assert r.status_code == 303 and pub.current() == first.version
        assert served.app.state.holder.version == first.version  # loaded at once, not at the next tick
        r = c.post("/ui/versions/rollback", data={"version": second.version}, follow_redirects=True)
        assert pub.current() == second.version and f"now serving {second.version}" in r.text


def test_a_big_tree_draws_its_top_levels(home: Home, monkeypatch: pytest.MonkeyPatch) -> None:
    from starlette.testclient import TestClient

    from inspector import web

    monkeypatch.setattr(web, "TREE_ROWS", 20)
    app = web.inspector_app(web.InspectorConfig(tree_url=str(home.publish_dir), state_dir=str(home.root / "proxy")))
    text = TestClient(app).get("/tree").text
    drawn = text.count('<a class="mono small" href="/node/')
    assert 0 < drawn <= 20 and "deeper template nodes are not drawn" in text
    assert "Say hello to" in TestClient(app).get("/tree", params={"q": "hello"}).text  # search still finds them
