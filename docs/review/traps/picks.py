"""Traps for pick (the field of the one list item whose other field equals a value)."""

from __future__ import annotations

import random
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from evals.workflows.base import Run, tool

CI_TOOLS = [tool("get_pipeline", "A pipeline", mr="integer"),
            tool("get_log", "A job's log", job_id="integer"),
            tool("retry", "Retry a job", job_id="integer")]
JOBS = ("lint", "unit", "build", "e2e")


def _jobs(rng: random.Random, failed: set[int], names: tuple[str, ...] = JOBS, **extra: Any) -> list[dict[str, Any]]:
    return [{"id": rng.randint(100000, 999999), "name": n, "status": "failed" if i in failed else "success",
             **{k: f(rng, i) for k, f in extra.items()}}
            for i, n in enumerate(names)]


def shared_key_in_test() -> Trap:
    """Training: exactly one failed job. Test: 40% two failed; the agent reads the FIRST failed."""
    def mk(two_rate: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            mr = rng.randint(1000, 60000)
            failed = set(rng.sample(range(4), 2 if rng.random() < two_rate else 1))
            jobs = _jobs(rng, failed)
            run.system("Read the first failed job's log.")
            run.user(f"Why did !{mr} fail?")
            run.call("get_pipeline", {"mr": mr}, {"mr": mr, "jobs": jobs})
            bad = next(j for j in jobs if j["status"] == "failed")
            run.call("get_log", {"job_id": bad["id"]}, {"tail": "assertion failed"})
            run.say(f"The {bad['name']} job failed: assertion failed.")
        return play
    return Trap("pick_shared_key_in_test", mk(0.4), CI_TOOLS, train_play=mk(0.0))


def owner_unfixed() -> Trap:
    """A later answer quotes a NOT fixed field of the picked item (its owner, random per run) and
    branches on another not fixed field (allow_failure)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mr = rng.randint(1000, 60000)
        failed = {rng.randrange(4)}
        jobs = _jobs(rng, failed, owner=lambda r, i: r.choice(["ana", "bo", "cy", "dee", "eli"]),
                     allow_failure=lambda r, i: r.random() < 0.5)
        run.system("Read the failed job's log; say whether it blocks the merge and who owns it.")
        run.user(f"Why did !{mr} fail?")
        run.call("get_pipeline", {"mr": mr}, {"mr": mr, "jobs": jobs})
        bad = next(j for j in jobs if j["status"] == "failed")
        run.call("get_log", {"job_id": bad["id"]}, {"tail": "assertion failed"})
        if bad["allow_failure"]:
            run.say(f"The {bad['name']} job failed but may fail; ask {bad['owner']} later.")
        else:
            run.say(f"The {bad['name']} job failed and blocks the merge; ask {bad['owner']}.")
    return Trap("pick_owner_unfixed", play, CI_TOOLS)


def shuffled_e2e_retry() -> Trap:
    """Job order shuffled per run (names vary per position); a failed e2e job is retried, others'
    logs read. The decision depends on the picked item's name."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mr = rng.randint(1000, 60000)
        names = list(JOBS)
        rng.shuffle(names)
        jobs = _jobs(rng, {rng.randrange(4)}, tuple(names))
        run.system("Read the failed job's log; retry a failed e2e job (it is flaky).")
        run.user(f"Why did !{mr} fail?")
        run.call("get_pipeline", {"mr": mr}, {"mr": mr, "jobs": jobs})
        bad = next(j for j in jobs if j["status"] == "failed")
        if bad["name"] == "e2e":
            run.call("retry", {"job_id": bad["id"]}, {"queued": True})
            run.say("The e2e job is flaky; I retried it.")
        else:
            run.call("get_log", {"job_id": bad["id"]}, {"tail": f"{bad['name']}: assertion failed"})
            run.say(f"{bad['name']} failed: assertion failed.")
    return Trap("pick_shuffled_e2e_retry", play, CI_TOOLS)


def fixed_position_retry() -> Trap:
    """As picked_failed_job, but the flaky job is decided by a fixed per-position field (flaky: true)
    and the e2e job is in position 1, not last. Third status 'canceled' sometimes in test."""
    def mk(cancel_rate: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            mr = rng.randint(1000, 60000)
            f = rng.randrange(4)
            jobs = [{"id": rng.randint(100000, 999999), "name": n, "flaky": n == "e2e",
                     "status": "failed" if i == f else "success"} for i, n in enumerate(("lint", "e2e", "unit", "build"))]
            if rng.random() < cancel_rate:
                other = rng.choice([i for i in range(4) if i != f])
                jobs[other]["status"] = "canceled"
            run.system("Read the failed job's log; retry flaky jobs; if any job was canceled, rerun the pipeline.")
            run.user(f"Why did !{mr} fail?")
            run.call("get_pipeline", {"mr": mr}, {"mr": mr, "jobs": jobs})
            bad = next(j for j in jobs if j["status"] == "failed")
            if any(j["status"] == "canceled" for j in jobs):
                run.say(f"A job was canceled in !{mr}; please rerun the pipeline.")
            elif bad["flaky"]:
                run.call("retry", {"job_id": bad["id"]}, {"queued": True})
                run.say(f"The {bad['name']} job is flaky; I retried it.")
            else:
                run.call("get_log", {"job_id": bad["id"]}, {"tail": "assertion failed"})
                run.say(f"The {bad['name']} job failed: assertion failed.")
        return play
    return Trap("pick_canceled_in_test", mk(0.4), CI_TOOLS, train_play=mk(0.0))


TICKET_TOOLS = [tool("list_tickets", "Tickets", project="string"), tool("assign", "Notify", user="string", ticket="string")]


def by_var_shadow() -> Trap:
    """Pick by a variable: the user names a ticket; notify its owner. The list also has 'current'
    which equals the named ticket in training (coincidence), not in test."""
    def mk(same: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            ids = [f"T-{rng.randint(100, 999)}" for _ in range(3)]
            while len(set(ids)) < 3:
                ids = [f"T-{rng.randint(100, 999)}" for _ in range(3)]
            owners = [rng.choice(["ana", "bo", "cy", "dee", "eli", "fay"]) for _ in ids]
            k = rng.randrange(3)
            cur = ids[k] if same else rng.choice(ids)
            run.system("Notify the owner of the ticket the user names.")
            run.user(f"Ping the owner of {ids[k]}.")
            run.call("list_tickets", {"project": "core"}, {"current": cur, "tickets": [
                {"key": t, "owner": o} for t, o in zip(ids, owners, strict=True)]})
            run.call("assign", {"user": owners[k], "ticket": ids[k]}, {"ok": True})
            run.say(f"Pinged {owners[k]} about {ids[k]}.")
        return play
    return Trap("pick_by_var_shadow", mk(False), TICKET_TOOLS, train_play=mk(True))


def by_var_current() -> Trap:
    """The reverse: the agent notifies the owner of the CURRENT ticket; in training the user
    always names the current ticket; in test the user names another one."""
    def mk(same: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            ids = [f"T-{rng.randint(100, 999)}" for _ in range(3)]
            while len(set(ids)) < 3:
                ids = [f"T-{rng.randint(100, 999)}" for _ in range(3)]
            owners = [rng.choice(["ana", "bo", "cy", "dee", "eli", "fay"]) for _ in ids]
            c = rng.randrange(3)
            named = ids[c] if same else rng.choice(ids)
            run.system("Notify the owner of the current ticket.")
            run.user(f"I'm on {named}; ping whoever owns the current one.")
            run.call("list_tickets", {"project": "core"}, {"current": ids[c], "tickets": [
                {"key": t, "owner": o} for t, o in zip(ids, owners, strict=True)]})
            run.call("assign", {"user": owners[c], "ticket": ids[c]}, {"ok": True})
            run.say(f"Pinged {owners[c]} about {ids[c]}.")
        return play
    return Trap("pick_by_var_current", mk(False), TICKET_TOOLS, train_play=mk(True))


def case_keys() -> Trap:
    """Statuses 'failed'/'success'; in test some runs spell the failed one 'FAILED' and another
    job 'failed' too?? no: a job 'Failed' (capitalised) counts as failed too; one real failed."""
    def mk(test: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            mr = rng.randint(1000, 60000)
            order = rng.sample(range(4), 2)
            jobs = _jobs(rng, {order[0]})
            if test and rng.random() < 0.5:
                jobs[order[1]]["status"] = "Failed"
            run.system("Read the log of the earliest job that failed (any spelling).")
            run.user(f"Why did !{mr} fail?")
            run.call("get_pipeline", {"mr": mr}, {"mr": mr, "jobs": jobs})
            bad = next(j for j in jobs if j["status"].lower() == "failed")
            run.call("get_log", {"job_id": bad["id"]}, {"tail": "assertion failed"})
            run.say(f"The {bad['name']} job failed.")
        return play
    return Trap("pick_case_keys", mk(True), CI_TOOLS, train_play=mk(False))


def nested() -> Trap:
    """Two stages of two jobs each; exactly one failed job overall."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        mr = rng.randint(1000, 60000)
        f = rng.randrange(4)
        stages = [{"stage": s, "jobs": [{"id": rng.randint(100000, 999999), "name": n,
                                         "status": "failed" if 2 * si + ji == f else "success"}
                                        for ji, n in enumerate(ns)]}
                  for si, (s, ns) in enumerate([("test", ("lint", "unit")), ("deploy", ("build", "e2e"))])]
        run.system("Read the failed job's log.")
        run.user(f"Why did !{mr} fail?")
        run.call("get_pipeline", {"mr": mr}, {"mr": mr, "stages": stages})
        bad = next(j for s in stages for j in s["jobs"] if j["status"] == "failed")
        run.call("get_log", {"job_id": bad["id"]}, {"tail": "assertion failed"})
        run.say(f"The {bad['name']} job failed.")
    return Trap("pick_nested", play, CI_TOOLS)


def second_condition() -> Trap:
    """Two failed jobs always; the agent reads the log of the failed one that is NOT allowed to
    fail (exactly one such). In training the allowed-to-fail failed job is always 'success'? No:
    training: exactly one failed (blocking). Test: plus one failed with allow_failure true, which
    comes first half the time -- the right log is the blocking one."""
    def mk(test: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            mr = rng.randint(1000, 60000)
            pos = rng.sample(range(4), 2)
            jobs = [{"id": rng.randint(100000, 999999), "name": n, "allow_failure": False, "status": "success"}
                    for n in JOBS]
            jobs[pos[0]]["status"] = "failed"
            if test and rng.random() < 0.5:
                jobs[pos[1]]["status"] = "failed"
                jobs[pos[1]]["allow_failure"] = True
            run.system("Read the log of the failed job that blocks the merge.")
            run.user(f"Why did !{mr} fail?")
            run.call("get_pipeline", {"mr": mr}, {"mr": mr, "jobs": jobs})
            bad = next(j for j in jobs if j["status"] == "failed" and not j["allow_failure"])
            run.call("get_log", {"job_id": bad["id"]}, {"tail": "assertion failed"})
            run.say(f"The {bad['name']} job failed.")
        return play
    return Trap("pick_second_condition", mk(True), CI_TOOLS, train_play=mk(False))


TRAPS = {"shared": shared_key_in_test, "owner": owner_unfixed, "shuffled": shuffled_e2e_retry,
         "canceled": fixed_position_retry, "shadow": by_var_shadow, "current": by_var_current,
         "case": case_keys, "nested": nested, "second": second_condition}

if __name__ == "__main__":
    main(TRAPS)
