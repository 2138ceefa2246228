"""The one way the tests run the command a clerk types: `python generate.py ARGS` as a real process.

Used by tests/test_cli.py (which re-exports `run`, `start`, `finish` and `output` for the other command
tests) and tests/test_cli_bad_inputs.py. Every run asserts that no Python traceback reached the user.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

GENERATE = ROOT / "generate.py"
# A terminal width or warnings filter of the shell running the tests must not change what the command prints.
UNSET = ("COLUMNS", "PYTHONWARNINGS")


def environment(drop: tuple[str, ...] = (), **values: str) -> dict[str, str]:
    """This process's environment without `UNSET` and `drop`, with `values` set."""
    env = {k: v for k, v in os.environ.items() if k not in UNSET + drop}
    env.update(values)
    return env


def start(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`python generate.py ARGS` in `cwd`, started (for a test that signals it while it runs)."""
    return subprocess.Popen([sys.executable, str(GENERATE), *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                            env=env or environment())


def finish(proc: subprocess.Popen, timeout: int = 600) -> subprocess.CompletedProcess:
    """Wait for a started command; never a traceback, whatever the outcome."""
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        raise AssertionError(f"generate.py did not end in {timeout} s: {stdout}{stderr}") from None
    done = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600
        ) -> subprocess.CompletedProcess:
    """`python generate.py ARGS` in `cwd` to its end; never a traceback, whatever the outcome."""
    return finish(start(args, cwd, env), timeout)


def output(done: subprocess.CompletedProcess) -> str:
    """stdout and stderr with rich's wrapping undone, for phrase searches."""
    return re.sub(r"\s+", " ", done.stdout + "\n" + done.stderr)
