"""Review 12 traps, round 6: JSON floats with many digits taken for ids (no range check)."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _fraud(name: str, decimals: int, train_hi: float, test_hi: float = 0.999, as_string: bool = False) -> Trap:
    """Payments: get_risk -> {"score": x} (a model's probability with DECIMALS digits); block the
    payment when score >= 0.9. Training scores under train_hi; test up to test_hi."""
    tools = [etool("get_risk", "Fraud score", payment_id="string"), etool("block", "Block payment", payment_id="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            pid = f"pay_{rng.randint(10**7, 10**8)}"
            x = round(rng.uniform(0.01, hi), decimals)
            run.system("You are the payments risk assistant. Block a payment when its fraud score is 0.9 or more.")
            run.user(f"Check payment {pid}")
            run.call("get_risk", {"payment_id": pid}, {"payment_id": pid, "score": f"{x}" if as_string else x})
            if x >= 0.9:
                run.call("block", {"payment_id": pid}, {"ok": True})
                run.say(f"Blocked {pid}: high fraud risk.")
            else:
                run.say(f"{pid} looks fine.")
        return play
    return Trap(name, mk(test_hi), tools, train_play=mk(train_hi))


def fraud_2dp() -> Trap:
    """2 decimals; training under 0.85."""
    return _fraud("fraud_2dp", 2, 0.85)


def fraud_4dp() -> Trap:
    """4 decimals; training under 0.85."""
    return _fraud("fraud_4dp", 4, 0.85)


def fraud_6dp() -> Trap:
    """6 decimals; training under 0.85."""
    return _fraud("fraud_6dp", 6, 0.85)


def fraud_8dp() -> Trap:
    """8 decimals; training under 0.85."""
    return _fraud("fraud_8dp", 8, 0.85)


def fraud_16dp() -> Trap:
    """Full double precision (json of a numpy float: 0.8734521098712345); training under 0.85."""
    return _fraud("fraud_16dp", 17, 0.85)


def fraud_6dp_mix() -> Trap:
    """6 decimals; train == test (scores 0.01-0.999, ~10% blocked)."""
    return _fraud("fraud_6dp_mix", 6, 0.999)


def fraud_6dp_string() -> Trap:
    """6 decimals as a JSON string; training under 0.85."""
    return _fraud("fraud_6dp_string", 6, 0.85, as_string=True)


def latency_seconds() -> Trap:
    """APM tool {"p99_seconds": 0.23412} (5-6 significant digits); page when p99 >= 1.0 s.
    Training 0.05-0.8 only."""
    tools = [etool("get_latency", "Latency", service="string"), etool("page", "Page", service="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.choice(["api", "auth", "search", "billing"])
            x = round(rng.uniform(0.05, hi), 6)
            run.system("You are the SRE bot. Page the on-call when a service's p99 latency is 1 second or more.")
            run.user(f"How is {s} latency?")
            run.call("get_latency", {"service": s}, {"service": s, "p99_seconds": x})
            if x >= 1.0:
                run.call("page", {"service": s}, {"ok": True})
                run.say(f"{s} p99 is {x:.2f}s; paged on-call.")
            else:
                run.say(f"{s} latency is fine.")
        return play
    return Trap("latency_seconds", mk(3.0), tools, train_play=mk(0.8))


def log_float_duration() -> Trap:
    """Log line 'GC pause 0.023412 secs' (E_GC) vs long pauses >= 1 s (E_GC_LONG). Training short only."""
    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            x = round(rng.uniform(0.001, hi), 6)
            run.system("You label JVM log lines with their event id")
            run.user(f"[GC (Allocation Failure) {rng.randint(100000, 900000)}K->{rng.randint(10000, 90000)}K, {x} secs]")
            run.say("E_GC_LONG" if x >= 1.0 else "E_GC")
        return play
    return Trap("log_float_duration", mk(3.0), [], train_play=mk(0.5))


TRAPS = {f.__name__: f for f in [
    fraud_2dp, fraud_4dp, fraud_6dp, fraud_8dp, fraud_16dp, fraud_6dp_mix, fraud_6dp_string, latency_seconds,
    log_float_duration]}

if __name__ == "__main__":
    main(TRAPS)
