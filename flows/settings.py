"""Where a flow run reads and writes: the local home, the publish destination, the task runner.

Built once at the entry point (CLI or flow parameters) and passed down.

>>> s = FlowSettings.build(home="/tmp/rote-h", env={})
>>> s.publish_url == str(s.home.publish_dir), s.task_runner
(True, 'threads')
>>> FlowSettings.build(home="/tmp/rote-h", env={"ROTE_PUBLISH_URL": "s3://b/p"}).publish_url
's3://b/p'
>>> induction_config("llm", {"min_runs": 3}, env={"ROTE_LLM_MODEL": "openai/gpt-4o-mini"}).llm_model
'openai/gpt-4o-mini'
>>> c = induction_config("hybrid", env={"ROTE_LLM_MAX_TOKENS": "64", "ROTE_RUN_DEADLINE_S": "300"})
>>> c.llm_max_tokens, c.run_deadline_s
(64, 300.0)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from induction.config import InductionConfig
from induction.store import DEFAULT_STORE_WAIT, Store
from induction.store import store_wait as store_wait_from_env
from rote.config import Home

PUBLISH_URL_ENV = "ROTE_PUBLISH_URL"
TASK_RUNNER_ENV = "ROTE_TASK_RUNNER"
# The LLM backend's model and endpoint, unless the flow's ``induction`` parameter names them;
# and the bounds of a run (a slow local model: ROTE_LLM_MAX_TOKENS=64 ROTE_RUN_DEADLINE_S=300).
LLM_ENV = {"llm_model": "ROTE_LLM_MODEL", "llm_api_base": "ROTE_LLM_API_BASE",
           "llm_max_tokens": "ROTE_LLM_MAX_TOKENS", "llm_timeout_s": "ROTE_LLM_TIMEOUT_S",
           "llm_max_retries": "ROTE_LLM_MAX_RETRIES", "run_deadline_s": "ROTE_RUN_DEADLINE_S"}


class FlowSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    home: Home
    # A directory or any fsspec URL (``s3://bucket/prefix``, ``memory://x``).
    publish_url: str
    # "threads" (default), "dask" (a LocalCluster on this machine) or a Dask scheduler
    # address ("tcp://host:8786"); see ``flows.runners``.
    task_runner: str = "threads"
    # Seconds a step waits while another process (an ingest) holds the DuckDB store.
    store_wait: float = DEFAULT_STORE_WAIT

    def open_store(self, *, read_only: bool = False, on_wait: Callable[[str], None] | None = None) -> Store:
        """The store, waiting up to ``store_wait`` for another process to let go of it."""
        return Store.open(self.home.store_path, read_only=read_only, wait=self.store_wait, on_wait=on_wait)

    @classmethod
    def build(cls, *, home: str | os.PathLike[str] | None = None, publish_url: str | None = None,
              task_runner: str | None = None, store_wait: float | None = None,
              env: dict[str, str] | None = None) -> FlowSettings:
        """Explicit values first, then ``$ROTE_HOME`` / ``$ROTE_PUBLISH_URL`` / ``$ROTE_TASK_RUNNER``
        / ``$ROTE_STORE_WAIT``."""
        env = dict(os.environ) if env is None else env
        h = Home(root=Path(home).expanduser().absolute()) if home is not None else Home.from_env(env)
        return cls(home=h, publish_url=publish_url or env.get(PUBLISH_URL_ENV) or str(h.publish_dir),
                   task_runner=task_runner or env.get(TASK_RUNNER_ENV) or "threads",
                   store_wait=store_wait_from_env(env) if store_wait is None else store_wait)


def induction_config(backend: str, overrides: dict[str, Any] | None = None,
                     env: dict[str, str] | None = None) -> InductionConfig:
    """The run's ``InductionConfig``: ``backend``, extra fields, the LLM model from the environment."""
    env = dict(os.environ) if env is None else env
    fields: dict[str, Any] = {k: env[v] for k, v in LLM_ENV.items() if env.get(v)}
    fields.update(overrides or {})
    return InductionConfig(backend=backend, **fields)
