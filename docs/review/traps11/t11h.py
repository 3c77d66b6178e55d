"""Review 11 traps, round 8: list tails."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _cart(name: str, lens_train: list[int], lens_test: list[int], keyed: bool) -> Trap:
    tools = [etool("get_cart", "The cart", session="string")]

    def mk(lens: list[int]):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            n = rng.choice(lens)
            items = [({"sku": f"SKU-{rng.randint(100, 999)}", "price": round(rng.uniform(5, 45), 2)} if keyed
                      else {"price": round(rng.uniform(5, 45), 2)}) for _ in range(n)]
            sid = f"s{rng.randint(10**5, 10**6)}"
            run.system("You are the checkout assistant. Carts of 3 or more items get the 3-for-2 deal.")
            run.user("Do I get the 3-for-2 deal?")
            run.call("get_cart", {"session": sid}, {"items": items})
            run.say("Yes, the 3-for-2 deal applies." if n >= 3 else "Not yet: add items to reach 3 for the deal.")
        return play
    return Trap(name, mk(lens_test), tools, train_play=mk(lens_train))


def list_tail_count() -> Trap:
    """Items {price}; 1-4 items; the deal from 3 items; train == test."""
    return _cart("list_tail_count", [1, 2, 3, 4], [1, 2, 3, 4], False)


def list_tail_count_keyed() -> Trap:
    """Items {sku, price}; 1-4 items; train == test."""
    return _cart("list_tail_count_keyed", [1, 2, 3, 4], [1, 2, 3, 4], True)


def list_tail_unseen_len() -> Trap:
    """Items {price}; training 3-4 items only (all 'Yes'), test 1-4."""
    return _cart("list_tail_unseen_len", [3, 4], [1, 2, 3, 4], False)


def list_tail_unseen_keyed() -> Trap:
    """Items {sku, price}; training 3-4 items only, test 1-4."""
    return _cart("list_tail_unseen_keyed", [3, 4], [1, 2, 3, 4], True)


TRAPS = {f.__name__: f for f in [list_tail_count, list_tail_count_keyed, list_tail_unseen_len, list_tail_unseen_keyed]}

if __name__ == "__main__":
    main(TRAPS)
