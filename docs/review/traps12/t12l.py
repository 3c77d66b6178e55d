"""Review 12 traps, round 12: free-text fields (notes, descriptions) where a word sometimes decides."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run

PLAIN = ["please leave at the back door", "ring the bell twice", "deliver after 6pm", "call me when outside",
         "the gate code is on the intercom", "no rush", "leave with the neighbour at number 12",
         "fragile items inside", "I work from home on Fridays"]
GIFT = ["this is a gift for my mum", "it's a birthday gift, no receipt please", "gift for a colleague",
        "please wrap it, it's a gift"]


def _note(name: str, p_train: float, p_test: float) -> Trap:
    """get_order -> {"note": free text}; a note that says it's a gift -> set_gift_wrap, else ship."""
    tools = [etool("get_order", "Order", order_id="string"), etool("set_gift_wrap", "Gift wrap", order_id="string"),
             etool("ship", "Ship", order_id="string")]

    def mk(p: float):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            oid = f"{rng.randint(100000, 999999)}"
            g = rng.random() < p
            note = rng.choice(GIFT if g else PLAIN)
            run.system("You are the fulfilment assistant. Gift-wrap orders whose note says they are a gift, then ship.")
            run.user(f"Prepare order {oid}")
            run.call("get_order", {"order_id": oid}, {"order_id": oid, "note": note})
            run.call("set_gift_wrap" if g else "ship", {"order_id": oid}, {"ok": True})
            run.say("Done.")
        return play
    return Trap(name, mk(p_test), tools, train_play=mk(p_train))


def note_gift_mix() -> Trap:
    """30% gift notes both sides."""
    return _note("note_gift_mix", 0.3, 0.3)


def note_gift_unseen() -> Trap:
    """Training never a gift note; test 30%."""
    return _note("note_gift_unseen", 0.0, 0.3)


TRAPS = {f.__name__: f for f in [note_gift_mix, note_gift_unseen]}

if __name__ == "__main__":
    main(TRAPS)
