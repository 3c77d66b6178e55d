"""FALSE HITS (rule 2, ``Structure.context_only`` on system prompts): values of a system prompt
are made data when the runs went on alike for two levels below, but a value may decide an
answer further down, after a tool result, where training happened to show one outcome.
(a) The customer's email decides free shipping (staff at larkspur.com); the training customers
were all external: the name/email are data, and a staff member is served "costs $5".
(b) The country decides VAT and is copied into the reply; the training countries were all in the
EU: the country is a capitalised status-like word, but it took >= 3 values and a later output
uses it, so it is open data rather than closed, and "Canada" is served "include 20% VAT".
The same traps with the value in the user's message give the same false hits before and after
today's commits (an older limit: a copied or free value a few runs went alike with is data);
with the value in the system prompt, before today's commits (6fe1c95): miss.

    PYTHONPATH=. .venv/bin/python -m docs.review.traps9.repro_system_prompt_data
"""
import random

from docs.review.traps9.repro_util import check, induce_runs
from evals.workflows.base import Run, tool
from evals.workflows.catalog import Hello

H = Hello()
H.tools = [tool("get_order", "Order", order_id="string")]
PEOPLE = [("Angelica", "angelica35@yahoo.com"), ("Stacey", "stacey98@gmail.com"), ("Tony", "tony40@yahoo.com"),
          ("Andrew", "andrew39@hotmail.com"), ("Michael", "michael37@gmail.com"), ("David", "david68@hotmail.com")]
EU = ["Germany", "France", "Spain", "Italy", "Netherlands", "Belgium", "Austria"]


def email_run(i: int, name: str, email: str):
    r = Run(H, random.Random(i))
    oid = f"A-{10000 + 37 * i}"
    r.system(f"You answer order questions for Larkspur.\nCustomer: {name}\nEmail: {email}\n"
             "Staff (emails at larkspur.com) ship free; others pay $5.")
    r.user(f"What will shipping cost for order {oid}?")
    r.call("get_order", {"order_id": oid}, {"id": oid, "status": "processing"})
    r.say(f"Shipping for {oid} is free." if email.endswith("@larkspur.com") else f"Shipping for {oid} costs $5.")
    return r.records


def country_run(i: int, country: str):
    r = Run(H, random.Random(i))
    oid = f"A-{10000 + 37 * i}"
    name, email = PEOPLE[i % len(PEOPLE)]
    r.system(f"You answer billing questions for Larkspur.\nCustomer: {name}\nEmail: {email}\n"
             f"Country: {country}\nEU customers pay 20% VAT; others pay none.")
    r.user(f"Will I pay tax on order {oid}?")
    r.call("get_order", {"order_id": oid}, {"id": oid, "total": 50 + 10 * (i % 5)})
    r.say(f"Yes: orders shipped to {country} include 20% VAT." if country in EU
          else f"No: orders shipped to {country} carry no VAT.")
    return r.records


if __name__ == "__main__":
    tree, result = induce_runs([email_run(i, n, e) for i, (n, e) in enumerate(PEOPLE)])
    check(tree, result, "(a) external customer", email_run(50, "Vicki", "vicki86@hotmail.com")[1], verbose=False)
    check(tree, result, "(a) staff customer", email_run(51, "Craig", "craig@larkspur.com")[1])
    tree, result = induce_runs([country_run(i, c) for i, c in enumerate(EU[:6])])
    check(tree, result, "(b) Austria", country_run(52, "Austria")[1], verbose=False)
    check(tree, result, "(b) Canada", country_run(53, "Canada")[1])
