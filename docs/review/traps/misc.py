"""Traps for the digit rule of title case and for measures leaving order pairs."""

from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from evals.workflows.base import Run, tool

HEX = "0123456789abcdef"


def _sha(rng: random.Random, digit_first: bool) -> str:
    first = rng.choice("0123456789") if digit_first else rng.choice(HEX)
    return first + "".join(rng.choice(HEX) for _ in range(9))


def capitalized_sha(natural: bool) -> Trap:
    """The answer starts a sentence with the commit id, capitalised (a model does that)."""
    def mk(digit_first: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            pr = rng.randint(100, 9999)
            sha = _sha(rng, digit_first)
            run.system("Find the commit that broke a PR's build.")
            run.user(f"What broke PR {pr}?")
            run.call("bisect", {"pr": pr}, {"pr": pr, "first_bad": sha, "steps": rng.randint(3, 9)})
            run.say(f"{sha.capitalize()} is the first bad commit.")
        return play
    return Trap("capitalized_sha_natural" if natural else "capitalized_sha_digit_first_training",
                mk(False), [tool("bisect", "Bisect", pr="integer")], train_play=None if natural else mk(True))


def incident_title() -> Trap:
    """Incident ids with digits, title-cased by the agent in a heading ("Inc-4821-Db")."""
    def mk(train: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            n = rng.randint(1000, 9999)
            suffix = str(rng.randint(10, 99)) if train else rng.choice(["db", "web", "42", "77"])
            iid = f"{n}-{suffix}"
            run.system("Summarise incidents; the heading is the incident id in title case.")
            run.user(f"Summarise incident {iid}.")
            run.call("get_incident", {"id": iid}, {"id": iid, "state": "resolved"})
            run.say(f"# {iid.title()}\nResolved.")
        return play
    return Trap("incident_title", mk(False), [tool("get_incident", "An incident", id="string")], train_play=mk(True))


def size_limit() -> Trap:
    """size_mb (a measure by its label) vs limit_mb (a quantity): upload when it fits, else refuse.
    Training: always fits. Test: half too big."""
    def mk(fits_only: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            name = f"{fake.word()}-{rng.randint(10, 99)}.zip"
            limit = rng.randint(500, 1000)
            size = rng.randint(100, limit) if (fits_only or rng.random() < 0.5) else rng.randint(limit + 1, 1400)
            run.system("Upload files that fit the user's quota.")
            run.user(f"Upload {name} please.")
            run.call("stat", {"name": name}, {"name": name, "size_mb": size, "limit_mb": limit})
            if size <= limit:
                run.call("upload", {"name": name}, {"ok": True})
                run.say(f"Uploaded {name}.")
            else:
                run.say(f"{name} is too big for your quota.")
        return play
    return Trap("size_vs_limit", mk(False), [tool("stat", "File size", name="string"),
                                             tool("upload", "Upload", name="string")], train_play=mk(True))


def latency_slo() -> Trap:
    """latency_ms (measure) vs slo_ms? 'slo_ms' ends in _ms: also a measure. Use budget_ms."""
    def mk(ok_only: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            svc = rng.choice(["checkout", "search", "auth", "billing"])
            budget = rng.randint(200, 600)
            lat = rng.randint(50, budget) if (ok_only or rng.random() < 0.5) else rng.randint(budget + 1, 900)
            run.system("Report whether a service is within its latency budget.")
            run.user(f"How is {svc} doing?")
            run.call("metrics", {"service": svc}, {"service": svc, "p99_latency_ms": lat, "budget": budget})
            if lat <= budget:
                run.say(f"{svc} is within its latency budget.")
            else:
                run.say(f"{svc} is over its latency budget.")
        return play
    return Trap("latency_vs_budget", mk(False), [tool("metrics", "Metrics", service="string")], train_play=mk(True))


TRAPS = {"sha_nat": lambda: capitalized_sha(True), "sha_digit": lambda: capitalized_sha(False),
         "title": incident_title, "size": size_limit, "latency": latency_slo}



def size_mixed(p_big: float = 0.2) -> Trap:
    """size_vs_limit with the same mix in training and test (20% too big)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        name = f"{fake.word()}-{rng.randint(10, 99)}.zip"
        limit = rng.randint(500, 1000)
        size = rng.randint(limit + 1, 1400) if rng.random() < p_big else rng.randint(100, limit)
        run.system("Upload files that fit the user's quota.")
        run.user(f"Upload {name} please.")
        run.call("stat", {"name": name}, {"name": name, "size_mb": size, "limit_mb": limit})
        if size <= limit:
            run.call("upload", {"name": name}, {"ok": True})
            run.say(f"Uploaded {name}.")
        else:
            run.say(f"{name} is too big for your quota.")
    return Trap("size_vs_limit_mixed", play, [tool("stat", "File size", name="string"),
                                              tool("upload", "Upload", name="string")])


TRAPS["size_mixed"] = size_mixed


if __name__ == "__main__":
    main(TRAPS)
