"""Structured logs: one JSON object per line, ``event`` plus the ``extra`` fields.

Modules log with ``log.info("tree.loaded", extra={"version": v})``; the entry
point (``proxy.cli``) installs :class:`JsonFormatter`. Libraries never configure
logging themselves, so tests and embedding apps keep theirs.

>>> import logging
>>> rec = logging.LogRecord("rote.proxy", logging.INFO, "x", 1, "tree.loaded", None, None)
>>> rec.version = "v1"
>>> JsonFormatter().format(rec).split(",", 2)[2]
'"logger":"rote.proxy","event":"tree.loaded","version":"v1"}'
"""

from __future__ import annotations

import logging
import sys
from typing import Any

import orjson

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName",
                                                                             "color_message"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        for k, v in vars(record).items():
            if k not in _STANDARD and not k.startswith("_"):
                out[k] = v
        if record.exc_info:
            out["exc"] = self.formatException(record.exc_info)
        return orjson.dumps(out, default=str).decode()


def configure_logging(level: str = "info") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("rote", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(level.upper())
        logger.propagate = False
