"""A prototype of two narrowings of the fixed-words rule, for measurement only (monkeypatched in this
process; the code tree is untouched). Usage:

    cd /tmp/rev17 && PYTHONPATH=/tmp/rev17 .venv/bin/python docs/review/traps17/proto.py stop TRAP...
    cd /tmp/rev17 && PYTHONPATH=/tmp/rev17 .venv/bin/python docs/review/traps17/proto.py cue TRAP...

``stop``: a fixed word that is an English function word (will, may, us, it, no, in, at, on, ...) is
not checked. ``cue``: ``stop``, and only the words of a sentence of the fixed text that holds an
exception cue (never, not, no, except, unless, only, frozen, ...) are checked."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import induction.induce.walk as walk
import induction.runtime.lookup as lookup
from induction.runtime import words as W

STOP = frozenset("""a an the and or but if in on at to of for by as is it its us we you your he she they them
me my our no not so do be am are was were will may can might must shall would could should up all any
this that these those there here what which who how when where with from into out than then too very
just also one""".split())
CUES = frozenset("""never not no except excluding unless only cannot don doesn won isn forbidden prohibited
frozen blocked disabled excluded banned without""".split())  # "don" etc.: "don't" is cut at the apostrophe
MODE = sys.argv.pop(1)


def _parts(template) -> list[str]:
    parts = [p for p in template.content.parts if isinstance(p, str)] if template.content is not None else []
    if template.name:
        parts.append(template.name)
    return parts


def words_of(template) -> frozenset[str]:
    text = " ".join(_parts(template))
    if MODE == "cue":
        out: set[str] = set()
        for sentence in re.split(r"[.!?\n]+", text):
            ws = W.words_of_text(sentence)
            if ws & CUES:
                out |= ws
        return frozenset(out - STOP)
    return W.words_of_text(text) - STOP


walk.words_of = words_of
lookup.words_of = words_of

sys.path.insert(0, str(Path(__file__).parent))
import harness  # noqa: E402

harness.main()
