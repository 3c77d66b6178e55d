"""Second probe: agent traffic in styles neither the catalog nor ``probe.py`` covers.

Not part of the catalog (``workflows: all``) nor of any shipped suite but ``probe2``.

What these have that ``realistic.py`` and ``probe.py`` lack:

- a tau-bench-style customer-service conversation (retail returns): the user gives details over
  several turns in varied wording, nested JSON results (an address, payment methods, a list of
  orders and a list of items of varying length), the item the user names picked out of the list
  by its name, a confirmation turn answered yes or no;
- a browser agent: observations are accessibility trees with element ids (``[1234] button
  'Add to cart'``) that differ in every run, actions are ``click(id)`` / ``type(id, text)`` /
  ``select(id, option)``;
- a coding agent: pytest summaries with counts and durations, ``ruff`` diagnostics, a file read
  back with line numbers (a window around a diagnostic's line), ``git diff --stat``, a commit;
- a metrics agent: a tool error (HTTP 429) and the identical retry, the same tool called twice
  with different arguments, a very long result (a 40-row SKU table in JSON), numbers in the answer
  with thousands separators and a currency sign.

Every value an answer carries is copied (or formatted) from the user's messages or a result field
the policy uses; the rest of each result is noise nobody reads.

>>> from evals.workflows import PROBE2
>>> run = PROBE2["retail_returns"].play_run(3)
>>> run.records[0]["request"]["messages"][0]["content"].startswith("# Retail agent policy")
True
"""

from __future__ import annotations

import random
from typing import Any, ClassVar

from faker import Faker

from evals.workflows.base import Run, Workflow, tool
from evals.workflows.realistic import Noise


def _policy(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs)


class RetailReturns(Workflow):
    """tau-bench retail style: multi-turn, nested JSON, list lookups by name, a yes/no confirmation."""

    name = "retail_returns"
    description = ("Retail customer-service agent (tau-bench style): authenticates the user by email over "
                   "several turns, reads the user and the order (nested JSON, lists of varying length), "
                   "returns the item the user names after an explicit yes; a non-delivered order is refused.")
    SYSTEM = _policy(
        "# Retail agent policy",
        "As a retail agent, you can help users return delivered orders. At the beginning of the conversation "
        "you have to authenticate the user identity by locating their user id via email. Once the user is "
        "authenticated, you can provide the user with information about their orders.",
        "- You can only help one user per conversation.\n"
        "- Before taking consequential actions that update the database (return), you must list the action "
        "detail and obtain explicit user confirmation (yes) to proceed.\n"
        "- You should not make up any information or knowledge or procedures not provided from the user or "
        "the tools.\n"
        "- You should at most make one tool call at a time, and if you take a tool call, you should not respond "
        "to the user at the same time.",
        "## Return delivered order\n"
        "- An order can only be returned if its status is 'delivered'. If it is not, tell the user its status "
        "and that only delivered orders can be returned.\n"
        "- The refund goes to the original payment method (the first entry of the order's payment_history).\n"
        "- After the user confirms, the order status will be changed to 'return requested', and the user will "
        "receive an email about how to return the items.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("find_user_id_by_email", "Find user id by email. If the user is not found, returns an error.",
             email="string"),
        tool("get_user_details", "Get the details of a user, including their orders.", user_id="string"),
        tool("get_order_details", "Get the status and details of an order.", order_id="string"),
        tool("return_delivered_order_items", "Return some items of a delivered order.", order_id="string",
             item_ids="array", payment_method_id="string")]
    PRODUCTS = (("T-Shirt", {"color": ["blue", "red", "black"], "size": ["S", "M", "L", "XL"]}),
                ("Running Shoes", {"size": ["8", "9", "10", "11"], "material": ["mesh", "leather"]}),
                ("Desk Lamp", {"color": ["white", "black"], "brightness": ["low", "medium", "high"]}),
                ("Water Bottle", {"capacity": ["500ml", "750ml", "1000ml"], "color": ["green", "blue"]}),
                ("Backpack", {"color": ["grey", "navy"], "size": ["small", "medium", "large"]}),
                ("Wireless Earbuds", {"color": ["white", "black"], "battery life": ["6 hours", "8 hours"]}),
                ("Coffee Maker", {"capacity": ["4 cups", "8 cups", "12 cups"], "type": ["drip", "espresso"]}))
    OPENERS = ("Hi, I'd like to return something I bought.", "hello, i need to return an item",
               "Hey there. I want to send back something from a recent order.")
    GIVE_EMAIL = ("Sure, it's {email}.", "{email}", "My email is {email}")
    PICK = ("It's order {oid}, the {item}.", "Order {oid}. I want to return the {item}.",
            "the {item} from {oid} please")
    YES = ("Yes, please go ahead.", "yes", "Yep, do it.")
    NO = ("No, actually I'll keep it.", "no thanks", "Hmm, no. Don't return it.")

    def _item(self, rng: random.Random, name: str, opts: dict[str, list[str]]) -> dict[str, Any]:
        return {"name": name, "product_id": f"{rng.getrandbits(40):010d}"[:10],
                "item_id": f"{rng.randint(10**9, 10**10 - 1)}", "price": round(rng.uniform(15, 400), 2),
                "options": {k: rng.choice(v) for k, v in opts.items()}}

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        first, last = fake.first_name(), fake.last_name()
        user_id = f"{first.lower()}_{last.lower()}_{rng.randint(1000, 9999)}"
        email = f"{first.lower()}.{last.lower()}{rng.randint(1, 99)}@example.com"
        run.system(self.SYSTEM)
        run.user(rng.choice(self.OPENERS))
        run.say("I can help with that. Could you please provide the email address associated with your account?")
        run.user(rng.choice(self.GIVE_EMAIL).format(email=email))
        run.call("find_user_id_by_email", {"email": email}, user_id)
        orders = [f"#W{rng.randint(1000000, 9999999)}" for _ in range(rng.randint(1, 5))]
        pms: dict[str, Any] = {}
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.6:
                pid = f"credit_card_{rng.randint(1000000, 9999999)}"
                pms[pid] = {"source": "credit_card", "brand": rng.choice(["visa", "mastercard"]),
                            "last_four": f"{rng.randint(0, 9999):04d}", "id": pid}
            else:
                pid = f"paypal_{rng.randint(1000000, 9999999)}"
                pms[pid] = {"source": "paypal", "id": pid}
        address = {"address1": fake.street_address(), "address2": rng.choice(["", f"Suite {rng.randint(100, 999)}"]),
                   "city": fake.city(), "country": "USA", "state": fake.state_abbr(), "zip": fake.zipcode()}
        run.call("get_user_details", {"user_id": user_id}, {
            "user_id": user_id, "name": {"first_name": first, "last_name": last}, "address": address,
            "email": email, "payment_methods": pms, "orders": orders})
        run.say(f"Thank you, {first}, you're verified. Which order would you like to return, and which item?")
        oid = rng.choice(orders)
        chosen = rng.sample(self.PRODUCTS, rng.randint(1, 4))
        items = [self._item(rng, n, o) for n, o in chosen]
        pick = rng.choice(items)
        run.user(rng.choice(self.PICK).format(oid=oid, item=pick["name"].lower()))
        status = rng.choices(["delivered", "pending", "processed"], [0.7, 0.15, 0.15])[0]
        pm = rng.choice(list(pms))
        total = round(sum(i["price"] for i in items), 2)
        fulfil = [] if status == "pending" else [{"tracking_id": [f"{rng.randint(10**11, 10**12 - 1)}"],
                                                  "item_ids": [i["item_id"] for i in items]}]
        run.call("get_order_details", {"order_id": oid}, {
            "order_id": oid, "user_id": user_id, "address": address, "items": items, "fulfillments": fulfil,
            "status": status, "payment_history": [{"transaction_type": "payment", "amount": total,
                                                   "payment_method_id": pm}]}, branch=status)
        if status != "delivered":
            run.say(f"I'm sorry, order {oid} is currently '{status}', so it can't be returned yet. Only "
                    f"delivered orders can be returned.")
            return
        opts = ", ".join(f"{k}: {v}" for k, v in pick["options"].items())
        run.say(f"Here are the details of the return:\n- Order: {oid}\n- Item: {pick['name']} ({opts})\n"
                f"- Refund: ${pick['price']} to {pm}\n\nDo you confirm that you want to proceed (yes/no)?")
        if rng.random() < 0.25:
            run.branch("declined")
            run.user(rng.choice(self.NO))
            run.say("No problem, I haven't made any changes. Is there anything else I can help you with?")
            return
        run.branch("confirmed")
        run.user(rng.choice(self.YES))
        run.call("return_delivered_order_items",
                 {"order_id": oid, "item_ids": [pick["item_id"]], "payment_method_id": pm},
                 {"order_id": oid, "user_id": user_id, "address": address, "items": items,
                  "fulfillments": fulfil, "status": "return requested",
                  "payment_history": [{"transaction_type": "payment", "amount": total, "payment_method_id": pm}],
                  "return_items": [pick["item_id"]], "return_payment_method_id": pm})
        run.say(f"Your return of the {pick['name']} from order {oid} has been requested. You'll receive an email "
                f"with the return instructions, and ${pick['price']} will be refunded to {pm} once we get it.")


class WebShopper(Workflow):
    """Browser agent: accessibility trees with element ids, click/type/select actions."""

    name = "web_shopper"
    description = ("Browser agent on a web shop: searches a product, opens the first result, picks the size, "
                   "adds it to the cart; observations are accessibility trees with per-page element ids; an "
                   "out-of-stock product is reported.")
    SYSTEM = _policy(
        "You are an autonomous web agent operating a Chromium browser for the user. After every action you "
        "receive the page's accessibility tree. Each element is written as [id] role 'name'; ids change on "
        "every page load, so always use the ids of the latest observation.",
        "Actions (tools): click(element_id), type(element_id, text) which types and presses Enter, "
        "select(element_id, option) for comboboxes, and goto(url). Issue exactly one action per turn.",
        "Task procedure for shopping requests: open https://shop.example.com, type the product into the "
        "search box, open the first search result, select the requested size in the 'Size' combobox, then "
        "click 'Add to cart'. If the product page says 'Out of stock', do not add anything and tell the user. "
        "When done, tell the user the product's full name and price as the page shows them.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("goto", "Navigate to a URL", url="string"),
        tool("click", "Click an element", element_id="integer"),
        tool("type", "Type text into an element and press Enter", element_id="integer", text="string"),
        tool("select", "Select an option of a combobox", element_id="integer", option="string")]
    KINDS = ("hiking boots", "rain jacket", "wool socks", "running shorts", "fleece hoodie", "trail shoes",
             "down vest", "beanie")
    BRANDS = ("Northpeak", "Alder & Co", "Summitline", "Ridgeway", "Cobalt Trail", "Fjellstad")
    SIZES = ("XS", "S", "M", "L", "XL")

    def _ids(self, rng: random.Random, n: int) -> list[int]:
        base = rng.randint(100, 9000)
        return [base + i * rng.randint(1, 7) for i in range(n)]

    def _chrome(self, rng: random.Random, fake: Faker, ids: list[int], title: str) -> list[str]:
        cats = rng.sample(["Men", "Women", "Kids", "Camping", "Climbing", "Sale", "New arrivals", "Brands"],
                          rng.randint(3, 6))
        lines = [f"RootWebArea '{title}' focused: True", f"\t[{ids[0]}] link 'Trailhead Outfitters home'",
                 f"\t[{ids[1]}] searchbox 'Search products' required: False"]
        lines += [f"\t[{ids[2 + i]}] link '{c}'" for i, c in enumerate(cats)]
        lines.append(f"\t[{ids[9]}] link 'Cart ({rng.randint(0, 3)})'")
        return lines

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        kind = rng.choice(self.KINDS)
        size = rng.choice(self.SIZES)
        run.system(self.SYSTEM)
        run.user(f"Add a pair of {kind} in size {size} to my cart." if kind.endswith(("s", "shorts"))
                 else f"Please add a {kind} in size {size} to my cart.")
        ids = self._ids(rng, 12)
        home = [
            *self._chrome(rng, fake, ids, "Trailhead Outfitters"),
            f"\t[{ids[10]}] heading 'Free shipping on orders over $75'",
            f"\t[{ids[11]}] StaticText 'Offer ends {fake.date_between('+1d', '+30d'):%B %d}'"]
        run.call("goto", {"url": "https://shop.example.com"}, "\n".join(home))
        search = ids[1]
        ids = self._ids(rng, 12 + 3 * 6)
        results = []
        n = rng.randint(2, 6)
        for _ in range(n):
            price = round(rng.uniform(12, 260), 2)
            results.append((f"{rng.choice(self.BRANDS)} {fake.color_name()} {kind.title()}", price,
                            round(rng.uniform(2.5, 5), 1), rng.randint(3, 2400)))
        page = [
            *self._chrome(rng, fake, ids, f"Search results for '{kind}'"),
            f"\t[{ids[10]}] heading '{n} results for \"{kind}\"'",
            f"\t[{ids[11]}] combobox 'Sort by' hasPopup: listbox value: 'Relevance'"]
        for i, (title, price, stars, reviews) in enumerate(results):
            page += [f"\t[{ids[12 + 3 * i]}] link '{title}'", f"\t[{ids[13 + 3 * i]}] StaticText '${price:,.2f}'",
                     f"\t[{ids[14 + 3 * i]}] StaticText '{stars} out of 5 stars ({reviews:,} reviews)'"]
        run.call("type", {"element_id": search, "text": kind}, "\n".join(page))
        first_link = ids[12]
        title, price, _, _ = results[0]
        ids = self._ids(rng, 20)
        out = rng.random() < 0.25
        sku = f"{rng.randint(100000, 999999)}"
        prod = [
            *self._chrome(rng, fake, ids, title),
            f"\t[{ids[10]}] heading '{title}'", f"\t[{ids[11]}] StaticText '${price:,.2f}'",
            f"\t[{ids[12]}] StaticText 'Item #{sku}'",
            f"\t[{ids[13]}] combobox 'Size' hasPopup: listbox value: 'Select a size'",
            f"\t[{ids[14]}] StaticText '{'Out of stock' if out else 'In stock - ships in 1-2 days'}'",
            f"\t[{ids[15]}] button 'Add to cart'" + (" disabled: True" if out else ""),
            f"\t[{ids[16]}] button 'Add to wishlist'",
            f"\t[{ids[17]}] StaticText '{fake.sentence(nb_words=12)}'"]
        run.call("click", {"element_id": first_link}, "\n".join(prod), branch="out_of_stock" if out else "in_stock")
        if out:
            run.say(f"The first result, {title} (${price:,.2f}), is out of stock, so I didn't add anything to "
                    f"your cart.")
            return
        combo, add = ids[13], ids[15]
        prod2 = [line.replace("value: 'Select a size'", f"value: '{size}'") for line in prod]
        run.call("select", {"element_id": combo, "option": size}, "\n".join(prod2))
        ids2 = self._ids(rng, 14)
        done = [
            *self._chrome(rng, fake, ids2, title),
            f"\t[{ids2[10]}] alert 'Added to cart: {title}, size {size}' live: assertive",
            f"\t[{ids2[11]}] link 'View cart'", f"\t[{ids2[12]}] button 'Continue shopping'",
            f"\t[{ids2[13]}] StaticText 'Subtotal: ${price + rng.choice([0, 0, 24.5, 61.0]):,.2f}'"]
        run.call("click", {"element_id": add}, "\n".join(done))
        run.say(f"Added {title} in size {size} to your cart (${price:,.2f}).")


class LintFixer(Workflow):
    """Coding agent: pytest summaries, ruff diagnostics, a file window with line numbers, git output."""

    name = "lint_fixer"
    description = ("Coding agent fixing a red CI lint step: runs the tests (pytest summary), runs ruff "
                   "(diagnostics), reads the first flagged file around the line (numbered lines), applies "
                   "ruff --fix, checks git diff --stat and commits; failing tests are reported, not fixed.")
    SYSTEM = _policy(
        "You are a coding agent working in the user's repository through a shell tool (run) and a file viewer "
        "(read_file, which prints the lines start..end with line numbers). Commit with the commit tool.",
        "When CI is red: 1) run `pytest -q`. If any test fails, report the number of failures and the first "
        "failing test id and stop: test failures need a human. 2) Otherwise run `ruff check .`. 3) Look at the "
        "first diagnostic: read its file from two lines before to two lines after the flagged line. "
        "4) Run `ruff check --fix .`, then `git diff --stat`, and commit with the message "
        "'Fix lint: <n> errors' where n is the number ruff found. 5) Tell the user how many tests passed, "
        "how many lint errors were fixed, and the commit's short hash.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("run", "Run a shell command in the repository", command="string"),
        tool("read_file", "Print lines start..end of a file with line numbers", path="string", start="integer",
             end="integer"),
        tool("commit", "Commit all changes", message="string")]
    MODULES = ("billing", "ingest", "reports", "auth", "scheduler", "exporter", "cache", "webhooks")
    RULES = (("F401", "[*] `{name}` imported but unused", "import {name}"),
             ("F841", "[*] Local variable `{name}` is assigned to but never used", "    {name} = compute()"),
             ("E711", "[*] Comparison to `None` should be `cond is None`", "    if {name} == None:"),
             ("UP006", "[*] Use `list` instead of `List` for type annotation", "def f({name}: List[int]):"))
    NAMES = ("os", "json", "tmp", "result", "payload", "sys", "retries", "cfg")

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        pkg = fake.word() + "kit"
        branch = f"{rng.choice(['feat', 'fix', 'chore'])}/{fake.word()}-{fake.word()}"
        run.system(self.SYSTEM)
        run.user(f"CI is red on {branch}, can you sort it out?")
        mods = rng.sample(self.MODULES, rng.randint(2, 5))
        tests = sum(rng.randint(3, 40) for _ in mods)
        failed = rng.randint(1, 3) if rng.random() < 0.3 else 0
        skipped = rng.choice([0, 0, 1, 2, 4])
        dur = round(rng.uniform(0.4, 48), 2)
        dots = "\n".join(f"tests/test_{m}.py " + "".join(rng.choice("....s") for _ in range(rng.randint(3, 20)))
                         + f" [{rng.randint(5, 100):3d}%]" for m in mods)
        summary = ", ".join(p for p in [f"{failed} failed" if failed else "", f"{tests - failed} passed",
                                        f"{skipped} skipped" if skipped else ""] if p)
        if failed:
            fmod = mods[0]
            ftest = f"tests/test_{fmod}.py::test_{fake.word()}_{fake.word()}"
            fails = "\n".join(f"FAILED {ftest if i == 0 else f'tests/test_{rng.choice(mods)}.py::test_{fake.word()}'}"
                              f" - AssertionError: assert {rng.randint(0, 99)} == {rng.randint(100, 199)}"
                              for i in range(failed))
            out = f"{dots}\n=========================== short test summary info ============================\n" \
                  f"{fails}\n{summary} in {dur}s"
            run.call("run", {"command": "pytest -q"}, out, branch="tests_fail")
            run.say(f"{failed} test(s) fail, first {ftest}. That needs a code change, so I'm leaving it to you.")
            return
        run.call("run", {"command": "pytest -q"}, f"{dots}\n{summary} in {dur}s", branch="tests_pass")
        n = rng.randint(1, 6)
        diags, files = [], []
        for _ in range(n):
            path = f"src/{pkg}/{rng.choice(mods)}.py"
            rule, msg, src = rng.choice(self.RULES)
            name = rng.choice(self.NAMES)
            line, col = rng.randint(3, 220), rng.choice([1, 5, 9])
            diags.append(f"{path}:{line}:{col}: {rule} {msg.format(name=name)}")
            files.append((path, line, src.format(name=name)))
        ruff = "\n".join(diags) + f"\nFound {n} error{'s' if n > 1 else ''}.\n[*] {n} fixable with the `--fix` option."
        run.call("run", {"command": "ruff check ."}, ruff)
        path, line, src = files[0]
        window = []
        for ln in range(line - 2, line + 3):
            text = src if ln == line else rng.choice(["", "    return value", f"    logger.debug('{fake.word()}')",
                                                       "    # " + fake.sentence(nb_words=6), "from typing import List",
                                                       f"def {fake.word()}_{fake.word()}(x):"])
            window.append(f"{ln:>6}\t{text}")
        run.call("read_file", {"path": path, "start": line - 2, "end": line + 2}, "\n".join(window))
        run.call("run", {"command": "ruff check --fix ."},
                 f"Found {n} error{'s' if n > 1 else ''} ({n} fixed, 0 remaining).")
        touched = sorted({p for p, _, _ in files})
        stat = "\n".join(f" {p} | {sum(1 for q, _, _ in files if q == p)} -" for p in touched)
        run.call("run", {"command": "git diff --stat"},
                 f"{stat}\n {len(touched)} file{'s' if len(touched) > 1 else ''} changed, {n} deletion"
                 f"{'s' if n > 1 else ''}(-)")
        sha = f"{rng.getrandbits(28):07x}"
        run.call("commit", {"message": f"Fix lint: {n} errors"},
                 f"[{branch} {sha}] Fix lint: {n} errors\n {len(touched)} files changed, {n} deletions(-)")
        run.say(f"Tests pass ({tests} passed). ruff found {n} lint errors; I fixed them with `ruff check --fix` "
                f"and committed {sha}.")


class WeeklyMetrics(Workflow):
    """A 429 and its identical retry, one tool twice with different arguments, a long JSON result,
    numbers with thousands separators in the answer."""

    name = "weekly_metrics"
    description = ("Analytics agent: compares a region's revenue and orders over two ISO weeks with two calls "
                   "of one tool; a rate-limited call (HTTP 429) is retried as is; results are long (daily rows, "
                   "a 40-SKU table); the answer formats the totals with thousands separators.")
    SYSTEM = _policy(
        "You are Ledger, the analytics assistant of Pinecrest Retail. You answer questions about sales with "
        "the query_metrics tool (one region and one ISO week per call).",
        "If a call fails with a rate limit (429), call it again with the same arguments. Query the weeks in "
        "the order the user gives them.",
        "Answer in one sentence per week: '<week>: revenue $<total revenue with thousands separators and 2 "
        "decimals>, <orders with thousands separators> orders.' Do not comment on the trend.")
    tools: ClassVar[list[dict[str, Any]]] = [
        tool("query_metrics", "Sales metrics of a region for one ISO week (JSON)", region="string", week="string")]
    REGIONS = ("north-east", "south-east", "midwest", "mountain", "pacific", "texas", "great-lakes")

    def _result(self, rng: random.Random, fake: Faker, noise: Noise, region: str, week: str) -> dict[str, Any]:
        days = []
        for d in range(7):
            days.append({"day": d + 1, "revenue": round(rng.uniform(20_000, 400_000), 2),
                         "orders": rng.randint(200, 4000), "returns": rng.randint(0, 200)})
        skus = [{"sku": f"PC-{rng.randint(10000, 99999)}", "name": f"{fake.color_name()} {fake.word()}",
                 "units": rng.randint(1, 900), "revenue": round(rng.uniform(10, 90_000), 2)} for _ in range(40)]
        return {"region": region, "week": week, "currency": "USD", "generated_at": noise.iso(),
                "query_id": noise.request_id(), "latency_ms": noise.latency(),
                "totals": {"revenue": round(sum(d["revenue"] for d in days), 2),
                           "orders": sum(d["orders"] for d in days),
                           "returns": sum(d["returns"] for d in days)},
                "daily": days, "top_skus": skus}

    def play(self, run: Run, fake: Faker, rng: random.Random) -> None:
        noise = Noise(rng, fake)
        region = rng.choice(self.REGIONS)
        w = rng.randint(2, 48)
        weeks = [f"2026-W{w + 1:02d}", f"2026-W{w:02d}"]
        run.system(self.SYSTEM)
        run.user(f"How did {region} do in {weeks[0]} compared with {weeks[1]}?")
        lines = []
        for i, week in enumerate(weeks):
            args = {"region": region, "week": week}
            if rng.random() < 0.35:
                run.call("query_metrics", args, {"error": {"code": 429, "message": "Rate limit exceeded. Retry "
                                                           f"after {rng.randint(1, 5)} seconds.",
                                                           "request_id": noise.request_id()}},
                         branch=f"rate_limited_{i}")
            res = self._result(rng, fake, noise, region, week)
            run.call("query_metrics", args, res)
            t = res["totals"]
            lines.append(f"{week}: revenue ${t['revenue']:,.2f}, {t['orders']:,} orders.")
        run.say("\n".join(lines))


ALL: tuple[type[Workflow], ...] = (RetailReturns, WebShopper, LintFixer, WeeklyMetrics)
