"""HTML: trafilatura makes the first cut (body and metadata); our line rules clean the rest."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from html import unescape
from typing import Any


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
_WORD = re.compile(r"\w+")

# Under this many words the precise cut has most likely missed the article (a reprint notice,
# a teaser); trafilatura's balanced settings get a second try on such pages only.
MIN_ARTICLE_WORDS = 50
# Tables stay in the text only when they are most of it (standings, results, a data page);
# beside a prose article they are spec sheets, schedules and statistics, noise for event coding.
TABLE_ARTICLE_SHARE = 0.5


def first_h1(html: str) -> str | None:
    """The text of the page's first <h1> (the on-page headline), whitespace collapsed."""
    m = _H1.search(html)
    if not m:
        return None
    text = unescape(_TAG.sub(" ", m.group(1)))
    text = " ".join(text.split())
    return text or None


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _bare(html: str, url: str | None, precise: bool) -> Any:
    """trafilatura's Document (body with tables, metadata), or None when it finds no text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=precise,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    if doc is None or isinstance(doc, dict) or not doc.text:
        return None
    return doc


def _drop_tables(body: Any) -> Any:
    """A copy of trafilatura's body tree without its tables (and a heading right above one)."""
    body = deepcopy(body)
    for table in list(body.iter("table")):
        before = table.getprevious()
        if before is not None and before.tag == "head" and not (before.tail or "").strip():
            _remove(before)
        _remove(table)
    return body


def _remove(element: Any) -> None:
    """Remove an element from its tree, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    if tail.strip():
        before = element.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def body_text(doc: Any) -> str:
    """The page's text: without its tables unless they make up most of the article."""
    text = str(doc.text)
    if doc.body is None or doc.body.find(".//table") is None:
        return text
    from trafilatura.xml import xmltotxt

    prose = str(xmltotxt(_drop_tables(doc.body), False))
    if not prose.strip() or word_count(prose) < (1 - TABLE_ARTICLE_SHARE) * word_count(text):
        return text
    return prose


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    doc = _bare(html, url, precise=True)
    if doc is None or word_count(str(doc.text)) < MIN_ARTICLE_WORDS:
        retry = _bare(html, url, precise=False)
        if retry is not None and (doc is None or word_count(str(retry.text)) > word_count(str(doc.text))):
            doc = retry
    if doc is None:
        return None
    return Extracted(
        text=body_text(doc),
        title=doc.title,
        author=doc.author,
        date=doc.date,
        sitename=doc.sitename,
        h1=first_h1(html),
    )
