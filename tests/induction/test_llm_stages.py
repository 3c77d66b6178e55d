"""The LLM stages with a scripted model: names, spans and derivations are checked, never trusted."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from induction.backends import make_stages
from induction.identifier import Gap, Skeleton
from induction.llm import LLMClient, LLMProviderError, ScriptedCompletion
from induction.llm_stages import (
    DERIVER_SYSTEM,
    JUDGE_SYSTEM,
    NAMER_SYSTEM,
    SPANS_SYSTEM,
    LLMDeriver,
    LLMNamer,
    LLMSpanIdentifier,
    LLMStructureJudge,
    mark_gap,
    to_snake,
)
from induction.runtime.bindings import check_derivation
from sandbox.local import LocalBackend

PEOPLE: list[Mapping[str, Any]] = [{"full_name": "Ada Lovelace", "city": "London"}, {"full_name": "Bo Diddley", "city": "Chicago"},
          {"full_name": "Kwame Nkrumah", "city": "Accra"}]
FIRST = ["Ada", "Bo", "Kwame"]


def script(*replies: str | BaseException) -> tuple[LLMClient, ScriptedCompletion]:
    fake = ScriptedCompletion(replies)
    # Output mode known and no provider retries: each scripted error reaches the stage as is.
    return LLMClient("scripted", completion=fake, mode="json_schema", provider_retries=0), fake


def derive_reply(source: str, derivable: bool = True) -> str:
    return json.dumps({"derivable": derivable, "source": source})


@pytest.fixture(scope="module")
def sandbox() -> Iterator[LocalBackend]:
    with LocalBackend() as sb:
        yield sb


# -- Namer ---------------------------------------------------------------------------------

GAP = Gap(0, ["Ada", "Bo"], "content", "Hello ")


def test_namer_asks_with_the_gap_marked_and_returns_the_name() -> None:
    client, fake = script('{"name": "first_name"}')
    namer = LLMNamer(client)
    assert namer.name(GAP, {"user_id"}, "Hello Ada, your order shipped.") == "first_name"
    system, user = fake.calls[0]["messages"]
    assert system == {"role": "system", "content": NAMER_SYSTEM}
    assert "Hello ⟦Ada⟧, your order shipped." in user["content"]
    assert '"Ada", "Bo"' in user["content"] and "user_id" in user["content"]
    assert namer.stats["llm_names"] == 1


@pytest.mark.parametrize(("reply", "taken", "expected"), [
    ("firstName", set(), "first_name"),
    ("First Name", set(), "first_name"),
    ("first_name", {"first_name"}, "first_name_2"),
])
def test_namer_normalises_and_avoids_taken_names(reply: str, taken: set[str], expected: str) -> None:
    client, _ = script(json.dumps({"name": reply}))
    assert LLMNamer(client).name(GAP, taken, "Hello Ada") == expected


@pytest.mark.parametrize("reply", ["class", "2nd_name", "naïve", "x" * 41, "", "name?"])
def test_namer_falls_back_to_the_heuristic_on_an_invalid_name(reply: str) -> None:
    client, _ = script(json.dumps({"name": reply}))
    namer = LLMNamer(client)
    gap = Gap(0, ["Ada", "Bo"], "content", "First name: ")
    assert namer.name(gap, set(), "First name: Ada") == "first_name"  # the heuristic's label
    assert namer.stats["llm_names_invalid"] == 1


def test_namer_falls_back_when_the_model_keeps_answering_out_of_schema() -> None:
    client, fake = script("nope", "still nope", "{}")
    namer = LLMNamer(client)
    assert namer.name(Gap(0, ["a@x.io", "b@y.io"], "content", "mail "), set(), "mail a@x.io") == "email"
    assert len(fake.calls) == 3 and namer.stats["llm_namer_failures"] == 1


def test_namer_raises_on_a_configuration_error() -> None:
    client, _ = script(_provider_error("AuthenticationError"))
    with pytest.raises(LLMProviderError, match="auth"):
        LLMNamer(client).name(GAP, set(), "Hello Ada")


def _provider_error(name: str) -> BaseException:
    from induction.llm import load_litellm

    exc: BaseException = getattr(load_litellm(), name)(message="no key", llm_provider="openai", model="m")
    return exc


def test_mark_gap_prefers_the_occurrence_after_the_label() -> None:
    gap = Gap(0, [3, 5], "content", "repeat ")
    marked = mark_gap("3 cats: repeat 3 times", gap)
    assert marked == ("3 cats: repeat ⟦3⟧ times", 15)
    assert mark_gap("nothing here", gap) is None
    assert to_snake("orderID") == "order_id" and to_snake("due-date") == "due_date"


def test_a_provider_failing_again_and_again_is_raised_not_swallowed() -> None:
    client, fake = script(*[_provider_error("ServiceUnavailableError") for _ in range(4)])
    namer = LLMNamer(client)
    assert namer.name(GAP, set(), "Hello Ada") == "name"  # transient: the heuristic names it
    assert namer.name(GAP, set(), "Hello Ada") == "name"
    with pytest.raises(LLMProviderError, match="server"):
        namer.name(GAP, set(), "Hello Ada")
    assert namer.stats["llm_namer_failures"] == 2 and len(fake.calls) == 3


# -- SpanIdentifier -------------------------------------------------------------------------

MESSAGE = "Today is 2025-09-30. Find the 3rd script in /source and save it to 09/output_3.txt."


def test_hallucinated_spans_are_rejected_and_offsets_are_computed() -> None:
    client, fake = script(json.dumps({"spans": [
        {"text": "2025-09-30", "occurrence": 1, "kind": "date"},
        {"text": "09/output_3.txt", "occurrence": 1, "kind": "path"},
        {"text": "2025-10-01", "occurrence": 1, "kind": "date"},        # not in the message
        {"text": "/home/ada", "occurrence": 1, "kind": "path"},          # not in the message
        {"text": "3", "occurrence": 7, "kind": "number"},               # there is no 7th "3"
    ]}))
    ident = LLMSpanIdentifier(client)
    spans = ident.spans(MESSAGE, ['{"path": "09/output_3.txt"}'], {})
    assert [(MESSAGE[a:b], k) for a, b, k in spans] == [("2025-09-30", "date"), ("09/output_3.txt", "path")]
    assert ident.stats["llm_spans_rejected"] == 3 and ident.stats["llm_spans"] == 2
    system, user = fake.calls[0]["messages"]
    assert system["content"] == SPANS_SYSTEM
    assert MESSAGE in user["content"] and "09/output_3.txt" in user["content"]


def test_occurrence_picks_which_copy_is_meant() -> None:
    client, _ = script(json.dumps({"spans": [{"text": "3", "occurrence": 2, "kind": "number"}]}))
    text = "Take 3 steps, then 3 more."
    ((a, b, kind),) = LLMSpanIdentifier(client).spans(text, [], {})
    assert (a, b, kind) == (19, 20, "number") and text[a:b] == "3"


def test_declared_values_are_spans_whatever_the_model_says() -> None:
    client, _ = script('{"spans": [{"text": "Erik", "occurrence": 1, "kind": "name"}]}')
    text = "Say hello to Erik from Oslo."
    spans = LLMSpanIdentifier(client).spans(text, [], {"city": "Oslo", "who": "Erik"})
    assert [(text[a:b], k) for a, b, k in spans] == [("Erik", "declared:who"), ("Oslo", "declared:city")]


def test_a_transient_failure_leaves_the_declared_spans() -> None:
    client, _ = script(_provider_error("RateLimitError"))
    ident = LLMSpanIdentifier(client)
    assert ident.spans("Hi Erik", [], {"name": "Erik"}) == [(3, 7, "declared:name")]
    assert ident.stats["llm_spans_failures"] == 1


# -- Deriver --------------------------------------------------------------------------------

GOOD = "def derive(full_name):\n    return full_name.split()[0]\n"


def test_a_correct_function_is_verified_in_the_sandbox(sandbox: LocalBackend) -> None:
    client, fake = script(derive_reply(GOOD))
    deriver = LLMDeriver(client, sandbox)
    before = sandbox.processes_started
    d = deriver.derive(FIRST, PEOPLE)
    assert d is not None
    assert (d.var, d.args, d.python, d.function, d.expr) == ("", ("full_name",), GOOD, "derive", None)
    check_derivation(d.model_copy(update={"var": "first_name"}))  # the runtime accepts it
    assert sandbox.processes_started > before  # it really ran in the sandbox
    assert deriver.stats["llm_derivations_verified"] == 1
    system, user = fake.calls[0]["messages"]
    assert system["content"] == DERIVER_SYSTEM
    assert "full_name (str), city (str)" in user["content"]
    assert '{"full_name": "Ada Lovelace", "city": "London"} -> "Ada" (str)' in user["content"]


def test_a_wrong_function_is_rejected_and_reasked_once_with_the_failures(sandbox: LocalBackend) -> None:
    wrong = "def derive(full_name):\n    return full_name.split()[-1]\n"
    client, fake = script(derive_reply(wrong), derive_reply(wrong))
    deriver = LLMDeriver(client, sandbox)
    assert deriver.derive(FIRST, PEOPLE) is None
    assert len(fake.calls) == 2
    retry = fake.calls[1]["messages"][1]["content"]
    assert retry.startswith(fake.calls[0]["messages"][1]["content"])  # data first, feedback appended
    assert wrong.strip() in retry and "expected 'Ada' (str), got 'Lovelace' (str)" in retry
    assert deriver.stats["llm_derivations_rejected_mismatch"] == 2


def test_the_reask_can_fix_it(sandbox: LocalBackend) -> None:
    wrong = "def derive(full_name):\n    return full_name.lower().split()[0]\n"
    client, _ = script(derive_reply(wrong), derive_reply(GOOD))
    deriver = LLMDeriver(client, sandbox)
    d = deriver.derive(FIRST, PEOPLE)
    assert d is not None and d.python == GOOD
    assert deriver.stats["llm_derivations_rejected"] == 1 and deriver.stats["llm_derivations_verified"] == 1


def test_hostile_code_is_refused_by_the_policy_before_any_sandbox_runs(sandbox: LocalBackend) -> None:
    hostile = "import os\ndef derive(full_name):\n    return os.popen('id').read()\n"
    client, _ = script(derive_reply(hostile), derive_reply(hostile))
    deriver = LLMDeriver(client, sandbox)
    before = sandbox.processes_started
    assert deriver.derive(FIRST, PEOPLE) is None
    assert sandbox.processes_started == before
    assert deriver.stats["llm_derivations_rejected_policy"] == 2


@pytest.mark.parametrize(("source", "kind"), [
    ("def derive(full_name):\n    return {'Ada Lovelace': 'Ada', 'Bo Diddley': 'Bo', 'Kwame Nkrumah': 'Kwame'}"
     "[full_name]\n", "hard_coded"),
    ("def derive(name):\n    return name.split()[0]\n", "signature"),
    ("def derive(*args):\n    return args[0]\n", "signature"),
    ("def first(full_name):\n    return full_name.split()[0]\n", "signature"),
    ("def derive(full_name):\n    return full_name.split(\n", "syntax"),
    ("import unicodedata\ndef derive(full_name):\n    return unicodedata.normalize('NFC', full_name).split()[0]\n",
     "policy"),  # the sandbox allows unicodedata, the proxy's runtime does not
    ("import re\ndef derive(full_name):\n    return re.search(r'^\\w+(?= )', full_name).group(0)\n",
     "runtime"),  # lookahead: Python's re in the sandbox, RE2 in the runtime
])
def test_each_check_rejects(source: str, kind: str, sandbox: LocalBackend) -> None:
    client, _ = script(derive_reply(source), derive_reply(source))
    deriver = LLMDeriver(client, sandbox)
    assert deriver.derive(FIRST, PEOPLE) is None
    assert deriver.stats[f"llm_derivations_rejected_{kind}"] == 2, dict(deriver.stats)


def test_the_type_must_match(sandbox: LocalBackend) -> None:
    as_text = "def derive(qty):\n    return str(qty * 2)\n"
    client, _ = script(derive_reply(as_text), derive_reply(as_text))
    scopes: list[Mapping[str, Any]] = [{"qty": 2}, {"qty": 5}]
    assert LLMDeriver(client, sandbox).derive([4, 10], scopes) is None


def test_not_derivable_costs_no_sandbox(sandbox: LocalBackend) -> None:
    client, fake = script(derive_reply("", derivable=False))
    deriver = LLMDeriver(client, sandbox)
    before = sandbox.processes_started
    assert deriver.derive(["MA", "IL", "GH"], PEOPLE) is None
    assert sandbox.processes_started == before and len(fake.calls) == 1
    assert deriver.stats["llm_derivations_underivable"] == 1


def test_the_same_question_is_asked_once(sandbox: LocalBackend) -> None:
    client, fake = script(derive_reply(GOOD))
    deriver = LLMDeriver(client, sandbox)
    assert deriver.derive(FIRST, PEOPLE) == deriver.derive(FIRST, PEOPLE)
    assert len(fake.calls) == 1


def test_one_example_is_not_enough_by_default() -> None:
    client, fake = script()
    assert LLMDeriver(client).derive(["Ada"], PEOPLE[:1]) is None
    assert not fake.calls


def test_an_out_of_schema_model_means_no_derivation() -> None:
    client, _ = script("x", "y", "z")
    deriver = LLMDeriver(client)
    assert deriver.derive(FIRST, PEOPLE) is None
    assert deriver.stats["llm_deriver_failures"] == 1


LIVE = pytest.mark.skipif(not (os.environ.get("ROTE_LIVE_LLM") == "1" and os.environ.get("ROTE_LLM_MODEL")),
                          reason="live model: set ROTE_LIVE_LLM=1 and ROTE_LLM_MODEL (and ROTE_LLM_API_BASE)")


@pytest.mark.live_llm
@LIVE
def test_live_model_derives_a_first_name(sandbox: LocalBackend) -> None:
    client = LLMClient(os.environ["ROTE_LLM_MODEL"], api_base=os.environ.get("ROTE_LLM_API_BASE") or None)
    deriver = LLMDeriver(client, sandbox)
    values: list[Any] = [*FIRST, "Grace"]
    d = deriver.derive(values, [*PEOPLE, {"full_name": "Grace Hopper", "city": "New York"}])
    assert d is not None and d.python and d.args == ("full_name",), dict(deriver.stats)
    assert client.usage.calls >= 1 and client.usage.prompt_tokens > 0


# -- StructureJudge -------------------------------------------------------------------------

PARITY = Skeleton("user", None, ["Is ", 0, " even? Ask ", 1, "."], [],
                  [Gap(0, [7, 12, 9], "content", "Is "), Gap(1, ["Ada", "Bo", "Kwame"], "content", " Ask ")])


def test_judge_asks_with_the_gaps_marked_and_keeps_only_gaps_it_was_asked_about() -> None:
    client, fake = script(json.dumps({"deciding": [{"gap": "g1", "why": "parity decides yes/no"},
                                                  {"gap": "g7", "why": "made up"}]}))
    judge = LLMStructureJudge(client)
    verdict = judge.deciding(PARITY, PARITY.gaps, ["No", "Yes", None])
    assert verdict == {0: "parity decides yes/no"}
    assert judge.stats["llm_judge_rejected"] == 1 and judge.stats["llm_judge_deciding"] == 1
    system, user = fake.calls[0]["messages"]
    assert system["content"] == JUDGE_SYSTEM  # fixed instructions first: provider prompt caching
    assert "Is ⟦g1⟧ even? Ask ⟦g2⟧." in user["content"]
    assert '1. g1 = 7; g2 = "Ada"\n   answer: <<<No>>>' in user["content"]
    assert "Kwame" not in user["content"]  # a run without an answer is not shown
    # The same question is asked once.
    assert judge.deciding(PARITY, PARITY.gaps, ["No", "Yes", None]) == verdict and len(fake.calls) == 1


def test_judge_without_an_opinion_adds_nothing() -> None:
    client, fake = script("not json", "still not", "{}")
    judge = LLMStructureJudge(client)
    assert judge.deciding(PARITY, PARITY.gaps, ["No", "Yes", "No"]) == {}
    assert judge.stats["llm_judge_failures"] == 1 and len(fake.calls) == 3  # re-asked, then given up
    assert judge.deciding(PARITY, PARITY.gaps, [None, None, None]) == {} and len(fake.calls) == 3


@pytest.mark.live_llm
@LIVE
def test_live_model_judges_parity_but_not_a_copied_name() -> None:
    client = LLMClient(os.environ["ROTE_LLM_MODEL"], api_base=os.environ.get("ROTE_LLM_API_BASE") or None)
    judge = LLMStructureJudge(client)
    assert 0 in judge.deciding(PARITY, PARITY.gaps[:1], ["No", "Yes", "No"]), dict(judge.stats)
    hello = Skeleton("user", None, ["Say hello to ", 0, "."], [], [Gap(0, ["Ada", "Bo", "Kwame"], "content", "to ")])
    assert judge.deciding(hello, hello.gaps, ["Hello, Ada!", "Hello, Bo!", "Hello, Kwame!"]) == {}, dict(judge.stats)


# -- no record values in names (issue 17) -------------------------------------------------------

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "fixtures" / "train.jsonl"
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unquote(text: str) -> str:
    try:
        return str(json.loads(f'"{text}"'))
    except ValueError:  # a value cut short by the prompt's clipping
        return text


class _ValueNamingModel:
    """A scripted model that names every gap after its first value (as the small model did:
    ``susan``, ``buffalo``, ``b553399``) and otherwise has no opinion. Records the values shown."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def __call__(self, **kwargs: Any) -> dict[str, Any]:
        system, user = kwargs["messages"][0]["content"], kwargs["messages"][1]["content"]
        if system.startswith(NAMER_SYSTEM):
            line = next(x for x in user.splitlines() if x.startswith("Values in different runs: "))
            shown = [_unquote(m) for m in _JSON_STRING.findall(line)] or [line.split(": ", 1)[1]]
            self.values.update(shown)
            text = json.dumps({"name": to_snake(shown[0]) or "x"})
        elif system.startswith(SPANS_SYSTEM):
            text = '{"spans": []}'
        elif system.startswith(JUDGE_SYSTEM):
            text = '{"deciding": []}'
        else:
            text = '{"derivable": false, "source": ""}'
        return {"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": 10, "completion_tokens": 5}}


def _names(data: bytes) -> set[str]:
    """Every variable name in an artifact or a text: slots, ``$v`` leaves, derivations."""
    text = data.decode()
    return set(re.findall(r'"(?:var|\$v)":\s*"([^"]+)"', text)) | set(re.findall(r"\{\{(\w+)\}\}", text))


def test_no_training_value_appears_in_published_or_explained_names(tmp_path: Path) -> None:
    from induction.config import InductionConfig
    from induction.explain import describe
    from induction.ingest import ingest_stream
    from induction.namer import leaks_value
    from induction.pipeline import run_induction
    from induction.store import Store

    model = _ValueNamingModel()
    config = InductionConfig(backend="hybrid", llm_model="scripted")
    with Store.open(tmp_path / "s.duckdb") as store, make_stages(config, completion=model) as stages:
        with FIXTURES.open("rb") as f:
            ingest_stream(store, f)
        tree, result, report = run_induction(store, config, stages=stages)
        training = list(store.iter_records())
    assert model.values  # the model was asked
    published = _names(tree.to_bytes())
    explained = set().union(*(_names(describe(n, result.notes.get(n.id, [])).encode()) for n in result.nodes))
    assert published and explained
    # 1. None of the names the model made of values (susan, nicholas_clark, buffalo_2_2,
    #    b553399 in the issue) is in the artifact or in explain, suffixed or not.
    proposed = {to_snake(v) for v in model.values if len(to_snake(v)) >= 3}
    assert {n for n in published | explained if re.sub(r"(_\d+)+\Z", "", n) in proposed} == set()
    # 2. No variable's name holds a piece of a value it bound in a training call.
    bound: dict[str, set[str]] = {}
    for rec in training:
        hit = tree.lookup({**rec.params, "messages": rec.messages}, rec.namespace)
        for var, value in (hit.bindings if hit is not None else {}).items():
            bound.setdefault(var, set()).add(str(value))
    assert bound
    assert {var: sorted(vals)[:3] for var, vals in bound.items() if leaks_value(var, list(vals))} == {}
    assert report.counters["llm_names_leaking"] > 0  # and did try


@pytest.mark.parametrize(("proposed", "values"), [
    ("susan", ["Susan", "Bo"]), ("Nicholas Clark", ["Nicholas Clark", "Ann Lee"]),
    ("buffalo_2_2", ["Buffalo", "Austin"]), ("b553399", ["B553399", "C100200"]),
    ("name_of_susan", ["susan", "bob"]),
])
def test_a_name_holding_one_of_the_gaps_values_is_rejected(proposed: str, values: list[str]) -> None:
    client, _ = script(json.dumps({"name": proposed}))
    namer = LLMNamer(client)
    gap = Gap(0, values, "content", "Customer: ")
    assert namer.name(gap, set(), f"Customer: {values[0]}") == "customer"  # the heuristic's label
    assert namer.stats["llm_names_leaking"] == 1 and namer.stats["llm_names"] == 0


def test_a_short_value_or_a_name_without_values_is_kept() -> None:
    client, _ = script('{"name": "city"}', '{"name": "first_name"}')
    namer = LLMNamer(client)
    assert namer.name(Gap(0, ["Buffalo", "Austin"], "content", "To "), set(), "To Buffalo") == "city"
    assert namer.name(Gap(0, ["Jo", "Al"], "content", "Hi "), set(), "Hi Jo") == "first_name"  # 2 letters


# -- a judge that reports its own unfitness (issue 17) --------------------------------------------


class _JudgingModel(_ValueNamingModel):
    """Names gaps sensibly and, as the judge, calls every value it is shown deciding
    (``everything=True``, a model unfit for judging) or none."""

    def __init__(self, everything: bool) -> None:
        super().__init__()
        self.everything = everything

    def __call__(self, **kwargs: Any) -> dict[str, Any]:
        system, user = kwargs["messages"][0]["content"], kwargs["messages"][1]["content"]
        if system.startswith(JUDGE_SYSTEM):
            labels = sorted(set(re.findall(r"⟦(g\d+)⟧", user))) if self.everything else []
            text = json.dumps({"deciding": [{"gap": g, "why": "it might"} for g in labels]})
        elif system.startswith(NAMER_SYSTEM):
            text = '{"name": "item"}'
        else:
            return super().__call__(**kwargs)
        return {"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": 10, "completion_tokens": 5}}


def _induce_fixtures(tmp_path: Path, model: Any, **settings: Any) -> tuple[Any, Any, Any]:
    from induction.config import InductionConfig
    from induction.ingest import ingest_stream
    from induction.pipeline import run_induction
    from induction.store import Store

    config = InductionConfig(backend="hybrid", llm_model="scripted", **settings)
    with Store.open(tmp_path / f"s{id(model)}.duckdb") as store, make_stages(config, completion=model) as stages:
        with FIXTURES.open("rb") as f:
            ingest_stream(store, f)
        return run_induction(store, config, stages=stages)


def _live(result: Any) -> set[tuple[str, str]]:
    return {(n.id, n.model_dump_json()) for n in result.nodes if n.status == "live"}


def test_a_judge_calling_everything_deciding_is_reported_unfit_and_the_heuristics_decide(tmp_path: Path) -> None:
    _, quiet, quiet_report = _induce_fixtures(tmp_path, _JudgingModel(everything=False))
    assert quiet_report.counters["judge_splits"] == 0 and quiet_report.warnings == []

    _, _, kept_report = _induce_fixtures(tmp_path, _JudgingModel(everything=True), judge_fallback=False)
    c = kept_report.counters
    assert c["judge_asked"] >= 4 and c["judge_splits"] == c["judge_asked"]
    assert c["judge_unfit"] == 1 and c["judge_fallback"] == 0
    assert c["judge_live_cost"] == quiet_report.live - kept_report.live > 0  # what its splits cost
    assert "unfit for judging" in kept_report.warnings[0]

    _, fell_back, report = _induce_fixtures(tmp_path, _JudgingModel(everything=True))
    c = report.counters
    assert c["judge_unfit"] == 1 and c["judge_fallback"] == 1
    assert "heuristic decision is used instead" in report.warnings[0]
    # The heuristic decision: the same live templates as with a judge that splits nothing,
    # never more than the rules alone would serve.
    assert _live(fell_back) == _live(quiet)
    assert report.replay_hits == quiet_report.replay_hits


def test_a_judge_splitting_few_templates_is_kept(tmp_path: Path) -> None:
    from induction.config import InductionConfig
    from induction.pipeline import judge_fitness

    config = InductionConfig()
    assert judge_fitness(config, asked=10, splits=5) and not judge_fitness(config, asked=10, splits=6)
    _, _, report = _induce_fixtures(tmp_path, _JudgingModel(everything=True), judge_max_split_share=1.0)
    assert report.counters["judge_unfit"] == 0 and report.warnings == []
