"""Build templates/lkjip_template.docx, the LKjIP Word template, from its layout code.

The layout lives in `lkj_engine/render/layout/` (one module per part of the report); the committed
.docx is this script's output byte for byte (tests/test_word_template_build.py).

Usage: python templates/build_template.py [OUTPUT.docx]
"""
from __future__ import annotations

import sys
from pathlib import Path

from lkj_engine.render.layout import OUT, build

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(build(target))
