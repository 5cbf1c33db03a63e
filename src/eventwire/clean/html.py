"""HTML: trafilatura makes the first cut (body and metadata); our line rules clean the rest."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None


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
    )
