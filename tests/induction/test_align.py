"""Token alignment (``induction.align``): texts of as many tokens align position by position
where that shares no fewer words, as a log-template miner groups lines of one length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from induction.align import align


def test_a_shared_token_that_is_also_a_value_stays_in_its_place() -> None:
    # HealthApp's "onExtend:<ts> <n> 0 <m>": where n is 0 too, the shared "0" must not be read
    # as n (every such line kept apart as unreadable before: 102 of 1,005 test lines missed).
    lines = ["onExtend:1514038530000 14 0 4", "onExtend:1514038531000 2 0 5", "onExtend:1514038530000 0 0 4"]
    a = align(lines)
    assert a is not None
    assert a.parts == ["onExtend:", 0, " 0 ", 1]
    assert a.values == [["1514038530000 14", "1514038531000 2", "1514038530000 0"], ["4", "5", "4"]]


def test_values_of_as_many_tokens_by_chance_keep_their_separators() -> None:
    # Two lists of places that happen to fill as many tokens: by position they share spaces but
    # not their "', '"; the word-by-word alignment (here on a shared "University") is kept.
    texts = ["Visit ['Carnegie Mellon University', 'apple store shadyside', 'starbucks on craig street'] today",
             "Visit ['Massachusetts Institute of Technology', 'Harvard University', 'Boston Logan Airport now'] today"]
    a = align(texts)
    assert a is not None
    assert a.parts == ["Visit ['", 0, " University', '", 1, "'] today"]


@given(st.lists(st.tuples(st.integers(0, 99), st.integers(0, 99)), min_size=2, max_size=6, unique=True))
def test_lines_of_one_event_read_every_value_back(pairs: list[tuple[int, int]]) -> None:
    lines = [f"took {x} ms for {y} rows" for x, y in pairs]
    a = align(lines)
    assert a is not None
    for m, line in enumerate(lines):
        rebuilt = "".join(p if isinstance(p, str) else a.values[p][m] for p in a.parts)
        assert rebuilt == line
