"""Review 13 traps, round 6: a number with a unit where the unit changes between runs (several
currencies' codes, minutes and hours, mg and g): ranges.measure_range wants one unit."""
from __future__ import annotations

import random
from collections.abc import Callable

from docs.review.traps.harness import Trap, main
from docs.review.traps13.t13c import _gate

CODES = ["USD", "EUR", "GBP", "CHF"]


def _money(name: str, fmt: Callable[[str, float], str], codes: list[str]) -> Trap:
    """{"invoice": ..., "amount": "USD 1,200.00"}; 5,000 or more (any currency) needs approval. Training under
    4,000; test to 20,000."""
    def gen(r: random.Random, tr: bool) -> tuple[str, float]:
        return r.choice(codes), round(r.uniform(50, 4000 if tr else 20000), 2)
    return _gate(name, "You are the AP assistant. Invoices of 5,000 or more, in any currency, need approval.",
                 lambda r: f"INV-{r.randint(1000, 9999)}", "get_invoice",
                 lambda r, x: {"vendor": "Acme", "amount": fmt(*x)}, gen, lambda x: x[1] >= 5000,
                 "request_approval", "Invoice paid.", "This invoice needs approval; I've requested it.", False)


def amount_multi_currency() -> Trap:
    return _money("amount_multi_currency", lambda c, v: f"{c} {v:,.2f}", CODES)


def amount_multi_currency_glued() -> Trap:
    return _money("amount_multi_currency_glued", lambda c, v: f"{c}{v:.2f}", CODES)


def amount_multi_currency_after() -> Trap:
    return _money("amount_multi_currency_after", lambda c, v: f"{v:,.2f} {c}", CODES)


def amount_one_currency() -> Trap:
    """Control: one code."""
    return _money("amount_one_currency", lambda c, v: f"{c} {v:,.2f}", ["EUR"])


def _eta(v: int) -> str:
    return f"{v} min" if v < 60 else f"{v / 60:.1f} hrs"


def eta_units_mixed() -> Trap:
    """Courier {"eta": "45 min" | "1.5 hrs"}; 2 hours or more -> offer a refund of the delivery fee.
    Training 5 min-1.9 hrs; test to 6 hrs."""
    return _gate("eta_units_mixed", "You are the food-delivery assistant. When the ETA is 2 hours or more, refund the "
                 "delivery fee.", lambda r: f"order {r.randint(1000, 9999)}", "get_eta",
                 lambda r, x: {"courier": "Sam", "eta": _eta(x)}, lambda r, tr: r.randint(5, 115 if tr else 360),
                 lambda x: x >= 120, "refund_delivery_fee", "Your order is on its way.",
                 "Sorry for the wait; I've refunded the delivery fee.", False)


def dose_units_mixed() -> Trap:
    """Prescription {"dose": "500 mg" | "1.5 g"}; over 2 g a day -> pharmacist review. Training 100 mg-1.9 g;
    test to 4 g."""
    def fmt(mg: int) -> str:
        return f"{mg} mg" if mg < 1000 else f"{mg / 1000:.1f} g"
    return _gate("dose_units_mixed", "You are the pharmacy assistant. Daily doses over 2 g need a pharmacist review.",
                 lambda r: f"rx-{r.randint(10000, 99999)}", "get_rx",
                 lambda r, x: {"drug": "paracetamol", "dose": fmt(x)}, lambda r, tr: r.choice(
                     [r.randint(1, 9) * 100, r.randint(10, 19 if tr else 40) * 100]),
                 lambda x: x > 2000, "request_pharmacist_review", "Prescription approved.",
                 "That dose needs a pharmacist review; I've requested it.", False)


TRAPS = {f.__name__: f for f in [
    amount_multi_currency, amount_multi_currency_glued, amount_multi_currency_after, amount_one_currency,
    eta_units_mixed, dose_units_mixed]}

if __name__ == "__main__":
    main(TRAPS)
