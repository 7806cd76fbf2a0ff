"""The Python API: ``extract`` one text into a ``Report``."""

from __future__ import annotations

import datetime as dt

from rasd.inputs import MAX_ARTICLE_CHARS
from rasd.pipeline import read
from rasd.report import Report


def extract(
    text: str,
    published: dt.date | str | None = None,
    id: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Report:
    """Read one Arabic news text and return its report.

    ``published`` (a date or 'YYYY-MM-DD') anchors relative dates; without it they stay
    unresolved.

    >>> report = extract("اعتقلت الشرطة 12 شخصا في بغداد أمس", published="2024-03-02", id="x")
    >>> report.to_dict()["id"]
    'x'
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if len(text) > MAX_ARTICLE_CHARS:
        raise ValueError(f"text is longer than {MAX_ARTICLE_CHARS:,} characters ({len(text):,})")
    doc = read(text, published=published, id=id or "doc", outlet=outlet, url=url, title=title)
    return Report.from_doc(doc)
