from induction.hashing import canonical_message, message_hash, path_ids, request_key


def call(cid: str, args: str) -> dict:
    return {"id": cid, "type": "function", "function": {"name": "send_email", "arguments": args}}


def test_tool_call_ids_are_ignored() -> None:
    a = {"role": "assistant", "content": None, "tool_calls": [call("call_abc", '{"to": "a@x.io"}')]}
    b = {"role": "assistant", "tool_calls": [call("call_zzz", '{"to": "a@x.io"}')]}
    assert message_hash(a) == message_hash(b)


def test_argument_key_order_and_spacing_are_ignored() -> None:
    a = {"role": "assistant", "tool_calls": [call("1", '{"to": "a@x.io", "subject": "Hi"}')]}
    b = {"role": "assistant", "tool_calls": [call("2", '{"subject":"Hi","to":"a@x.io"}')]}
    assert message_hash(a) == message_hash(b)


def test_argument_values_matter() -> None:
    a = {"role": "assistant", "tool_calls": [call("1", '{"n": 1}')]}
    b = {"role": "assistant", "tool_calls": [call("1", '{"n": 1.5}')]}
    assert message_hash(a) != message_hash(b)


def test_tool_call_id_of_tool_message_ignored_but_content_kept() -> None:
    a = {"role": "tool", "tool_call_id": "call_1", "content": "ok"}
    b = {"role": "tool", "tool_call_id": "call_2", "content": "ok"}
    c = {"role": "tool", "tool_call_id": "call_2", "content": "not ok"}
    assert message_hash(a) == message_hash(b) != message_hash(c)


def test_role_and_name_matter() -> None:
    assert message_hash({"role": "user", "content": "x"}) != message_hash({"role": "system", "content": "x"})
    assert message_hash({"role": "user", "content": "x", "name": "a"}) != message_hash(
        {"role": "user", "content": "x", "name": "b"})


def test_text_parts_equal_plain_string_but_images_do_not() -> None:
    s = {"role": "user", "content": "hello"}
    parts = {"role": "user", "content": [{"type": "text", "text": "hel"}, {"type": "text", "text": "lo"}]}
    img = {"role": "user", "content": [{"type": "text", "text": "hello"},
                                       {"type": "image_url", "image_url": {"url": "http://x/a.png"}}]}
    assert message_hash(s) == message_hash(parts) != message_hash(img)


def test_unparseable_arguments_kept_raw() -> None:
    m = {"role": "assistant", "tool_calls": [call("1", "{not json")]}
    assert canonical_message(m)["tool_calls"][0]["arguments"] == "{not json"


def test_path_ids_depend_on_namespace_and_order() -> None:
    h1, h2 = message_hash({"role": "user", "content": "a"}), message_hash({"role": "user", "content": "b"})
    assert path_ids("default", [h1, h2]) != path_ids("other", [h1, h2])
    assert path_ids("default", [h1, h2])[1] != path_ids("default", [h2, h1])[1]
    assert path_ids("default", [h1, h2])[0] == path_ids("default", [h1])[0]


def test_request_key_ignores_sampling_knobs_but_not_tools() -> None:
    base = {"model": "m", "messages": []}
    assert request_key({**base, "temperature": 0.2, "seed": 3}) == request_key(base)
    assert request_key({**base, "tools": [{"type": "function", "function": {"name": "f"}}]}) != request_key(base)
