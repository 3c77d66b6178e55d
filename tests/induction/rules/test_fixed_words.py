"""Golden pairs of ``induction.rules.fixed_words``: training scopes and the path's words in, the
values each variable may equal out; and a request's value against them."""

from typing import Any

import pytest

from evals.builders import stored
from evals.workflows import REGISTRY
from induction.induce import induce
from induction.pipeline import same_answer
from induction.rules.fixed_words import (
    PathWords,
    closer_fragment,
    equal_fixed,
    fixed_fragments,
    fixed_words,
    policy_of,
    words_of,
)
from induction.runtime.compiled import compile_tree
from induction.runtime.template import MessageTemplate, Slot, TextTemplate

PROMPT = frozenset({"land", "merge", "requests", "the", "legacy", "project", "is", "frozen", "never", "there"})

GOLDEN: list[tuple[tuple[list[dict[str, Any]], frozenset[str]], dict[str, tuple[str, ...]]]] = [
    (([{"project": "web", "mr": 12}, {"project": "billing", "mr": 34}], PROMPT), {"project": ()}),
    # A training value that was a fixed word may come again.
    (([{"project": "legacy"}, {"project": "web"}], PROMPT), {"project": ("legacy",)}),
    # Numbers, booleans and text without a letter are not checked.
    (([{"n": 3, "ok": True, "code": "4-2"}], PROMPT), {}),
    (([{"city": " Oslo "}], frozenset({"oslo"})), {"city": ("oslo",)}),
]


@pytest.mark.parametrize(("args", "expected"), GOLDEN)
def test_fixed_words(args: tuple[list[dict[str, Any]], frozenset[str]], expected: dict[str, tuple[str, ...]]) -> None:
    assert fixed_words(*args) == expected


EQUAL = [
    (({"project": ()}, {"project": "legacy"}), ("project", "legacy")),
    (({"project": ()}, {"project": "LEGACY "}), ("project", "LEGACY ")),
    (({"project": ("legacy",)}, {"project": "legacy"}), None),  # seen so in training
    (({"project": ()}, {"project": "search"}), None),
    (({"project": ()}, {}), None),
]


@pytest.mark.parametrize(("args", "expected"), EQUAL)
def test_equal_fixed(args: tuple[dict[str, tuple[str, ...]], dict[str, Any]], expected: Any) -> None:
    assert equal_fixed(*args, PROMPT) == expected


def test_words_of_a_template_are_its_literal_text() -> None:
    t = MessageTemplate(role="user", content=TextTemplate(parts=("Can you land !", Slot(var="mr"), " in ",
                                                                  Slot(var="project"), "?")))
    assert words_of(t) == {"land"}  # "can", "you", "in": function words


def test_a_project_the_system_prompt_names_is_not_served_the_others_answer() -> None:
    # Two runs merged in billing and web; "legacy", which the prompt says is frozen, was served
    # the merge (adversarial frozen_project at 2 and 3 runs on three seed pairs).
    wf = REGISTRY["frozen_project"]
    runs = [run for run in wf.runs(203, 40) if "legacy" not in run[0]["request"]["messages"][1]["content"]][:2]
    tree = compile_tree(induce(stored([r for run in runs for r in run])).nodes)
    served = 0
    for run in wf.runs(204, 40):
        hit = tree.explain(run[0]["request"]).hit
        if hit is not None:
            served += 1
            assert same_answer(hit.response["choices"][0]["message"], run[0]["response"]["choices"][0]["message"])
    assert served >= 20


# A value of one token counts its all-letter parts: the prompt's word inside an address or a name.
SENDERS = frozenset({"never", "reply", "noreply", "mailer", "daemon", "automated", "senders", "close", "tickets"})
PARTS = [
    # Training senders held no word of the prompt; a noreply address holds one.
    (({"sender": ()}, {"sender": "noreply@shop.example"}), ("sender", "noreply@shop.example")),
    (({"sender": ()}, {"sender": "no-reply@shop.example"}), ("sender", "no-reply@shop.example")),  # "reply"
    (({"sender": ()}, {"sender": "MAILER-DAEMON@mx.example"}), ("sender", "MAILER-DAEMON@mx.example")),
    (({"sender": ()}, {"sender": "ann.lee@shop.example"}), None),
    # A part seen in training may come again; several words stay one value (no parts).
    (({"sender": ("reply",)}, {"sender": "reply-desk@shop.example"}), None),
    (({"sender": ()}, {"sender": "please reply soon"}), None),
]


@pytest.mark.parametrize(("args", "expected"), PARTS)
def test_parts_of_a_one_token_value(args: tuple[dict[str, tuple[str, ...]], dict[str, Any]], expected: Any) -> None:
    assert equal_fixed(*args, SENDERS) == expected


def test_training_values_parts_are_what_may_come_again() -> None:
    scopes = [{"sender": "reply-desk@shop.example"}, {"sender": "ann@shop.example"}]
    assert fixed_words(scopes, SENDERS) == {"sender": ("reply",)}


FRAGMENTS = [
    # Hosts of several 10.x subnets shared "10" with the prompt's PCI subnet; one in 10.50 shares more.
    (([{"host": "10.12.0.9"}, {"host": "10.7.1.1"}, {"host": "10.5.3.3"}], "10.50.7.7"), ("host", "10.50.0.0/16")),
    (([{"host": "10.12.0.9"}, {"host": "10.7.1.1"}, {"host": "10.5.3.3"}], "10.5.7.7"), None),
    # A MAC with the vendor prefix the prompt names, where training MACs only shared "00".
    (([{"mac": "00:1b:63:84:45:e6"}, {"mac": "3c:22:fb:01:02:03"}], "00:50:56:ab:cd:ef"), ("mac", "00:50:56")),
    # A network whose mask is not on an octet: inside it is all of it; case aside.
    (([{"host": "10.0.12.9"}, {"host": "10.0.100.1"}, {"host": "10.0.5.3"}], "10.0.200.7"), ("host", "10.0.128.0/17")),
    (([{"host": "10.0.12.9"}, {"host": "10.0.100.1"}, {"host": "10.0.5.3"}], "10.0.99.7"), None),
    (([{"mac": "00:1b:63:84:45:e6"}, {"mac": "3c:22:fb:01:02:03"}], "00:0c:29:ab:cd:ef"), ("mac", "00:0C:29")),
    # Numbers, dates and times are not checked (their ranges and orders are).
    (([{"n": "10.5"}, {"n": "10.7"}], "10.50"), None),
]


@pytest.mark.parametrize(("case", "expected"), FRAGMENTS)
def test_values_closer_to_a_fragment_the_text_names(case: tuple[list[dict[str, Any]], str], expected: Any) -> None:
    scopes, value = case
    fragments = ("00:0C:29", "00:50:56", "10.0.128.0/17", "10.50.0.0/16")
    seen = fixed_fragments(scopes, fragments)
    var = next(iter(scopes[0]))
    assert closer_fragment(seen, {var: value}, fragments) == expected


def test_fragments_of_a_template_are_kept_beside_its_words() -> None:
    t = MessageTemplate(role="system", content=TextTemplate(parts=(
        "Hosts in 10.50.0.0/16 are the PCI segment: never ssh there. Today is ", Slot(var="day"), ".")))
    words = words_of(t)
    assert {"hosts", "pci", "segment"} <= words and {"10.50.0.0/16", "pci", "segment", "seg"} <= policy_of(t)
    path = PathWords(()).below(words, policy_of(t))
    assert path.fragments == ("10.50.0.0/16",) and "pci" in path and path.stated("pci") and path.stated("host")
    # A tool result's literal text: its words, not its fragments, and no part of a value is
    # compared with them (a region frozen by chance in one template is no policy).
    result = MessageTemplate(role="tool", content=TextTemplate(parts=('{"region": "ap-south-1", "ip": "10.1.2.3"}',)))
    assert words_of(result) == {"region", "ap", "south", "ip"}
    assert policy_of(result) == frozenset()
    below = path.below(words_of(result), policy_of(result))
    assert below.fragments == ("10.50.0.0/16",) and "south" in below and not below.stated("south")


def test_an_account_the_prompt_names_is_a_fragment_of_digits() -> None:
    # Sandbox accounts 318467120xxx were assumed in training; the production account the prompt
    # names is a value no training account came near.
    prompt = MessageTemplate(role="system", content=TextTemplate(parts=(
        "Run jobs in the sandbox accounts. A job assuming a role in the production account 900000000001 must be "
        "blocked.",)))
    path = PathWords(()).below(words_of(prompt), policy_of(prompt))
    seen = fixed_fragments([{"account": "318467120114"}, {"account": 318467120342}], path.fragments)
    assert closer_fragment(seen, {"account": "900000000001"}, path.fragments) == ("account", "900000000001")
    assert closer_fragment(seen, {"account": "318467120999"}, path.fragments) is None
    # A count or a year is no fragment, nor a value checked against one.
    assert fixed_fragments([{"n": 3}, {"n": 2026}], path.fragments) == {}


def test_a_developer_message_states_a_policy_as_a_system_prompt_does() -> None:
    text = "Never reply to automated senders (noreply, mailer-daemon)."
    for role in ("system", "developer"):
        t = MessageTemplate(role=role, content=TextTemplate(parts=(text,)))
        path = PathWords(()).below(words_of(t), policy_of(t))
        assert equal_fixed({"sender": ()}, {"sender": "noreply@shop.example"}, path) == ("sender", "noreply@shop.example")


def test_a_fragment_inside_a_longer_value_is_near_it_too() -> None:
    seen = fixed_fragments([{"url": "https://10.12.0.9/x"}, {"url": "https://10.7.1.1/y"}], ("10.50.0.0/16",))
    assert closer_fragment(seen, {"url": " https://10.50.2.7/admin"}, ("10.50.0.0/16",)) == ("url", "10.50.0.0/16")
    assert closer_fragment(seen, {"url": "https://10.9.2.7/admin"}, ("10.50.0.0/16",)) is None


def test_a_tree_published_before_the_new_checks_still_loads() -> None:
    from induction.runtime.affixes import AffixCheck
    from induction.runtime.nodes import ResponseTemplate

    r = ResponseTemplate(message=MessageTemplate(role="assistant", content=TextTemplate(parts=("ok",))),
                         finish_reason="stop", fixed_words={"sender": ()}, affixes={"n": AffixCheck(digits=(6, 6))})
    old = r.model_dump()
    del old["fragments"]
    for check in old["affixes"].values():
        del check["magnitude"], check["negative"]
    loaded = ResponseTemplate.model_validate(old)
    assert loaded.fragments == {} and loaded.affixes["n"] == AffixCheck(digits=(6, 6))


# Prose words of a policy prompt count with their forms; a part glued to digits counts by its letters.
PROSE = [
    ("Contractors need their manager's sign-off first; grant employees directly.",
     "jane.roe@contractor.acme.com", "ann.lee@eng.acme.com"),
    ("Never post incident details in channels shared with external partners.", "ext-globex-alpha", "team-core-ops"),
    ("Never reboot a prod host yourself: page the SRE on call.", "prod9-db-03", "stg4-db-03"),
    ("Escalate refunds of batches to finance.", "batch-77@mail.example", "ann-77@mail.example"),
    # Irregular plurals (review 25's knives and batteries).
    ("Never ship knives by air.", "knife-chef-20", "pan-steel-20"),
    ("Batteries ship by ground only.", "battery-aa-4", "cable-usb-2"),
]


@pytest.mark.parametrize(("prompt", "singled", "other"), PROSE)
def test_a_prose_word_in_another_form_is_a_part_the_prompt_states(prompt: str, singled: str, other: str) -> None:
    t = MessageTemplate(role="system", content=TextTemplate(parts=(prompt,)))
    path = PathWords(()).below(words_of(t), policy_of(t))
    seen = fixed_words([{"v": other}], path)
    assert equal_fixed(seen, {"v": singled}, path) == ("v", singled)
    assert equal_fixed(seen, {"v": other}, path) is None


def test_hex_runs_and_long_prefixes_are_no_forms() -> None:
    t = MessageTemplate(role="system", content=TextTemplate(parts=("Check the account of the carrier.",)))
    path = PathWords(()).below(words_of(t), policy_of(t))
    # "acc" of a hex id, a surname that a prompt word starts with: not stated.
    assert fixed_words([{"v": "29779a93-acc366403"}, {"v": "carrie.hill@mail.example"}], path) == {"v": ()}
    assert path.stated("acc") and path.stated("carr") and not path.stated("carrie")
