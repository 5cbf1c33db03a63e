"""Load and index the actor dictionary (package data, plus optional user layers).

Matching is on our own word tokens (``\\w+`` and single punctuation marks) of the raw text, not
on spaCy's tokens or NER labels: "Moon Jae-in" is matched whatever the tokenizer makes of it.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

ACTOR_FILES = (
    "countries.jsonl",
    "entities.jsonl",
    "people_a.jsonl",
    "people_b.jsonl",
    "people_c.jsonl",
    "people_d.jsonl",
)
SECTOR_FILE = "sectors.jsonl"
SECTOR_CODES = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB ELI BUS MED EDU CVL REF HLH LAB AGR NGO IGO REL CRM SPY "
    "UAF INS HRI ENV SEP MOD RAD JEW MOS CHR BUD HIN MNC ATH".split()
)
ENTRY_TYPES = frozenset("country person group igo body party ngo media company".split())
# Precedence of match kinds when two entries share a surface form.
KIND_RANK = MappingProxyType({"name": 0, "metonym": 1, "adjective": 2, "demonym": 2, "short": 3})

_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _fold(tok: str) -> str:
    return tok.replace("’", "'")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@dataclass(frozen=True, slots=True)
class Period:
    start: date | None
    end: date | None
    country: str | None
    sector: str | None
    org: str | None = None
    code: str | None = None
    office: str | None = None
    title: str | None = None
    level: str | None = None  # "local" for a city's or a province's office (mayor, governor)

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    type: str
    name: str
    periods: tuple[Period, ...]
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    gender: str | None = None
    cameo: str | None = None  # countries: CAMEO country code
    capital: str | None = None
    adjectives: tuple[str, ...] = ()  # countries: "French", "North Korean"
    point: tuple[float, float] | None = None  # countries: a central point (lat, lon)
    layer: str = "eventwire"
    # countries: the day the state became independent and the state it was part of before
    # (South Sudan, 2011-07-09, SDN): before that day its names and places are the older state's
    independence: date | None = None
    formerly_part_of: str | None = None

    def country_on(self, day: date | None) -> str | None:
        """A country entry's state on ``day`` (the story's date): the state it was part of
        before its independence, else its own; without a date, its own."""
        own = self.periods[0].country if self.periods else None
        if day is not None and self.independence is not None and day < self.independence:
            return self.formerly_part_of
        return own

    def period_on(self, day: date | None) -> tuple[Period | None, str]:
        """The attributes in force on ``day`` and how they were chosen."""
        if not self.periods:
            return None, "no periods"
        if day is None:
            return self.periods[-1], "no story date: latest period"
        for period in self.periods:
            if period.covers(day):
                return period, f"period {period.start or '…'}..{period.end or '…'}{_office_note(period)}"
        past = [p for p in self.periods if p.end is not None and p.end < day]
        if past and self.type != "person":
            # a group, party or body after its last known period (disbanded, renamed) is still
            # what it last was when a story names it ("the NPFL" after 1997): no elite
            last = max(past, key=lambda p: p.end or date.min)
            return last, f"after its last known period ({last.start or '…'}..{last.end}): as it last was"
        if past:  # out of office: keep the country of the last office, as an elite (ELI)
            last = max(past, key=lambda p: p.end or date.min)
            return (
                Period(
                    day,
                    day,
                    last.country,
                    "ELI" if last.country else None,
                    last.org,
                    None,
                    None,
                    f"formerly {last.title or last.sector}",
                ),
                f"out of office on {day}: last office ended {last.end}",
            )
        first = min(self.periods, key=lambda p: p.start or date.min)
        return (
            Period(day, day, first.country, None, first.org, None, None, None),
            f"before the first known office ({first.start}): country only",
        )


def _office_note(period: Period) -> str:
    """': Mayor of London (local government)' for the reason of a lookup."""
    note = f": {period.title}" if period.title else ""
    if period.level == "local":
        note += f" (local {'government' if period.sector == 'GOV' else 'office'})"
    return note


def _distance(period: Period, day: date) -> int:
    if period.end is not None and period.end < day:
        return (day - period.end).days
    if period.start is not None and day < period.start:
        return (period.start - day).days
    return 0


@dataclass(frozen=True, slots=True)
class SectorTerm:
    term: str
    sector: str
    plover: str | None
    kind: str
    office: str | None


@dataclass(frozen=True, slots=True)
class Match:
    """A dictionary surface form found in text."""

    start: int
    end: int
    text: str
    entry: Entry
    kind: str  # name | metonym | adjective | demonym | short


class DictionaryError(ValueError):
    pass


def read_jsonl(text: str, where: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each non-blank line of a JSONL data file; a line that is not a
    JSON object raises DictionaryError ``where:line: problem``."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DictionaryError(f"{where}:{n}: invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise DictionaryError(f"{where}:{n}: a line must be a JSON object")
        yield n, obj


def _independence(obj: dict[str, Any]) -> tuple[date | None, str | None]:
    """A country's optional independence day and former state: both or neither."""
    day, former = obj.get("independence"), obj.get("formerly_part_of")
    if (day is None) != (former is None):
        raise DictionaryError(f"country {obj.get('iso3')}: 'independence' and 'formerly_part_of' go together")
    if former is not None and not re.fullmatch(r"[A-Z]{3}", str(former)):
        raise DictionaryError(f"country {obj.get('iso3')}: formerly_part_of {former!r} is no ISO3 code")
    return _date(day), former


def _country_entry(obj: dict[str, Any]) -> tuple[Entry, dict[str, list[str]]]:
    iso3 = obj["iso3"]
    independence, former = _independence(obj)
    entry = Entry(
        key=f"country:{iso3}",
        type="country",
        name=obj["name"],
        periods=(Period(None, None, iso3, None),),
        aliases=tuple(obj.get("aliases", [])) + tuple(obj.get("historical", [])),
        cameo=obj.get("cameo") or iso3,
        capital=obj.get("capital"),
        adjectives=tuple(obj.get("adjectives", [])),
        point=(float(obj["lat"]), float(obj["lon"])) if "lat" in obj and "lon" in obj else None,
        independence=independence,
        formerly_part_of=former,
    )
    forms = {
        "adjective": list(obj.get("adjectives", [])),
        "demonym": list(obj.get("demonyms", [])),
        "metonym": list(obj.get("metonyms", [])),
    }
    return entry, forms


def _period(obj: dict[str, Any]) -> Period:
    return Period(
        start=_date(obj.get("start")),
        end=_date(obj.get("end")),
        country=obj.get("country"),
        sector=obj.get("sector"),
        org=obj.get("org"),
        code=obj.get("code"),
        office=obj.get("office"),
        title=obj.get("title"),
        level=obj.get("level"),
    )


def _named_entry(obj: dict[str, Any], layer: str) -> Entry:
    periods = tuple(sorted((_period(p) for p in obj.get("periods", [])), key=lambda p: p.start or date.min))
    return Entry(
        key=obj["key"],
        type=obj["type"],
        name=obj["name"],
        periods=periods,
        aliases=tuple(obj.get("aliases", [])) or (obj["name"],),
        short=tuple(obj.get("short", [])),
        gender=obj.get("gender"),
        layer=layer,
    )


class ActorDictionary:
    """Entries, sector terms and a token-trie index of every surface form."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.sectors: dict[str, SectorTerm] = {}
        self.countries: dict[str, Entry] = {}
        self._index: dict[str, list[tuple[tuple[str, ...], Entry, str]]] = defaultdict(list)
        # built by finish(): every form's (entry, kind) in precedence order, and for each first
        # token the lengths of its forms, longest first
        self._forms: dict[tuple[str, ...], tuple[tuple[Entry, str], ...]] = {}
        self.country_by_name: dict[str, Entry] = {}  # built by finish()
        self._lengths: dict[str, tuple[int, ...]] = {}
        self._office: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        self.max_sector_words = 1

    # -- building -------------------------------------------------------------------------------
    def add_form(self, form: str, entry: Entry, kind: str) -> None:
        toks = tuple(_fold(t) for t, _, _ in tokenize(form))
        if toks:
            self._index[toks[0]].append((toks, entry, kind))

    def add_entry(self, entry: Entry, forms: dict[str, list[str]] | None = None) -> None:
        self.entries[entry.key] = entry
        if entry.type == "country":
            for p in entry.periods:
                if p.country:
                    self.countries[p.country] = entry
        for alias in entry.aliases:
            self.add_form(alias, entry, "name")
        for short in entry.short:
            self.add_form(short, entry, "short")
        for kind, values in (forms or {}).items():
            for value in values:
                self.add_form(value, entry, kind)
        for period in entry.periods:
            if period.office and period.country:
                self._office[(period.country, period.office)].append(entry)

    def add_sector(self, term: SectorTerm) -> None:
        self.sectors[term.term] = term
        self.max_sector_words = max(self.max_sector_words, len(term.term.split()))

    def finish(self) -> None:
        for entry in self.countries.values():
            if entry.formerly_part_of is not None and entry.formerly_part_of not in self.countries:
                raise DictionaryError(
                    f"{entry.key}: formerly_part_of {entry.formerly_part_of} is no known country"
                )
        for candidates in self._index.values():
            # longest form first; for one form, a user's layer before ours, then by kind
            candidates.sort(key=lambda c: (-len(c[0]), c[1].layer == "eventwire", KIND_RANK.get(c[2], 9)))
        forms: dict[tuple[str, ...], list[tuple[Entry, str]]] = defaultdict(list)
        for first, candidates in self._index.items():
            for form, entry, kind in candidates:
                forms[form].append((entry, kind))
            self._lengths[first] = tuple(sorted({len(c[0]) for c in candidates}, reverse=True))
        self._forms = {form: tuple(hits) for form, hits in forms.items()}
        self.country_by_name = {e.name: e for e in self.countries.values()}

    # -- lookups --------------------------------------------------------------------------------
    def find(self, text: str) -> list[Match]:
        """Every longest, non-overlapping surface form in ``text`` (left to right)."""
        # folding maps one character to one, so both texts cut into the same tokens
        toks = list(_TOKEN.finditer(text))
        folded = _TOKEN.findall(_fold(text))
        out: list[Match] = []
        i = 0
        while i < len(toks):
            best: tuple[int, tuple[tuple[Entry, str], ...]] | None = None
            for n in self._lengths.get(folded[i], ()):
                found = self._forms.get(tuple(folded[i : i + n])) if i + n <= len(folded) else None
                if found:
                    best = (n, found)
                    break
            if best is None:
                i += 1
                continue
            n, hits = best
            start, end = toks[i].start(), toks[i + n - 1].end()
            for entry, kind in hits:
                out.append(Match(start, end, text[start:end], entry, kind))
            i += n
        return out

    def is_leader_surname(self, form: str) -> bool:
        """A short form that only one dictionary entry has, and that entry has led a country
        (head of state or government): "Putin", "Bouteflika" stand alone in news."""
        toks = tuple(_fold(t) for t, _, _ in tokenize(form))
        owners = {entry.key for entry, _kind in self._forms.get(toks, ())}
        if len(owners) != 1:
            return False
        entry = self.entries[next(iter(owners))]
        return entry.type == "person" and any(
            p.office in {"head_of_state", "head_of_government"} for p in entry.periods
        )

    def office_holder(self, country: str, office: str, day: date | None) -> Entry | None:
        for entry in self._office.get((country, office), ()):
            for period in entry.periods:
                if (
                    period.office == office
                    and period.country == country
                    and (day is None or period.covers(day))
                ):
                    return entry
        return None

    def sector_term(self, words: Iterable[str]) -> SectorTerm | None:
        return self.sectors.get(" ".join(w.lower() for w in words))


def _data_text(name: str) -> str | None:
    ref = resources.files("eventwire") / "data" / "actors" / name
    return ref.read_text(encoding="utf-8") if ref.is_file() else None


def load_dictionary(extra: Iterable[Path] = ()) -> ActorDictionary:
    """Our package dictionary, then each user layer on top (a user's entry replaces ours by key)."""
    d = ActorDictionary()
    for name in ACTOR_FILES:
        text = _data_text(name)
        if text is None:
            continue
        for _, obj in read_jsonl(text, f"actors/{name}"):
            if name == "countries.jsonl":
                entry, forms = _country_entry(obj)
                d.add_entry(entry, forms)
            else:
                d.add_entry(_named_entry(obj, "eventwire"))
    sector_text = _data_text(SECTOR_FILE)
    if sector_text:
        for _, obj in read_jsonl(sector_text, f"actors/{SECTOR_FILE}"):
            d.add_sector(_sector(obj))
    for path in extra:
        for n, obj in read_jsonl(path.read_text(encoding="utf-8"), str(path)):
            try:
                if "term" in obj:
                    d.add_sector(_sector(obj))
                elif "iso3" in obj:
                    entry, forms = _country_entry(obj)
                    d.add_entry(entry, forms)
                else:
                    d.add_entry(_named_entry(obj, str(path)))
            except (KeyError, ValueError, TypeError) as exc:
                raise DictionaryError(f"{path}:{n}: {exc}") from exc
    d.finish()
    return d


def _sector(obj: dict[str, Any]) -> SectorTerm:
    return SectorTerm(
        term=obj["term"].lower(),
        sector=obj["sector"],
        plover=obj.get("plover"),
        kind=obj.get("kind", "person"),
        office=obj.get("office"),
    )
