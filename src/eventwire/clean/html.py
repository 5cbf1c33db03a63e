"""HTML: trafilatura makes the first cut (body and metadata); our line rules clean the rest."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import unescape
from types import MappingProxyType
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
# A page last modified more than half a year after its first publication is a refreshed page
# (an evergreen guide, a rewritten explainer): the date it shows its readers is the refresh.
REFRESHED_AFTER = timedelta(days=180)

# "2023-12-22T22:22:07-0500", "2023-12-23 03:22Z": a timestamp that says its UTC offset.
_STAMP = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})(?![\d:])"
)
# The page's own "last modified" metadata: schema.org dateModified, Open Graph / article tags,
# found by their names first (a plain substring search), then the date right after the name.
_MODIFIED_KEYS = ("dateModified", "article:modified_time", "og:updated_time")
_AFTER_KEY = re.compile(r"""["']?\s*(?::\s*"|[^>]{0,80}?content=["'])(\d{4}-\d{2}-\d{2})""")


# A date line printed with the headline ("Dec. 22, 2023", "Updated 19 September 2023, 10:02"):
# a short text of its own within the first HEADER_CHARS of HTML from the <h1> on.
HEADER_CHARS = 6000
SHOWN_DATE_MAX_GAP = timedelta(days=366)
DATE_LINE_CHARS = 80
_H1_START = re.compile(r"<h1\b", re.I)
_NON_TEXT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.I | re.S)
_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS = MappingProxyType({name: n for n, names in enumerate(_MONTH_NAMES, 1) for name in names})
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_LINE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}}))\b",
    re.I,
)


def _occurrences(text: str, needle: str) -> list[int]:
    found = []
    pos = text.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


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


def _stamps(html: str, days: tuple[str, ...]) -> list[datetime]:
    """The timestamps on these days (YYYY-MM-DD) that carry their UTC offset, as aware datetimes."""
    found = []
    for day in days:
        for pos in _occurrences(html, day):
            match = _STAMP.match(html, pos)
            if match is None:
                continue
            _, clock, seconds, offset = match.groups()
            if offset == "Z":
                offset = "+00:00"
            elif ":" not in offset:
                offset = f"{offset[:3]}:{offset[3:]}"
            try:
                found.append(datetime.fromisoformat(f"{day}T{clock}:{seconds or '00'}{offset}"))
            except ValueError:
                continue  # "25:61" is not a time of day
    return found


def local_day(html: str, day: str) -> str:
    """The publisher's own calendar day: a date read from a UTC timestamp ("…T03:22Z") becomes
    the local day when the page writes the same instant with its local offset ("…T22:22-0500")."""
    try:
        found = date.fromisoformat(day)
    except ValueError:
        return day
    around = tuple((found + timedelta(days=d)).isoformat() for d in (0, -1, 1))
    stamps = _stamps(html, around)
    utc = [s for s in stamps if s.utcoffset() == timedelta(0) and s.date().isoformat() == day]
    for instant in utc:
        for local in stamps:
            if local.utcoffset() != timedelta(0) and abs((local - instant).total_seconds()) < 60:
                return local.date().isoformat()
    return day


def refreshed_day(html: str, day: str) -> str:
    """The page's last modification when it came long after ``day`` (see REFRESHED_AFTER)."""
    modified = []
    for key in _MODIFIED_KEYS:
        for pos in _occurrences(html, key):
            match = _AFTER_KEY.match(html, pos + len(key))
            if match is None:
                continue
            try:
                modified.append(date.fromisoformat(match.group(1)))
            except ValueError:
                continue  # an impossible calendar date in the metadata
    try:
        published = date.fromisoformat(day)
    except ValueError:
        return day
    latest = max(modified, default=published)
    return latest.isoformat() if latest - published > REFRESHED_AFTER else day


def _line_date(line: str) -> str | None:
    match = _DATE_LINE.search(line)
    if match is None:
        return None
    month = MONTHS[(match["m1"] or match["m2"]).lower()]
    try:
        return date(int(match["y1"] or match["y2"]), month, int(match["d1"] or match["d2"])).isoformat()
    except ValueError:
        return None  # "February 30, 2024"


def headline_date(html: str) -> str | None:
    """The date the page prints with its headline: the first short text (a date line, not a
    sentence) holding a full date, in the stretch of HTML that starts at the first <h1>."""
    start = _H1_START.search(html)
    if start is None:
        return None
    region = _NON_TEXT.sub(" ", html[start.start() : start.start() + HEADER_CHARS])
    for piece in _TAG.split(region):
        line = " ".join(unescape(piece).split())
        if line and len(line) <= DATE_LINE_CHARS and (found := _line_date(line)):
            return found
    return None


def page_date(html: str, found: str | None) -> str | None:
    """The article's date from trafilatura's pick (first publication): a long-refreshed page
    takes its refresh date, and the day is the publisher's local one."""
    if not found:
        return None
    return local_day(html, refreshed_day(html, found[:10]))


def choose_date(shown: str | None, meta: str | None) -> str | None:
    """The date printed with the headline, unless it is more than a year away from the page's
    metadata date (then it is more likely another story's or a birth date than this one's)."""
    if shown is None or meta is None:
        return shown or meta
    try:
        gap = abs(date.fromisoformat(shown) - date.fromisoformat(meta[:10]))
    except ValueError:
        return shown  # the metadata date is not a calendar date: nothing to weigh against
    return shown if gap <= SHOWN_DATE_MAX_GAP else meta


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
        date=choose_date(headline_date(html), page_date(html, doc.date)),
        sitename=doc.sitename,
        h1=first_h1(html),
    )
