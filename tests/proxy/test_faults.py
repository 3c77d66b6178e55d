"""Faults a client sees (issue 15): every bad input a clear 4xx in OpenAI's error shape, an
upstream answer that is not whole an ``upstream_incomplete`` error (and never a record),
client disconnects logged at info, ``/readyz``, and the per-request opt-outs of learning."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import openai
import orjson
import pytest

from rote.config import Home
from tests.proxy.conftest import ProxyFactory, hello, spool_lines
from tests.proxy.stub_upstream import StubUpstream
from tests.proxy.trees import hello_nodes, publish

CHAT = "/v1/chat/completions"


def user(text: str = "x", **extra: Any) -> dict[str, Any]:
    return {"model": "m", "messages": [{"role": "user", "content": text}], **extra}


def assert_openai_error(r: httpx.Response, status: int, param: str | None = None) -> dict[str, Any]:
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json") and r.headers["x-cache"] == "BYPASS"
    err: dict[str, Any] = r.json()["error"]
    assert isinstance(err["message"], str) and err["message"] and isinstance(err["type"], str)
    if param is not None:
        assert err["param"] == param, err
    return err


# Each of these was a 500 (unhashable type, or iterating an int) or, for the sampling
# parameters, served from the cache whatever they held.
BAD_BODIES = [
    ({"model": "m", "messages": [{"role": ["user"], "content": "x"}]}, "messages[0].role"),
    ({"model": "m", "messages": [{"role": {"name": "user"}, "content": "x"}]}, "messages[0].role"),
    ({"model": "m", "messages": [{"role": 3, "content": "x"}]}, "messages[0].role"),
    (user(modalities=5), "modalities"),
    (user(modalities="audio"), "modalities"),
    (user(modalities={"text": True}), "modalities"),
    (user(temperature="hot"), "temperature"),
    (user(temperature=True), "temperature"),
    (user(top_p=[1]), "top_p"),
    (user(seed=1.5), "seed"),
    (user(max_tokens="100"), "max_tokens"),
    (user(max_completion_tokens=10.5), "max_completion_tokens"),
    (user(logprobs="yes"), "logprobs"),
    (user(top_logprobs="3"), "top_logprobs"),
    (user(presence_penalty="high"), "presence_penalty"),
    (user(metadata=[1]), "metadata"),
    (user(user=42), "user"),
    (user(n=0), "n"),
]


def test_bad_bodies_are_400_not_500_nor_forwarded(make_proxy: ProxyFactory, stub: tuple[StubUpstream, str],
                                                  rote_home: Home) -> None:
    with make_proxy() as (url, _):
        for body, param in BAD_BODIES:
            assert_openai_error(httpx.post(url + CHAT, json=body), 400, param)
        # The openai SDK raises its own error on them.
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0)
        with pytest.raises(openai.BadRequestError, match="temperature"):
            c.chat.completions.create(model="m", messages=[{"role": "user", "content": "x"}],
                                      temperature="hot")  # type: ignore[arg-type]
        # Right types still pass, null included.
        ok = httpx.post(url + CHAT, json=user(temperature=0, top_p=0.5, seed=None, max_tokens=50, modalities=["text"]))
        assert ok.status_code == 200 and ok.headers["x-cache"] == "MISS"
    assert len(stub[0].requests) == 1
    assert len(spool_lines(rote_home)) == 1


def test_wrong_sampling_type_is_not_served_from_cache(make_proxy: ProxyFactory, hello_tree: str) -> None:
    with make_proxy() as (url, _):
        assert httpx.post(url + CHAT, json=hello("Zed", temperature=0.7)).headers["x-cache"] == "HIT"
        assert_openai_error(httpx.post(url + CHAT, json=hello("Zed", temperature="hot")), 400, "temperature")
        assert_openai_error(httpx.post(url + CHAT, json=hello("Zed", max_tokens="lots")), 400, "max_tokens")


def test_unknown_rote_cache_value_is_400_naming_the_allowed_ones(make_proxy: ProxyFactory, rote_home: Home,
                                                                 stub: tuple[StubUpstream, str]) -> None:
    with make_proxy() as (url, _):
        for value in ("no-stor", "no-store, nocache", "off"):
            err = assert_openai_error(httpx.post(url + CHAT, json=user(), headers={"rote-cache": value}), 400,
                                      "Rote-Cache")
            assert "no-cache" in err["message"] and "no-store" in err["message"], err
        # Known values, any case and spacing, still work.
        r = httpx.post(url + CHAT, json=user(), headers={"rote-cache": "No-Store ,no-cache"})
        assert r.status_code == 200 and r.headers["x-cache"] == "BYPASS"
    assert len(stub[0].requests) == 1  # the typos were not forwarded
    assert spool_lines(rote_home) == []  # ... nor recorded, and the no-store was not either


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods_on_the_chat_endpoint_are_405_json(make_proxy: ProxyFactory, method: str,
                                                        stub: tuple[StubUpstream, str]) -> None:
    with make_proxy() as (url, _):
        for path in (CHAT, "/chat/completions", "/v1/rote/feedback"):
            r = httpx.request(method, url + path)
            err = assert_openai_error(r, 405)
            assert err["code"] == "method_not_allowed" and r.headers["allow"] == "POST"
            assert method in err["message"] and "POST" in err["message"]
        r = httpx.post(url + "/readyz")
        assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
        assert 'rote_proxy_bad_requests_total{status="405"} 4.0' in httpx.get(url + "/metrics").text
    assert stub[0].requests == []  # not forwarded upstream


def test_openai_sdk_get_on_chat_is_a_clean_error(make_proxy: ProxyFactory) -> None:
    with make_proxy() as (url, _):
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0)
        with pytest.raises(openai.APIStatusError) as e:
            c.get("/chat/completions", cast_to=object)
        assert e.value.status_code == 405 and "not allowed" in str(e.value)


def test_stream_that_ends_without_finish_or_done_is_an_error_and_not_recorded(
        make_proxy: ProxyFactory, rote_home: Home) -> None:
    with make_proxy() as (url, _):
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0, _strict_response_validation=True)
        for model in ("incomplete", "no-finish"):
            got = []
            with pytest.raises(openai.APIError, match="before it was complete"):
                for chunk in c.chat.completions.create(model=model, stream=True,
                                                       messages=[{"role": "user", "content": "hello there"}]):
                    got.append(chunk)
            assert got, model  # what came was passed on as it came
            assert all(ch.choices[0].finish_reason is None for ch in got if ch.choices), model
        # On the wire: the error event, then the end (for no-finish, in place of the [DONE]).
        for model in ("incomplete", "no-finish"):
            raw = httpx.post(url + CHAT, json=user(model=model, stream=True))
            assert raw.status_code == 200 and raw.headers["x-cache"] == "MISS"
            last = raw.content.strip().split(b"\n\n")[-1]
            assert last.startswith(b"data: ") and orjson.loads(last[6:])["error"]["code"] == "upstream_incomplete"
            assert b"data: [DONE]" not in raw.content
        # A whole stream still goes through and is recorded.
        whole = list(c.chat.completions.create(model="m", stream=True, messages=[{"role": "user", "content": "ok"}]))
        assert whole[-1].choices[0].finish_reason == "stop"
        metrics = httpx.get(url + "/metrics").text
        assert 'rote_proxy_upstream_errors_total{kind="upstream_incomplete"} 4.0' in metrics
    assert [line["request"]["messages"][0]["content"] for line in spool_lines(rote_home)] == ["ok"]


def test_upstream_200_that_is_not_json_is_an_error_and_not_recorded(make_proxy: ProxyFactory,
                                                                   rote_home: Home) -> None:
    with make_proxy() as (url, _):
        for model in ("incomplete", "html"):
            r = httpx.post(url + CHAT, json=user(model=model))
            assert r.status_code == 502 and r.headers["x-cache"] == "MISS", r.text
            err = r.json()["error"]
            assert err["code"] == "upstream_incomplete" and err["type"] == "upstream_error"
        c = openai.OpenAI(base_url=url + "/v1", api_key="k", max_retries=0)
        with pytest.raises(openai.InternalServerError, match="upstream_incomplete"):
            c.chat.completions.create(model="html", messages=[{"role": "user", "content": "x"}])
        # The same with no-cache (BYPASS): the check is on every chat answer.
        r = httpx.post(url + CHAT, json=user(model="html"), headers={"rote-cache": "no-cache"})
        assert r.status_code == 502 and r.headers["x-cache"] == "BYPASS"
    assert spool_lines(rote_home) == []


@pytest.mark.parametrize("header", [("Butter-Disable-Induction", "true"), ("Rote-Induction", "off"),
                                    ("butter-disable-induction", "TRUE")])
def test_opt_out_headers_answer_but_never_record(make_proxy: ProxyFactory, hello_tree: str, rote_home: Home,
                                                 stub: tuple[StubUpstream, str], header: tuple[str, str]) -> None:
    opt_out = dict([header])
    with make_proxy() as (url, _):
        hit = httpx.post(url + CHAT, json=hello("Zed"), headers=opt_out)
        assert hit.headers["x-cache"] == "HIT" and hit.json()["choices"][0]["message"]["content"] == "Hello, Zed!"
        miss = httpx.post(url + CHAT, json=user("not in the tree"), headers=opt_out)
        assert miss.headers["x-cache"] == "MISS" and miss.json()["choices"][0]["message"]["content"]
        streamed = httpx.post(url + CHAT, json=user("streamed", stream=True), headers=opt_out)
        assert streamed.headers["x-cache"] == "MISS" and streamed.content.endswith(b"data: [DONE]\n\n")
        # The opposite values record as usual.
        keep = {"Butter-Disable-Induction": "false", "Rote-Induction": "on"}[header[0].title()]
        kept = httpx.post(url + CHAT, json=user("recorded"), headers={header[0]: keep})
        assert kept.headers["x-cache"] == "MISS"
    assert [line["request"]["messages"][0]["content"] for line in spool_lines(rote_home)] == ["recorded"]
    # Never forwarded upstream either.
    assert all(not k.startswith(("butter-", "rote-")) for _, headers, _ in stub[0].requests for k in headers)


def test_opt_out_header_with_an_unknown_value_is_400(make_proxy: ProxyFactory, rote_home: Home) -> None:
    with make_proxy() as (url, _):
        err = assert_openai_error(httpx.post(url + CHAT, json=user(), headers={"Butter-Disable-Induction": "yes"}),
                                  400, "Butter-Disable-Induction")
        assert "'true' or 'false'" in err["message"]
        assert_openai_error(httpx.post(url + CHAT, json=user(), headers={"Rote-Induction": "false"}), 400,
                            "Rote-Induction")
    assert spool_lines(rote_home) == []


def test_readyz(make_proxy: ProxyFactory, rote_home: Home, tmp_path: Path) -> None:
    # Nothing ever published at the home's default location: a recording proxy, ready as such.
    with make_proxy() as (url, _):
        r = httpx.get(url + "/readyz")
        assert r.status_code == 200 and r.json()["ready"] is True and r.json()["tree_version"] is None
    # A tree URL configured explicitly: 503 until a tree is loaded from it, healthz stays 200.
    trees = tmp_path / "trees"
    with make_proxy(tree=str(trees)) as (url, _):
        r = httpx.get(url + "/readyz")
        assert r.status_code == 503 and r.json()["ready"] is False and r.headers["x-cache"] == "BYPASS"
        assert "no tree loaded" in r.json()["reason"]
        assert httpx.get(url + "/healthz").status_code == 200
        version = publish(str(trees), hello_nodes())
        for _ in range(200):
            r = httpx.get(url + "/readyz")
            if r.status_code == 200:
                break
            time.sleep(0.02)
        assert r.status_code == 200 and r.json()["tree_version"] == version
    # A version published at the default location that does not load: not ready.
    broken = rote_home.publish_dir / "versions" / "v-broken"
    broken.mkdir(parents=True)
    (rote_home.publish_dir / "current").write_text("v-broken")
    with make_proxy() as (url, _):
        r = httpx.get(url + "/readyz")
        assert r.status_code == 503 and "v-broken" in r.json()["reason"]
        assert httpx.get(url + "/healthz").status_code == 200


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_client_disconnects_are_logged_at_info_without_traceback(tmp_path: Path,
                                                                 stub: tuple[StubUpstream, str]) -> None:
    """The real entry point (``rote serve``'s ``serve``), its JSON logs read from stderr."""
    home = Home(root=tmp_path / "home").ensure()
    publish(str(home.publish_dir), hello_nodes())
    port = _port()
    code = f"from proxy.cli import serve; serve(host='127.0.0.1', port={port}, upstream={stub[1]!r})"
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "ROTE_HOME": str(home.root)},
                            stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(url + "/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.05)

        def leave_mid_body(path: str) -> None:
            with socket.create_connection(("127.0.0.1", port)) as s:
                s.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n".encode() + b'{"mod')
                time.sleep(0.2)

        for path in (CHAT, "/v1/embeddings", "/v1/rote/feedback"):
            leave_mid_body(path)
        # A client that leaves while its stream is being relayed (the upstream drips for 5 s).
        with httpx.stream("POST", url + CHAT, json=user(model="drip", stream=True)) as r:
            next(r.iter_raw())
        assert httpx.post(url + CHAT, json=hello("Zed")).headers["x-cache"] == "HIT"  # still serving
        time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    logs = [orjson.loads(line) for line in err.decode().splitlines()]
    assert [entry for entry in logs if entry["level"] in ("error", "critical") or "exc" in entry] == []
    gone = [entry["where"] for entry in logs if entry["event"] == "client.disconnected"]
    assert gone == ["chat", "passthrough", "feedback", "stream"], gone
    assert all(entry["level"] == "info" for entry in logs if entry["event"] == "client.disconnected")
