"""Review 12 traps, round 11: amounts in currencies outside rote's list of ISO codes."""
from __future__ import annotations

import random

from faker import Faker

from docs.review.traps.harness import Trap, main
from docs.review.traps11.t11 import etool
from evals.workflows.base import Run


def _amount(name: str, fmt, cur: str) -> Trap:
    """get_invoice -> {"total": fmt(amount)}; totals of 1000 or more need a manager's sign-off.
    Training 20-900 only; test 20-5000."""
    tools = [etool("get_invoice", "Invoice", invoice="string"), etool("approve", "Approve", invoice="string"),
             etool("escalate", "Manager sign-off", invoice="string")]

    def mk(hi: int):
        def play(run: Run, fake: Faker, rng: random.Random) -> None:
            inv = f"INV-{rng.randint(10000, 99999)}"
            amt = round(rng.uniform(20, hi), 2)
            run.system(f"You are the accounts-payable assistant. Invoices of {cur} 1,000 or more need a manager's sign-off.")
            run.user(f"Process {inv}")
            run.call("get_invoice", {"invoice": inv}, {"invoice": inv, "total": fmt(amt)})
            run.call("escalate" if amt >= 1000 else "approve", {"invoice": inv}, {"ok": True})
            run.say("Done.")
        return play
    return Trap(name, mk(5000), tools, train_play=mk(900))


def aed_prefix() -> Trap:
    """"AED 1,249.00" (a code outside the list)."""
    return _amount("aed_prefix", lambda a: f"AED {a:,.2f}", "AED")


def aed_glued() -> Trap:
    """"AED1249.00" glued."""
    return _amount("aed_glued", lambda a: f"AED{a:.2f}", "AED")


def sar_suffix() -> Trap:
    """"1,249.00 SAR" suffix."""
    return _amount("sar_suffix", lambda a: f"{a:,.2f} SAR", "SAR")


def usd_prefix_control() -> Trap:
    """Control: "USD 1,249.00" (in the list)."""
    return _amount("usd_prefix_control", lambda a: f"USD {a:,.2f}", "USD")


def rupee_sign() -> Trap:
    """"₹1,249.00" (rupee sign)."""
    return _amount("rupee_sign", lambda a: f"₹{a:,.2f}", "INR")


def chf_apostrophe() -> Trap:
    """Swiss format "CHF 1'249.00" (apostrophe thousands separator)."""
    return _amount("chf_apostrophe", lambda a: "CHF " + f"{a:,.2f}".replace(",", "'"), "CHF")


TRAPS = {f.__name__: f for f in [aed_prefix, aed_glued, sar_suffix, usd_prefix_control, rupee_sign, chf_apostrophe]}

if __name__ == "__main__":
    main(TRAPS)
