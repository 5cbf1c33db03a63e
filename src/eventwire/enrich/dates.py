"""Temporal expressions, normalised against the publication date.

Our own patterns (no free-text date search: that reads "we" as Wednesday). Each value carries
its precision: day, week (the Monday), month (the 1st), quarter (its first day), year (1 January).

A bare weekday, month or day-month has no year or week of its own: it is resolved before or after
the publication date from the tense of its own clause (a past verb just before it, or a future cue:
will, would, until, scheduled, ...), and only without such a cue from the caller's ``future`` flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
MONTHS = (
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
)
_MON = MappingProxyType(
    {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
)
_MONTH_RE = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FULL_MONTH_RE = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_DAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_COUNTS = MappingProxyType(
    {
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
)
_COUNT_RE = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_QUARTER_WORDS = MappingProxyType(
    {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
)
_QUARTER_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

# years said in words, as in broadcast transcripts ("nineteen ninety-six", "the year two thousand")
_UNITS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
)
_TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = (
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
)
_WORD_NUM = (
    {w: i + 1 for i, w in enumerate(_UNITS)}
    | {w: i + 10 for i, w in enumerate(_TEENS)}
    | {w: 10 * (i + 2) for i, w in enumerate(_TENS)}
)
_UNITS_RE = "|".join(_UNITS)
_TWO_DIGITS = rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{_UNITS_RE}))?|{'|'.join(_TEENS)}|oh[- ](?:{_UNITS_RE}))"
_SPOKEN_YEAR = (
    rf"(?:nineteen[- ]{_TWO_DIGITS}|two thousand(?:(?: and)? (?:{_TWO_DIGITS}|{'|'.join(_UNITS)}))?)"
)

_HOLIDAY_RE = (
    r"(thanksgiving(?: day)?|christmas(?: day| eve)?|new year's (?:day|eve)|independence day"
    r"|the fourth of july|election day|halloween|valentine's day|labor day|memorial day"
    r"|veterans day|boxing day|easter(?: sunday)?)"
)

PATTERNS = (
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    # "Saturday, April 25": the weekday picks the year when none is written
    (
        "wd_mdy",
        re.compile(
            rf"\b({_DAY_RE}),?\s+({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b(?!,\d)",
            re.I,
        ),
    ),
    # "the weekend", "last weekend", "over the weekend": precision weekend, value its Saturday
    ("weekend", re.compile(r"\b(the|this|last|next|that)\s+weekend\b(?!-)", re.I)),
    ("week_of", re.compile(rf"\bthe week of\s+({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)),
    (
        "mdy",
        re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b(?!,\d)", re.I),
    ),
    (
        "dmy",
        re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b", re.I),
    ),
    ("month_year", re.compile(rf"\b({_MONTH_RE})\s+(\d{{4}})\b", re.I)),
    # "January this year", "June last year"
    ("month_rel_year", re.compile(rf"\b({_FULL_MONTH_RE})\s+(this|last|next)\s+year\b", re.I)),
    ("month_spoken_year", re.compile(rf"\b({_FULL_MONTH_RE})\s+({_SPOKEN_YEAR})\b", re.I)),
    (
        "spoken_year",
        re.compile(
            rf"\b(?:the year\s+({_SPOKEN_YEAR})"
            rf"|(nineteen[- ]{_TWO_DIGITS}|two thousand(?: and)? (?:{_TWO_DIGITS}"
            rf"|{'|'.join(_UNITS)}))(?!\s+(?-i:[a-z]+s)\b))(?![-\w])",
            re.I,
        ),
    ),
    (
        "rel_day",
        re.compile(
            r"\b(today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening)"
            r"|(?:earlier|later) in the day)\b",
            re.I,
        ),
    ),
    (
        "holiday",
        re.compile(
            rf"\b(?:(last|next|this)\s+)?{_HOLIDAY_RE}(\s+week)?\b(?!\s+(?:tree|card|gift|island)s?\b)", re.I
        ),
    ),
    ("rel_weekday", re.compile(rf"\b(last|next|this coming|this|coming)\s+({_DAY_RE})\b", re.I)),
    ("weekday", re.compile(rf"\b({_DAY_RE})(?:'s|’s)?\b(?![-‐]\w)", re.I)),
    # earnings reports: the same quarter a year before ("the year-ago quarter", "the 1988 third quarter")
    (
        "quarter_of_year",
        re.compile(
            rf"\b(?:the\s+)?(?:comparable\s+|same\s+|corresponding\s+)?"
            rf"((?:19|20)\d{{2}}|year[- ]ago|year[- ]earlier|last year's|next year's|this year's)"
            rf"(?:\s+({_QUARTER_ORD}))?[- ]quarter\b",
            re.I,
        ),
    ),
    (
        "quarter_year_ago",
        re.compile(
            r"\bthe\s+(?:comparable\s+|same\s+|corresponding\s+)?(quarter|period)\s+"
            r"(?:a year (?:ago|earlier)|(?:of\s+)?last year|(?:of\s+)?the previous year)\b",
            re.I,
        ),
    ),
    (
        "period_year_ago",
        re.compile(
            r"\bthe\s+(?:comparable\s+|same\s+|corresponding\s+)?year[- ](?:ago|earlier)\s+period\b", re.I
        ),
    ),
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
            r"(?:[- ]quarter\b(?:\s+of\s+((?:19|20)\d{2}))?|(?<=latest) (?:reporting )?period\b)",
            re.I,
        ),
    ),
    # "the quarter" of an earnings report: the one just ended, during the reporting season
    (
        "the_quarter",
        re.compile(
            r"\b(?:in|for|during|of|over|through|throughout)\s+the\s+quarter\b(?![- ]century)(?!\s+of\b)",
            re.I,
        ),
    ),
    ("rel_month", re.compile(rf"\b(last|next|this)\s+({_MONTH_RE})\b(?!\s+\d)", re.I)),
    (
        "month",
        re.compile(
            rf"\b(?:(?:in|since|by|until|through|during|early|late|from|before|after)\s+"
            rf"|(?:mid|early|late)-)({_MONTH_RE})\b"
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
        re.compile(
            r"\b(?:(?:in|since|by|until|during|of|early|late)\s+((?:19|20)\d{2})\b(?!\s+(?-i:[a-z]+s)\b)"
            r"|(?:mid|post|pre|early|late)-((?:19|20)\d{2})\b)(?![-–]\d)(?!s\b)",
            re.I,
        ),
    ),
    # an older year after a preposition of time ("independence from Spain in 1898")
    (
        "year",
        re.compile(
            r"\b(?:in|since|until|during)\s+(1[5-8]\d{2})\b(?![-–]\d)(?!s\b)(?!\s+(?-i:[a-z]+s)\b)", re.I
        ),
    ),
    # the year being reported on: "for the year", "the current fiscal year", "by year end"
    (
        "this_year",
        re.compile(
            r"\b(?:(?:in|for|during|over|of|through|throughout|by|to|until)\s+the\s+"
            r"(?:(?:current|full|whole|entire)\s+)?(?:(?:fiscal|calendar)\s+)?(?-i:year)"
            r"(?!\s+(?:before|after|earlier|later|ago|that|when|in which|he|she|they|it|we|\d)\b)"
            r"|the\s+current\s+(?:fiscal\s+|calendar\s+)?year"
            r"|(?:by|at|before|until|toward|towards)\s+(?:the\s+)?year(?:'s|’s)?[- ]end)\b(?![-–])",
            re.I,
        ),
    ),
    # vague references: no calendar value of their own (precision present/past/future)
    (
        "ref",
        re.compile(
            r"\b(now|currently|current|at present|presently|these days|nowadays|recently|recent|"
            r"lately|in the past|formerly|previously|the (?:near |distant |foreseeable )?future|"
            r"in future|future|soon|eventually|a later date|the (?:near|short) term|"
            r"(?:the\s+)?(?:next|coming)\s+(?:few\s+|several\s+)?(?:days|weeks|months|quarters|years)|"
            r"(?:the\s+)?(?:past|last)\s+(?:few\s+|several\s+)?(?:days|weeks|months|quarters|years)|"
            r"(?:several|a few|many)\s+years\s+ago)\b",
            re.I,
        ),
    ),
    # a bare year, not part of a number, a range, an amount or a measure
    (
        "bare_year",
        re.compile(
            r"(?<![\d$£€.,/-])\b((?:19|20)\d{2})\b(?![-–/]\d)(?!,\d)(?!\.\d)(?!s\b)(?!th\b)"
            r"(?!\s*(?:%|percent|per cent|people|troops|tons|km|miles|dollars|members|soldiers|cases))",
            re.I,
        ),
    ),
)

# A sound prefilter: for each pattern (in PATTERNS' order), what a sentence must hold for it to
# match at all. ``digit``: a digit; ``words``: every one of these sets shares a whole word (a run
# of letters, lowercased) with the sentence. Each set holds words that every match of the pattern
# contains whole (preceded and followed by no letter), so a sentence without them cannot match.
# every form _MONTH_RE matches: the names, their three-letter forms, "sept", and the
# "sepember" its "sept?(?:ember)?" also accepts
_MONTH_FORMS = frozenset(_MON) | {"sepember"}
_DAY_FORMS = frozenset(WEEKDAYS)
_SPOKEN_YEAR_WORDS = frozenset({"nineteen", "thousand"})
_REF_WORDS = frozenset(
    "now currently current present presently days nowadays recently recent lately past formerly"
    " previously future soon eventually date term weeks months quarters years".split()
)


@dataclass(frozen=True, slots=True)
class _Gate:
    digit: bool = False
    words: tuple[frozenset[str], ...] = ()


_GATES: tuple[_Gate, ...] = (
    _Gate(digit=True),  # iso
    _Gate(digit=True, words=(_DAY_FORMS, _MONTH_FORMS)),  # wd_mdy
    _Gate(words=(frozenset({"weekend"}),)),  # weekend
    _Gate(digit=True, words=(frozenset({"week"}), _MONTH_FORMS)),  # week_of
    _Gate(digit=True, words=(_MONTH_FORMS,)),  # mdy
    _Gate(digit=True, words=(_MONTH_FORMS,)),  # dmy
    _Gate(digit=True, words=(_MONTH_FORMS,)),  # month_year
    _Gate(words=(_MONTH_FORMS, frozenset({"year"}))),  # month_rel_year
    _Gate(words=(_MONTH_FORMS, _SPOKEN_YEAR_WORDS)),  # month_spoken_year
    _Gate(words=(_SPOKEN_YEAR_WORDS,)),  # spoken_year
    _Gate(
        words=(frozenset("today tonight yesterday tomorrow night morning afternoon evening day".split()),)
    ),  # rel_day
    _Gate(
        words=(
            frozenset(
                "thanksgiving christmas new independence july election halloween valentine labor"
                " memorial veterans boxing easter".split()
            ),
        )
    ),  # holiday
    _Gate(words=(_DAY_FORMS,)),  # rel_weekday
    _Gate(words=(_DAY_FORMS,)),  # weekday
    _Gate(words=(frozenset({"quarter"}),)),  # quarter_of_year
    _Gate(words=(frozenset({"quarter", "period"}),)),  # quarter_year_ago
    _Gate(words=(frozenset({"period"}),)),  # period_year_ago
    _Gate(words=(frozenset({"week", "month", "year"}),)),  # rel_unit
    _Gate(words=(frozenset({"ago", "earlier", "before", "later", "from"}),)),  # ago
    _Gate(words=(frozenset({"earlier", "ago"}),)),  # year_earlier
    _Gate(words=(frozenset({"quarter", "period"}),)),  # quarter
    _Gate(words=(frozenset({"quarter"}),)),  # the_quarter
    _Gate(words=(_MONTH_FORMS,)),  # rel_month
    _Gate(words=(_MONTH_FORMS,)),  # month after a preposition
    _Gate(words=(_MONTH_FORMS,)),  # month, capitalised
    _Gate(digit=True),  # year
    _Gate(digit=True),  # older year
    _Gate(words=(frozenset({"year"}),)),  # this_year
    _Gate(words=(_REF_WORDS,)),  # ref
    _Gate(digit=True),  # bare_year
)
_LETTER_RUN = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
# a word character that is no ASCII letter or digit ("é", "ſ", "K"): under re.I some of these
# match ASCII letters, so a sentence holding one is not prefiltered
_OTHER_WORD_CHAR = re.compile(r"[^\W\da-zA-Z_]")


def candidate_patterns(text: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The PATTERNS that can match somewhere in ``text`` (all of them when the prefilter cannot
    tell: a letter outside ASCII)."""
    if not text.isascii() and _OTHER_WORD_CHAR.search(text):
        return PATTERNS
    words = frozenset(_LETTER_RUN.findall(text.lower()))
    digit = _DIGIT.search(text) is not None
    out = []
    for pattern, gate in zip(PATTERNS, _GATES, strict=True):
        if gate.digit and not digit:
            continue
        for needed in gate.words:
            if words.isdisjoint(needed):
                break
        else:
            out.append(pattern)
    return tuple(out)


# a word in -ed after these is a participle or an adjective ("will be paid", "a still unspecified date")
_NOT_A_PAST_VERB_AFTER = "".join(
    rf"(?<!\b{w} )"
    for w in "be been being to will would a an the its his her their still very more most well".split()
)

# tense of the clause around a date: the cue nearest to it wins; a present-tense verb or a modal
# ("is", "has", "may", "effective") is a cue of its own that decides nothing
_CUES = (
    (
        "future",
        re.compile(
            r"\b(?:will|won't|wo|shall|would|going to|set to|scheduled to"
            r"|(?:plans?|planning|expected|expects?) to|due (?:on|in|by|to (?!the|a|an|its|his|her|their))"
            r"|as soon as|as early as|payable|upcoming"
            r"|next\s+(?:week|month|year|quarter|spring|summer|fall|autumn|winter|\w+day)|postponed"
            r"|supposed to)\b|'ll\b",
            re.I,
        ),
    ),
    # an infinitive after a word of intent is later than the intent ("agreed to buy it in February")
    (
        "future",
        re.compile(
            r"\b(?:agreed|agreement|decided|decision|plans?|planned|planning|wants?|wanted|hopes?|hoped"
            r"|expects?|expected|intends?|intended|aims?|seeks?|sought|voted|promised|pledged|vowed"
            r"|threatened|offered|asked|urged|ordered|invited|subpoenaed|scheduled|due|set|ready|deadline"
            r"|proposal|program)\b(?:\s+[\w'$.,-]+){0,6}?\s+(to)\s+(?!(?:the|a|an|its|his|her|their|this|that)\b)[a-z]",
            re.I,
        ),
    ),
    (
        None,
        re.compile(
            r"\b(?:is|are|am|has|have|says|say|may|might|can|could|effective|planned|scheduled|expected)\b",
            re.I,
        ),
    ),
    (
        "past",
        re.compile(
            r"(?<![\w-])"
            + _NOT_A_PAST_VERB_AFTER
            + r"(?:[a-z]{2,}ed|said|told|met|made|held|took|gave|began|came|went|left|sent|won|lost|fell"
            r"|rose|saw|spoke|wrote|brought|got|found|struck|ran|paid|sold|bought|was|were|had|since|ago"
            r"|earlier)\b"
        ),
    ),
)
_NOT_PAST = frozenset(
    "need proceed exceed succeed indeed speed feed seed bed red shed hundred united limited based related"
    " scheduled planned expected postponed supposed".split()
)
_CLAUSE_EDGE = re.compile(r"[;:\"“”]|''|``|(?<=[a-z]{4})\.\s+(?=[A-Z])|\n")


def _cues(text: str) -> list[tuple[int, str | None]]:
    found = []
    for tense, rx in _CUES:
        for m in rx.finditer(text):
            if tense == "past" and m.group(0).lower() in _NOT_PAST:
                continue
            found.append((m.start(m.lastindex or 0), tense))
    rank = {None: 0, "past": 1, "future": 2}  # "scheduled to", "expected to": future, not past
    return sorted(found, key=lambda c: (c[0], rank[c[1]]))


def local_tense(text: str, start: int, end: int) -> str | None:
    """``past`` or ``future`` from the cue nearest before the expression in its own clause (a past
    verb: "said Friday"; a future cue: "will meet on Friday"), else from the first cue just after it
    ("Earlier Sunday, protesters prayed"); None without a cue, or when the cue is a present-tense
    verb or a modal."""
    before = text[max(0, start - 90) : start]
    if start > 90:
        before = before.split(None, 1)[-1]  # not a word cut in two
    edges = list(_CLAUSE_EDGE.finditer(before))
    if edges:
        before = before[edges[-1].end() :]
    if re.search(r"\bsince\s+(?:the\s+)?$", before, re.I):
        return "past"
    cues = _cues(before)
    if cues:
        return cues[-1][1]
    after = text[end : end + 80]
    if len(text) > end + 80:
        after = after.rsplit(None, 1)[0]  # not a word cut in two
    edge = _CLAUSE_EDGE.search(after)
    if edge:
        after = after[: edge.start()]
    cues = _cues(after)
    return cues[0][1] if cues else None


@dataclass(frozen=True, slots=True)
class DateExpr:
    text: str
    start: int  # offset in the text searched
    end: int
    value: str  # YYYY-MM-DD
    precision: str  # day | weekend | week | month | quarter | year; present | past | future


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


def _quarter_start(year: int, q: int) -> date:
    return date(year, 3 * (q - 1) + 1, 1)


def _reporting_quarter(anchor: date) -> tuple[int, int]:
    """The quarter an earnings report is about: the one just ended during the first six weeks of a
    quarter (the reporting season), else the current one."""
    current = (anchor.month - 1) // 3 + 1
    start = _quarter_start(anchor.year, current)
    if (anchor - start).days < 45:
        return (anchor.year, current - 1) if current > 1 else (anchor.year - 1, 4)
    return anchor.year, current


def _nearest_day(anchor: date, month: int, day: int, tense: str | None) -> date:
    """The date of that month and day nearest to the anchor, on the side its clause's tense asks."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if tense == "future":
        options = [d for d in options if d >= anchor - timedelta(days=1)] or options
    elif tense == "past":  # a past verb can still introduce a date a few weeks ahead ("extended to")
        options = [d for d in options if d <= anchor + timedelta(days=30)] or options
    else:  # an unmarked clause rarely names a date more than two months ahead
        options = [d for d in options if d <= anchor + timedelta(days=60)] or options
    return min(options, key=lambda d: abs((d - anchor).days))


def _nearest_month(anchor: date, month: int, tense: str | None) -> date:
    options = [date(y, month, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    base = date(anchor.year, anchor.month, 1)
    if tense == "future":
        options = [d for d in options if d >= base] or options
    elif tense == "past":
        options = [d for d in options if d <= _add_months(base, 1)] or options
    else:
        options = [d for d in options if d <= _add_months(base, 2)] or options
    return min(options, key=lambda d: abs((d - base).days))


def _month_num(token: str) -> int:
    return _MON[
        token.lower().rstrip(".")[:4] if token.lower().startswith("sept") else token.lower().rstrip(".")[:3]
    ]


def _spoken_year(words: str) -> int:
    parts = re.split(r"[- ]+", words.lower().replace(" and ", " "))
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_WORD_NUM[w] for w in parts[2:])
    rest = [w for w in parts[1:] if w != "oh"]
    return 1900 + sum(_WORD_NUM[w] for w in rest)


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(name: str, year: int) -> date:
    name = name.lower().replace("’", "'")
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name.startswith("christmas"):
        return date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return date(year, 12, 31) if name.endswith("eve") else date(year, 1, 1)
    if name in {"independence day", "the fourth of july"}:
        return date(year, 7, 4)
    if name == "election day":
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if name == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if name.startswith("easter"):
        return _easter(year)
    fixed = {
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "veterans day": (11, 11),
        "boxing day": (12, 26),
    }
    return date(year, *fixed[name])


def normalise_date_expr(
    kind: str, m: re.Match[str], anchor: date, future: bool, tense: str | None = None
) -> tuple[date, str] | None:
    """``tense`` (past / future) of the expression's own clause, when known, overrides ``future``."""
    g = m.groups()
    side = tense or ("future" if future else None)
    try:
        if kind == "iso":
            return date(int(g[0]), int(g[1]), int(g[2])), "day"
        if kind == "weekend":
            rel = g[0].lower()
            saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)  # this week's or next
            last = saturday - timedelta(days=7) if saturday > anchor else saturday
            if rel == "next" or (rel in {"the", "this"} and side == "future"):
                return (saturday if saturday > anchor else saturday + timedelta(days=7)), "weekend"
            if rel == "this" and side != "past":
                return saturday, "weekend"
            return last, "weekend"
        if kind == "wd_mdy":
            month, day, wd = _month_num(g[1]), int(g[2]), WEEKDAYS.index(g[0].lower())
            if g[3]:
                return date(int(g[3]), month, day), "day"
            years = [
                y
                for y in (anchor.year, anchor.year - 1, anchor.year + 1)
                if date(y, month, day).weekday() == wd
            ]
            if years:
                return date(years[0], month, day), "day"
            return _nearest_day(anchor, month, day, side), "day"
        if kind == "week_of":
            return _monday(_nearest_day(anchor, _month_num(g[0]), int(g[1]), side)), "week"
        if kind in {"mdy", "dmy"}:
            mon, num = (g[0], g[1]) if kind == "mdy" else (g[1], g[0])
            month = _month_num(mon)
            if g[2]:
                return date(int(g[2]), month, int(num)), "day"
            return _nearest_day(anchor, month, int(num), side), "day"
        if kind == "month_year":
            return date(int(g[1]), _month_num(g[0]), 1), "month"
        if kind == "month_rel_year":
            step = {"this": 0, "last": -1, "next": 1}[g[1].lower()]
            return date(anchor.year + step, _month_num(g[0]), 1), "month"
        if kind == "month_spoken_year":
            return date(_spoken_year(g[1]), _month_num(g[0]), 1), "month"
        if kind == "spoken_year":
            return date(_spoken_year(g[0] or g[1]), 1, 1), "year"
        if kind == "rel_day":
            word = g[0].lower()
            delta = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
            return anchor + timedelta(days=delta), "day"
        if kind == "holiday":
            rel = (g[0] or "").lower()
            days = [_holiday(g[1], y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
            if g[2]:  # "Easter week": the week holding the day
                days = [_monday(d) for d in days]
            if rel == "last" or (not rel and side == "past"):
                pick = (
                    max(d for d in days if d < anchor)
                    if rel == "last"
                    else max(d for d in days if d <= anchor)
                )
            elif rel == "next" or (not rel and side == "future"):
                pick = (
                    min(d for d in days if d > anchor)
                    if rel == "next"
                    else min(d for d in days if d >= anchor)
                )
            elif rel == "this":
                pick = days[1]
            else:
                near = [d for d in days if d <= anchor + timedelta(days=60)]
                pick = min(near, key=lambda d: abs((d - anchor).days))
            if g[2]:
                return _monday(pick), "week"
            return pick, "day"
        if kind == "rel_weekday":
            rel, wd = g[0].lower(), WEEKDAYS.index(g[1].lower())
            base = _monday(anchor) + timedelta(days=wd)
            if rel == "last":
                return (base - timedelta(days=7) if base >= anchor else base), "day"
            if rel == "next":
                return (base + timedelta(days=7) if base <= anchor else base), "day"
            if rel in {"coming", "this coming"}:
                return anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7), "day"
            return base, "day"
        if kind == "weekday":
            wd = WEEKDAYS.index(g[0].lower())
            diff = (anchor.weekday() - wd) % 7
            if side == "future" and diff != 0:
                return anchor + timedelta(days=(wd - anchor.weekday()) % 7), "day"
            return anchor - timedelta(days=diff), "day"
        if kind == "quarter_of_year":
            which, ordinal = g[0].lower().replace(" ", "-"), g[1]
            rep_year, rep_q = _reporting_quarter(anchor)
            q = _QUARTER_WORDS[ordinal.lower()] if ordinal else rep_q
            if which.isdigit():
                year = int(which)
            elif which in {"year-ago", "year-earlier", "last-year's"}:
                year = (rep_year if not ordinal else anchor.year) - 1
            elif which == "next-year's":
                year = anchor.year + 1
            else:  # this year's
                year = anchor.year if ordinal else rep_year
            return _quarter_start(year, q), "quarter"
        if kind in {"quarter_year_ago", "period_year_ago"}:
            rep_year, rep_q = _reporting_quarter(anchor)
            return _quarter_start(rep_year - 1, rep_q), "quarter"
        if kind == "the_quarter":
            rep_year, rep_q = _reporting_quarter(anchor)
            return _quarter_start(rep_year, rep_q), "quarter"
        if kind == "rel_unit":
            rel, unit = g[1].lower(), g[2].lower()
            step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[rel]
            if unit == "week":
                return _monday(anchor) + timedelta(weeks=step), "week"
            if unit == "month":
                return _add_months(date(anchor.year, anchor.month, 1), step), "month"
            return date(anchor.year + step, 1, 1), "year"
        if kind == "month":
            return _nearest_month(anchor, _month_num(g[0]), side), "month"
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
                if not g[1] and side != "future" and q > current:
                    year -= 1
            elif word in {"last", "latest", "previous"}:
                q = current - 1 or 4
                year = year - 1 if current == 1 else year
            elif word == "next":
                q = current % 4 + 1
                year = year + 1 if current == 4 else year
            else:
                q = current
            return _quarter_start(year, q), "quarter"
        if kind == "this_year":
            return date(anchor.year, 1, 1), "year"
        if kind == "ref":
            word = " ".join(g[0].lower().split())
            if word in {"recently", "recent", "lately", "in the past", "formerly", "previously"} or re.match(
                r"(?:the )?(?:past|last) |.* ago$", word
            ):
                return anchor, "past"
            if (
                "future" in word
                or word in {"soon", "eventually", "a later date"}
                or re.match(r"the (?:near|short) term|(?:the )?(?:next|coming) ", word)
            ):
                return anchor, "future"
            return anchor, "present"
        if kind == "bare_year":
            return date(int(g[0]), 1, 1), "year"
        if kind == "year":
            return date(int(next(x for x in g if x)), 1, 1), "year"
    except (ValueError, KeyError, IndexError):
        return None
    return None


_TENSED = frozenset({"wd_mdy", "week_of", "mdy", "dmy", "holiday", "weekday", "month", "quarter"})


def _year_back(kind: str, text: str) -> bool:
    """A comparison a year back: "a year ago", "a year earlier", "year-earlier", "last year"."""
    t = " ".join(text.lower().split())
    return (kind == "ago" and re.fullmatch(r"(?:a|one) year (?:ago|earlier)", t) is not None) or (
        kind == "year_earlier" and t.startswith("year")
    )


def find_dates(text: str, anchor: date | None, future: bool = False) -> list[DateExpr]:
    """Every temporal expression in ``text`` with its normalised value (the first pattern wins)."""
    if anchor is None:
        return []
    taken: list[tuple[int, int]] = []
    out: list[tuple[str, DateExpr]] = []
    for kind, rx in candidate_patterns(text):
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "weekday" and m.group(0)[:1].islower():
                continue  # a weekday name is capitalised
            tense = local_tense(text, s, e) if kind in _TENSED else None
            if m.group(0).lower().startswith("since "):
                tense = "past"
            norm = normalise_date_expr(kind, m, anchor, future, tense)
            if norm is None:
                continue
            taken.append((s, e))
            out.append((kind, DateExpr(m.group(0), s, e, norm[0].isoformat(), norm[1])))
    # "up from $5 million a year earlier" in a sentence on a quarter's results: that quarter, a year before
    quarters = [x for k, x in out if x.precision == "quarter" and k in {"quarter", "the_quarter"}]
    if quarters:
        q = date.fromisoformat(quarters[0].value)
        out = [
            (k, DateExpr(x.text, x.start, x.end, q.replace(year=q.year - 1).isoformat(), "quarter"))
            if _year_back(k, x.text)
            else (k, x)
            for k, x in out
        ]
    return sorted((x for _, x in out), key=lambda d: d.start)
