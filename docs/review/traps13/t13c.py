"""Review 13 traps, round 3: today's other changes: a number with a unit in several units
(ranges.measure), numbers in a row of different lengths (ranges.vector), a score of many decimals
outside a JSON field (JSON_FIELD), e-notation (ranges.SCIENTIFIC)."""
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _gate(name: str, system: str, user: Callable[[random.Random], str], tool: str,
          result: Callable[[random.Random, Any], Any], gen: Callable[[random.Random, bool], Any],
          bad: Callable[[Any], bool], act: str, ok_say: str, bad_say: str, same: bool) -> Trap:
    tools = [etool(tool, "Look up", key="string"), etool(act, "Act", key="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            key = user(rng)
            x = gen(rng, training)
            run.system(system)
            run.user(f"Check {key}")
            run.call(tool, {"key": key}, result(rng, x))
            if bad(x):
                run.call(act, {"key": key}, {"ok": True})
                run.say(bad_say)
            else:
                run.say(ok_say)
        return play
    return Trap(name, mk(False), tools, train_play=None if same else mk(True))


def _human_size(b: int) -> str:
    for unit, k in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if b >= k:
            return f"{b / k:.1f}{unit}"
    return f"{b}B"


def size_units_mixed() -> Trap:
    """{"name": f, "size": "850.0KB" | "12.4MB" | "1.1GB"} (a human-readable size, the unit changing);
    over 25 MB -> share link. Training: 100 KB-20 MB; test to 3 GB."""
    return _gate("size_units_mixed", "You are the email assistant. Attachments over 25 MB must be sent as a share link.",
                 lambda r: f"report-{r.randint(1, 99)}.pdf", "stat_file",
                 lambda r, x: {"name": "report.pdf", "size": _human_size(x)},
                 lambda r, tr: int(10 ** r.uniform(5, 7.3 if tr else 9.5)), lambda x: x > 25_000_000,
                 "create_share_link", "Attached the file.", "The file is too large; I've created a share link.", False)


def size_units_mixed_space() -> Trap:
    """As size_units_mixed with a space: "12.4 MB"."""
    return _gate("size_units_mixed_space", "You are the email assistant. Attachments over 25 MB must be sent as a share link.",
                 lambda r: f"report-{r.randint(1, 99)}.pdf", "stat_file",
                 lambda r, x: {"name": "report.pdf", "size": _human_size(x).replace("B", " B").replace("  ", " ")
                               .replace("K B", " KB").replace("M B", " MB").replace("G B", " GB")},
                 lambda r, tr: int(10 ** r.uniform(5, 7.3 if tr else 9.5)), lambda x: x > 25_000_000,
                 "create_share_link", "Attached the file.", "The file is too large; I've created a share link.", False)


def _temp_text(x: tuple[str, float]) -> str:
    unit, v = x
    return f"{v:.1f} °{unit}"


def temp_units_mixed() -> Trap:
    """A thermometer reading in °C or °F; fever from 38.0 °C / 100.4 °F -> call the nurse. Training:
    no fever (°C 35.5-37.9, °F 96.0-100.3); test: °C to 40.5, °F to 105."""
    def gen(r: random.Random, tr: bool) -> tuple[str, float]:
        if r.random() < 0.5:
            return "C", round(r.uniform(35.5, 37.9 if tr else 40.5), 1)
        return "F", round(r.uniform(96.0, 100.3 if tr else 105.0), 1)
    return _gate("temp_units_mixed", "You are the ward assistant. Call the nurse for a fever: 38.0 °C (100.4 °F) or more.",
                 lambda r: f"bed {r.randint(1, 40)}", "read_thermometer",
                 lambda r, x: {"reading": _temp_text(x)}, gen,
                 lambda x: x[1] >= (38.0 if x[0] == "C" else 100.4), "call_nurse",
                 "No fever.", "Fever: I've called the nurse.", False)


def temp_units_mixed_seen() -> Trap:
    """As temp_units_mixed, train == test (both units, both outcomes)."""
    def gen(r: random.Random, tr: bool) -> tuple[str, float]:
        if r.random() < 0.5:
            return "C", round(r.uniform(35.5, 40.5), 1)
        return "F", round(r.uniform(96.0, 105.0), 1)
    return _gate("temp_units_mixed_seen", "You are the ward assistant. Call the nurse for a fever: 38.0 °C (100.4 °F) or more.",
                 lambda r: f"bed {r.randint(1, 40)}", "read_thermometer",
                 lambda r, x: {"reading": _temp_text(x)}, gen,
                 lambda x: x[1] >= (38.0 if x[0] == "C" else 100.4), "call_nurse",
                 "No fever.", "Fever: I've called the nurse.", True)


def readings_varying_count() -> Trap:
    """The patient types today's glucose readings, 2-4 of them ("5.4 6.1 7.9"); any over 11.0 -> alert
    the care team. Training all under 10; test to 16."""
    tools = [etool("alert_care_team", "Alert", patient="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            n = rng.randint(2, 4)
            vals = [round(rng.uniform(4.0, 9.9 if training else 16.0), 1) for _ in range(n)]
            run.system("You are the diabetes coach. If any reading is over 11.0 mmol/L, alert the care team.")
            run.user("My readings today: " + " ".join(f"{v:.1f}" for v in vals))
            if max(vals) > 11.0:
                run.call("alert_care_team", {"patient": "me"}, {"ok": True})
                run.say("One reading is high; I've alerted your care team.")
            else:
                run.say("Your readings look fine.")
        return play
    return Trap("readings_varying_count", mk(False), tools, train_play=mk(True))


def readings_fixed_count() -> Trap:
    """Control: always 3 readings (today's vector_range): training under 10, test to 16."""
    tools = [etool("alert_care_team", "Alert", patient="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            vals = [round(rng.uniform(4.0, 9.9 if training else 16.0), 1) for _ in range(3)]
            run.system("You are the diabetes coach. If any reading is over 11.0 mmol/L, alert the care team.")
            run.user("My readings today: " + " ".join(f"{v:.1f}" for v in vals))
            if max(vals) > 11.0:
                run.call("alert_care_team", {"patient": "me"}, {"ok": True})
                run.say("One reading is high; I've alerted your care team.")
            else:
                run.say("Your readings look fine.")
        return play
    return Trap("readings_fixed_count", mk(False), tools, train_play=mk(True))


FRAUD_SYS = "You are the payments assistant. Hold payments with a fraud score of 0.85 or more."


def _fraud(name: str, fmt: Callable[[float], Any]) -> Trap:
    return _gate(name, FRAUD_SYS, lambda r: f"pay_{r.randint(100000, 999999)}", "score_payment",
                 lambda r, x: fmt(x), lambda r, tr: round(r.uniform(0.01, 0.70 if tr else 0.99), 4),
                 lambda x: x >= 0.85, "hold_payment", "Payment released.", "Payment held for review.", False)


def fraud_pydict() -> Trap:
    """The tool result as a Python dict's repr (a framework str()-ing the result): "{'fraud_score': 0.9731}"."""
    return _fraud("fraud_pydict", lambda x: "{'payment': 'ok', 'fraud_score': " + f"{x:.4f}" + "}")


def fraud_escaped_json() -> Trap:
    """JSON inside a JSON string (a webhook body): {"body": "{\\"fraud_score\\": 0.9731}"}."""
    return _fraud("fraud_escaped_json", lambda x: {"status": 200, "body": '{"fraud_score": ' + f"{x:.4f}" + "}"})


def fraud_yaml() -> Trap:
    """The tool prints YAML-like lines: "fraud_score: 0.9731"."""
    return _fraud("fraud_yaml", lambda x: f"payment: ok\nfraud_score: {x:.4f}\n")


def fraud_kv() -> Trap:
    """A CLI prints key=value: "risk=0.9731 decision=pending"."""
    return _fraud("fraud_kv", lambda x: f"risk={x:.4f} decision=pending")


def fraud_json_control() -> Trap:
    return _fraud("fraud_json_control", lambda x: {"payment": "ok", "fraud_score": round(x, 4)})


def pvalue_enote() -> Trap:
    """An A/B test result {"p_value": p}; ship when p < 0.01. JSON writes small floats in e-notation.
    Training p 0.02-0.9 (never shipped); test p 1e-6..0.9."""
    return _gate("pvalue_enote", "You are the experiments assistant. Ship the variant when p < 0.01.",
                 lambda r: f"exp-{r.randint(100, 999)}", "get_result",
                 lambda r, x: {"p_value": x, "lift": 0.02},
                 lambda r, tr: float(f"{10 ** r.uniform(-1.7 if tr else -6, -0.05):.3g}"), lambda x: x < 0.01,
                 "ship_variant", "Not significant yet.", "Significant: shipped the variant.", False)


def pvalue_enote_text() -> Trap:
    """As pvalue_enote, the result as text: "p = 2.9e-06, lift 2%" (Python's repr in e-notation below 1e-4)."""
    return _gate("pvalue_enote_text", "You are the experiments assistant. Ship the variant when p < 0.01.",
                 lambda r: f"exp-{r.randint(100, 999)}", "get_result",
                 lambda r, x: f"p = {x!r}, lift 2%",
                 lambda r, tr: float(f"{10 ** r.uniform(-5.5, -0.05):.2g}") if not tr or r.random() < 2 else 0.5,
                 lambda x: x < 0.01 and x > 0, "ship_variant", "Not significant yet.", "Significant: shipped the variant.", True)


TRAPS = {f.__name__: f for f in [
    size_units_mixed, size_units_mixed_space, temp_units_mixed, temp_units_mixed_seen, readings_varying_count,
    readings_fixed_count, fraud_pydict, fraud_escaped_json, fraud_yaml, fraud_kv, fraud_json_control,
    pvalue_enote, pvalue_enote_text]}

if __name__ == "__main__":
    main(TRAPS)
