"""Traps for closed-values grouping by continuation."""

from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from evals.workflows.base import Run, tool

DEPLOY_TOOLS = [tool("get_deploy", "A deploy", deploy_id="string"),
                tool("rollback", "Roll back a deploy", deploy_id="string"),
                tool("page", "Page a team", team="string", summary="string")]


def joint() -> Trap:
    """Statuses go on alike only for some env: failed|rolling_out in prod roll back, rolling_out in
    staging rolls back too, but failed in staging is ignored (said), succeeded says all good."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        did = f"d-{rng.randint(10000, 99999)}"
        status = rng.choice(["failed", "rolling_out", "succeeded"])
        env = rng.choice(["prod", "staging"])
        run.system("Watch deploys: roll back a failed or stuck deploy, but failed staging deploys are ignored.")
        run.user(f"Check deploy {did}.")
        run.call("get_deploy", {"deploy_id": did}, {"id": did, "env": env, "status": status})
        if status == "succeeded":
            run.say(f"Deploy {did} is fine.")
        elif status == "failed" and env == "staging":
            run.say(f"Deploy {did} failed in staging; ignoring it.")
        else:
            run.call("rollback", {"deploy_id": did}, {"ok": True})
            run.say(f"Rolled back {did}.")
    return Trap("joint_status_env", play, DEPLOY_TOOLS)


def joint_train() -> Trap:
    """As joint, but training never shows failed+staging... no: training shows every combination
    except (failed, staging) is rare."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        did = f"d-{rng.randint(10000, 99999)}"
        status = rng.choice(["failed", "rolling_out", "succeeded"])
        env = rng.choice(["prod", "staging"])
        run.system("Watch deploys: roll back a failed or stuck deploy, but failed staging deploys are ignored.")
        run.user(f"Check deploy {did}.")
        run.call("get_deploy", {"deploy_id": did}, {"id": did, "env": env, "status": status})
        if status == "succeeded":
            run.say(f"Deploy {did} is fine.")
        elif status == "failed" and env == "staging":
            run.call("page", {"team": "qa", "summary": f"{did} failed in staging"}, {"ok": True})
            run.say(f"Paged qa about {did}.")
        else:
            run.call("rollback", {"deploy_id": did}, {"ok": True})
            run.say(f"Rolled back {did}.")
    return Trap("joint_status_env_call", play, DEPLOY_TOOLS)


def later() -> Trap:
    """failed and rolling_out both roll back next, but differ two steps later: a failed deploy
    also pages after the rollback; a rolling_out one just says."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        did = f"d-{rng.randint(10000, 99999)}"
        status = rng.choice(["failed", "rolling_out", "succeeded"])
        run.system("Watch deploys: roll back failed or stuck deploys; page sre after rolling back a failed one.")
        run.user(f"Check deploy {did}.")
        run.call("get_deploy", {"deploy_id": did}, {"id": did, "status": status})
        if status == "succeeded":
            run.say(f"Deploy {did} is fine.")
            return
        run.call("rollback", {"deploy_id": did}, {"ok": True, "rolled_back": did})
        if status == "failed":
            run.call("page", {"team": "sre", "summary": f"{did} rolled back"}, {"ok": True})
            run.say(f"Rolled back {did} and paged sre.")
        else:
            run.say(f"Rolled back {did}.")
    return Trap("later_divergence", play, DEPLOY_TOOLS)


def later_text() -> Trap:
    """Both roll back; the last answer's text differs by status (same skeleton key)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        did = f"d-{rng.randint(10000, 99999)}"
        status = rng.choice(["failed", "rolling_out", "succeeded", "stalled"])
        run.system("Watch deploys: roll back failed or stuck deploys.")
        run.user(f"Check deploy {did}.")
        run.call("get_deploy", {"deploy_id": did}, {"id": did, "status": status})
        if status == "succeeded":
            run.say(f"Deploy {did} is fine.")
            return
        run.call("rollback", {"deploy_id": did}, {"ok": True})
        run.say(f"Rolled back {did}: it " + ("failed." if status == "failed" else "was stuck."))
    return Trap("later_text", play, DEPLOY_TOOLS)


def third_in_test() -> Trap:
    """A third bad status ('stalled') seen only in test; it is ignored, not rolled back."""
    def tr(run: Run, fake: Faker, rng: random.Random) -> None:
        _play(run, rng, rng.choice(["failed", "rolling_out", "succeeded"]))

    def te(run: Run, fake: Faker, rng: random.Random) -> None:
        _play(run, rng, rng.choice(["failed", "rolling_out", "succeeded", "stalled", "canceled"]))

    def _play(run: Run, rng: random.Random, status: str) -> None:
        did = f"d-{rng.randint(10000, 99999)}"
        run.system("Watch deploys: roll back failed or stuck deploys.")
        run.user(f"Check deploy {did}.")
        run.call("get_deploy", {"deploy_id": did}, {"id": did, "status": status})
        if status in ("failed", "rolling_out"):
            run.call("rollback", {"deploy_id": did}, {"ok": True})
            run.say(f"Rolled back {did}.")
        else:
            run.say(f"Deploy {did} is {status}; nothing to do.")
    return Trap("third_status_in_test", te, DEPLOY_TOOLS, train_play=tr)


def two_statuses() -> Trap:
    """Two status fields (deploy status and health) jointly decide."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        did = f"d-{rng.randint(10000, 99999)}"
        status = rng.choice(["failed", "rolling_out", "succeeded"])
        health = rng.choice(["healthy", "degraded"])
        run.system("Watch deploys.")
        run.user(f"Check deploy {did}.")
        run.call("get_deploy", {"deploy_id": did}, {"id": did, "status": status, "health": health})
        if (status == "succeeded") == (health == "healthy"):
            run.say(f"Deploy {did} is fine.")
        else:
            run.call("rollback", {"deploy_id": did}, {"ok": True})
            run.say(f"Rolled back {did}.")
    return Trap("two_statuses_xor", play, DEPLOY_TOOLS)


TRAPS = {"joint": joint, "joint_call": joint_train, "later": later, "later_text": later_text,
         "third": third_in_test, "xor": two_statuses}

if __name__ == "__main__":
    main(TRAPS)
