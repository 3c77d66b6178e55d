"""Golden pairs of ``induction.rules.structure_judge``: the judge's verdict in, the split's note out."""

import pytest

from induction.identifier import Gap
from induction.rules.structure_judge import note

GAPS = [Gap(0, [7, 8], "content", "Is "), Gap(1, ["Ann", "Bo"], "content", "Hi ")]

GOLDEN = [
    ({0: "parity"}, "[rule: structure-judge] kept apart: the judge says the value after 'Is ' decides the answer "
                    "(parity)"),
    ({0: "parity", 1: "greeting"}, "[rule: structure-judge] kept apart: the judge says the value after 'Is ' "
                                   "decides the answer (parity); after 'Hi ' decides the answer (greeting)"),
    ({1: "greeting", 7: "not asked"}, "[rule: structure-judge] kept apart: the judge says the value after 'Hi ' "
                                      "decides the answer (greeting)"),
]


@pytest.mark.parametrize(("verdict", "expected"), GOLDEN)
def test_golden(verdict: dict[int, str], expected: str) -> None:
    assert note(GAPS, verdict) == expected
