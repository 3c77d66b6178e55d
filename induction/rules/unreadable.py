"""unreadable: a template is kept only if the runtime reads every member back as induced.

False hit prevented: a template whose matcher would split a member's text otherwise than
induction did (adjacent free-text slots, "{{host}}.{{domain}}" cut at another dot) binds
other values at request time than its answer was learned with. Such a template is coarsened
(``coarsening``) or, failing that, split into its distinct messages (exact repeats still hit).
Guards ``city_zip_adjacent``, ``full_name_first_word`` and ``full_name_last_word``.

Learning side: ``reads_back``; counted as ``unreadable_splits``. Request-time check: the
matcher itself (``induction.runtime.messages.MessageMatcher``), which ``reads_back`` runs.

>>> from induction.runtime.template import MessageTemplate, Slot, TextTemplate
>>> t = MessageTemplate(role="user", content=TextTemplate(parts=("Hi ", Slot(var="n", kind="word"), ".")))
>>> reads_back(t, [{"role": "user", "content": "Hi Bo."}], [{}], [{"n": "Bo"}])
True
>>> reads_back(t, [{"role": "user", "content": "Hi Bo."}], [{}], [{"n": "Al"}])
False
"""

from __future__ import annotations

from typing import Any

from induction.runtime.messages import MessageMatcher, MessageView, reads_as
from induction.runtime.template import MessageTemplate

_MISSING: Any = object()


def reads_back(template: MessageTemplate, msgs: list[dict[str, Any]], scopes: list[dict[str, Any]],
               new_scopes: list[dict[str, Any]]) -> bool:
    """Whether the runtime matcher reads every member back with the values induction gave it."""
    matcher = MessageMatcher(template)  # built once for all members, as the runtime does for requests
    for msg, scope, new in zip(msgs, scopes, new_scopes, strict=True):
        got = matcher.match(MessageView(msg), scope)
        if got is None:
            return False
        for var, value in got.items():
            want = new.get(var, _MISSING)
            if want is _MISSING or not reads_as(value, want):
                return False
    return True
