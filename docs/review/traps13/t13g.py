"""Review 13 traps, round 7: numbers in a row (ranges.vector) whose order between places decides, beside
the same numbers in separate slots (order_pairs keeps their order)."""
from __future__ import annotations

import random
from collections.abc import Callable

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _score(name: str, fmt: Callable[[int, int], str]) -> Trap:
    """The user reports a final score; the home side won in every training run (home > away); test: any.
    A home win: call award_points; else a reply."""
    tools = [etool("award_points", "Award", team="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            while True:
                h, a = rng.randint(0, 6), rng.randint(0, 6)
                if h != a and (not training or h > a):
                    break
            run.system("You are the fantasy-league assistant. When the home side wins, award the home team its points.")
            run.user(fmt(h, a))
            if h > a:
                run.call("award_points", {"team": "home"}, {"ok": True})
                run.say("Home win: points awarded.")
            else:
                run.say("Away win: no points for the home side.")
        return play
    return Trap(name, mk(False), tools, train_play=mk(True))


def score_row_order() -> Trap:
    return _score("score_row_order", lambda h, a: f"Final score (home away): {h} {a}")


def score_labelled_order() -> Trap:
    """Control: 'home 3, away 1' (two slots: order_pairs)."""
    return _score("score_labelled_order", lambda h, a: f"Final score: home {h}, away {a}")


def _bp(name: str, fmt: Callable[[int, int], str]) -> Trap:
    """Readings 'systolic diastolic'; pulse pressure (sys - dia) 60+ -> a note to the doctor. Training 25-55."""
    tools = [etool("notify_doctor", "Notify", patient="string")]

    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            d = rng.randint(60, 95)
            s = d + rng.randint(25, 55 if training else 80)
            run.system("You are the blood pressure diary. A pulse pressure (systolic minus diastolic) of 60 or more "
                       "goes to the doctor.")
            run.user(fmt(s, d))
            if s - d >= 60:
                run.call("notify_doctor", {"patient": "me"}, {"ok": True})
                run.say("Logged; your pulse pressure is wide, I've let your doctor know.")
            else:
                run.say("Logged.")
        return play
    return Trap(name, mk(False), tools, train_play=mk(True))


def bp_gap_row() -> Trap:
    return _bp("bp_gap_row", lambda s, d: f"My reading: {s} {d}")


def bp_gap_slash() -> Trap:
    return _bp("bp_gap_slash", lambda s, d: f"My reading: {s}/{d}")


def bp_gap_labelled() -> Trap:
    return _bp("bp_gap_labelled", lambda s, d: f"My reading: systolic {s}, diastolic {d}")


TRAPS = {f.__name__: f for f in [score_row_order, score_labelled_order, bp_gap_row, bp_gap_slash, bp_gap_labelled]}

if __name__ == "__main__":
    main(TRAPS)
