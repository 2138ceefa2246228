"""The one command for the clerks: `python generate.py --help` (the same as the `lkjip` console script).

Python puts this file's folder on the import path, so it works from a plain copy of the project
without installing it; see `lkj_engine/cli/main.py`.
"""
import sys

from lkj_engine.cli.main import command

if __name__ == "__main__":
    sys.exit(command())
