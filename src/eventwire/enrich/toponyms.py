"""Toponym recognition: the place names of a parsed text, as character spans.

Two passes over spaCy's entities and untyped proper-noun runs, each span trimmed of a leading
"the" and a trailing possessive. The first pass keeps the sure places:

* spans spaCy labels GPE, LOC or FAC (lower-case ones and ones whose every word is part of a
  person's name elsewhere in the text - "Modi" after "Narendra Modi" - excepted);
* NORP spans the Gazetteer knows as the adjective or demonym of a country, region or area
  ("Russian", "Europeans"; not those of peoples spread over many countries, ``_PEOPLES``);
* PERSON, ORG or other entities whose whole text is a country or a first-level region ("Georgia"
  tagged PERSON), and ORG entities that are wholly a town of ``_MIN_ORG_POPULATION`` people;
* names ending in a natural-feature or administrative head word ("Laurel County", "Neches River");
* untyped proper-noun runs resolving to a country, region or area, or to a town of
  ``_MIN_UNTYPED_POPULATION`` people, or to any town right after a locative preposition.

The second pass adds, across the text, every other mention of a name the first pass kept (one
sense per discourse: "Gainesville" tagged PERSON in one sentence and GPE in another), single names
right after a locative preposition that resolve to any place, and places embedded in longer
organisation or event names ("the Dublin City Council", "University of Cincinnati": a country,
region, area, town of ``_MIN_UNTYPED_POPULATION`` people or a name already kept).

Overlapping spans keep the earliest, then the longest. The Gazetteer's answer (or ``None`` for a
name it does not know) travels with each span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as TokSpan

from eventwire.enrich.dates import MONTHS, WEEKDAYS
from eventwire.enrich.places import Gazetteer, Resolved, _key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_HOST_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP"})
_NOT_PLACES = frozenset({"LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_LOCATIVE = frozenset(
    "in at near outside inside across throughout around from to into toward towards via off along "
    "within between of".split()
)
_HEAD_WORDS = frozenset(
    "county parish township borough province prefecture governorate river lake mountains mountain "
    "island islands valley bay creek falls heights peninsula desert strait canyon".split()
)
_CALENDAR = frozenset(MONTHS + WEEKDAYS)
# adjectives of peoples spread over many countries: they resolve to an area ("Arab" to the Arab
# world, not Arab, Alabama) but say whose, not where
_PEOPLES = frozenset({"arab", "arabs"})
_MIN_UNTYPED_POPULATION = 100_000
_MIN_ORG_POPULATION = 20_000
_ALIAS_POPULATION = 1_000_000
_MAX_EMBEDDED = 3  # tokens of a place name inside a longer name


@dataclass(frozen=True, slots=True)
class Toponym:
    text: str
    start: int  # character offsets in the text given (plus ``offset``)
    end: int
    label: str  # where it came from: a spaCy label, "PROPN", "HEAD", "EMBEDDED" or "SAME"
    place: Resolved | None


def _trim(span: TokSpan) -> TokSpan | None:
    """A span without a leading "the", leading or trailing punctuation or a trailing possessive."""
    doc = span.doc
    lo, hi = span.start, span.end
    while lo < hi and (doc[lo].lower_ == "the" or doc[lo].is_punct):
        lo += 1
    while hi > lo and (
        doc[hi - 1].tag_ == "POS" or doc[hi - 1].is_punct or doc[hi - 1].lower_ in {"'s", "’s"}
    ):
        hi -= 1
    return doc[lo:hi] if hi > lo else None


def _after_locative(span: TokSpan) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in _LOCATIVE and doc[i].lower_ != "of"


def _is_area(place: Resolved | None) -> bool:
    return place is not None and place.kind in {"country", "region"}


def _big(place: Resolved | None, population: int) -> bool:
    """A country, region or area, or a town of ``population`` people named by its own name (or by
    an alternate name when it has a million people: "Munich"). Not a landmark: "the White House",
    "the Kremlin" and "the Pentagon" mostly stand for who works there."""
    if place is None or place.kind == "landmark":
        return False
    if place.kind != "city":
        return True
    return place.population >= max(population, _ALIAS_POPULATION if place.alias else 0)


def _plausible(span: TokSpan, place: Resolved | None) -> bool:
    """Not a month or weekday, not a people's adjective (``_PEOPLES``: "Arab Bank"), not a short
    acronym standing for a town ("BA", "APC")."""
    if span[0].lower_ in _CALENDAR or place is None or _key(span.text) in _PEOPLES:
        return False
    text = span.text.replace(".", "")
    return not (text.isupper() and len(text) <= 4) or place.kind in {"country", "region"}


def _capitalised(span: TokSpan) -> bool:
    return all(t.text[:1].isupper() or not t.is_alpha for t in span) and span.text[:1].isupper()


def _propn_runs(doc: Doc) -> Iterator[TokSpan]:
    """Maximal runs of capitalised proper nouns outside entities ("Fort Worth", "Kharkiv")."""
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and doc[j].text[:1].isupper():
            j += 1
        if j > i:
            yield doc[i:j]
            i = j
        else:
            i += 1


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of the multi-word person names of the text."""
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e)


@dataclass(slots=True)
class _Found:
    spans: list[tuple[TokSpan, str, Resolved | None]]
    keys: set[str]

    def add(self, span: TokSpan, label: str, place: Resolved | None) -> None:
        self.spans.append((span, label, place))
        if place is not None:
            self.keys.add(_key(span.text))


def _first_pass(doc: Doc, gaz: Gazetteer, prefer: frozenset[str], found: _Found) -> None:
    people = _person_words(doc)
    for ent in doc.ents:
        span = _trim(ent)
        if span is None or not _capitalised(span) or ent.label_ in _NOT_PLACES:
            continue
        label = ent.label_
        place = gaz.resolve(span.text, prefer)
        if label not in PLACE_LABELS and not _plausible(span, place):
            continue
        if label in PLACE_LABELS:
            if len(span) > 1 or span[0].lower_ not in people or _is_area(place):
                found.add(span, label, place)
        elif label == "NORP":
            if _is_area(place) and _plausible(span, place):
                found.add(span, label, place)
        elif _is_area(place) and (label != "PERSON" or len(span) > 1 or _after_locative(span)):
            found.add(span, label, place)
        elif label == "ORG" and _big(place, _MIN_ORG_POPULATION):
            found.add(span, label, place)
        elif span[-1].lower_ in _HEAD_WORDS and len(span) > 1 and label in {"ORG", "PERSON"}:
            found.add(span, "HEAD", place)
    for run in _propn_runs(doc):
        span = _trim(run)
        if span is None:
            continue
        place = gaz.resolve(span.text, prefer)
        if len(span) > 1 and span[-1].lower_ in _HEAD_WORDS:
            found.add(span, "HEAD", place)
        elif place is not None and _plausible(span, place) and len(span.text) > 1:
            if _big(place, _MIN_UNTYPED_POPULATION) or (_after_locative(span) and not place.alias):
                found.add(span, "PROPN", place)


def _embedded(host: TokSpan, gaz: Gazetteer, prefer: frozenset[str], keys: set[str]) -> Iterator[TokSpan]:
    """Place names inside a longer name, longest first from the left."""
    doc = host.doc
    i = host.start
    while i < host.end:
        hit = None
        for j in range(min(host.end, i + _MAX_EMBEDDED), i, -1):
            sub = doc[i:j]
            if not _capitalised(sub) or (sub.start == host.start and sub.end == host.end):
                continue
            place = gaz.resolve(sub.text, prefer)
            if not _plausible(sub, place):
                continue
            if _key(sub.text) in keys or _big(place, _MIN_UNTYPED_POPULATION):
                hit = sub
                break
        if hit is not None:
            yield hit
            i = hit.end
        else:
            i += 1


def _second_pass(doc: Doc, gaz: Gazetteer, prefer: frozenset[str], found: _Found) -> None:
    taken = {(s.start, s.end) for s, _, _ in found.spans}
    keys = found.keys
    people = _person_words(doc)
    for ent in doc.ents:
        span = _trim(ent)
        if span is None or (span.start, span.end) in taken or ent.label_ in _NOT_PLACES:
            continue
        key = _key(span.text)
        whole = _capitalised(span) and (key in keys or (_after_locative(span) and len(span.text) > 2))
        if whole:
            place = gaz.resolve(span.text, prefer)
            if _plausible(span, place) and (key in keys or span[-1].lower_ not in people):
                found.add(span, "SAME", place)
                continue
        if ent.label_ in _HOST_LABELS and len(span) > 1:
            for sub in _embedded(span, gaz, prefer, keys):
                found.add(sub, "EMBEDDED", gaz.resolve(sub.text, prefer))
    for run in _propn_runs(doc):
        span = _trim(run)
        if span is not None and (span.start, span.end) not in taken and _key(span.text) in keys:
            found.add(span, "SAME", gaz.resolve(span.text, prefer))


def story_context(doc: Doc, gaz: Gazetteer) -> frozenset[str]:
    """The countries and regions the text's place entities name (:meth:`Gazetteer.story_countries`)."""
    return gaz.story_countries(e.text for e in doc.ents if e.label_ in PLACE_LABELS)


def find_toponyms(
    doc: Doc, gaz: Gazetteer, prefer: frozenset[str] | None = None, offset: int = 0
) -> list[Toponym]:
    """The toponyms of ``doc`` (rules in the module docstring), in text order, resolved against
    the Gazetteer with ``prefer`` as story context (by default :func:`story_context`); offsets
    shifted by ``offset``."""
    if prefer is None:
        prefer = story_context(doc, gaz)
    found = _Found([], set())
    _first_pass(doc, gaz, prefer, found)
    _second_pass(doc, gaz, prefer, found)
    ordered = sorted(found.spans, key=lambda f: (f[0].start_char, -(f[0].end_char - f[0].start_char)))
    out: list[Toponym] = []
    last_end = -1
    for span, label, place in ordered:
        if span.start_char < last_end:
            continue
        out.append(Toponym(span.text, offset + span.start_char, offset + span.end_char, label, place))
        last_end = span.end_char
    return out
