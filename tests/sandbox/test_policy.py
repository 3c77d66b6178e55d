from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rote.errors import PolicyViolation, SandboxError
from sandbox.policy import check

LEGIT = [
    "def f(full_name):\n    return full_name.split()[0]\n",
    "import re\ndef f(text):\n    return float(re.sub(r'[^0-9.]', '', text))\n",
    "from datetime import datetime, timedelta\n"
    "def f(day):\n    return (datetime.strptime(day, '%Y-%m-%d') + timedelta(days=3)).strftime('%Y-%m-%d')\n",
    "from decimal import Decimal, localcontext\n"
    "def f(x):\n    with localcontext() as ctx:\n        return str(Decimal(x).quantize(Decimal('0.01')))\n",
    "import json, unicodedata\ndef f(s):\n    return json.dumps(unicodedata.normalize('NFKD', s))\n",
    "def f(a, b):\n    return '{} {}!'.format(a, b) + f'{a!r:>10}' + '%s' % b\n",
    "def f(xs):\n    try:\n        return sorted(xs)[0]\n    except (IndexError, TypeError):\n        return None\n",
    "def f(xs):\n    try:\n        n = len(xs)\n    finally:\n        g = lambda: 1\n    return n\n",
    "def f(s):\n    return [c for c in (x.strip() for x in s.split(',')) if c]\n",
]


@pytest.mark.parametrize("source", LEGIT)
def test_legitimate_derivations_pass(source: str) -> None:
    check(source, "f")


REFUSED = [
    ("import os", "import"),
    ("import os.path", "import"),
    ("from os import path", "import"),
    ("from . import x", "import"),
    ("from re import *", "import"),
    ("from string import Formatter", "import"),
    ("from re import _compile", "import"),
    ("import importlib", "import"),
    ("import pickle", "import"),
    ("import ctypes", "import"),
    ("x = __import__('os')", "dunder"),
    ("x = __builtins__", "dunder"),
    ("x = ().__class__.__bases__[0].__subclasses__()", "dunder"),
    ("def __init__(self):\n    pass", "dunder"),
    ("x = getattr((), 'a' + 'b')", "forbidden-name"),
    ("x = eval('1')", "forbidden-name"),
    ("exec('1')", "forbidden-name"),
    ("x = compile('1', 'f', 'eval')", "forbidden-name"),
    ("x = open('/etc/passwd')", "forbidden-name"),
    ("x = globals()", "forbidden-name"),
    ("x = type(1)", "forbidden-name"),
    ("x = vars()", "forbidden-name"),
    ("try:\n    pass\nexcept BaseException:\n    pass", "forbidden-name"),
    ("try:\n    pass\nexcept:\n    pass", "bare-except"),
    ("def f():\n    try:\n        pass\n    finally:\n        return 1", "finally-exit"),
    ("for i in x:\n    try:\n        pass\n    finally:\n        if i:\n            continue", "finally-exit"),
    ("g = (i for i in [1])\nx = g.gi_frame", "attribute"),
    ("x = y.f_back.f_globals", "attribute"),
    ("x = e.tb_frame", "attribute"),
    ("x = int.mro()", "attribute"),
    ("import statistics\nx = statistics.sys", "attribute"),
    ("x = y._private", "attribute"),
    ("import json\njson.dumps = None", "attribute-assignment"),
    ("del x.y", "attribute-assignment"),
    ("x = '{0.__class__}'.format(1)", "format"),
    ("x = '{0[0]}'.format([1])", "format"),
    ("x = '{0:{1.real}}'.format(1, 2)", "format"),
    ("x = t.format(1)", "format"),
    ("x = str.format('{}', 1)", "format"),
    ("x = '{a}'.format_map({})", "attribute"),
    ("class X:\n    pass", "statement"),
    ("async def f():\n    pass", "statement"),
    ("match x:\n    case str(__class__=c):\n        pass", "dunder"),
    ("def f(:\n", "syntax"),
    ("x = 1\x00", "syntax"),
    ("x = " + "(" * 5000 + ")" * 5000, "syntax"),
    ("x = 'a'\n" * 20_000, "size"),
]


@pytest.mark.parametrize(("source", "rule"), REFUSED)
def test_refusals_name_the_rule(source: str, rule: str) -> None:
    with pytest.raises(PolicyViolation) as info:
        check(source)
    assert info.value.rule == rule
    assert isinstance(info.value, SandboxError)
    assert f"[{rule}]" in str(info.value)


def test_violation_carries_the_line() -> None:
    with pytest.raises(PolicyViolation) as info:
        check("import re\n\ndef f(x):\n    return x.__class__\n")
    assert info.value.line == 4


def test_missing_function() -> None:
    with pytest.raises(PolicyViolation) as info:
        check("def g():\n    return 1\n", "f")
    assert info.value.rule == "missing-function"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_accepted_or_refused_never_crashes(source: str) -> None:
    try:
        check(source)
    except PolicyViolation:
        pass
