"""Review 12 traps, round 3: several values in a row at the end of a line, read as one text slot."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from docs.review.traps12.t12 import _label
from evals.workflows.base import Run


def access_tail_words() -> Trap:
    """'GET /cart/N STATUS BYTES'; training 200 only (E_OK); test adds ' upstream timed out' after
    the bytes (E_TIMEOUT) in 40%."""
    def gen(rng, fake, tr):
        t = (not tr) and rng.random() < 0.4
        return (f"GET /cart/{rng.randint(1, 999)} 200 {rng.randint(0, 50000)}" + (" upstream timed out" if t else ""),
                "E_TIMEOUT" if t else "E_OK")
    return _label("access_tail_words", "nginx", gen, same=False)


def access_word_status() -> Trap:
    """'GET /cart/N 200 BYTES'; test also 'GET /cart/N - 0' (aborted, no status) -> E_ABORT."""
    def gen(rng, fake, tr):
        a = (not tr) and rng.random() < 0.4
        return (f"GET /cart/{rng.randint(1, 999)} " + ("- 0" if a else f"200 {rng.randint(1, 50000)}"),
                "E_ABORT" if a else "E_OK")
    return _label("access_word_status", "nginx", gen, same=False)


def access_path_in_slot() -> Trap:
    """'GET /cart/N STATUS BYTES' with STATUS 200 or 404 in training (each its event); test the same.
    Same mix (a control: does the split happen?)."""
    def gen(rng, fake, tr):
        c = rng.choice([200, 404])
        return f"GET /cart/{rng.randint(1, 999)} {c} {rng.randint(0, 50000)}", "E_OK" if c == 200 else "E_CLIENT"
    return _label("access_path_in_slot", "nginx", gen)


def uptime_load() -> Trap:
    """Tool returns uptime text '... load average: 0.52 0.58 0.59'; alert when the 1-minute load
    is 4 or more. Training under 2 only."""
    tools = [etool("uptime", "Run uptime", host="string"), etool("alert", "Alert", host="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            h = f"web-{rng.randint(1, 40):02d}"
            l1 = round(rng.uniform(0.05, hi), 2)
            l5, l15 = round(l1 * rng.uniform(0.7, 1.1), 2), round(l1 * rng.uniform(0.6, 1.0), 2)
            run.system("You are the ops bot. Alert when a host's 1-minute load average is 4 or more.")
            run.user(f"How is {h}?")
            run.call("uptime", {"host": h}, f"up {rng.randint(1, 90)} days, load average: {l1} {l5} {l15}")
            if l1 >= 4:
                run.call("alert", {"host": h}, {"ok": True})
                run.say(f"{h} is overloaded; alerted.")
            else:
                run.say(f"{h} is fine.")
        return play
    return Trap("uptime_load", mk(9.0), tools, train_play=mk(1.9))


def free_mem() -> Trap:
    """Tool returns 'Mem: TOTAL USED FREE' (free -m); alert when free is under 500 MB. Training
    free 1000+ only."""
    tools = [etool("free", "Run free -m", host="string"), etool("alert", "Alert", host="string")]

    def mk(lo):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            h = f"db-{rng.randint(1, 40):02d}"
            total = 16000
            fr = rng.randint(lo, 8000)
            run.system("You are the ops bot. Alert when a host has under 500 MB of free memory.")
            run.user(f"Check memory on {h}")
            run.call("free", {"host": h}, f"Mem: {total} {total - fr} {fr}")
            if fr < 500:
                run.call("alert", {"host": h}, {"ok": True})
                run.say(f"{h} is low on memory; alerted.")
            else:
                run.say(f"{h} has enough memory.")
        return play
    return Trap("free_mem", mk(50), tools, train_play=mk(1000))


def bp_readings() -> Trap:
    """Health bot: 'My readings today: 118 76 64' (systolic diastolic pulse); 140+ systolic ->
    'see a doctor'. Training normal only."""
    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            s = rng.randint(100, hi)
            run.system("You are the blood pressure diary assistant.")
            run.user(f"My readings today: {s} {rng.randint(60, 95)} {rng.randint(55, 100)}")
            run.say("That's high; please contact your doctor." if s >= 140 else "Logged, that looks normal.")
        return play
    return Trap("bp_readings", mk(175), [], train_play=mk(135))


def score_line() -> Trap:
    """Sports bot: the tool returns 'final 102 98' (home, away); the reply says who won. Same mix."""
    tools = [etool("get_score", "Final score", game="string")]

    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        g = f"G{rng.randint(1000, 9999)}"
        a, b = rng.sample(range(80, 130), 2)
        run.system("You are the sports bot.")
        run.user(f"Who won game {g}?")
        run.call("get_score", {"game": g}, f"final {a} {b}")
        run.say("The home team won." if a > b else "The away team won.")
    return Trap("score_line", play, tools)


def log_tail_numbers() -> Trap:
    """YARN: 'Container container_N exited with exitCode: 0' (training, E_EXIT_OK); test also
    1 / 137 / 143 (E_EXIT_FAIL)."""
    def gen(rng, fake, tr):
        c = 0 if tr or rng.random() < 0.5 else rng.choice([1, 137, 143])
        return (f"Container container_{rng.randint(10**11, 10**12)}_{rng.randint(1, 99):04d}_01_{rng.randint(1, 99):06d} "
                f"exited with exitCode: {c}"), "E_EXIT_OK" if c == 0 else "E_EXIT_FAIL"
    return _label("log_tail_numbers", "Hadoop", gen, same=False)


def log_two_numbers_tail() -> Trap:
    """'Took N ms, exit C' at the end without separating words: 'job 123 done 35 0' (ms, exit);
    training exit 0 only; test 0/1/2."""
    def gen(rng, fake, tr):
        c = 0 if tr or rng.random() < 0.5 else rng.choice([1, 2])
        return f"job {rng.randint(1000, 9999)} done {rng.randint(10, 900)} {c}", "E_OK" if c == 0 else "E_FAIL"
    return _label("log_two_numbers_tail", "cron", gen, same=False)


TRAPS = {f.__name__: f for f in [
    access_tail_words, access_word_status, access_path_in_slot, uptime_load, free_mem, bp_readings, score_line,
    log_tail_numbers, log_two_numbers_tail]}



def bp_readings_mix() -> Trap:
    """bp_readings, train == test (systolic 100-175, ~35% high)."""
    def play(run: Run, fake: Faker, rng: random.Random) -> None:
        s = rng.randint(100, 175)
        run.system("You are the blood pressure diary assistant.")
        run.user(f"My readings today: {s} {rng.randint(60, 95)} {rng.randint(55, 100)}")
        run.say("That's high; please contact your doctor." if s >= 140 else "Logged, that looks normal.")
    return Trap("bp_readings_mix", play, [])


def uptime_load_commas() -> Trap:
    """uptime_load in the real format 'load average: 0.52, 0.58, 0.59' (commas). Training under 2."""
    tools = [etool("uptime", "Run uptime", host="string"), etool("alert", "Alert", host="string")]

    def mk(hi):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            h = f"web-{rng.randint(1, 40):02d}"
            l1 = round(rng.uniform(0.05, hi), 2)
            l5, l15 = round(l1 * rng.uniform(0.7, 1.1), 2), round(l1 * rng.uniform(0.6, 1.0), 2)
            run.system("You are the ops bot. Alert when a host's 1-minute load average is 4 or more.")
            run.user(f"How is {h}?")
            run.call("uptime", {"host": h}, f" 10:14:01 up {rng.randint(1, 90)} days,  1 user,  load average: {l1}, {l5}, {l15}")
            if l1 >= 4:
                run.call("alert", {"host": h}, {"ok": True})
                run.say(f"{h} is overloaded; alerted.")
            else:
                run.say(f"{h} is fine.")
        return play
    return Trap("uptime_load_commas", mk(9.0), tools, train_play=mk(1.9))


TRAPS.update({f.__name__: f for f in [bp_readings_mix, uptime_load_commas]})


if __name__ == "__main__":
    main(TRAPS)
