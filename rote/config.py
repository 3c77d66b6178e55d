"""Where rote keeps its local state. Built once at an entry point and passed down.

>>> from pathlib import Path
>>> h = Home(root=Path("/tmp/rote-home"))
>>> h.store_path.name
'rote.duckdb'
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict

DEFAULT_HOME = Path("data/local")


class Home(BaseModel):
    """Paths under ``$ROTE_HOME`` (default ``./data/local``)."""

    model_config = ConfigDict(frozen=True)

    root: Path

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Home:
        env = dict(os.environ) if env is None else env
        return cls(root=Path(env.get("ROTE_HOME") or DEFAULT_HOME).expanduser().absolute())

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
        for p in (self.root, self.spool_dir, self.publish_dir, self.locks_dir):
            p.mkdir(parents=True, exist_ok=True)
        return self
