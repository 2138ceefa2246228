"""The one way the tests run the command a clerk types: `python generate.py ARGS` as a real process.

Used by tests/test_cli.py (which re-exports `run` and `output` for the other command tests) and
tests/test_cli_bad_inputs.py. Every run asserts that no Python traceback reached the user.
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


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600
        ) -> subprocess.CompletedProcess:
    """`python generate.py ARGS` in `cwd`; never a traceback, whatever the outcome."""
    done = subprocess.run([sys.executable, str(GENERATE), *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=env or environment(), timeout=timeout)
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def output(done: subprocess.CompletedProcess) -> str:
    """stdout and stderr with rich's wrapping undone, for phrase searches."""
    return re.sub(r"\s+", " ", done.stdout + "\n" + done.stderr)
