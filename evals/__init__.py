"""rote evals: fixture workflows, suites, baselines, metrics and reports.

- ``workflows/``: the fixture agent workflows (``WORKFLOWS``); ``fixtures``: writes ``data/fixtures``;
- ``suites/*.yaml`` and ``suite``: what to run; ``runner.run_suite``: runs it;
- ``replay``: test calls replayed one by one; ``baselines``: exact, fuzzy and embedding caches;
- ``metrics``: the metric tables; ``report`` and ``plots``: markdown, CSV, PNG and terminal output;
- ``http``: ``--http`` replay through the real proxy and a scripted upstream; ``cli``: ``rote eval``.

See ``docs/evals.md``.
"""
