"""Eval suites: which workflows, how many runs, seeds, backend, baselines and thresholds.

A suite is a YAML file in ``evals/suites/`` (named by its stem) or anywhere (named by path).

>>> s = Suite.model_validate({"name": "t", "workflows": ["hello"], "train_runs": 2, "learning_curve": [1]})
>>> s.curve_points()
[1, 2]
>>> load_suite("default").name
'default'

``workflows`` is a list of names (any of ``evals.workflows.REGISTRY``) and group keywords,
or one group keyword: ``all`` (the catalog, ``WORKFLOWS``: never the adversarial ones; ``core``
is its ten small workflows, ``realistic`` its realistic ones),
``adversarial`` (the adversarial workflows rote holds at zero false hits) and
``adversarial-limits`` (those with a known limit), ``probe`` (``evals/workflows/probe.py``) and
``probe2`` (``probe2.py``).

>>> Suite.model_validate({"name": "t", "workflows": ["hello", "adversarial-limits"]}).workflows[:3]
['hello', 'split_bill_rounding', 'max_of_three']
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from evals.workflows import PROBE, PROBE2, REGISTRY, WORKFLOWS
from evals.workflows.adversarial import GUARDED, KNOWN_LIMITS
from evals.workflows.realistic import ALL as _REALISTIC

SUITES_DIR = Path(__file__).resolve().parent / "suites"
Baseline = Literal["exact", "fuzzy", "embedding"]
BASELINES: tuple[Baseline, ...] = ("exact", "fuzzy", "embedding")
# Group keywords a suite's ``workflows`` may use; ``all`` is the catalog only.
REALISTIC: tuple[str, ...] = tuple(cls.name for cls in _REALISTIC)
GROUPS: dict[str, tuple[str, ...]] = {"all": tuple(WORKFLOWS), "adversarial": GUARDED,
                                      # the catalog's small workflows and its realistic ones (realistic.py)
                                      "core": tuple(w for w in WORKFLOWS if w not in REALISTIC),
                                      "realistic": REALISTIC,
                                      "adversarial-limits": KNOWN_LIMITS,
                                      "probe": tuple(PROBE), "probe2": tuple(PROBE2)}


class Seeds(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    train: int = 1
    test: int = 2

    @model_validator(mode="after")
    def _apart(self) -> Seeds:
        if self.train == self.test:
            raise ValueError(f"seeds: train and test are both {self.train}; the test runs would be training runs")
        return self


class Price(BaseModel):
    """USD per million tokens, for the "saved" columns."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    input_per_mtok: float = 0.15
    output_per_mtok: float = 0.60


class Thresholds(BaseModel):
    """Hard limits: ``rote eval`` exits non-zero when one is violated (None = not checked)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_false_hits: int | None = 0
    min_cacheable_hit_rate: float | None = None  # rote, over calls of cacheable workflows
    # rote, over calls of cacheable workflows on paths training showed ``min_runs`` times
    min_seen_path_hit_rate: float | None = None
    beat_exact: bool = True  # rote's hit rate must exceed the exact-match baseline's


class Targets(BaseModel):
    """Goals shown in the report with the gap to them; never fail the run."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cacheable_hit_rate: float | None = 0.9


class Suite(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str = ""
    workflows: list[str] = Field(default_factory=lambda: list(WORKFLOWS))
    train_runs: int = Field(default=5, ge=1)
    test_runs: int = Field(default=10, ge=1)
    seeds: Seeds = Seeds()
    backend: Literal["heuristic", "llm", "hybrid"] = "heuristic"
    # Extra InductionConfig fields (e.g. ``min_runs: 2``).
    induction: dict[str, Any] = Field(default_factory=dict)
    # "shared": every workflow's runs in one namespace, as one tenant's proxy sees them;
    # "per_workflow": one namespace per workflow.
    namespace: Literal["shared", "per_workflow"] = "shared"
    # Training-run counts for the learning curve; [] skips it. ``train_runs`` is always measured.
    # The runtime's per-lookup time budget for the in-process replay (None: the runtime's default,
    # what the proxy uses). It is the lookup thread's CPU time, so waiting for a core does not count.
    lookup_budget_ms: float | None = Field(default=None, gt=0)
    learning_curve: list[int] = Field(default_factory=lambda: [1, 2, 3, 5, 8])
    baselines: list[Baseline] = Field(default_factory=lambda: list(BASELINES))
    fuzzy_threshold: float = Field(default=95.0, ge=0, le=100)
    embedding_model: str = "all-MiniLM-L6-v2"
    embedding_threshold: float = Field(default=0.9, ge=-1, le=1)
    price: Price = Price()
    thresholds: Thresholds = Thresholds()
    targets: Targets = Targets()

    @field_validator("workflows", mode="before")
    @classmethod
    def _groups(cls, v: Any) -> Any:
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list):
            return v
        out: list[Any] = []
        for w in v:
            for name in GROUPS.get(w, (w,)) if isinstance(w, str) else (w,):
                if name not in out:
                    out.append(name)
        return out

    @field_validator("workflows")
    @classmethod
    def _known(cls, v: list[str]) -> list[str]:
        if not v:
            raise ValueError("a suite needs at least one workflow")
        unknown = [w for w in v if w not in REGISTRY]
        if unknown:
            raise ValueError(f"unknown workflows {unknown}; known: {sorted(REGISTRY)}, groups: {sorted(GROUPS)}")
        return v

    @model_validator(mode="after")
    def _curve(self) -> Suite:
        if any(n < 1 for n in self.learning_curve):
            raise ValueError("learning_curve points must be >= 1")
        return self

    @property
    def min_runs(self) -> int:
        """Training runs that must agree before induction serves an answer (``InductionConfig.min_runs``)."""
        from induction.config import InductionConfig

        return int(self.induction.get("min_runs", InductionConfig().min_runs))

    def curve_points(self) -> list[int]:
        """Training-run counts to measure, ascending, always including ``train_runs``."""
        return sorted({*self.learning_curve, self.train_runs})

    @property
    def cacheable(self) -> dict[str, bool]:
        return {w: REGISTRY[w].cacheable for w in self.workflows}


def suite_path(name_or_path: str | Path) -> Path:
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml") or p.exists():
        return p
    return SUITES_DIR / f"{name_or_path}.yaml"


def load_suite(name_or_path: str | Path) -> Suite:
    """A suite by name (``evals/suites/NAME.yaml``) or by path."""
    path = suite_path(name_or_path)
    if not path.is_file():
        known = sorted(p.stem for p in SUITES_DIR.glob("*.yaml"))
        raise FileNotFoundError(f"no suite {str(name_or_path)!r} (looked for {path}); known suites: {known}")
    data = yaml.safe_load(path.read_text()) or {}
    data.setdefault("name", path.stem)
    return Suite.model_validate(data)


def available_suites() -> list[str]:
    return sorted(p.stem for p in SUITES_DIR.glob("*.yaml"))
