"""Review 12 traps, round 7: a deciding number after a label rote reads as noise (latency, time,
index, size, pages, port, duration) in agent tool results, and 3-decimal quantities."""
from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _gate(name: str, system: str, user: Callable[[random.Random], str], tool: str,
          result: Callable[[random.Random, Any], dict[str, Any]], gen: Callable[[random.Random, bool], Any],
          bad: Callable[[Any], bool], act: str, ok_say: str, bad_say: str, same: bool) -> Trap:
    """A lookup whose result carries a number; when bad(x) the agent calls act, else says ok.
    gen(rng, training) draws the number."""
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


def svc(rng: random.Random) -> str:
    return rng.choice(["checkout", "search", "auth", "payments", "catalog"])


def latency_ms_unseen() -> Trap:
    """{"p95_latency_ms": x}; page when >= 1000. Training 40-900 only; test 40-3000."""
    return _gate("latency_ms_unseen", "You are the SRE bot. Page on-call when p95 latency is 1000 ms or more.", svc,
                 "get_metrics", lambda r, x: {"p95_latency_ms": x, "rps": r.randint(50, 900)},
                 lambda r, tr: r.randint(40, 900 if tr else 3000), lambda x: x >= 1000, "page",
                 "Latency is fine.", "Latency is high; paged on-call.", False)


def latency_ms_mix() -> Trap:
    """As latency_ms_unseen, train == test (40-3000, ~70% paged)."""
    return _gate("latency_ms_mix", "You are the SRE bot. Page on-call when p95 latency is 1000 ms or more.", svc,
                 "get_metrics", lambda r, x: {"p95_latency_ms": x, "rps": r.randint(50, 900)},
                 lambda r, tr: r.randint(40, 3000), lambda x: x >= 1000, "page",
                 "Latency is fine.", "Latency is high; paged on-call.", True)


def wait_time_unseen() -> Trap:
    """Contact-centre tool {"queue": Q, "wait_time": minutes}; offer a callback when over 30.
    Training 1-25 only; test 1-90."""
    return _gate("wait_time_unseen", "You are the support bot. Offer a callback when the wait is over 30 minutes.",
                 lambda r: r.choice(["billing", "tech", "sales"]), "get_queue",
                 lambda r, x: {"agents_online": r.randint(2, 9), "wait_time": x},
                 lambda r, tr: r.randint(1, 25 if tr else 90), lambda x: x > 30, "offer_callback",
                 "An agent will be with you shortly.", "The wait is long; I've offered you a callback.", False)


def wait_time_mix() -> Trap:
    """As wait_time_unseen, train == test (1-90)."""
    return _gate("wait_time_mix", "You are the support bot. Offer a callback when the wait is over 30 minutes.",
                 lambda r: r.choice(["billing", "tech", "sales"]), "get_queue",
                 lambda r, x: {"agents_online": r.randint(2, 9), "wait_time": x},
                 lambda r, tr: r.randint(1, 90), lambda x: x > 30, "offer_callback",
                 "An agent will be with you shortly.", "The wait is long; I've offered you a callback.", True)


def uv_index_unseen() -> Trap:
    """Weather {"temp_c": t, "uv_index": u}; UV 6+ -> add sunscreen reminder (a call). Training 0-5; test 0-11."""
    return _gate("uv_index_unseen", "You are the outdoor-events assistant. Remind about sunscreen when the UV index is 6 or more.",
                 lambda r: r.choice(["Lisbon", "Madrid", "Oslo", "Austin"]), "get_weather",
                 lambda r, x: {"temp_c": r.randint(10, 30), "uv_index": x},
                 lambda r, tr: r.randint(0, 5 if tr else 11), lambda x: x >= 6, "send_sunscreen_reminder",
                 "Enjoy the event.", "High UV today; I've sent a sunscreen reminder.", False)


def upload_size_unseen() -> Trap:
    """{"name": f, "size_bytes": n}; files over 25 MB go via a share link. Training under 20 MB; test to 60 MB."""
    return _gate("upload_size_unseen", "You are the email assistant. Attachments over 25000000 bytes must be sent as a share link.",
                 lambda r: f"report-{r.randint(1, 99)}.pdf", "stat_file",
                 lambda r, x: {"size_bytes": x},
                 lambda r, tr: r.randint(10_000, 20_000_000 if tr else 60_000_000), lambda x: x > 25_000_000,
                 "create_share_link", "Attached the file.", "The file is too large; I've created a share link.", False)


def print_pages_unseen() -> Trap:
    """Print job {"pages": n}; over 50 pages needs approval. Training 1-40; test 1-150."""
    return _gate("print_pages_unseen", "You are the office print assistant. Jobs over 50 pages need approval.",
                 lambda r: f"job-{r.randint(100, 999)}", "get_job",
                 lambda r, x: {"pages": x, "color": r.choice([True, False])},
                 lambda r, tr: r.randint(1, 40 if tr else 150), lambda x: x > 50,
                 "request_approval", "Printing now.", "That job needs approval; I've requested it.", False)


def call_duration_unseen() -> Trap:
    """Telecom {"duration_s": n}; calls over 600 s are billed at the long-call rate. Training under 500; test to 2000."""
    return _gate("call_duration_unseen", "You are the telecom billing assistant. Calls over 600 seconds use the long-call rate.",
                 lambda r: f"call-{r.randint(10000, 99999)}", "get_call",
                 lambda r, x: {"duration_s": x, "destination": "+1"},
                 lambda r, tr: r.randint(20, 500 if tr else 2000), lambda x: x > 600,
                 "apply_long_rate", "Standard rate applies.", "Long-call rate applied.", False)


def port_policy_mix() -> Trap:
    """Firewall bot: 'open port P': 80/443/8443 allowed (call open_port), 22/3389/3306 denied. Same mix."""
    tools = [etool("open_port", "Open a port", group="string", port="integer")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        p = rng.choice([80, 443, 8443, 22, 3389, 3306])
        g = f"sg-{rng.choice(['web', 'api', 'db'])}"
        run.system("You are the firewall bot. Ports 22, 3389 and 3306 may never be opened to the internet.")
        run.user(f"Open port {p} on {g} to 0.0.0.0/0")
        if p in (22, 3389, 3306):
            run.say(f"Sorry, port {p} can't be opened to the internet.")
        else:
            run.call("open_port", {"group": g, "port": p}, {"ok": True})
            run.say(f"Opened port {p} on {g}.")
    return Trap("port_policy_mix", play, tools)


def port_policy_nocopy() -> Trap:
    """Port in a tool result {"port": p, "exposed": true}: scan findings; 22/3389/3306 -> open_ticket;
    else fine (nothing copied). Same mix."""
    return _gate("port_policy_nocopy", "You are the security scanner assistant. Exposed SSH, RDP or MySQL ports need a ticket.",
                 lambda r: f"10.0.{r.randint(0, 9)}.{r.randint(1, 254)}", "scan",
                 lambda r, x: {"port": x, "exposed": True},
                 lambda r, tr: r.choice([80, 443, 8443, 22, 3389, 3306]), lambda x: x in (22, 3389, 3306),
                 "open_ticket", "Nothing risky exposed.", "Risky port exposed; ticket opened.", True)


def fx_rate_unseen() -> Trap:
    """{"rate": 1.0842} (4 decimals, an FX quote); hedge when EUR/USD is 1.15 or more. Training 1.02-1.12; test 1.02-1.25."""
    return _gate("fx_rate_unseen", "You are the treasury assistant. Hedge when EUR/USD is 1.15 or more.",
                 lambda r: "EURUSD", "get_quote", lambda r, x: {"pair": "EURUSD", "rate": x},
                 lambda r, tr: round(r.uniform(1.02, 1.12 if tr else 1.25), 4), lambda x: x >= 1.15,
                 "hedge", "No hedge needed.", "Rate is high; hedge placed.", False)


def fuel_price_unseen() -> Trap:
    """{"price_per_litre": 1.459} (3 decimals); alert the fleet manager over 1.90. Training 1.40-1.80; test 1.40-2.20."""
    return _gate("fuel_price_unseen", "You are the fleet assistant. Alert the manager when diesel is over 1.90 per litre.",
                 lambda r: r.choice(["Shell A9", "BP M4", "Esso N1"]), "get_price",
                 lambda r, x: {"fuel": "diesel", "price_per_litre": x},
                 lambda r, tr: round(r.uniform(1.40, 1.80 if tr else 2.20), 3), lambda x: x > 1.90,
                 "alert_manager", "Price is normal.", "Diesel is expensive; manager alerted.", False)


def weight_kg3_unseen() -> Trap:
    """{"weight_kg": 2.345} (scale reading, 3 decimals); over 30 kg ships freight. Training under 25; test to 60."""
    return _gate("weight_kg3_unseen", "You are the shipping assistant. Parcels over 30 kg ship as freight.",
                 lambda r: f"P{r.randint(10000, 99999)}", "weigh",
                 lambda r, x: {"weight_kg": x},
                 lambda r, tr: round(r.uniform(0.5, 25 if tr else 60), 3), lambda x: x > 30,
                 "book_freight", "Booked standard parcel shipping.", "Too heavy; booked freight.", False)


TRAPS = {f.__name__: f for f in [
    latency_ms_unseen, latency_ms_mix, wait_time_unseen, wait_time_mix, uv_index_unseen, upload_size_unseen,
    print_pages_unseen, call_duration_unseen, port_policy_mix, port_policy_nocopy, fx_rate_unseen, fuel_price_unseen,
    weight_kg3_unseen]}

if __name__ == "__main__":
    main(TRAPS)
