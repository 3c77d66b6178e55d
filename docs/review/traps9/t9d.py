"""Review 9: natural-distribution variants (the deciding value appears in training at its rate)."""
from docs.review.traps.harness import Trap, main
from docs.review.traps9 import t9, t9b


def sys_country_natural() -> Trap:
    wf = t9.sys_country_vat()
    return Trap("sys_country_natural", wf._play, wf.tools)


def commentary_natural() -> Trap:
    wf = t9b.commentary_rare_intent()
    import random

    from evals.workflows.base import Run

    def play(run: Run, fake, rng: random.Random) -> None:
        oid = f"O{rng.randint(10000, 99999)}"
        refund = rng.random() < 0.15
        run.system("You handle orders.")
        run.user(f"About order {oid}")
        run.call("get_order", {"order_id": oid}, {"id": oid, "status": "delivered"},
                 text=rng.choice(t9b.YES if refund else t9b.NO))
        if refund:
            run.call("refund", {"order_id": oid}, {"ok": True})
            run.say(f"Refunded {oid}.")
        else:
            run.say(f"{oid} was delivered.")
    return Trap("commentary_natural_15pct", play, wf.tools)


TRAPS = {"sys_country_nat": sys_country_natural, "comm_nat": commentary_natural}
if __name__ == "__main__":
    main(TRAPS)
