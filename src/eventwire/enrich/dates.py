"""Temporal expressions, normalised against the publication date.

Our own patterns (no free-text date search: that reads "we" as Wednesday). Each value carries
its precision: day, week (the Monday), month (the 1st), year (1 January).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MON = {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_MON["sept"] = 9
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "few": 3,
}
_COUNT_RE = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    (
        "mdy",
        re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I),
    ),
    (
        "dmy",
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b", re.I),
    ),
    ("month_year", re.compile(rf"\b({_MONTH_RE})\s+(\d{{4}})\b", re.I)),
    (
        "rel_day",
        re.compile(
            r"\b(today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b",
            re.I,
        ),
    ),
    ("rel_weekday", re.compile(rf"\b(last|next|this)\s+({_DAY_RE})\b", re.I)),
    ("weekday", re.compile(rf"\b({_DAY_RE})(?:'s|’s)?\b", re.I)),
    (
        "rel_unit",
        re.compile(r"\b(?:(earlier|later)\s+)?(last|next|this|past|coming)\s+(week|month|year)\b", re.I),
    ),
    (
        "ago",
        re.compile(
            rf"\b({_COUNT_RE})\s+(day|week|month|year)s?\s+(ago|earlier|before|later|from now)\b", re.I
        ),
    ),
    ("year_earlier", re.compile(r"\b(year|month|week)-(earlier|ago)\b", re.I)),
    (
        "quarter",
        re.compile(
            r"\b(first|second|third|fourth|1st|2nd|3rd|4th|last|latest|previous|this|current|next)"
            r"[- ]quarter\b(?:\s+of\s+((?:19|20)\d{2}))?",
            re.I,
        ),
    ),
    ("rel_month", re.compile(rf"\b(last|next|this)\s+({_MONTH_RE})\b(?!\s+\d)", re.I)),
    (
        "month",
        re.compile(
            rf"\b(?:(?:in|since|by|until|during|early|late|from|before|after)\s+|mid-?)({_MONTH_RE})\b"
            r"(?!\s+\d)(?!\.\s+\d)",
            re.I,
        ),
    ),
    # a capitalised month name inside a sentence ("sales rose in the March survey", "March's")
    (
        "month",
        re.compile(
            r"(?<=[a-z,;] )(January|February|March|April|June|July|August|September|October|"
            r"November|December)\b(?!\s+\d)"
        ),
    ),
    (
        "year",
        re.compile(r"\b(?:in|since|by|until|during|of|early|late)\s+((?:19|20)\d{2})\b(?![-–]\d)", re.I),
    ),
    # vague references: no calendar value of their own (precision present/past/future)
    (
        "ref",
        re.compile(
            r"\b(now|currently|current|at present|presently|these days|nowadays|recently|recent|"
            r"lately|in the past|formerly|previously|the future|in future|soon|eventually)\b",
            re.I,
        ),
    ),
    # a bare year, not part of a number, a range, an amount or a measure
    (
        "bare_year",
        re.compile(
            r"(?<![\d$£€.,/-])\b((?:19|20)\d{2})\b(?![-–/]\d)(?!,\d)(?!\.\d)"
            r"(?!\s*(?:%|percent|per cent|people|troops|tons|km|miles|dollars|members|soldiers))",
            re.I,
        ),
    ),
]


@dataclass(frozen=True, slots=True)
class DateExpr:
    text: str
    start: int  # offset in the text searched
    end: int
    value: str  # YYYY-MM-DD
    precision: str  # day | week | month | quarter | year; present | past | future (vague)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _nearest_day(anchor: date, month: int, day: int, future: bool) -> date:
    """The date of that month and day nearest to the anchor (after it when the clause is future)."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if future:
        options = [d for d in options if d >= anchor - timedelta(days=1)] or options
    else:  # a past or present clause rarely names a date more than two months ahead
        options = [d for d in options if d <= anchor + timedelta(days=60)] or options
    return min(options, key=lambda d: abs((d - anchor).days))


def _nearest_month(anchor: date, month: int, future: bool) -> date:
    options = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    base = date(anchor.year, anchor.month, 1)
    if future:
        options = [d for d in options if d >= base] or options
    else:
        options = [d for d in options if d <= _add_months(base, 2)] or options
    return min(options, key=lambda d: abs((d - base).days))


def _month_num(token: str) -> int:
    return _MON[
        token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower().rstrip(".")[:3]
    ]


def normalise_date_expr(kind: str, m: re.Match[str], anchor: date, future: bool) -> tuple[date, str] | None:
    g = m.groups()
    try:
        if kind == "iso":
            return date(int(g[0]), int(g[1]), int(g[2])), "day"
        if kind in {"mdy", "dmy"}:
            mon, day = (g[0], g[1]) if kind == "mdy" else (g[1], g[0])
            month = _month_num(mon)
            if g[2]:
                return date(int(g[2]), month, int(day)), "day"
            return _nearest_day(anchor, month, int(day), future), "day"
        if kind == "month_year":
            return date(int(g[1]), _month_num(g[0]), 1), "month"
        if kind == "rel_day":
            word = g[0].lower()
            delta = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
            return anchor + timedelta(days=delta), "day"
        if kind == "rel_weekday":
            rel, wd = g[0].lower(), WEEKDAYS.index(g[1].lower())
            base = _monday(anchor) + timedelta(days=wd)
            if rel == "last":
                return (base - timedelta(days=7) if base >= anchor else base), "day"
            if rel == "next":
                return (base + timedelta(days=7) if base <= anchor else base), "day"
            return base, "day"
        if kind == "weekday":
            wd = WEEKDAYS.index(g[0].lower())
            diff = (anchor.weekday() - wd) % 7
            if future and diff != 0:
                return anchor + timedelta(days=(wd - anchor.weekday()) % 7), "day"
            return anchor - timedelta(days=diff), "day"
        if kind == "rel_unit":
            rel, unit = g[1].lower(), g[2].lower()
            step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[rel]
            if unit == "week":
                return _monday(anchor) + timedelta(weeks=step), "week"
            if unit == "month":
                return _add_months(date(anchor.year, anchor.month, 1), step), "month"
            return date(anchor.year + step, 1, 1), "year"
        if kind == "month":
            return _nearest_month(anchor, _month_num(g[0]), future), "month"
        if kind == "rel_month":
            month = _month_num(g[1])
            rel = g[0].lower()
            year = anchor.year
            if rel == "last" and month >= anchor.month:
                year -= 1
            elif rel == "next" and month <= anchor.month:
                year += 1
            return date(year, month, 1), "month"
        if kind == "ago":
            n = _COUNTS.get(g[0].lower()) or int(g[0])
            unit = g[1].lower()
            sign = 1 if g[2].lower() in {"later", "from now"} else -1
            if unit == "day":
                return anchor + timedelta(days=sign * n), "day"
            if unit == "week":
                return _monday(anchor + timedelta(weeks=sign * n)), "week"
            if unit == "month":
                return _add_months(date(anchor.year, anchor.month, 1), sign * n), "month"
            return date(anchor.year + sign * n, 1, 1), "year"
        if kind == "year_earlier":
            unit = g[0].lower()
            if unit == "year":
                return date(anchor.year - 1, 1, 1), "year"
            if unit == "month":
                return _add_months(date(anchor.year, anchor.month, 1), -1), "month"
            return _monday(anchor) - timedelta(weeks=1), "week"
        if kind == "quarter":
            word = g[0].lower()
            current = (anchor.month - 1) // 3 + 1
            year = int(g[1]) if g[1] else anchor.year
            if word in _QUARTER_WORDS:
                q = _QUARTER_WORDS[word]
                if not g[1] and not future and q > current:
                    year -= 1
            elif word in {"last", "latest", "previous"}:
                q = current - 1 or 4
                year = year - 1 if current == 1 else year
            elif word == "next":
                q = current % 4 + 1
                year = year + 1 if current == 4 else year
            else:
                q = current
            return date(year, 3 * (q - 1) + 1, 1), "quarter"
        if kind == "ref":
            word = g[0].lower()
            if word in {"recently", "recent", "lately", "in the past", "formerly", "previously"}:
                return anchor, "past"
            if word in {"the future", "in future", "soon", "eventually"}:
                return anchor, "future"
            return anchor, "present"
        if kind == "bare_year":
            return date(int(g[0]), 1, 1), "year"
        if kind == "year":
            return date(int(g[0]), 1, 1), "year"
    except (ValueError, KeyError, IndexError):
        return None
    return None


def find_dates(text: str, anchor: date | None, future: bool = False) -> list[DateExpr]:
    """Every temporal expression in ``text`` with its normalised value (longest match wins)."""
    if anchor is None:
        return []
    taken: list[tuple[int, int]] = []
    out: list[DateExpr] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "weekday" and m.group(0)[:1].islower():
                continue  # a weekday name is capitalised
            norm = normalise_date_expr(kind, m, anchor, future)
            if norm is None:
                continue
            taken.append((s, e))
            out.append(DateExpr(m.group(0), s, e, norm[0].isoformat(), norm[1]))
    return sorted(out, key=lambda d: d.start)
