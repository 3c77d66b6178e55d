"""The request-time runtime: templates, matching, bindings, hydration, the compiled tree.

This is the only part of ``induction`` the proxy imports. It must stay free of
DuckDB, Prefect, litellm and the induction stages (networkx is imported only
when a tree is compiled). Entry points:

- :func:`induction.runtime.compiled.compile_tree`, :class:`induction.runtime.compiled.CompiledTree`
  (``lookup``, ``explain``, ``to_bytes``/``from_bytes``), :class:`induction.runtime.lookup.Hit`;
- :func:`induction.runtime.messages.match_message`, :func:`induction.runtime.messages.match_json`,
  :func:`induction.runtime.matcher.match_text` for the induction stages;
- :mod:`induction.runtime.dsl` (``OPS``, ``evaluate``, ``validate``) and
  :mod:`induction.runtime.bindings` (``build_dag``, ``run_derivations``).

See ``docs/runtime.md``.
"""
