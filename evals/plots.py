"""PNG plots for the report (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from evals.metrics import SYSTEM_ORDER

COLORS = {"rote": "#1b7837", "rote_http": "#5aae61", "exact": "#2166ac", "fuzzy": "#d6604d",
          "embedding": "#8073ac"}


def _systems(df: pd.DataFrame) -> list[str]:
    present = list(dict.fromkeys(df["system"]))
    return [s for s in SYSTEM_ORDER if s in present] + [s for s in present if s not in SYSTEM_ORDER]


def plot_learning_curve(curve: pd.DataFrame, path: Path, *, title: str = "") -> Path:
    """Hit rate and false-hit rate against training runs per workflow, one line per system."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), constrained_layout=True)
    for s in _systems(curve):
        d = curve[curve["system"] == s].sort_values("train_runs")
        style = {"color": COLORS.get(s), "marker": "o", "label": s, "linewidth": 2.5 if s == "rote" else 1.5}
        ax1.plot(d["train_runs"], d["hit_rate"] * 100, **style)
        ax2.plot(d["train_runs"], d["false_hit_rate"] * 100, **style)
        if s == "rote" and "cacheable_hit_rate" in d:
            ax1.plot(d["train_runs"], d["cacheable_hit_rate"] * 100, color=COLORS["rote"], linestyle="--",
                     marker=".", label="rote (cacheable workflows)")
    for ax, label in ((ax1, "hit rate (%)"), (ax2, "false-hit rate (%)")):
        ax.set_xlabel("training runs per workflow")
        ax.set_ylabel(label)
        ax.set_xticks(sorted(set(curve["train_runs"])))
        ax.grid(alpha=0.3)
    ax1.set_ylim(-2, 102)
    ax2.set_ylim(-0.5, max(5.0, float(curve["false_hit_rate"].max() or 0) * 100 * 1.2))
    ax1.legend(fontsize=8)
    fig.suptitle(f"learning curve{f' ({title})' if title else ''}")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_per_workflow(per_workflow: pd.DataFrame, path: Path, *, order: list[str], title: str = "") -> Path:
    """Per workflow, one bar per system: correct hits solid, false hits hatched red on top."""
    systems = _systems(per_workflow)
    fig, ax = plt.subplots(figsize=(max(8, len(order) * 1.1), 5), constrained_layout=True)
    width = 0.8 / max(1, len(systems))
    for i, s in enumerate(systems):
        d = per_workflow[per_workflow["system"] == s].set_index("workflow").reindex(order)
        xs = [k + (i - (len(systems) - 1) / 2) * width for k in range(len(order))]
        false = (d["false_hit_rate"].fillna(0) * 100).tolist()
        correct = (d["hit_rate"].fillna(0) * 100 - d["false_hit_rate"].fillna(0) * 100).tolist()
        ax.bar(xs, correct, width, color=COLORS.get(s), label=f"{s} correct hits")
        ax.bar(xs, false, width, bottom=correct, color="none", edgecolor="#b2182b", hatch="///",
               linewidth=[1.0 if f else 0.0 for f in false], label=f"{s} false hits" if any(false) else None)
    ax.set_xticks(range(len(order)))
    ax.set_xticklabels(order, rotation=30, ha="right")
    ax.set_ylabel("% of test calls")
    ax.set_ylim(0, 105)
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=7, ncol=4, loc="upper center", bbox_to_anchor=(0.5, -0.22))
    ax.set_title(f"hit rate per workflow{f' ({title})' if title else ''}")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
