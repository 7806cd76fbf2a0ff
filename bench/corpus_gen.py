"""Benchmark inputs: articles made by recombining the sample corpus's sentences (seeded)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from rasd.pipeline import read

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles.jsonl"


def sentences() -> list[str]:
    out: list[str] = []
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = read(json.loads(line)["text"], until="sentences")
            out += [s.text_of(doc) for s in doc.sentences]
    return out


def articles(n: int, target_chars: int = 2000, seed: int = 7) -> list[dict]:
    """``n`` articles of about ``target_chars`` characters, each a distinct text."""
    rng = random.Random(seed)
    pool = sentences()
    out = []
    for i in range(n):
        parts: list[str] = []
        size = 0
        while size < target_chars:
            s = rng.choice(pool)
            parts.append(s)
            size += len(s) + 1
        day = 1 + i % 28
        out.append(
            {
                "id": f"bench-{i}",
                "published": f"2024-03-{day:02d}",
                "outlet": f"Outlet {i % 7}",
                "text": "\n".join(parts),
            }
        )
    return out


def write_jsonl(path: Path, arts: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
