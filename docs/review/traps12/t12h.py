"""Review 12 traps, round 8: the noise-label and glued-word rules in users' words."""
from __future__ import annotations

import random
from collections.abc import Callable

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _say(name: str, system: str, gen: Callable[[random.Random, bool], tuple[str, str]], same: bool = False,
         tools: list | None = None) -> Trap:
    def mk(training: bool):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            u, a = gen(rng, training)
            run.system(system)
            run.user(u)
            run.say(a)
        return play
    return Trap(name, mk(False), tools or [], train_play=None if same else mk(True))


def user_took_days() -> Trap:
    """'My parcel took N days to arrive, can I get a refund?' Over 10 days -> yes. Training 2-9 only; test 2-20."""
    def gen(rng, tr):
        n = rng.randint(2, 9 if tr else 20)
        return (f"My parcel took {n} days to arrive, can I get a refund?",
                "Yes, deliveries over 10 days are refunded; I've started it." if n > 10
                else "Sorry, only deliveries over 10 days qualify for a refund.")
    return _say("user_took_days", "You are the shop support bot. Deliveries that took over 10 days get a refund.", gen)


def node_version() -> Trap:
    """'We run node N in prod, is that supported?' Node 18+ supported. Training 18-22; test 12-22."""
    def gen(rng, tr):
        n = rng.randint(18 if tr else 12, 22)
        return (f"We run node {n} in prod, is that supported?",
                "Yes, that version is supported." if n >= 18 else "No, please upgrade to Node 18 or later.")
    return _say("node_version", "You are the SDK support bot. Supported runtimes: Node 18 or later.", gen)


def shoe_size() -> Trap:
    """'Do you have the trail runner in size N?' Sizes 6-12 in stock, 13+ special order. Training 6-12; test 6-15."""
    def gen(rng, tr):
        n = rng.randint(6, 12 if tr else 15)
        return (f"Do you have the trail runner in size {n}?",
                "Yes, it's in stock." if n <= 12 else "That size is a special order, about two weeks.")
    return _say("shoe_size", "You are the shoe shop assistant. Sizes 6 to 12 are in stock; larger sizes are special orders.", gen)


def request_licenses() -> Trap:
    """'Please request N more licenses for the design team': up to 20 auto (call), more needs approval.
    Training 1-15; test 1-60."""
    tools = [etool("add_licenses", "Add licenses", team="string", count="integer"),
             etool("request_approval", "Request approval", team="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            n = rng.randint(1, hi)
            t = rng.choice(["design", "sales", "support"])
            run.system("You are the IT assistant. Up to 20 licenses at a time are added directly; more need approval.")
            run.user(f"Please request {n} more licenses for the {t} team")
            if n <= 20:
                run.call("add_licenses", {"team": t, "count": n}, {"ok": True})
            else:
                run.call("request_approval", {"team": t}, {"ok": True})
            run.say("Done.")
        return play
    return Trap("request_licenses", mk(60), tools, train_play=mk(15))


def request_licenses_nocopy() -> Trap:
    """As request_licenses but the add call copies no count (a standard pack)."""
    tools = [etool("add_licenses", "Add licenses", team="string"), etool("request_approval", "Request approval", team="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            n = rng.randint(1, hi)
            t = rng.choice(["design", "sales", "support"])
            run.system("You are the IT assistant. Up to 20 licenses at a time are added directly; more need approval.")
            run.user(f"Please request {n} more licenses for the {t} team")
            run.call("add_licenses" if n <= 20 else "request_approval", {"team": t}, {"ok": True})
            run.say("Done.")
        return play
    return Trap("request_licenses_nocopy", mk(60), tools, train_play=mk(15))


def ios_glued() -> Trap:
    """Device string in a tool result {"os": "iOS17"}; iOS16+ supported. Training iOS16-18; test iOS13-18."""
    tools = [etool("get_device", "Device", device_id="string")]

    def mk(lo):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            v = rng.randint(lo, 18)
            d = f"D{rng.randint(10000, 99999)}"
            run.system("You are the app support bot. The app needs iOS 16 or later.")
            run.user("Why won't the app install?")
            run.call("get_device", {"device_id": d}, {"device_id": d, "os": f"iOS{v}"})
            run.say("Your iOS is supported; try restarting the App Store." if v >= 16
                    else "Your iOS is too old; please update to iOS 16 or later.")
        return play
    return Trap("ios_glued", mk(13), tools, train_play=mk(16))


def ios_glued_mix() -> Trap:
    """As ios_glued, train == test (iOS13-18)."""
    tools = [etool("get_device", "Device", device_id="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        v = rng.randint(13, 18)
        d = f"D{rng.randint(10000, 99999)}"
        run.system("You are the app support bot. The app needs iOS 16 or later.")
        run.user("Why won't the app install?")
        run.call("get_device", {"device_id": d}, {"device_id": d, "os": f"iOS{v}"})
        run.say("Your iOS is supported; try restarting the App Store." if v >= 16
                else "Your iOS is too old; please update to iOS 16 or later.")
    return Trap("ios_glued_mix", play, tools)


def tier_glued() -> Trap:
    """Support tier in the user's text 'I'm a Tier3 partner': Tier1-2 -> queue, Tier3+ -> priority.
    Training Tier1-2 only; test Tier1-4."""
    def gen(rng, tr):
        n = rng.randint(1, 2 if tr else 4)
        return (f"I'm a Tier{n} partner and my dashboard is down",
                "You're in the priority queue; an engineer will call you." if n >= 3
                else "Thanks, I've added you to the support queue.")
    return _say("tier_glued", "You are the partner support bot. Tier3 and Tier4 partners get priority.", gen)


def windows_glued() -> Trap:
    """User agent field {"platform": "Windows10"}; Windows7/8 unsupported. Training 10/11; test 7/8/10/11."""
    tools = [etool("get_session", "Session", session_id="string")]

    def mk(vs):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            v = rng.choice(vs)
            s = f"S{rng.randint(10000, 99999)}"
            run.system("You are the desktop app support bot. Windows 10 or later is required.")
            run.user("The installer fails, why?")
            run.call("get_session", {"session_id": s}, {"session_id": s, "platform": f"Windows{v}"})
            run.say("Your Windows is supported; please rerun the installer as admin." if v >= 10
                    else "Your Windows version is no longer supported; please upgrade to Windows 10 or later.")
        return play
    return Trap("windows_glued", mk([7, 8, 10, 11]), tools, train_play=mk([10, 11]))


TRAPS = {f.__name__: f for f in [
    user_took_days, node_version, shoe_size, request_licenses, request_licenses_nocopy, ios_glued, ios_glued_mix,
    tier_glued, windows_glued]}

if __name__ == "__main__":
    main(TRAPS)
