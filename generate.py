"""The one command: `python generate.py --help` (works from any folder; see lkj_engine/cli.py)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lkj_engine.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
