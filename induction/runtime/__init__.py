"""The request-time runtime: templates, matching, bindings, hydration, the compiled tree.

This is the only part of ``induction`` the proxy imports. It must stay free of
DuckDB, Prefect, litellm and the induction stages.
"""
