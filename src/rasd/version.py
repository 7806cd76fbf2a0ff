"""The pipeline version: the package version plus a hash of every lexicon file.

Stored with each processed article, so ``rasd process --reprocess`` knows which results came
from older lexicons.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import rasd


@cache
def pipeline_version() -> str:
    """'<package version>+<12 hex digits of the lexicons' hash>'."""
    h = hashlib.sha256()
    root = Path(__file__).parent / "lexicons"
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".tsv", ".json", ".txt"}:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return f"{rasd.__version__}+{h.hexdigest()[:12]}"
