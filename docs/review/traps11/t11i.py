"""Review 11 traps, round 9: list tails holding a deciding status or tag (train == test)."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def checks_tail_status() -> Trap:
    """CI checks list of 2-4 {name, status}; any failed -> 'Some checks failed.' (15% per check). Same mix."""
    tools = [etool("list_checks", "Checks of a PR", pr="integer")]
    names = ["lint", "build", "unit", "e2e", "docs", "types"]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        pr = rng.randint(1000, 9999)
        chk = [{"name": n, "status": "failed" if rng.random() < 0.15 else "success"}
               for n in rng.sample(names, rng.randint(2, 4))]
        run.system("You are the CI bot.")
        run.user(f"Is PR {pr} green?")
        run.call("list_checks", {"pr": pr}, {"pr": pr, "checks": chk})
        run.say("All checks passed." if all(c["status"] == "success" for c in chk) else "Some checks failed.")
    return Trap("checks_tail_status", play, tools)


def tags_tail_vip() -> Trap:
    """Customer tags list of 1-3 words; 'vip' anywhere -> priority queue (25%). Same mix."""
    tools = [etool("get_customer", "Customer", customer_id="string"), etool("queue", "Queue the ticket", queue="string")]
    tags = ["newsletter", "wholesale", "returning", "eu", "mobile", "beta"]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        cid = f"C{rng.randint(10000, 99999)}"
        t = rng.sample(tags, rng.randint(1, 3))
        vip = rng.random() < 0.25
        if vip:
            t.insert(rng.randrange(len(t) + 1), "vip")
        run.system("You are the support triage bot. VIP customers go to the priority queue.")
        run.user("My package is late")
        run.call("get_customer", {"customer_id": cid}, {"customer_id": cid, "tags": t})
        run.call("queue", {"queue": "priority" if vip else "standard"}, {"ok": True})
        run.say("Your ticket is queued.")
    return Trap("tags_tail_vip", play, tools)


TRAPS = {f.__name__: f for f in [checks_tail_status, tags_tail_vip]}

if __name__ == "__main__":
    main(TRAPS)
