"""A 1 MB adversarial message against a tree of 10,000 templates is rejected or matched fast.

The bound asserted here is generous (CI machines are noisy); docs/runtime.md has the real
figures, which running this file prints (median of 7 lookups per message):

    .venv/bin/python tests/induction/runtime/test_adversarial.py
"""

from __future__ import annotations

import time

import pytest

from induction.runtime.compiled import CompiledTree, compile_tree
from induction.runtime.nodes import ResponseTemplate, TemplateNode
from induction.runtime.template import MessageTemplate, Slot, TextTemplate

MB = 1 << 20
BOUND_S = 0.5


def S(var: str, kind: str = "text") -> Slot:
    return Slot(var=var, kind=kind)  # type: ignore[arg-type]


def node(id: str, *parts: str | Slot) -> TemplateNode:
    return TemplateNode(id=id, parent=None, template=MessageTemplate(role="user", content=TextTemplate(parts=parts)),
                        response=ResponseTemplate(message=MessageTemplate(role="assistant",
                                                                          content=TextTemplate(parts=("ok",)))))


@pytest.fixture(scope="module")
def tree() -> CompiledTree:
    return build_tree()


def build_tree() -> CompiledTree:
    nodes = []
    for i in range(2500):  # one shared prefix: a bucket tested with an re2.Set
        nodes.append(node(f"a{i:04}", "Process: ", S("a"), " and ", S("b"), f" done {i}"))
    for i in range(2500):  # adjacent slots, distinct prefixes
        nodes.append(node(f"b{i:04}", f"Task {i}: ", S("x"), S("y"), S("z", "multiline"), "."))
    for i in range(2500):  # a big multiline slot between literals
        nodes.append(node(f"c{i:04}", f"Log of job {i}:\n", S("log", "multiline"), "\nEND ", S("n", "digits")))
    for i in range(2500):  # many slots separated by one repeated character
        nodes.append(node(f"d{i:04}", f"csv{i}:", *(p for k in range(8) for p in (S(f"v{k}", "word"), ","))))
    t = compile_tree(nodes)
    t.warm()
    return t


def timed(tree: CompiledTree, content: str) -> tuple[object, float]:
    request = {"model": "m", "messages": [{"role": "user", "content": content}]}
    started = time.perf_counter()
    hit = tree.lookup(request)
    return hit, time.perf_counter() - started


CASES = {
    "separator everywhere (ambiguous)": "Process: " + "x and " * (MB // 6) + "y done 17",
    "adjacent slots (ambiguous)": "Task 3: " + "ab" * (MB // 2) + ".",
    "near miss at the very end": "Log of job 5:\n" + "line\n" * (MB // 5) + "END x",
    "repeated separator": "csv9:" + "a," * (MB // 2),
    "no template at all": "Z" * MB,
    "unicode": "Task 3: " + "é漢🙂" * (MB // 9) + ".",
}


LOG = "line\n" * (MB // 5)
CSV = ["a"] * 7 + ["b" * (MB // 2)]
HITS = {
    "legit 1 MB log (hit)": f"Log of job 5:\n{LOG}\nEND 42",
    "legit 1 MB csv field (hit)": "csv9:" + "".join(v + "," for v in CSV),
}


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_messages_are_rejected_fast(tree: CompiledTree, name: str) -> None:
    hit, elapsed = timed(tree, CASES[name])
    assert hit is None
    assert elapsed < BOUND_S, f"{name}: {elapsed * 1000:.0f} ms"


def test_a_legit_megabyte_message_matches_fast(tree: CompiledTree) -> None:
    hit, elapsed = timed(tree, HITS["legit 1 MB log (hit)"])
    assert hit is not None and hit.bindings == {"log": LOG, "n": "42"}
    assert elapsed < BOUND_S
    hit, elapsed = timed(tree, HITS["legit 1 MB csv field (hit)"])
    assert hit is not None and hit.bindings["v7"] == CSV[-1]
    assert elapsed < BOUND_S


if __name__ == "__main__":
    import statistics

    t = build_tree()
    for name, content in {**CASES, **HITS}.items():
        runs = [timed(t, content) for _ in range(7)]
        ms = statistics.median(elapsed * 1000 for _, elapsed in runs)
        print(f"| {name} | {ms:.1f} ms | {'hit' if runs[0][0] is not None else 'miss'} |")
