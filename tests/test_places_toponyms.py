"""The toponym recogniser, the dateline place's offsets and the recognition scoring."""

from __future__ import annotations

import pytest

from eventwire.engine import Engine
from eventwire.enrich.attach import dateline_mention
from eventwire.enrich.toponyms import find_toponyms
from eventwire.evaluation.enrich import span_matches

from .conftest import code_text


def _names(engine: Engine, text: str) -> list[str]:
    return [t.text for t in find_toponyms(engine.nlp(text), engine.gazetteer)]


def test_places_adjectives_and_offsets(engine: Engine) -> None:
    text = "Russian troops crossed into Ukraine near Kharkiv, the governor of the Belgorod region said."
    found = find_toponyms(engine.nlp(text), engine.gazetteer)
    names = [t.text for t in found]
    assert {"Russian", "Ukraine", "Kharkiv"} <= set(names), names
    for t in found:
        assert text[t.start : t.end] == t.text
    ukraine = next(t for t in found if t.text == "Ukraine")
    assert ukraine.place is not None and ukraine.place.country == "UKR"


def test_trims_the_article_and_possessive(engine: Engine) -> None:
    names = _names(engine, "Ships sailed across the Mediterranean. Ohio's governor spoke later.")
    assert "Mediterranean" in names and "Ohio" in names
    assert not any(n.startswith("the ") or n.endswith("'s") for n in names)


def test_a_place_inside_an_organisation_name(engine: Engine) -> None:
    names = _names(engine, "The Nebraska Department of Roads closed the highway on Friday.")
    assert "Nebraska" in names, names


def test_months_acronyms_and_person_names_are_not_places(engine: Engine) -> None:
    text = "In March, Prime Minister Narendra Modi told the BJP that Modi would not resign."
    names = _names(engine, text)
    assert not {"March", "BJP", "Modi", "Narendra Modi"} & set(names), names


def test_a_name_is_a_place_throughout_the_text(engine: Engine) -> None:
    text = "Flooding hit Gainesville on Sunday. Gainesville officials said roads would reopen."
    names = _names(engine, text)
    assert names.count("Gainesville") == 2, names


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Talks resumed in Seoul on Tuesday.", "Seoul", (17, 22)),
        ("Talks resumed in SEOUL on Tuesday.", "Seoul", (17, 22)),
        ("Talks resumed in Seoulville on Tuesday.", "Seoul", (-1, -1)),
        ("Officials in New  York met.", "New York", (13, 22)),
        ("No place here.", "", (-1, -1)),
    ],
)
def test_dateline_mention(text: str, name: str, expected: tuple[int, int]) -> None:
    assert dateline_mention(text, name) == expected


def test_dateline_place_points_into_the_text(engine: Engine) -> None:
    text = (
        "NAIROBI (Reuters) - Kenya's president met Uganda's president on Monday.\n\n"
        "Officials in Nairobi said the talks went well."
    )
    result = code_text(engine, text)
    assert result.article.dateline == "NAIROBI"
    located = [
        e.location for e in result.events if e.location is not None and "dateline" in e.location.resolved_by
    ]
    assert located, [e.location for e in result.events]
    for place in located:
        assert result.article.text[place.start : place.end] == "Nairobi"


def test_span_matches_exact_and_overlap() -> None:
    gold = [(0, 5), (10, 20), (30, 35)]
    ours = [(0, 5), (12, 20), (40, 45)]
    assert span_matches(ours, gold) == (1, 2)
    assert span_matches([], gold) == (0, 0)


def test_recognised_toponyms_are_event_place_candidates(engine: Engine) -> None:
    from eventwire.enrich.attach import _place_candidates, toponym_tokens

    doc = engine.nlp("Police said the crash happened outside the Nebraska Department of Roads.")
    ranges = toponym_tokens(doc, engine.gazetteer)
    assert [doc[s:e].text for s, e in ranges] == ["Nebraska"]
    sent = next(iter(doc.sents))
    assert ranges[0] in _place_candidates(sent, ranges)
    assert ranges[0] not in _place_candidates(sent)
    # the same organisation as a subject says whose, not where
    doc = engine.nlp("Police said the Nebraska Department of Roads closed the highway after a crash.")
    ranges = toponym_tokens(doc, engine.gazetteer)
    assert [doc[s:e].text for s, e in ranges] == ["Nebraska"]
    assert ranges[0] not in _place_candidates(next(iter(doc.sents)), ranges)


def test_peoples_and_landmarks_standing_for_governments_are_not_toponyms(engine: Engine) -> None:
    text = "Arab ministers met in Cairo. The White House said the Kremlin had not replied."
    names = _names(engine, text)
    assert "Cairo" in names and not {"Arab", "White House", "Kremlin"} & set(names), names


def test_a_peoples_adjective_inside_a_name_is_not_a_toponym(engine: Engine) -> None:
    names = _names(engine, "A bomb exploded outside the Arab Bank in Amman on Friday.")
    assert "Amman" in names and "Arab" not in names, names
