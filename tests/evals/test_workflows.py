from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from evals.fixtures import TEST_SEED, TRAIN_SEED
from evals.workflows import REGISTRY, WORKFLOWS
from induction.hashing import message_hash
from induction.ingest import parse_record

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "fixtures"


def test_catalog_covers_the_issue() -> None:
    assert len(WORKFLOWS) >= 8
    assert sum(not w.cacheable for w in WORKFLOWS.values()) >= 2
    assert {"tictactoe", "arithmetic", "form_fill", "crm_email"} <= set(WORKFLOWS)


@pytest.mark.parametrize("name", sorted(REGISTRY))  # the catalog and the adversarial workflows
def test_runs_are_deterministic_valid_and_append_only(name: str) -> None:
    runs = REGISTRY[name].runs(seed=7, n=3)
    assert orjson.dumps(runs) == orjson.dumps(REGISTRY[name].runs(seed=7, n=3))
    assert orjson.dumps(runs) != orjson.dumps(REGISTRY[name].runs(seed=8, n=3))
    for run in runs:
        assert run
        previous: list[str] = []
        for rec in run:
            parse_record(orjson.dumps(rec))  # raises on anything ingest would reject
            hashes = [message_hash(m) for m in rec["request"]["messages"]]
            assert hashes[: len(previous)] == previous, "contexts must grow append-only"
            previous = [*hashes, message_hash(rec["response"]["choices"][0]["message"])]


def test_shipped_fixtures_match_the_generators(tmp_path: Path) -> None:
    from evals.fixtures import write_runs

    lines = (FIXTURES / "train.jsonl").read_bytes().splitlines()
    # One system prompt per workflow (its opening: returns_desk's states the day and the customer).
    runs = {orjson.loads(line)["request"]["messages"][0]["content"][:40] for line in lines}
    assert len(runs) == len(WORKFLOWS)
    n_train = sum(1 for line in lines if orjson.loads(line)["request"]["messages"][0]["content"]
                  == WORKFLOWS["hello"].runs(TRAIN_SEED, 1)[0][0]["request"]["messages"][0]["content"])
    write_runs(tmp_path / "train.jsonl", list(WORKFLOWS), seed=TRAIN_SEED, n=n_train)
    write_runs(tmp_path / "test.jsonl", list(WORKFLOWS), seed=TEST_SEED, n=n_train)
    assert (tmp_path / "train.jsonl").read_bytes() == (FIXTURES / "train.jsonl").read_bytes(), \
        "regenerate: python -m evals.fixtures data/fixtures"
    assert (tmp_path / "test.jsonl").read_bytes() == (FIXTURES / "test.jsonl").read_bytes()


def test_branches_label_the_calls_after_them() -> None:
    """``Run.branch`` labels every later call of the run (the eval's "seen path" oracle); the
    call before the branch is not labelled: its request cannot know the outcome."""
    from evals.replay import eval_calls, path_coverage

    calls = eval_calls(["order_branch", "hello"], seed=2, n=4, namespace="shared")
    order = [c for c in calls if c.workflow == "order_branch" and c.run == 0]
    status = order[1].structure
    assert order[0].structure == () and status in (("shipped",), ("cancelled",))
    assert order[2].structure == status
    assert all(c.structure == () for c in calls if c.workflow == "hello")
    cov = path_coverage(["order_branch", "hello"], seed=2, n=4)
    assert cov[("hello", 0, ())] == 4 and cov[("order_branch", 0, ())] == 4
    assert cov[("order_branch", 1, ("shipped",))] + cov[("order_branch", 1, ("cancelled",))] == 4
    # Tic-tac-toe: every X move is a branch, so turn k is labelled by the k moves so far.
    game = [c for c in eval_calls(["tictactoe"], seed=2, n=1, namespace="shared")]
    assert [len(c.structure) for c in game] == list(range(1, len(game) + 1))
