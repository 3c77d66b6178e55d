"""Review 12 traps, round 2: numbers inside a multi-word (text) slot; access-log variants."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from docs.review.traps12.t12 import _label, ip
from evals.workflows.base import Run


def access_status_size() -> Trap:
    """nginx access line '"GET /path HTTP/1.1" STATUS BYTES "-" "UA"'; training status 200/204
    only (E_OK); test 200/204/404/500."""
    def gen(rng, fake, tr):
        c = rng.choice([200, 204] if tr else [200, 204, 404, 500])
        line = (f'{ip(rng)} - - [07/Dec/2026:{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000] '
                f'"GET /cart/{rng.randint(1, 999)} HTTP/1.1" {c} {rng.randint(0, 50000)} "-" "curl/7.{rng.randint(50, 88)}.0"')
        return line, {2: "E_OK", 4: "E_CLIENT", 5: "E_SERVER"}[c // 100]
    return _label("access_status_size", "nginx", gen, same=False)


def access_status_mix() -> Trap:
    """As access_status_size, train == test: 200 (70%), 404 (20%), 500 (10%)."""
    def gen(rng, fake, tr):
        r = rng.random()
        c = 200 if r < 0.7 else (404 if r < 0.9 else 500)
        line = (f'{ip(rng)} - - [07/Dec/2026:{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000] '
                f'"GET /cart/{rng.randint(1, 999)} HTTP/1.1" {c} {rng.randint(0, 50000)} "-" "curl/7.{rng.randint(50, 88)}.0"')
        return line, {2: "E_OK", 4: "E_CLIENT", 5: "E_SERVER"}[c // 100]
    return _label("access_status_mix", "nginx", gen)


def access_short() -> Trap:
    """Short access line 'GET /path 200 512' (no UA), training 200/204 only; test 404/500 too."""
    def gen(rng, fake, tr):
        c = rng.choice([200, 204] if tr else [200, 204, 404, 500])
        return f"GET /cart/{rng.randint(1, 999)} {c} {rng.randint(0, 50000)}", {2: "E_OK", 4: "E_CLIENT", 5: "E_SERVER"}[c // 100]
    return _label("access_short", "nginx", gen, same=False)


def ping_loss() -> Trap:
    """'5 packets transmitted, 5 received, 0% packet loss, time 4005ms': training 0% loss only
    (E_OK); test 20-100% loss (E_LOSS)."""
    def gen(rng, fake, tr):
        n = 5
        r = n if tr or rng.random() < 0.5 else rng.randint(0, n - 1)
        loss = (n - r) * 100 // n
        return (f"{n} packets transmitted, {r} received, {loss}% packet loss, time {rng.randint(4000, 4100)}ms",
                "E_OK" if r == n else "E_LOSS")
    return _label("ping_loss", "ping", gen, same=False)


def user_cmd_result() -> Trap:
    """Agent: the user pastes a command's result 'curl said: HTTP/1.1 200 OK in 35 ms'; the agent
    says the site is up (2xx) or calls open_incident (5xx). Training 200 only."""
    tools = [etool("open_incident", "Open an incident", site="string")]

    def mk(codes):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            site = fake.domain_name()
            c = rng.choice(codes)
            reason = {200: "OK", 503: "Service Unavailable", 502: "Bad Gateway", 404: "Not Found"}[c]
            run.system("You are the uptime assistant.")
            run.user(f"I checked {site} and curl said: HTTP/1.1 {c} {reason} in {rng.randint(10, 900)} ms")
            if c >= 500:
                run.call("open_incident", {"site": site}, {"ok": True})
                run.say(f"{site} is down; opened an incident.")
            else:
                run.say(f"{site} is up.")
        return play
    return Trap("user_cmd_result", mk([200, 503, 502]), tools, train_play=mk([200]))


def status_reason_tool() -> Trap:
    """Tool result {"line": "HTTP/1.1 200 OK"}; training 200 only; test 503 too."""
    tools = [etool("probe", "Probe a site", site="string"), etool("open_incident", "Open an incident", site="string")]

    def mk(codes):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            site = fake.domain_name()
            c = rng.choice(codes)
            reason = {200: "OK", 503: "Service Unavailable", 502: "Bad Gateway"}[c]
            run.system("You are the uptime assistant.")
            run.user(f"Is {site} up?")
            run.call("probe", {"site": site}, {"site": site, "status_line": f"HTTP/1.1 {c} {reason}",
                                               "elapsed": f"{rng.randint(10, 900)} ms"})
            if c >= 500:
                run.call("open_incident", {"site": site}, {"ok": True})
                run.say(f"{site} is down; opened an incident.")
            else:
                run.say(f"{site} is up.")
        return play
    return Trap("status_reason_tool", mk([200, 503, 502]), tools, train_play=mk([200]))


def df_line() -> Trap:
    """The user pastes a df line '/dev/sda1  50G  31G  19G  62% /'; alert at >= 90%. Training
    under 90% only; test 60-99%."""
    tools = [etool("alert", "Alert", mount="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            size = rng.choice([20, 50, 100, 200])
            p = rng.randint(40, hi)
            used = size * p // 100
            run.system("You are the ops bot. Alert when a disk is 90% full or more.")
            run.user(f"df says: /dev/sda1 {size}G {used}G {size - used}G {p}% /")
            if p >= 90:
                run.call("alert", {"mount": "/"}, {"ok": True})
                run.say("Alerted: / is almost full.")
            else:
                run.say("/ is fine.")
        return play
    return Trap("df_line", mk(99), tools, train_play=mk(85))


def log_latency_tail() -> Trap:
    """Log 'GET /api/x completed 200 in 35 ms' vs slow (>1000 ms) -> E_SLOW. Training fast only."""
    def gen(rng, fake, tr):
        slow = (not tr) and rng.random() < 0.4
        ms = rng.randint(1200, 9000) if slow else rng.randint(5, 400)
        return f"request GET /api/items/{rng.randint(1, 999)} completed 200 in {ms} ms", "E_SLOW" if slow else "E_REQ"
    return _label("log_latency_tail", "app", gen, same=False)


TRAPS = {f.__name__: f for f in [
    access_status_size, access_status_mix, access_short, ping_loss, user_cmd_result, status_reason_tool, df_line,
    log_latency_tail]}

if __name__ == "__main__":
    main(TRAPS)
