"""``merge_flow``: one node's children become one template, verified and published, and stay merged."""

from __future__ import annotations

from typing import Any

import pytest

from flows.errors import NothingToMergeError, UnknownNodeError
from flows.induction_flow import induction_flow
from flows.merge_flow import merge_flow
from flows.nodes import resolve_target
from flows.settings import FlowSettings
from induction.publish import Publisher
from induction.runtime.compiled import CompiledTree
from induction.store import Store
from tests.flows.conftest import hello, hello_request, write_segment

pytestmark = pytest.mark.usefixtures("prefect_harness")

NO_AUTO_MERGE = {"auto_merge_min_children": 1000}


def where(settings: FlowSettings) -> dict[str, Any]:
    return {"home": str(settings.home.root), "publish_url": settings.publish_url, "induction": NO_AUTO_MERGE}


def user_templates(tree: CompiledTree) -> list[str]:
    return sorted(str(n.template.content) for n in tree.nodes if n.template.role == "user")


def served(settings: FlowSettings) -> CompiledTree:
    return CompiledTree.from_bytes(Publisher(settings.publish_url).read_tree())


def system_node(settings: FlowSettings) -> str:
    with Store.open(settings.home.store_path, read_only=True) as store:
        (root,) = store.children(None, "default")
        return str(root["node_id"])


def test_merge_makes_the_children_one_template_and_the_merge_sticks(settings: FlowSettings) -> None:
    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria", "Kwame")])
    before = induction_flow(**where(settings))
    assert user_templates(served(settings)) == ["Say hello to Erik.", "Say hello to Kwame.", "Say hello to Maria."]
    assert served(settings).lookup(hello_request("Zed")) is None

    node = system_node(settings)
    summary = merge_flow(node[:10], **where(settings))
    assert summary.flow == "merge" and summary.published_version != before.published_version
    assert Publisher(settings.publish_url).manifest(summary.published_version).parent == before.published_version
    assert user_templates(served(settings)) == ["Say hello to {{name:word}}."]
    hit = served(settings).lookup(hello_request("Zed"))
    assert hit is not None and hit.response["choices"][0]["message"]["content"] == "Hello, Zed!"
    assert summary.merge is not None and summary.merge.node_id == node and summary.merge.children == 3
    (group,) = summary.merge.groups
    assert group.status == "live" and len(group.members) == 3 and "{{name" in group.template

    # The nightly run with the same settings has nothing to do, and after new records keeps the merge.
    assert induction_flow(**where(settings)).skipped
    write_segment(settings.home.spool_dir, [hello("Ann")])
    after = induction_flow(**where(settings))
    assert not after.skipped and user_templates(served(settings)) == ["Say hello to {{name:word}}."]


def test_merge_target_by_template_id_and_user_errors(settings: FlowSettings) -> None:
    write_segment(settings.home.spool_dir, [hello(n) for n in ("Erik", "Maria")] + [
        hello("Kwame", "You greet people warmly.")])
    induction_flow(**where(settings))
    tree = served(settings)
    system_templates = {str(n.template.content): n.id for n in tree.nodes if n.template.role == "system"}
    with Store.open(settings.home.store_path, read_only=True) as store:
        by_template = resolve_target(store, system_templates["You greet people politely."][:12])
        assert by_template.template_id == system_templates["You greet people politely."]
        assert store.node(by_template.store_node_id)["body"]["content"] == "You greet people politely."
        with pytest.raises(UnknownNodeError, match="unknown node 'zzz'"):
            resolve_target(store, "zzz")
    state = merge_flow(system_templates["You greet people warmly."], return_state=True, **where(settings))
    with pytest.raises(NothingToMergeError, match="1 distinct child"):
        state.result()
    summary = merge_flow(by_template.given, **where(settings))
    assert summary.merge is not None and [len(g.members) for g in summary.merge.groups] == [2]
