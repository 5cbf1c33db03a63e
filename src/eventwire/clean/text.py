"""Clean scraped plain text (and trafilatura's output for HTML) into an Article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from eventwire.clean.rules import CleanRule
from eventwire.ingest import normalise_date
from eventwire.records import Article, RawArticle, Rejection, Removed

TERMINAL = tuple(".!?:;\"”’')…]")
FUNCTION_WORDS = frozenset(
    "the a an and or but nor of to in on at by for with from as that which who whom whose "
    "its their his her our your is are was were be been being has have had will would "
    "could should can may might must than into onto over under about against between "
    "during after before while because if".split()
)
KNOWN_WIRES = MappingProxyType(
    {
        "reuters": "Reuters",
        "ap": "AP",
        "associated press": "AP",
        "afp": "AFP",
        "agence france-presse": "AFP",
        "xinhua": "Xinhua",
        "yonhap": "Yonhap",
        "kyodo": "Kyodo",
        "bloomberg": "Bloomberg",
        "dpa": "dpa",
        "ians": "IANS",
        "pti": "PTI",
        "tass": "TASS",
        "anadolu": "Anadolu",
        "upi": "UPI",
        "cnn": "CNN",
        "voa": "VOA",
    }
)
# "SEOUL/WASHINGTON (Reuters) - ", "GENEVA, March 5 (AP) — ", "KYIV — "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'’/ ,-]{1,80}?)"
    r"(?:,\s*(?P<when>(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)))?"
    r"\s*\((?P<wire>[^()]{2,40})\)\s*[-–—]+\s*"
)
_DATELINE_NOWIRE = re.compile(r"^(?P<place>[A-Z][A-Z.'’/ ,-]{2,60}?)\s*(?:[–—]+|--)\s+(?=[A-Z])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_RELATIVE = re.compile(r"\b(?:ago|today|yesterday|just now|minutes?|hours?)\b", re.I)
# "Updated at 1:23 p.m.": a time of day without its date
_TIME_ONLY = re.compile(r"^(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?\.?$", re.I)
_BULLET = re.compile(r"^[-•*–]\s+\S")
LINK_HEADING_RULE = "source-link"
_CREDIT_NAMES = re.compile(r"Reporting by (?P<names>[^;()]+)", re.I)


@dataclass
class _State:
    title: str | None
    published: str | None
    byline: str | None = None
    credits: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


def normalise_line(line: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _apply_rules(line: str, rules: Sequence[CleanRule], state: _State) -> bool:
    """True when a rule removed the line (recording it), False to keep it."""
    for rule in rules:
        match = rule.match(line)
        if not match:
            continue
        value = match.groupdict().get("value")
        if rule.action == "published":
            if value and _RELATIVE.search(value):
                # "Updated 2 hours ago": no date we can know without the crawl time
                state.removed.append(Removed(line, rule.reason + " (relative: no date taken)", rule.name))
                return True
            if value and _TIME_ONLY.match(value.strip()):
                state.removed.append(Removed(line, rule.reason + " (time only: no date taken)", rule.name))
                return True
            parsed = normalise_date(value)
            if parsed is None:
                continue  # "Date: unknown" is not a date line we understand; keep looking
            state.published = state.published or parsed
        elif rule.action == "byline":
            state.byline = state.byline or _strip_agency(value)
        elif rule.action == "credit":
            state.credits.append(line)
        state.removed.append(Removed(line, rule.reason, rule.name))
        return True
    return False


def _strip_agency(value: str | None) -> str | None:
    """'Sofia Marin, Associated Press' → 'Sofia Marin'."""
    if value is None:
        return None
    parts = re.split(r"\s*[,|]\s*", value)
    kept = [p for p in parts if p.lower() not in KNOWN_WIRES]
    return ", ".join(kept) if kept else value


def _ends_open(text: str) -> bool:
    return not text.endswith(TERMINAL)


def _continues(prev: str, nxt: str) -> bool:
    """Does ``nxt`` continue the sentence that ``prev`` left open (a broken paragraph)?"""
    if not _ends_open(prev):
        return False
    last = prev.rsplit(" ", 1)[-1].lower().strip("“\"'(")
    return nxt[:1].islower() or prev.endswith(",") or last in FUNCTION_WORDS


def _paragraphs(blocks: list[list[str]], html: bool) -> list[str]:
    paras: list[str] = []
    # When blank lines separate paragraphs, a single line break inside a block is wrapping.
    wrapped = not html and len(blocks) >= 2 and any(len(b) > 1 for b in blocks)
    for block in blocks:
        current = ""
        for line in block:
            if current and not wrapped and (html or not _joins_hard_wrap(current, line)):
                paras.append(current)
                current = line
            else:
                current = f"{current} {line}" if current else line
        if current:
            paras.append(current)
    merged: list[str] = []
    for para in paras:
        if merged and _continues(merged[-1], para):
            merged[-1] = f"{merged[-1]} {para}"
        else:
            merged.append(para)
    return merged


def _joins_hard_wrap(prev: str, nxt: str) -> bool:
    """Lines of one block: join when the first was cut by a fixed width, not a paragraph end."""
    return _ends_open(prev) and (len(prev) >= 50 or _continues(prev, nxt))


def _split_dateline(first: str, state: _State) -> tuple[str, str | None, str | None]:
    match = _DATELINE.match(first)
    if match:
        wire_raw = match["wire"].strip()
        wire = KNOWN_WIRES.get(wire_raw.lower(), wire_raw)
        state.removed.append(Removed(match[0].strip(), "dateline", "dateline"))
        return first[match.end() :], match["place"].strip(" ,"), wire
    match = _DATELINE_NOWIRE.match(first)
    if match:
        state.removed.append(Removed(match[0].strip(), "dateline", "dateline"))
        return first[match.end() :], match["place"].strip(" ,"), None
    return first, None, None


def _byline_from_credits(credits: list[str]) -> str | None:
    for credit in credits:
        match = _CREDIT_NAMES.search(credit)
        if match:
            names = re.split(r",| and ", match["names"])
            people = [re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", n).strip() for n in names]
            people = [p for p in people if p]
            if people:
                return ", ".join(people)
    return None


_TITLE_SEP = re.compile(r"\s+[|–—:-]\s+|\s*\|\s*")


def strip_site_name(title: str | None, site: str | None) -> str | None:
    """'Storm hits coast | Demo News' → 'Storm hits coast' (the site's name, or a short part
    after a ' | ' separator, is not part of the headline)."""
    if not title:
        return title
    parts = [p.strip() for p in _TITLE_SEP.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site_key = re.sub(r"\W+", "", (site or "").lower())
    if site_key:
        kept = [p for p in parts if re.sub(r"\W+", "", p.lower()) != site_key]
        if len(kept) < len(parts) and kept:
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    if " | " in title or title.count("|") == 1:
        head, _, tail = title.partition("|")
        if len(head.split()) >= 4 and len(tail.split()) <= 4:
            return head.strip()
    return title


_MEDIA_TAG = re.compile(
    r"\s*[\[(](?:watch|video|videos|photos?|pictures|pics|gallery|listen|audio|podcast)[\])]$", re.I
)
_SPACE_BEFORE_CLITIC = re.compile(r"\s+(?=['’](?:s|t|re|ll|ve|d)\b)")


def _headline_parts(h1: str) -> str:
    """A headline without the section label set off by ' | ' ('Politics | Storm hits coast',
    'Opinion | Let them play | Editorial') or a media tag after it ('… [Watch]', '… (video)')."""
    parts = [p.strip() for p in h1.split(" | ")]
    if len(parts) > 1:
        longest = max(parts, key=lambda p: len(p.split()))
        others = [p for p in parts if p is not longest]
        if len(longest.split()) >= 4 and all(len(p.split()) <= 3 for p in others):
            h1 = longest
    return _MEDIA_TAG.sub("", h1)


def choose_title(meta: str | None, h1: str | None, site: str | None) -> str | None:
    """The on-page headline (<h1>) when it is a real headline, else the page title without the
    site's name. An <h1> that is the page title with a short section label in front of it
    ('Opinion What we learned') gives the page title."""
    page_title = strip_site_name(meta, site)
    if h1 and len(h1.split()) >= 4 and len(h1) <= 300:
        h1 = _headline_parts(_SPACE_BEFORE_CLITIC.sub("", h1))
        if page_title and h1.endswith(page_title) and h1 != page_title:
            label = h1[: -len(page_title)].split()
            if len(label) <= 2 and len(page_title.split()) >= 4:
                return page_title
        return h1
    return page_title


_BYLINE_JUNK = re.compile(
    r"^(?:by|view all posts by|posted by|written by|published|updated|link copied|share|follow)"
    r"\b[:\s]*",
    re.I,
)
_BYLINE_TRAILER = re.compile(r"\s+(?:published|updated|posted|link copied)\b.*$", re.I)
_URLISH = re.compile(r"(?:www\.|\bwww\b|\.com\b|\bcom$|https?:|@|\d)", re.I)
_ORGISH = re.compile(
    r"\b(?:staff|news|press|media|agency|network|online|newsroom|desk|editors?|team|wire|"
    r"times|post|journal|daily|magazine|tribune|herald|nast|aol|associated|report|telegram|"
    r"gazette|redazione|university|school|institute)\b",
    re.I,
)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")
# Degrees and licences written after a name: "Lauren Roe MS RD" → "Lauren Roe".
_DEGREES = re.compile(
    r"(?:,?\s+(?:MS|MA|MSc|BSc|RD|RDN|LD|LDN|MD|Ph\.?D\.?|MPH|MBA|RN|CPA|DVM|JD|CDN|CDCES))+$"
)
# "Tom Roe The Associated Press", "Tom Roe, Reuters" written as one part.
_WIRE_SUFFIX = re.compile(
    r"\s+(?:the\s+)?(?:" + "|".join(re.escape(w) for w in sorted(KNOWN_WIRES, key=len, reverse=True)) + r")$",
    re.I,
)
# A job title listed beside the name is neither a name nor a publisher.
_JOB_TITLE = re.compile(
    r"\b(?:officer|chief|director|manager|president|founder|ceo|cto|correspondent|columnist|"
    r"contributor|producer|photographer|stylist|intern)\b",
    re.I,
)


def clean_byline(author: str | None, site: str | None) -> str | None:
    """Names only: no publisher, site name, URL pieces, handles, credentials or 'Published'
    trailers. An agency stays when it is the only author."""
    if not author:
        return author
    site_key = re.sub(r"\W+", "", (site or "").lower())
    months = {m.lower() for m in _MONTHS}
    names: list[str] = []
    orgs: list[str] = []
    for part in re.split(r"\s*(?:[;|,]|\band\b|&)\s*", author):
        part = _BYLINE_TRAILER.sub("", _BYLINE_JUNK.sub("", part.strip())).strip(" .:-")
        part = _DEGREES.sub("", part).strip(" .:-")
        person = _WIRE_SUFFIX.sub("", part)
        if person != part and len(person.split()) >= 2 and not _ORGISH.search(person):
            part = person  # a name with its agency after it
        if not part or _URLISH.search(part) or _CREDENTIAL.match(part) or _JOB_TITLE.search(part):
            continue
        key = re.sub(r"\W+", "", part.lower())
        if (site_key and key == site_key) or part.lower() in months:
            continue
        if _ORGISH.search(part) or part.lower() in KNOWN_WIRES:
            orgs.append(part)
            continue
        if len(part.split()) > 4:
            continue
        if any(key == re.sub(r"\W+", "", n.lower()) for n in names):
            continue  # "Ayeesha-Walsh" beside "Ayeesha Walsh"
        names.append(part)
    if any(" " in n for n in names):  # a one-word handle ("Tpluto") beside real names
        names = [n for n in names if " " in n]
    if names:
        return "; ".join(names)
    return orgs[0] if orgs else None


_MONTHS = "January February March April May June July August September October November December".split()


def clean_article(
    raw: RawArticle, rules: Sequence[CleanRule], default_date: str | None = None
) -> Article | Rejection:
    """Clean one RawArticle. HTML goes through trafilatura first, then the same line rules."""
    body = raw.body
    title = raw.title
    byline: str | None = None
    published = raw.published
    if raw.fmt == "html":
        from eventwire.clean.html import extract_html

        extracted = extract_html(body, raw.url)
        if extracted is None:
            return Rejection(raw.source, "clean", "HTML page has no extractable article text")
        body = extracted.text
        title = title or choose_title(extracted.title, extracted.h1, extracted.sitename)
        byline = clean_byline(extracted.author, extracted.sitename)
        published = published or extracted.date
    state = _State(title=title, published=published, byline=byline)
    lines = [normalise_line(line) for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    drop_rules = [r for r in rules if r.action == "drop"]
    if state.title is None:
        for i, line in enumerate(lines):
            if line and not _apply_rules(line, drop_rules, state):
                state.title = line
                lines = lines[i + 1 :]
                break
    blocks: list[list[str]] = [[]]
    link_list = False  # inside the bulleted list under a "Related stories:" heading
    for line in lines:
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        if state.title and line == state.title and not any(blocks):
            state.removed.append(Removed(line, "headline repeated in the body", "headline-repeat"))
            continue
        if link_list and _BULLET.match(line):
            state.removed.append(Removed(line, "link under a related-links heading", LINK_HEADING_RULE))
            continue
        link_list = False
        if _apply_rules(line, rules, state):
            last = state.removed[-1]
            link_list = last.rule == LINK_HEADING_RULE and _ends_open(line.rstrip(" :"))
            continue
        blocks[-1].append(line)
    paragraphs = _paragraphs([b for b in blocks if b], html=raw.fmt == "html")
    dateline = wire = None
    if paragraphs:
        first, dateline, wire = _split_dateline(paragraphs[0], state)
        paragraphs[0] = first
        paragraphs = [p for p in paragraphs if p.strip()]
    if not paragraphs:
        return Rejection(
            raw.source,
            "clean",
            f"no article text left after cleaning ({len(state.removed)} lines removed)",
        )
    text = "\n\n".join(paragraphs)
    offsets = []
    pos = 0
    for para in paragraphs:
        offsets.append((pos, pos + len(para)))
        pos += len(para) + 2
    return Article(
        source=raw.source,
        text=text,
        paragraphs=tuple(offsets),
        title=state.title,
        url=raw.url,
        dateline=dateline,
        wire=wire,
        published=state.published or default_date,
        byline=state.byline or _byline_from_credits(state.credits),
        credits=tuple(state.credits),
        removed=tuple(state.removed),
        record_id=raw.record_id,
    )
