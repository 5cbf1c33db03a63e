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
        "month",
        re.compile(rf"\b(?:in|since|by|until|during|early|late|mid-?)\s+({_MONTH_RE})\b(?!\s+\d)", re.I),
    ),
    (
        "year",
        re.compile(r"\b(?:in|since|by|until|during|of|early|late)\s+((?:19|20)\d{2})\b(?![-–]\d)", re.I),
    ),
]


@dataclass(frozen=True, slots=True)
class DateExpr:
    text: str
    start: int  # offset in the text searched
    end: int
    value: str  # YYYY-MM-DD
    precision: str  # day | week | month | year


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


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
            d = date(anchor.year, month, int(day))
            if not future and d > anchor + timedelta(days=7):
                d = date(anchor.year - 1, month, int(day))
            elif future and d < anchor - timedelta(days=7):
                d = date(anchor.year + 1, month, int(day))
            return d, "day"
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
            month = _month_num(g[0])
            year = anchor.year
            if not future and month > anchor.month:
                year -= 1
            elif future and month < anchor.month:
                year += 1
            return date(year, month, 1), "month"
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
