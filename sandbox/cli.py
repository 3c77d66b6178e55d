"""``rote sandbox``: run one derivation call from the shell, or show the isolation.

``exec`` always ends its output with one JSON line ``{"ok", "value", "error"}``
and exits 0 when ``ok``, 1 otherwise. Whatever happens (bad arguments, a refused
or failing call, a sandbox that cannot start) it answers in that form, never
with a traceback. Mounted by ``rote.cli`` as ``rote sandbox``; also runnable as
``python -m sandbox.cli``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer
from pydantic import ValidationError

from rote.errors import SandboxError
from sandbox.batch import Limits
from sandbox.config import backend_from_config
from sandbox.protocol import Case, CaseResult

app = typer.Typer(help="Run untrusted derivation code in the sandbox.", no_args_is_help=True,
                  add_completion=False)


@app.command("exec")
def exec_(
    code: Annotated[str | None, typer.Option("--code", help="File with the derivation source ('-' or /dev/stdin: stdin).")] = None,
    function: Annotated[str | None, typer.Option("--function", help="Name of the function to call.")] = None,
    kwargs: Annotated[str, typer.Option("--kwargs", help="Keyword arguments as a JSON object.")] = "{}",
    backend: Annotated[str, typer.Option("--backend", help="local, e2b or auto.")] = "local",
    timeout: Annotated[str | None, typer.Option("--timeout", help="Per-call time limit in seconds.")] = None,
) -> None:
    """Run FUNCTION(**KWARGS) from the derivation in --code; print the JSON result last."""
    try:
        result = _exec(code, function, kwargs, backend, timeout)
    except BaseException as e:  # the contract: an answer, never a traceback
        result = CaseResult(ok=False, error=f"internal error: {type(e).__name__}: {e}", kind="crashed")
    if result.output:
        sys.stderr.write(result.output if result.output.endswith("\n") else result.output + "\n")
    typer.echo(result.to_json_line())
    raise typer.Exit(0 if result.ok else 1)


def _exec(code: str | None, function: str | None, kwargs: str, backend: str,
          timeout: str | None) -> CaseResult:
    def refuse(message: str) -> CaseResult:
        return CaseResult(ok=False, error=message)

    if not code or not function:
        return refuse("both --code FILE and --function NAME are required")
    try:
        source = sys.stdin.read() if code in ("-", "/dev/stdin") else Path(code).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return refuse(f"cannot read --code {code}: {e}")
    try:
        arguments = orjson.loads(kwargs)
    except orjson.JSONDecodeError as e:
        return refuse(f"--kwargs is not JSON: {e}")
    if not isinstance(arguments, dict):
        return refuse("--kwargs must be a JSON object")
    try:
        # Parsed here, not by click, so a bad value still gets the JSON answer.
        limits = Limits() if timeout is None else Limits.model_validate({"case_timeout_s": timeout})
        case = Case(source=source, function=function, kwargs=arguments)
    except ValidationError as e:
        return refuse(f"invalid argument: {e.errors()[0]['loc'][-1]}: {e.errors()[0]['msg']}")
    try:
        with backend_from_config(backend, limits=limits) as sandbox:
            return sandbox.run_batch([case])[0]
    except SandboxError as e:
        return refuse(f"the sandbox failed: {e}")
    except ValueError as e:
        return refuse(str(e))


@app.command("info")
def info(backend: Annotated[str, typer.Option("--backend", help="local, e2b or auto.")] = "local") -> None:
    """Print, as JSON, the backend, the isolation in effect, the limits and allowed modules."""
    from sandbox.local import LocalBackend
    from sandbox.policy import ALLOWED_MODULES

    report: dict[str, object] = {"backend": backend, "allowed_modules": sorted(ALLOWED_MODULES)}
    try:
        chosen = backend_from_config(backend)
        report["backend"] = type(chosen).__name__
        report["limits"] = getattr(chosen, "limits", Limits()).model_dump()
        if isinstance(chosen, LocalBackend):
            with chosen:
                report["isolation"] = chosen.isolation.model_dump()
                report["summary"] = chosen.isolation.summary()
        else:
            report["isolation"] = {"e2b": "an E2B micro-VM per session, created without internet access"}
    except (SandboxError, ValueError) as e:
        report["error"] = str(e)
        typer.echo(orjson.dumps(report).decode())
        raise typer.Exit(1) from None
    typer.echo(orjson.dumps(report).decode())


if __name__ == "__main__":
    app()
