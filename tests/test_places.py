"""The Gazetteer: countries, first-level regions, wider areas and cities, ranked by story context."""

from __future__ import annotations

import time

import pytest

from eventwire.actors import load_dictionary
from eventwire.enrich.places import Gazetteer, _key, load_places, parse_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(load_dictionary())


def test_builds_quickly() -> None:
    dictionary = load_dictionary()
    start = time.process_time()
    Gazetteer(dictionary)
    assert time.process_time() - start < 4.0  # about 1.2 s of CPU; generous for loaded machines


def test_keys_fold_accents_possessives_and_saints() -> None:
    assert _key("Zürich") == "zurich"
    assert _key("the Hague") == "hague"
    assert _key("Boston’s") == "boston"
    assert _key("St. Louis") == _key("Saint Louis") == "saint louis"
    assert _key("Mt.  Vernon") == "mount vernon"


def test_a_country_and_its_plural_demonym(gaz: Gazetteer) -> None:
    france = gaz.resolve("France")
    assert france is not None and france.kind == "country" and france.country == "FRA"
    assert france.lat is not None and france.lon is not None
    people = gaz.resolve("Israelis")
    assert people is not None and people.country == "ISR"


def test_paris_is_french_unless_the_story_is_in_texas(gaz: Gazetteer) -> None:
    plain = gaz.resolve("Paris")
    assert plain is not None and plain.country == "FRA" and plain.kind == "city"
    prefer = gaz.story_countries(["Paris", "Texas"])
    texan = gaz.resolve("Paris", prefer)
    assert texan is not None and texan.country == "USA"
    assert texan.lat is not None and 32 < texan.lat < 35  # north-east Texas, not Tennessee
    after_comma = gaz.resolve("Paris, Tex.")
    assert after_comma is not None and after_comma.country == "USA"


def test_a_us_state_has_coordinates_and_abbreviations(gaz: Gazetteer) -> None:
    ohio = gaz.resolve("Ohio")
    assert ohio is not None and ohio.kind == "region" and ohio.country == "USA"
    assert ohio.lat is not None and 38 < ohio.lat < 42 and ohio.lon is not None and -85 < ohio.lon < -80
    for abbrev in ("Ky.", "W.Va.", "Calif."):
        found = gaz.resolve(abbrev)
        assert found is not None and found.kind == "region" and found.country == "USA", abbrev
    assert "USA.KY" in gaz.story_countries(["Ky."])


def test_georgia_follows_the_story(gaz: Gazetteer) -> None:
    assert gaz.story_countries(["Georgia"]) == frozenset()  # ambiguous on its own
    alone = gaz.resolve("Georgia")
    assert alone is not None and alone.country == "GEO"
    us = gaz.resolve("Georgia", gaz.story_countries(["Georgia", "Alabama", "Florida"]))
    assert us is not None and us.country == "USA" and us.kind == "region"
    abroad = gaz.resolve("Georgia", gaz.story_countries(["Georgia", "Russia", "Alabama"]))
    assert abroad is not None and abroad.country == "GEO"


def test_big_cities_beat_their_states(gaz: Gazetteer) -> None:
    ny = gaz.resolve("New York")
    assert ny is not None and ny.kind == "city" and ny.population > 5_000_000
    dc = gaz.resolve("Washington")
    assert dc is not None and dc.kind == "city" and dc.lon is not None and -78 < dc.lon < -76


def test_wider_areas_are_regions_without_a_country(gaz: Gazetteer) -> None:
    for name in ("Europe", "Africa", "Middle East", "the Balkans", "European", "EU"):
        found = gaz.resolve(name)
        assert found is not None and found.kind == "region" and found.country is None, name
        assert found.lat is not None and found.lon is not None
    asia = gaz.resolve("Asia")
    assert asia is not None and asia.kind == "region"  # not a town with "Asia" as an alias


def test_provinces_and_nations_give_their_country(gaz: Gazetteer) -> None:
    for name, iso3 in (("Ontario", "CAN"), ("Wales", "GBR"), ("Tamil Nadu", "IND"), ("Queensland", "AUS")):
        found = gaz.resolve(name)
        assert found is not None and found.country == iso3 and found.kind == "region", name


def test_a_us_county_answers_with_its_state(gaz: Gazetteer) -> None:
    found = gaz.resolve("Tarrant County", gaz.story_countries(["Texas"]))
    assert found is not None and found.country == "USA" and found.kind == "region"
    assert found.name.endswith("TX")


def test_a_named_state_picks_the_namesake_town(gaz: Gazetteer) -> None:
    ga = gaz.resolve("Gainesville", gaz.story_countries(["Ga."]))
    fl = gaz.resolve("Gainesville", gaz.story_countries(["Florida"]))
    assert ga is not None and fl is not None and ga.geonameid != fl.geonameid
    assert ga.lat is not None and fl.lat is not None and ga.lat > fl.lat


def test_city_suffix_and_unknowns(gaz: Gazetteer) -> None:
    assert gaz.resolve("Zzyzxqua Flats") is None
    assert gaz.resolve("") is None
    found = gaz.resolve("Oklahoma City")
    assert found is not None and found.kind == "city" and found.country == "USA"


def test_story_focus_is_the_most_named_country_at_its_most_named_city(gaz: Gazetteer) -> None:
    names = ["Lyon", "France", "Madrid", "Lyon", "Marseille"]
    places = [p for p in (gaz.resolve(n) for n in names) if p is not None]
    focus = gaz.focus(places)
    assert focus is not None and focus.country == "FRA" and focus.name == "Lyon"
    only_country = gaz.focus([p for p in places if p.kind == "country"])
    assert only_country is not None and only_country.kind == "country" and only_country.lat is not None
    assert gaz.focus([]) is None


def test_a_repeated_town_of_a_country_the_story_never_names_counts_once(gaz: Gazetteer) -> None:
    names = ["Lyon", "Lyon", "Lyon", "Spain", "Madrid", "Seville"]
    places = [p for p in (gaz.resolve(n) for n in names) if p is not None]
    by_mentions = gaz.focus(places)  # 3 to 3: the first named wins
    assert by_mentions is not None and by_mentions.country == "FRA"
    named = gaz.story_countries(names)  # Spain by name, France never
    focus = gaz.focus(places, named)
    assert focus is not None and focus.country == "ESP" and focus.name == "Madrid"
    with_france = gaz.focus([*places, *(p for p in [gaz.resolve("France")] if p)], named | {"FRA"})
    assert with_france is not None and with_france.country == "FRA"  # named: every mention counts


def test_an_unknown_name_is_placed_at_the_story_focus(gaz: Gazetteer) -> None:
    lyon = gaz.resolve("Lyon")
    assert gaz.resolve_in_story("Quai des Tanneurs Nord") is None  # no story, no answer
    street = gaz.resolve_in_story("Quai des Tanneurs Nord", frozenset(), lyon)
    assert street is not None and street.kind == "focus" and street.country == "FRA"
    assert lyon is not None and (street.lat, street.lon) == (lyon.lat, lyon.lon)
    madrid = gaz.resolve_in_story("Madrid", frozenset(), lyon)  # a known name keeps its own answer
    assert madrid is not None and madrid.country == "ESP"


def test_the_story_focus_breaks_a_near_tie(gaz: Gazetteer) -> None:
    plain = gaz.resolve("Venice")
    assert plain is not None and plain.country == "ITA"
    american = gaz.resolve("Venice", frozenset(), "USA")  # a story centred on the United States
    assert american is not None and american.country == "USA"
    london = gaz.resolve("London", frozenset(), "USA")  # a big city is not overturned
    assert london is not None and london.country == "GBR"


def test_regions_of_our_data_file_with_their_short_forms(gaz: Gazetteer) -> None:
    for name, iso3 in (
        ("Khyber Pakhtunkhwa", "PAK"),
        ("FATA", "PAK"),
        ("Borno State", "NGA"),
        ("Jalisco", "MEX"),
        ("North Rhine-Westphalia", "DEU"),
        ("Helmand", "AFG"),
        ("Anbar province", "IRQ"),
        ("Kharkiv region", "UKR"),
        ("Sichuan", "CHN"),
    ):
        found = gaz.resolve(name)
        assert found is not None and found.country == iso3 and found.kind == "region", name


def test_punjab_follows_the_story_country(gaz: Gazetteer) -> None:
    india = gaz.resolve("Punjab", gaz.story_countries(["Amritsar", "India"]))
    pakistan = gaz.resolve("Punjab", gaz.story_countries(["Lahore", "Pakistan"]))
    assert india is not None and india.country == "IND"
    assert pakistan is not None and pakistan.country == "PAK"


def test_landmarks_beat_towns_and_aliases_of_the_same_name(gaz: Gazetteer) -> None:
    heathrow = gaz.resolve("Heathrow")
    assert heathrow is not None and heathrow.country == "GBR" and heathrow.kind == "landmark"
    # "White House" is also an alternate name of Casablanca and a town in Tennessee
    white_house = gaz.resolve("White House", gaz.story_countries(["Washington", "Virginia"]))
    assert white_house is not None and white_house.kind == "landmark" and white_house.lat == 38.9


def test_arab_is_the_arab_world_not_a_town_in_alabama(gaz: Gazetteer) -> None:
    for context in (frozenset(), gaz.story_countries(["Alabama", "Huntsville"])):
        found = gaz.resolve("Arab", context)
        assert found is not None and found.country is None and found.kind == "region"


def test_place_files_are_validated_line_by_line() -> None:
    good = '{"name": "Sindh", "forms": [], "country": "PAK", "lat": 26.0, "lon": 68.5, "kind": "region"}'
    (entry,) = parse_places(good, "x.jsonl")
    assert entry.names == ("Sindh",) and entry.country == "PAK"
    for bad in (
        good.replace('"PAK"', '"Pakistan"'),
        good.replace("26.0", "126.0"),
        good.replace('"region"', '"province"'),
        good.replace('"forms": []', '"forms": [""]'),
        good.replace('"kind"', '"type"'),
    ):
        with pytest.raises(ValueError, match=r"^x\.jsonl:2: "):
            parse_places("\n" + bad, "x.jsonl")
    assert {e.kind for e in load_places()} == {"region", "county", "landmark"}


def test_a_province_beats_a_smaller_namesake_its_country_alone_favours(gaz: Gazetteer) -> None:
    us_story = gaz.story_countries(["United States", "Chicago"])
    ontario = gaz.resolve("Ontario", us_story)
    assert ontario is not None and ontario.country == "CAN" and ontario.kind == "region"
    california = gaz.resolve("Ontario", gaz.story_countries(["California", "Los Angeles"]))
    assert california is not None and california.country == "USA" and california.kind == "city"


def test_the_place_inside_an_institution_name(gaz: Gazetteer) -> None:
    for name, iso3, kind in (
        ("Bank of Portugal", "PRT", "country"),
        ("Toronto General Hospital", "CAN", "city"),
        ("French Embassy in Nairobi", "KEN", "city"),  # a mission: its town, not its country
        ("University of Queensland", "AUS", "region"),
    ):
        found = gaz.resolve_in_story(name)
        assert found is not None and (found.country, found.kind) == (iso3, kind), name
    lyon = gaz.resolve("Lyon")
    for name in (
        "Embassy of the Kingdom of Spain",  # in its host country, which the name does not say
        "Russian Embassy",
        "British International School",  # a country's adjective says whose, not where
        "St Paris Church",  # a place name begun by "St" is not cut (St. Paris, Ohio: not Paris)
        "Mekong River Delta",  # no institution
    ):
        assert gaz.inner_place(name) is None, name
        found = gaz.resolve_in_story(name, frozenset(), lyon)
        assert found is not None and found.kind == "focus" and found.country == "FRA", name


def test_short_and_historical_country_names(gaz: Gazetteer) -> None:
    for name, iso3 in (("T&T", "TTO"), ("Soviet Union", "RUS"), ("USSR", "RUS")):
        found = gaz.resolve(name)
        assert found is not None and (found.country, found.kind) == (iso3, "country"), name


def test_a_british_river_town_by_its_first_word(gaz: Gazetteer) -> None:
    clacton = gaz.resolve("Clacton")  # Clacton-on-Sea
    assert clacton is not None and clacton.country == "GBR" and clacton.alias
    burton = gaz.resolve("Burton", frozenset({"GBR"}))  # Burton upon Trent in a British story
    assert burton is not None and burton.country == "GBR" and burton.name == "Burton upon Trent"
    # the short form is British and Irish usage: "Croton" is not Croton-on-Hudson, New York
    assert "Croton-on-Hudson" not in {c.name for c in gaz.cities.get("croton", [])}


def test_a_country_other_names_give_stays_evidence_for_a_name_that_gives_it_too(gaz: Gazetteer) -> None:
    names = ["Britain", "London", "United States", "Washington"]
    prefer = gaz.story_countries(names)
    assert "USA*" in prefer and "GBR*" not in prefer  # two different names give the United States
    found = gaz.resolve("Washington", prefer, "GBR")  # the capital, not Washington, Tyne and Wear
    assert found is not None and found.country == "USA"


def test_a_qualified_country_or_region(gaz: Gazetteer) -> None:
    for name, iso3, kind in (("Imperial Japan", "JPN", "country"), ("Southern Arizona", "USA", "region")):
        found = gaz.resolve_in_story(name)
        assert found is not None and (found.country, found.kind) == (iso3, kind), name
    for name in ("Lake Nevada", "Percy Italian", "Southern coast of Arizona"):
        assert gaz.qualified_place(name) is None, name


def test_an_english_word_listed_as_a_towns_alternate_name_is_no_place(gaz: Gazetteer) -> None:
    # GeoNames lists "North" among the names of North Salt Lake, Utah
    assert gaz.resolve("North") is None
    found = gaz.resolve("North Salt Lake")
    assert found is not None and found.country == "USA"
