"""Whether a cached answer fits a request's token limit, counted in tokens.

A request's ``max_tokens`` or ``max_completion_tokens`` (the smaller, when both are set)
would have cut the model's answer short; an answer is served only when it fits:

1. **Recorded usage, literal answer** (every hit is the very text recorded): the largest
   ``usage.completion_tokens`` recorded with it. Exact for that model, reasoning tokens
   included (``max_completion_tokens`` also bounds those).
2. **Recorded usage, templated answer** (values change the length): an estimate of the
   hydrated answer, calibrated per answer at induction time by the largest ratio of
   recorded completion tokens to the same estimate of the recorded answers.
3. **No recorded usage**: ``UNCALIBRATED`` times the estimate, plus ``OVERHEAD``.

Either way, an answer of at most ``limit`` UTF-8 bytes (tool calls counted with their
names and arguments, plus 16 each) fits unless its recorded usage says otherwise: a
byte-level BPE token holds at least one byte.

The estimate is tiktoken's ``cl100k_base`` when its encoding file is on this machine
(litellm ships one; nothing is downloaded), else the byte count: exact for no model, but
calibrated the same way when usage was recorded (the ratio is stored per estimator).

>>> over_limit({"max_tokens": 20}, {"role": "assistant", "content": "Hello Ada, your order has shipped."},
...            {"completion_tokens_max": 9, "literal": 1})
>>> over_limit({"max_tokens": 8}, {"role": "assistant", "content": "Hello Ada, your order has shipped."},
...            {"completion_tokens_max": 9, "literal": 1})
'the answer took 9 tokens when recorded, over the token limit 8'
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import math
import os
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

# Tool-call framing a model spends beyond a call's name and arguments (bytes bound).
CALL_MARGIN: Final = 16
# Without recorded usage: a model's tokenizer may need this many times cl100k's count
# (Llama-2 / Mistral-size vocabularies need ~1.2-1.4x on English and JSON), plus a few.
UNCALIBRATED: Final = 1.5
OVERHEAD: Final = 4
# cl100k_base: tiktoken's cache name (sha1 of its URL) and the file's sha256.
_CL100K_URL: Final = "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken"
_CL100K_SHA256: Final = "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
_CL100K_PATTERN: Final = (r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++"""
                          r"""[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s""")

_lock = threading.Lock()
_encoder: list[Callable[[str], int] | None] = []  # loaded once: [counter or None]


def _cl100k_file() -> Path | None:
    """Where a cl100k_base file is on this machine: tiktoken's caches, else litellm's copy
    (found without importing litellm)."""
    name = hashlib.sha1(_CL100K_URL.encode()).hexdigest()
    dirs = [os.environ.get("TIKTOKEN_CACHE_DIR"), os.environ.get("DATA_GYM_CACHE_DIR"),
            os.path.join(tempfile.gettempdir(), "data-gym-cache")]
    try:
        spec = importlib.util.find_spec("litellm")
    except (ImportError, ValueError):
        spec = None
    for base in (spec.submodule_search_locations or []) if spec else []:
        dirs.append(os.path.join(base, "litellm_core_utils", "tokenizers"))
    for d in dirs:
        if d and (p := Path(d) / name).is_file():
            return p
    return None


def _load() -> Callable[[str], int] | None:
    path = _cl100k_file()
    if path is None:
        return None
    try:
        import tiktoken

        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != _CL100K_SHA256:
            return None
        ranks = {base64.b64decode(tok): int(rank) for tok, rank in (line.split() for line in data.splitlines() if line)}
        enc = tiktoken.Encoding(name="cl100k_base", pat_str=_CL100K_PATTERN, mergeable_ranks=ranks,
                                special_tokens={})
    except Exception:  # no tiktoken, a broken file: the byte count stands in
        return None
    return lambda text: len(enc.encode_ordinary(text))


def estimator_bytes(text: str) -> int:
    """UTF-8 bytes: the estimate when no tokenizer is available (an upper bound)."""
    return len(text.encode("utf-8", "surrogatepass"))


def estimator() -> tuple[str, Callable[[str], int]]:
    """``("cl100k", count)`` when the encoding is available offline, else ``("bytes", count)``.
    Loaded once per process (~0.3 s)."""
    with _lock:
        if not _encoder:
            _encoder.append(_load())
        count = _encoder[0]
    if count is None:
        return "bytes", estimator_bytes
    return "cl100k", count


def _parts(message: Mapping[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    content = message.get("content")
    calls = []
    for call in message.get("tool_calls") or ():
        fn = call.get("function") or {} if isinstance(call, Mapping) else {}
        calls.append((str(fn.get("name") or ""), str(fn.get("arguments") or "")))
    return (content if isinstance(content, str) else ""), calls


def byte_bound(message: Mapping[str, Any]) -> int:
    """UTF-8 bytes of the answer's text and tool calls, plus ``CALL_MARGIN`` per call: no
    byte-level BPE tokenizer needs more tokens than that.

    >>> byte_bound({"content": "héllo", "tool_calls": [{"function": {"name": "f", "arguments": "{}"}}]})
    25
    """
    content, calls = _parts(message)
    return len(content.encode()) + sum(len(n.encode()) + len(a.encode()) + CALL_MARGIN for n, a in calls)


def estimate(message: Mapping[str, Any], count: Callable[[str], int]) -> int:
    """``count`` over the answer's text, tool names and arguments, plus 4 per tool call."""
    content, calls = _parts(message)
    return count(content) + sum(count(n) + count(a) + 4 for n, a in calls)


def limit_of(request: Mapping[str, Any]) -> int | None:
    """The request's completion-token limit: the smaller of ``max_tokens`` and
    ``max_completion_tokens`` when both are set.

    >>> limit_of({"max_tokens": 50, "max_completion_tokens": 30}), limit_of({"max_tokens": True})
    (30, None)
    """
    found = [v for v in (request.get("max_tokens"), request.get("max_completion_tokens"))
             if isinstance(v, int) and not isinstance(v, bool)]
    return min(found) if found else None


def recorded_usage(responses: Sequence[Mapping[str, Any]], *, literal: bool) -> dict[str, int]:
    """What induction keeps of the recorded answers' ``usage`` for the runtime: the means
    (reported on a hit), the largest completion count, whether every hit serves the recorded
    text (``literal``), and per estimator the largest ratio of recorded completion tokens to
    the estimate, in thousandths (``per_1000_cl100k``, ``per_1000_bytes``).

    >>> r = {"choices": [{"message": {"role": "assistant", "content": "Hello Ada!"}}],
    ...      "usage": {"prompt_tokens": 10, "completion_tokens": 4}}
    >>> u = recorded_usage([r, r], literal=True)
    >>> u["completion_tokens"], u["completion_tokens_max"], u["literal"], u["per_1000_bytes"]
    (4, 4, 1, 400)
    """
    usages = [r.get("usage") or {} for r in responses]
    prompt = [int(u.get("prompt_tokens") or 0) for u in usages]
    done = [int(u.get("completion_tokens") or 0) for u in usages]
    out = {"prompt_tokens": sum(prompt) // max(len(prompt), 1),
           "completion_tokens": sum(done) // max(len(done), 1)}
    if not done or min(done) <= 0:
        return out  # a call without usage: nothing recorded is exact
    out["completion_tokens_max"] = max(done)
    out["literal"] = int(literal)
    name, count = estimator()
    for label, fn in dict([("bytes", estimator_bytes), (name, count)]).items():
        ratios = []
        for r, c in zip(responses, done, strict=True):
            message = ((r.get("choices") or [{}])[0] or {}).get("message") or {}
            est = estimate(message, fn)
            if est > 0:
                ratios.append(c / est)
        if ratios:
            out[f"per_1000_{label}"] = math.ceil(max(ratios) * 1000)
    return out


def needed(message: Mapping[str, Any], usage: Mapping[str, int] | None) -> tuple[int, str]:
    """The tokens the answer needs (see the module docstring) and how that was known."""
    usage = usage or {}
    recorded = usage.get("completion_tokens_max")
    if recorded and usage.get("literal"):
        return recorded, "recorded"
    name, count = estimator()
    ratio = usage.get(f"per_1000_{name}")
    est = estimate(message, count)
    if ratio:
        return math.ceil(est * ratio / 1000), "calibrated"
    return min(byte_bound(message), math.ceil(est * UNCALIBRATED) + OVERHEAD), "estimated"


def over_limit(request: Mapping[str, Any], message: Mapping[str, Any], usage: Mapping[str, int] | None) -> str | None:
    """Why ``message`` may not fit the request's token limit, or None when it fits (or no
    limit is set)."""
    limit = limit_of(request)
    if limit is None:
        return None
    usage = usage or {}
    if "completion_tokens_max" not in usage and usage.get("completion_tokens", 0) > limit:
        # An artifact induced before the counts were kept: its mean is all that is known.
        return f"the answer took {usage['completion_tokens']} tokens when recorded, over the token limit {limit}"
    tokens, how = needed(message, usage)
    if tokens <= limit:
        return None
    if how == "recorded":
        return f"the answer took {tokens} tokens when recorded, over the token limit {limit}"
    return f"the answer may need {tokens} tokens ({how}), over the token limit {limit}"
