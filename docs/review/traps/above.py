"""Traps for the deciding value read above (a thin-air piece pinned to a variable above)."""

from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from evals.workflows.base import Run, tool

PAGE_TOOLS = [tool("get_alert", "An alert", alert_id="string"),
              tool("page", "Page a team", team="string", summary="string")]


def joint() -> Trap:
    """The team depends on service AND env; dev is rare (one cell differs per service)."""
    table = {"checkout": {"prod": "payments", "staging": "payments", "dev": "qa"},
             "search": {"prod": "discovery", "staging": "discovery", "dev": "qa"},
             "auth": {"prod": "identity", "staging": "identity", "dev": "platform"}}

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        service = rng.choice(list(table))
        env = "dev" if rng.random() < 0.15 else rng.choice(["prod", "staging"])
        aid = f"al-{rng.randint(10000, 99999)}"
        alert = rng.choice(["HighErrorRate", "LatencyBreach", "QueueBacklog"])
        run.system("You triage alerts: page the team that owns the service in that env.")
        run.user(f"Alert {alert} ({aid}) fired for {service} in {env}.")
        run.call("get_alert", {"alert_id": aid}, {"id": aid, "source": "prometheus", "latency_ms": rng.randint(5, 900)})
        team = table[service][env]
        run.call("page", {"team": team, "summary": f"{alert} on {service}"}, {"ok": True})
        run.say(f"Paged {team}.")
    return Trap("above_joint_service_env", play, PAGE_TOOLS)


def joint_xor() -> Trap:
    """team = table[service][region], no structure: every cell may differ."""
    table = {"checkout": {"eu": "payments", "us": "atlas"},
             "search": {"eu": "discovery", "us": "payments"},
             "auth": {"eu": "identity", "us": "identity"}}

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        service = rng.choice(list(table))
        region = rng.choice(["eu", "us"])
        aid = f"al-{rng.randint(10000, 99999)}"
        alert = rng.choice(["HighErrorRate", "LatencyBreach", "QueueBacklog"])
        run.system("You triage alerts: page the team that owns the service in that region.")
        run.user(f"Alert {alert} ({aid}) fired for {service} in {region}.")
        run.call("get_alert", {"alert_id": aid}, {"id": aid, "source": "prometheus", "severity": "page"})
        team = table[service][region]
        run.call("page", {"team": team, "summary": f"{alert} on {service}"}, {"ok": True})
        run.say(f"Paged {team}.")
    return Trap("above_joint_xor", play, PAGE_TOOLS)


def chance() -> Trap:
    """The team follows from the service read in the tool result (many services, 2 teams by
    prefix); region and tier above may line up with the team by chance."""
    services = ["pay-api", "pay-web", "pay-cron", "pay-ledger", "pay-fx", "find-api", "find-web", "find-index",
                "find-crawl", "find-rank"]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        region = rng.choice(["eu", "us"])
        tier = rng.choice(["gold", "silver"])
        aid = f"al-{rng.randint(10000, 99999)}"
        service = rng.choice(services)
        team = "payments" if service.startswith("pay") else "discovery"
        run.system("You triage alerts: page the team that owns the alert's service.")
        run.user(f"Alert {aid} fired in {region} for a {tier} customer.")
        run.call("get_alert", {"alert_id": aid}, {"id": aid, "service": service, "severity": "page"})
        run.call("page", {"team": team, "summary": f"{aid} on {service}"}, {"ok": True})
        run.say(f"Paged {team}.")
    return Trap("above_chance", play, PAGE_TOOLS)


def chance_hidden() -> Trap:
    """As chance, but the service is only in the user's first message, while the page happens
    after a second user turn: the service var is above as well (control: it should be chosen or
    tie)."""
    services = ["pay-api", "pay-web", "pay-cron", "find-api", "find-web", "find-index"]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        region = rng.choice(["eu", "us"])
        aid = f"al-{rng.randint(10000, 99999)}"
        service = rng.choice(services)
        team = "payments" if service.startswith("pay") else "discovery"
        run.system("You triage alerts: page the team that owns the alert's service.")
        run.user(f"Alert {aid} fired in {region} on {service}.")
        run.call("get_alert", {"alert_id": aid}, {"id": aid, "severity": "page", "region": region})
        run.call("page", {"team": team, "summary": f"{aid} in {region}"}, {"ok": True})
        run.say(f"Paged {team}.")
    return Trap("above_chance_prefix", play, PAGE_TOOLS)


TRAPS = {"joint": joint, "xor": joint_xor, "chance": chance, "prefix": chance_hidden}

if __name__ == "__main__":
    main(TRAPS)
