"""HTML: trafilatura makes the first cut (body and metadata); our line rules clean the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    h1: str | None = None


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def first_h1(html: str) -> str | None:
    """The text of the page's first <h1> (the on-page headline), whitespace collapsed."""
    m = _H1.search(html)
    if not m:
        return None
    text = unescape(_TAG.sub(" ", m.group(1)))
    text = " ".join(text.split())
    return text or None


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    import trafilatura

    doc = None
    # Tables are mostly statistics and layout noise for event coding; a page whose whole article
    # sits in a layout table gets a second pass with tables.
    for tables in (False, True):
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_tables=tables,
        )
        if doc is not None and not isinstance(doc, dict) and doc.text:
            break
    if doc is None or isinstance(doc, dict) or not doc.text:
        return None
    return Extracted(
        text=str(doc.text),
        title=doc.title,
        author=doc.author,
        date=doc.date,
        sitename=doc.sitename,
        h1=first_h1(html),
    )
