"""Where rote keeps its local state. Built once at an entry point and passed down.

``$ROTE_HOME`` when set, else the user's data directory (``~/.local/share/rote`` on
Linux, per platformdirs), never the working directory: a command run from another
directory must find the same store, not silently start an empty one.

>>> from pathlib import Path
>>> h = Home(root=Path("/tmp/rote-home"))
>>> h.store_path.name
'rote.duckdb'
>>> Home.from_env({"ROTE_HOME": "/srv/rote"}).root
PosixPath('/srv/rote')
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict

from rote.errors import RoteError


def default_home() -> Path:
    """The user's data directory for rote (where ``$ROTE_HOME`` points when it is not set).

    >>> default_home().name
    'rote'
    """
    return Path(platformdirs.user_data_dir("rote", appauthor=False))


class HomeError(RoteError):
    """``$ROTE_HOME`` cannot be created or written. The message is one line saying what to do."""

    def __init__(self, root: Path, reason: str) -> None:
        super().__init__(f"ROTE_HOME={root} is not usable ({reason}): set ROTE_HOME to a directory you can write, "
                         f"e.g. export ROTE_HOME={default_home()}")
        self.root = root
        self.reason = reason


class Home(BaseModel):
    """Paths under ``$ROTE_HOME`` (default: the user's data directory, :func:`default_home`)."""

    model_config = ConfigDict(frozen=True)

    root: Path

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Home:
        env = dict(os.environ) if env is None else env
        return cls(root=Path(env.get("ROTE_HOME") or default_home()).expanduser().absolute())

    @property
    def store_path(self) -> Path:
        return self.root / "rote.duckdb"

    @property
    def spool_dir(self) -> Path:
        return self.root / "spool"

    @property
    def publish_dir(self) -> Path:
        return self.root / "published"

    @property
    def locks_dir(self) -> Path:
        return self.root / "locks"

    def ensure(self) -> Home:
        """Create the directories; :class:`HomeError` (one line) if that fails."""
        try:
            for p in (self.root, self.spool_dir, self.publish_dir, self.locks_dir):
                p.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise HomeError(self.root, _reason(e)) from None
        return self

    def check_writable(self) -> Home:
        """:meth:`ensure`, then create and remove a file in the root: a read-only mount or
        a directory owned by someone else fails here, before any command starts its work.

        >>> Home(root=Path("/proc/rote-home")).check_writable()
        Traceback (most recent call last):
        rote.config.HomeError: ROTE_HOME=/proc/rote-home is not usable (...): set ROTE_HOME ...
        """
        self.ensure()
        try:
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".write-check-"):
                pass
        except OSError as e:
            raise HomeError(self.root, _reason(e)) from None
        return self


def _reason(e: OSError) -> str:
    """'Permission denied: /x', not the errno tuple."""
    text = os.strerror(e.errno) if e.errno is not None else str(e)
    if e.errno == errno.ENOTDIR and e.filename:
        text = "a path component is a file, not a directory"
    return f"{text}: {e.filename}" if e.filename else text
