"""Minimal reproductions of what the second probe's workflows (evals/workflows/probe2.py) ran into.

Each case trains on 10 runs of a tiny workflow and replays 20 new runs; it prints, per call index,
the hits and the false hits (a hit whose answer differs from the recorded one), for the variant and
for a control that differs in one thing only. Uses the harness of ``docs/probe/repros.py``.

    PYTHONPATH=. python docs/probe/repros2.py

- paraphrase: the user gives the same detail in one of three wordings ("Sure, it's a@b.c." / "My email
  is a@b.c" / "a@b.c"): the wordings are kept apart as unused prose, each has its own few runs.
- progress-dots: pytest -q progress lines whose runs of dots differ in length: the tool result is never
  aligned across runs, nothing below it is served (even with 20 training runs).
- a11y-nav: an accessibility tree whose navigation lists a varying subset of links: the link names are
  kept apart as an enum; fewer hits below.
- pick-by-name: the answer quotes the price of the list item the user named; when that item is not always
  the first, the answer is uncacheable (a safe miss: no false hit).
"""

from __future__ import annotations

import random
from typing import Any

from faker import Faker

from docs.probe.repros import Tiny, induced
from evals.workflows.base import Run, tool
from induction.pipeline import same_answer


def measure(wf: Tiny, n: int = 10) -> tuple[list[int], list[int]]:
    tree, test = induced(wf, n)
    width = max(len(run) for run in test)
    hits, false = [0] * width, [0] * width
    for run in test:
        for i, rec in enumerate(run):
            ex = tree.explain(rec["request"])
            if ex.hit is not None:
                hits[i] += 1
                if not same_answer(ex.hit.response["choices"][0]["message"],
                                   rec["response"]["choices"][0]["message"]):
                    false[i] += 1
    return hits, false


LOOKUP = [tool("find_user", "Find a user by email", email="string")]


def paraphrase(variants: int) -> Tiny:
    """paraphrase: the user says the same thing in one of ``variants`` wordings."""
    wordings = ["Sure, it's {e}.", "My email is {e}", "{e}"][:variants]

    def play(run: Run, fake: Faker, rng: random.Random, i: int) -> None:
        e = fake.email()
        run.system("You are a retail agent. Authenticate the user by email.")
        run.user("Hi, I want to return something.")
        run.say("Sure. What is the email on your account?")
        run.user(rng.choice(wordings).format(e=e))
        uid = f"u_{rng.randint(1000, 9999)}"
        run.call("find_user", {"email": e}, uid)
        run.say(f"Thanks, you're verified ({uid}).")
    return Tiny(play, LOOKUP)


def pytest_dots(variable: bool) -> Tiny:
    """progress-dots: pytest -q progress lines whose runs of dots differ in length (3-15 tests per file) /
    are always 8 long; the percentages are fixed, the answer copies the summary's count."""
    def play(run: Run, fake: Faker, rng: random.Random, i: int) -> None:
        n = rng.randint(20, 200)
        out = "\n".join(f"tests/test_{m}.py " + "." * (rng.randint(3, 15) if variable else 8) + " [100%]"
                        for m in ["auth", "cache", "billing"])
        run.system("You run the tests and report how many passed.")
        run.user("Run the tests please.")
        run.call("run", {"command": "pytest -q"}, f"{out}\n{n} passed in {round(rng.uniform(0.5, 30), 2)}s")
        run.say(f"All tests pass ({n} passed).")
    return Tiny(play, [tool("run", "Run a shell command", command="string")])


def a11y_nav(variable: bool) -> Tiny:
    """a11y-nav: an accessibility tree whose navigation has 3-6 links picked from 8 / always the same 4;
    element ids differ in every run; the agent types into the search box by its id."""
    cats = ["Men", "Women", "Kids", "Camping", "Climbing", "Sale", "New arrivals", "Brands"]

    def play(run: Run, fake: Faker, rng: random.Random, i: int) -> None:
        base = rng.randint(100, 9000)
        nav = rng.sample(cats, rng.randint(3, 6)) if variable else cats[:4]
        tree = "\n".join(["RootWebArea 'Shop' focused: True", f"\t[{base}] searchbox 'Search products'",
                          *(f"\t[{base + 1 + k}] link '{c}'" for k, c in enumerate(nav))])
        kind = rng.choice(["beanie", "rain jacket", "wool socks", "down vest"])
        run.system("You are a web agent. Use the ids of the latest observation.")
        run.user(f"Search the shop for {kind}.")
        run.call("goto", {"url": "https://shop.example.com"}, tree)
        run.call("type", {"element_id": base, "text": kind}, "RootWebArea 'Results'")
    return Tiny(play, [tool("goto", "Open a URL", url="string"),
                       tool("type", "Type into an element", element_id="integer", text="string")])


def pick_by_name(anywhere: bool) -> Tiny:
    """pick-by-name: the user names one item of a list; the answer quotes that item's price.
    Variant: the named item is anywhere in a list of 1-4 items; control: always the first."""
    products = ["T-Shirt", "Backpack", "Desk Lamp", "Water Bottle", "Coffee Maker", "Running Shoes"]

    def play(run: Run, fake: Faker, rng: random.Random, i: int) -> None:
        oid = f"#W{rng.randint(1000000, 9999999)}"
        items: list[dict[str, Any]] = [{"name": p, "item_id": f"{rng.randint(10**9, 10**10 - 1)}", "price": round(rng.uniform(15, 400), 2)}
                 for p in rng.sample(products, rng.randint(1, 4))]
        pick = rng.choice(items) if anywhere else items[0]
        run.system("You are a retail agent. Quote the refund of the item the user wants to return.")
        run.user(f"Order {oid}, I want to return the {pick['name'].lower()}.")
        run.call("get_order_details", {"order_id": oid}, {"order_id": oid, "items": items, "status": "delivered"})
        run.say(f"The refund for the {pick['name']} would be ${pick['price']}. Shall I proceed (yes/no)?")
    return Tiny(play, [tool("get_order_details", "An order", order_id="string")])


CASES: list[tuple[str, Tiny, Tiny]] = [
    ("paraphrase (3 wordings of the email turn / 1)", paraphrase(3), paraphrase(1)),
    ("progress-dots (pytest dots 3-15 long / always 8)", pytest_dots(True), pytest_dots(False)),
    ("a11y-nav (3-6 nav links of 8 / the same 4)", a11y_nav(True), a11y_nav(False)),
    ("pick-by-name (named item anywhere in the list / always first)", pick_by_name(True), pick_by_name(False)),
]

if __name__ == "__main__":
    for label, case, control in CASES:
        (h, f), (hc, fc) = measure(case), measure(control)
        print(f"{label}: hits {h} false {f} / control hits {hc} false {fc}")
