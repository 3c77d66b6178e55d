"""Review 12 traps, round 1: log lines labelled with their event (Loghub-style) where a token that
looks like noise decides, and ids whose type prefix decides the tool."""
from __future__ import annotations

import random
from collections.abc import Callable

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def ip(rng: random.Random) -> str:
    return f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def _label(name: str, system: str, gen: Callable[[random.Random, Faker, bool], tuple[str, str]],
           same: bool = True) -> Trap:
    """Label workflow: the user message is a log line, the answer its event id.
    gen(rng, fake, training) -> (line, event)."""
    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            line, ev = gen(rng, fake, training)
            run.system(f"You label {system} log lines with their event id")
            run.user(line)
            run.say(ev)
        return play
    return Trap(name, mk(False), [], train_play=None if same else mk(True))


# ---------------------------------------------------------------- log lines

def log_sshd_close() -> Trap:
    """sshd: 'Connection closed by' / 'Connection reset by' / 'Received disconnect from', with or
    without ' [preauth]' (a different event). Same mix."""
    def gen(rng, fake, tr):
        a, p = ip(rng), rng.randint(1024, 65535)
        k = rng.randrange(3)
        pre = rng.random() < 0.5
        line = [f"Connection closed by {a} port {p}", f"Connection reset by {a} port {p}",
                f"Received disconnect from {a} port {p}:11: Bye Bye"][k]
        return line + (" [preauth]" if pre else ""), f"E{k * 2 + pre + 1}"
    return _label("log_sshd_close", "OpenSSH", gen)


def log_signal_num() -> Trap:
    """'worker N exited on signal S': 9 -> E_KILL, 11 -> E_SEGV, 15 -> E_TERM, 6 -> E_ABRT. Same mix."""
    ev = {9: "E_KILL", 11: "E_SEGV", 15: "E_TERM", 6: "E_ABRT"}

    def gen(rng, fake, tr):
        s = rng.choice(list(ev))
        return f"worker process {rng.randint(1000, 99999)} exited on signal {s}", ev[s]
    return _label("log_signal_num", "nginx", gen)


def log_signal_unseen() -> Trap:
    """As log_signal_num; training 9 and 15 only, test also 11 and 6 (between / below)."""
    ev = {9: "E_KILL", 11: "E_SEGV", 15: "E_TERM", 6: "E_ABRT"}

    def gen(rng, fake, tr):
        s = rng.choice([9, 15] if tr else list(ev))
        return f"worker process {rng.randint(1000, 99999)} exited on signal {s}", ev[s]
    return _label("log_signal_unseen", "nginx", gen, same=False)


def log_rhost_user() -> Trap:
    """pam: '... rhost=HOST' (E1) vs '... rhost=HOST  user=root' (E2), the Loghub Linux pair. Same mix."""
    def gen(rng, fake, tr):
        h = rng.choice([ip(rng), fake.hostname(), f"{rng.randint(1, 250)}-{rng.randint(1, 250)}.dsl.example.net"])
        u = rng.random() < 0.4
        line = (f"authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost={h}"
                + ("  user=root" if u else ""))
        return line, "E2" if u else "E1"
    return _label("log_rhost_user", "Linux", gen)


def log_rhost_user_unseen() -> Trap:
    """As log_rhost_user; training never shows the ' user=root' tail."""
    def gen(rng, fake, tr):
        h = rng.choice([ip(rng), fake.hostname()])
        u = (not tr) and rng.random() < 0.4
        line = (f"authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost={h}"
                + ("  user=root" if u else ""))
        return line, "E2" if u else "E1"
    return _label("log_rhost_user_unseen", "Linux", gen, same=False)


def log_http_status() -> Trap:
    """nginx access line; label by status class (2xx OK, 3xx REDIRECT, 4xx CLIENT, 5xx SERVER). Same mix."""
    codes = [200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 500, 502, 503]

    def gen(rng, fake, tr):
        c = rng.choice(codes)
        path = rng.choice(["/api/items/", "/login", "/static/app.js", "/cart/"]) + str(rng.randint(1, 999))
        line = (f'{ip(rng)} - - [07/Dec/2026:{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0000] '
                f'"{rng.choice(["GET", "POST"])} {path} HTTP/1.1" {c} {rng.randint(0, 50000)} "-" "curl/7.{rng.randint(50, 88)}.0"')
        return line, {2: "E_OK", 3: "E_REDIRECT", 4: "E_CLIENT", 5: "E_SERVER"}[c // 100]
    return _label("log_http_status", "nginx", gen)


def log_http_status_unseen() -> Trap:
    """As log_http_status; training 200/404/500/503 only; test the whole set (302, 401, 418, 429 ...)."""
    def gen(rng, fake, tr):
        c = rng.choice([200, 404, 500, 503] if tr else [200, 201, 302, 304, 400, 401, 404, 418, 429, 500, 503])
        line = f'{ip(rng)} - - "GET /api/items/{rng.randint(1, 999)} HTTP/1.1" {c} {rng.randint(0, 50000)}'
        return line, {2: "E_OK", 3: "E_REDIRECT", 4: "E_CLIENT", 5: "E_SERVER"}[c // 100]
    return _label("log_http_status_unseen", "nginx", gen, same=False)


def log_hresult() -> Trap:
    """Windows CBS: 'Failed to ... [HRESULT = 0x800f0805]'; the hex code decides the event
    (0x80070005 access denied, 0x80070002 not found, 0x800f0805 invalid package). Same mix."""
    ev = {"0x80070005": "E_ACCESS", "0x80070002": "E_NOTFOUND", "0x800f0805": "E_INVALID"}

    def gen(rng, fake, tr):
        h = rng.choice(list(ev))
        op = rng.choice(["open package", "get session", "resolve package", "load manifest"])
        return f"Failed to {op}. [HRESULT = {h}]", ev[h]
    return _label("log_hresult", "Windows", gen)


def log_hresult_unseen() -> Trap:
    """As log_hresult; training two codes only; test a third (0x8007000e out of memory)."""
    ev = {"0x80070005": "E_ACCESS", "0x80070002": "E_NOTFOUND", "0x8007000e": "E_OOM"}

    def gen(rng, fake, tr):
        h = rng.choice(list(ev)[:2] if tr else list(ev))
        op = rng.choice(["open package", "get session", "resolve package", "load manifest"])
        return f"Failed to {op}. [HRESULT = {h}]", ev[h]
    return _label("log_hresult_unseen", "Windows", gen, same=False)


def log_id_prefix() -> Trap:
    """'Deleting OBJ' where OBJ is blk_-?N (E_BLOCK), attempt_... (E_ATTEMPT) or container_...
    (E_CONTAINER): the id's type prefix decides. Same mix."""
    def gen(rng, fake, tr):
        k = rng.randrange(3)
        o = [f"blk_{rng.choice(['', '-'])}{rng.randint(10**17, 10**19)}",
             f"attempt_{rng.randint(10**11, 10**12)}_{rng.randint(1, 9999):04d}_m_{rng.randint(0, 99):06d}_0",
             f"container_{rng.randint(10**11, 10**12)}_{rng.randint(1, 9999):04d}_01_{rng.randint(1, 99):06d}"][k]
        return f"Deleting {o} from local dir", ["E_BLOCK", "E_ATTEMPT", "E_CONTAINER"][k]
    return _label("log_id_prefix", "Hadoop", gen)


def log_block_sign() -> Trap:
    """HDFS 'blk_-N' vs 'blk_N' is noise; here a sign in the offset decides: 'clock adjusted by
    +0.214 s' (E_FWD) / '-0.214 s' (E_BACK). Same mix."""
    def gen(rng, fake, tr):
        v = rng.randint(1, 999) / 1000
        neg = rng.random() < 0.5
        return f"ntpd[{rng.randint(100, 9999)}]: clock adjusted by {'-' if neg else '+'}{v:.3f} s", "E_BACK" if neg else "E_FWD"
    return _label("log_block_sign", "Linux", gen)


def log_level_same_text() -> Trap:
    """Same message at two levels: '[WARN] disk usage 81%' vs '[ERROR] disk usage 97%'; the level
    decides (E_WARN / E_ERR); the percent correlates but overlaps. Same mix."""
    def gen(rng, fake, tr):
        err = rng.random() < 0.4
        u = rng.randint(85, 99) if err else rng.randint(70, 92)
        return f"{'ERROR' if err else 'WARN'} [monitor] disk usage {u}% on /dev/sda{rng.randint(1, 4)}", "E_ERR" if err else "E_WARN"
    return _label("log_level_same_text", "Monitor", gen)


def log_kv_result() -> Trap:
    """auditd: 'op=login acct="NAME" exe="/usr/sbin/sshd" hostname=H addr=IP terminal=ssh res=success'
    vs res=failed. Same mix."""
    def gen(rng, fake, tr):
        ok = rng.random() < 0.6
        a = ip(rng)
        return (f'type=USER_LOGIN msg=audit({rng.randint(10**9, 2 * 10**9)}.{rng.randint(100, 999)}:{rng.randint(1, 9999)}): '
                f'op=login acct="{fake.user_name()}" exe="/usr/sbin/sshd" hostname={a} addr={a} terminal=ssh '
                f'res={"success" if ok else "failed"}'), "E_LOGIN_OK" if ok else "E_LOGIN_FAIL"
    return _label("log_kv_result", "Linux", gen)


def log_invalid_user() -> Trap:
    """'Failed password for NAME from IP port P ssh2' (E1) vs 'Failed password for invalid user
    NAME from ...' (E2). Same mix."""
    def gen(rng, fake, tr):
        inv = rng.random() < 0.4
        return (f"Failed password for {'invalid user ' if inv else ''}{fake.user_name()} from {ip(rng)} "
                f"port {rng.randint(1024, 65535)} ssh2"), "E2" if inv else "E1"
    return _label("log_invalid_user", "OpenSSH", gen)


def log_invalid_user_unseen() -> Trap:
    """As log_invalid_user; training never shows 'invalid user'."""
    def gen(rng, fake, tr):
        inv = (not tr) and rng.random() < 0.4
        return (f"Failed password for {'invalid user ' if inv else ''}{fake.user_name()} from {ip(rng)} "
                f"port {rng.randint(1024, 65535)} ssh2"), "E2" if inv else "E1"
    return _label("log_invalid_user_unseen", "OpenSSH", gen, same=False)


# ---------------------------------------------------------------- id prefixes decide the tool

def stripe_id_prefix() -> Trap:
    """'Look up ch_XXX' -> get_charge, 're_XXX' -> get_refund, 'pi_XXX' -> get_payment_intent.
    The id is copied; its prefix decides the tool. Same mix."""
    tools = [etool("get_charge", "Charge", id="string"), etool("get_refund", "Refund", id="string"),
             etool("get_payment_intent", "Payment intent", id="string")]
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        k = rng.randrange(3)
        pre = ["ch", "re", "pi"][k]
        i = f"{pre}_3{''.join(rng.choice(alnum) for _ in range(23))}"
        run.system("You are the payments support assistant.")
        run.user(f"Can you look up {i} for me?")
        run.call(["get_charge", "get_refund", "get_payment_intent"][k], {"id": i}, {"id": i, "status": "succeeded"})
        run.say(f"{i} succeeded.")
    return Trap("stripe_id_prefix", play, tools)


def aws_id_prefix() -> Trap:
    """'Describe i-0abc...' -> describe_instances, 'vol-0abc...' -> describe_volumes, 'sg-0abc' ->
    describe_security_groups. Same mix."""
    tools = [etool("describe_instances", "EC2", id="string"), etool("describe_volumes", "EBS", id="string"),
             etool("describe_security_groups", "SG", id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        k = rng.randrange(3)
        i = f"{['i', 'vol', 'sg'][k]}-0{rng.randint(16**15, 16**16 - 1):016x}"
        run.system("You are the cloud ops assistant.")
        run.user(f"Describe {i}")
        run.call(["describe_instances", "describe_volumes", "describe_security_groups"][k], {"id": i}, {"ok": True})
        run.say("Done.")
    return Trap("aws_id_prefix", play, tools)


def jira_project_route() -> Trap:
    """'Escalate OPS-123' -> page on-call ops; 'SEC-45' -> page security; 'WEB-9' -> page web. Key copied. Same mix."""
    tools = [etool("page", "Page a team", team="string", ticket="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        p = rng.choice(["OPS", "SEC", "WEB"])
        t = f"{p}-{rng.randint(1, 9999)}"
        run.system("You are the escalation bot.")
        run.user(f"Escalate {t} please")
        run.call("page", {"team": {"OPS": "ops-oncall", "SEC": "security", "WEB": "web-oncall"}[p], "ticket": t}, {"ok": True})
        run.say(f"Paged about {t}.")
    return Trap("jira_project_route", play, tools)


def stripe_id_prefix_unseen() -> Trap:
    """Training ch_ and pi_ only; test also re_ (a refund id must not go to get_charge)."""
    tools = [etool("get_charge", "Charge", id="string"), etool("get_refund", "Refund", id="string"),
             etool("get_payment_intent", "Payment intent", id="string")]
    alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

    def mk(ks):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            k = rng.choice(ks)
            pre = ["ch", "re", "pi"][k]
            i = f"{pre}_3{''.join(rng.choice(alnum) for _ in range(23))}"
            run.system("You are the payments support assistant.")
            run.user(f"Can you look up {i} for me?")
            run.call(["get_charge", "get_refund", "get_payment_intent"][k], {"id": i}, {"id": i, "status": "succeeded"})
            run.say(f"{i} succeeded.")
        return play
    return Trap("stripe_id_prefix_unseen", mk([0, 1, 2]), tools, train_play=mk([0, 2]))


TRAPS = {f.__name__: f for f in [
    log_sshd_close, log_signal_num, log_signal_unseen, log_rhost_user, log_rhost_user_unseen, log_http_status,
    log_http_status_unseen, log_hresult, log_hresult_unseen, log_id_prefix, log_block_sign, log_level_same_text,
    log_kv_result, log_invalid_user, log_invalid_user_unseen, stripe_id_prefix, aws_id_prefix, jira_project_route,
    stripe_id_prefix_unseen]}

if __name__ == "__main__":
    main(TRAPS)
