from __future__ import annotations

from datetime import date

import pytest

from eventwire.enrich import find_dates

from .conftest import code_text

TUE = date(2018, 9, 11)  # a Tuesday


def _locate(engine, text: str, verb: str):  # type: ignore[no-untyped-def]
    """The event place :func:`locate_event` picks for the first token ``verb`` of ``text``."""
    from eventwire.enrich.attach import locate_event, toponym_tokens

    doc = engine.nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    return locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)


@pytest.mark.parametrize(
    ("text", "future", "value", "precision"),
    [
        ("said on Monday", False, "2018-09-10", "day"),
        ("met on Tuesday", False, "2018-09-11", "day"),
        ("will meet on Friday", True, "2018-09-14", "day"),
        ("next week", True, "2018-09-17", "week"),
        ("last week", False, "2018-09-03", "week"),
        ("last month", False, "2018-08-01", "month"),
        ("later this month", False, "2018-09-01", "month"),
        ("on June 12, 2018", False, "2018-06-12", "day"),
        ("on 3 March", False, "2018-03-03", "day"),
        ("in June", False, "2018-06-01", "month"),
        ("in 2019", False, "2019-01-01", "year"),
        ("yesterday", False, "2018-09-10", "day"),
        ("next Tuesday", True, "2018-09-18", "day"),
    ],
)
def test_date_normalisation(text: str, future: bool, value: str, precision: str) -> None:
    [found] = find_dates(text, TUE, future=future)
    assert (found.value, found.precision) == (value, precision)


def test_no_dates_from_plain_words() -> None:
    assert find_dates("we may march on the capital", TUE) == []


@pytest.mark.parametrize(
    "text",
    [
        "we may march on the capital",
        "the sun rose over the square",
        "they will march on Sunday-school grounds",
        "the 70th anniversary of the republic",
        "doctors saw it in 1,990 cases",
        "doctors saw it in 1990 cases",
        "two thousand troops crossed the border",
        "a mayday call from the ship",
    ],
)
def test_plain_words_and_numbers_are_not_dates(text: str) -> None:
    found = find_dates(text, TUE)
    assert [x for x in found if x.precision not in {"present", "past", "future"}] == [], found


EARNINGS = date(1989, 10, 26)  # a Thursday in the reporting season of the third quarter


@pytest.mark.parametrize(
    ("text", "anchor", "future", "value", "precision"),
    [
        # a bare weekday: the tense of its own clause, not of the whole sentence
        ("The team said Friday it will appeal.", TUE, True, "2018-09-07", "day"),
        ("Cuba predicted Wednesday that exiles would appeal.", TUE, True, "2018-09-05", "day"),
        ("The monarch will meet Bush on Thursday.", TUE, False, "2018-09-13", "day"),
        ("The group could leave as soon as Thursday.", TUE, False, "2018-09-13", "day"),
        ("Officials postponed until Thursday morning any action.", TUE, False, "2018-09-13", "day"),
        ("Earlier Sunday, protesters prayed for help.", TUE, True, "2018-09-09", "day"),
        ("On Saturday, April 25, the paper said so.", date(1998, 4, 24), False, "1998-04-25", "day"),
        ("It is set for this coming Sunday.", TUE, False, "2018-09-16", "day"),
        # a bare month or day-month: the same
        ("In December, the company changed its fiscal year.", EARNINGS, False, "1988-12-01", "month"),
        (
            "Thermo agreed to purchase the line for $22 million in February.",
            EARNINGS,
            False,
            "1990-02-01",
            "month",
        ),
        ("The carrier has been on patrol since March.", date(1990, 8, 13), True, "1990-03-01", "month"),
        ("The reduced dividend is payable Jan. 2 to stock of record.", EARNINGS, False, "1990-01-02", "day"),
        ("The thrift announced the plan Aug. 21.", EARNINGS, True, "1989-08-21", "day"),
        ("the week of March 6", date(2000, 2, 24), False, "2000-03-06", "week"),
        # holidays
        ("He has been here since Thanksgiving Day.", date(2000, 1, 7), False, "1999-11-25", "day"),
        ("Voters go to the polls on Election Day.", date(1998, 10, 26), False, "1998-11-03", "day"),
        ("Protesters prayed as Easter week began.", date(2000, 4, 17), False, "2000-04-17", "week"),
        # years in words and months of a named year
        ("In nineteen ninety-one Keating was convicted.", date(1998, 1, 15), False, "1991-01-01", "year"),
        (
            "The approach of the year two thousand worries them.",
            date(1998, 3, 3),
            False,
            "2000-01-01",
            "year",
        ),
        ("January nineteen ninety-seven.", date(1998, 2, 27), False, "1997-01-01", "month"),
        ("In January this year, police concluded so.", date(1998, 2, 19), False, "1998-01-01", "month"),
        ("He was seized in June last year.", date(1998, 2, 19), False, "1997-06-01", "month"),
        ("It peaked in mid-1996.", TUE, False, "1996-01-01", "year"),
        ("the post-1959 politics of the island", TUE, False, "1959-01-01", "year"),
        ("the late-November trip", date(2000, 1, 28), False, "1999-11-01", "month"),
        ("independence from Spain in 1898", TUE, False, "1898-01-01", "year"),
        ("He arrived in Philadelphia later in the day.", TUE, False, "2018-09-11", "day"),
        # the year and the quarter of an earnings report
        ("Sales for the full year were $6.6 billion.", EARNINGS, False, "1989-01-01", "year"),
        ("It expects sales in the current fiscal year to rise.", EARNINGS, False, "1989-01-01", "year"),
        ("Two segments posted lower earnings for the quarter.", EARNINGS, False, "1989-07-01", "quarter"),
        ("The latest period includes a gain.", EARNINGS, False, "1989-07-01", "quarter"),
        ("It earned $1.9 million in the year-ago quarter.", EARNINGS, False, "1988-07-01", "quarter"),
        ("In the 1988 third quarter, it lost money.", EARNINGS, False, "1988-07-01", "quarter"),
        ("Profit in next year's first quarter may fall.", EARNINGS, True, "1990-01-01", "quarter"),
        (
            "Third-quarter sales fell to $1.27 billion from $1.43 billion a year ago.",
            EARNINGS,
            False,
            "1988-07-01",
            "quarter",
        ),
        # vague references
        ("It will sell shares in the near future.", EARNINGS, True, "1989-10-26", "future"),
        ("Weak car sales raise questions about future demand.", EARNINGS, False, "1989-10-26", "future"),
        ("The economy should slow in coming months.", EARNINGS, False, "1989-10-26", "future"),
    ],
)
def test_date_in_context(text: str, anchor: date, future: bool, value: str, precision: str) -> None:
    found = find_dates(text, anchor, future=future)
    assert (value, precision) in [(x.value, x.precision) for x in found], found


def test_event_date_and_place(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Japan met China in Beijing on Monday.", "2018-09-11")
    e = next(e for e in result.events if e.root == "04")
    assert (e.date, e.date_precision) == ("2018-09-10", "day")
    assert e.location is not None and e.location.name == "Beijing" and e.location.country == "CHN"
    assert e.location.lat is not None


def test_unknown_place_in_the_event_clause_is_at_the_story_focus(engine) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Protests spread across Kenya on Monday.\n\n"
        "In Nairobi, police fired tear gas at students.\n\n"
        "Later, police arrested ten protesters in Kiboroni Heights."
    )
    result = code_text(engine, text, "2018-09-11")
    e = next(e for e in result.events if e.evidence.trigger.text == "arrested")
    assert e.location is not None and e.location.name == "Kiboroni Heights"
    assert e.location.country == "KEN" and e.location.lat is not None
    assert "focus" in e.location.resolved_by


def test_publication_date_when_the_clause_has_none(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Japan met China.", "2018-09-11")
    e = next(e for e in result.events if e.root == "04")
    assert (e.date, e.date_precision) == ("2018-09-11", "publication")


def test_a_date_owning_a_noun_after_a_bound_word_dates_that_noun(engine) -> None:  # type: ignore[no-untyped-def]
    # "after last month's collapse when X cancelled ...": the collapse (and the cancelling) was last month
    text = (
        "Diplomats hope next week's meeting will help, after last month's collapse when Japan "
        "cancelled a visit to Beijing by its foreign minister."
    )
    e = next(
        e for e in code_text(engine, text, "2018-09-11").events if e.evidence.trigger.text == "cancelled"
    )
    assert (e.date, e.date_precision) == ("2018-08-01", "month"), e
    # a bare bound still dates nothing: "since last month" is when a period began
    text = "Japan has refused to meet China since last month."
    e = next(e for e in code_text(engine, text, "2018-09-11").events if e.root == "12")
    assert e.date_precision == "publication", e


def test_quotes_with_speakers(engine) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign Minister Ilse Varga of Hungary spoke on Monday.\n\n"
        "“We will not accept these terms,” Varga told reporters.\n\n"
        "“The talks are over for now,” she said."
    )
    result = code_text(engine, text)
    quotes = {q.text.rstrip(","): q for q in result.quotes}
    assert quotes["We will not accept these terms"].speaker.name == "Ilse Varga"
    assert quotes["The talks are over for now"].speaker.name == "Ilse Varga"
    assert quotes["We will not accept these terms"].cue.text == "told"


def test_weekend_is_its_saturday_with_precision_weekend() -> None:
    [past] = find_dates("protests over the weekend", date(2018, 9, 11))
    assert (past.value, past.precision) == ("2018-09-08", "weekend")
    [nxt] = find_dates("talks next weekend", date(2018, 9, 11), future=True)
    assert (nxt.value, nxt.precision) == ("2018-09-15", "weekend")


def test_the_most_specific_place_of_the_locative_phrase(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    doc = engine.nlp("Police arrested two men in the Kenyan city of Mombasa on Friday.")
    found = toponym_tokens(doc, engine.gazetteer)
    trigger = next(t for t in doc if t.text == "arrested")
    doc2 = engine.nlp("Gunmen attacked a market in the Nairobi suburb of Kiboroni Heights.")
    trigger2 = next(t for t in doc2 if t.text == "attacked")
    found2 = toponym_tokens(doc2, engine.gazetteer)
    span, tier = locate_event(trigger2, found2, engine.gazetteer)
    assert span is not None and span.text == "Kiboroni Heights" and tier == "verb", (span, tier)
    first, _ = locate_event(trigger2, found2)  # without a Gazetteer: the first place of the phrase
    assert first is not None and first.text == "Nairobi"
    span, _ = locate_event(trigger, found, engine.gazetteer)
    assert span is not None and span.text == "Mombasa"


def test_a_place_only_saying_where_another_lies_is_not_the_event_place(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    doc = engine.nlp(
        "Dozens of shops were looted in Eldoret, a market town in the Kerio Highlands, on Monday."
    )
    trigger = next(t for t in doc if t.text == "looted")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Eldoret" and tier == "verb", (span, tier)
    doc = engine.nlp("A bomb exploded in Eldoret, the capital of the Kerio Highlands, on Monday.")
    trigger = next(t for t in doc if t.text == "exploded")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Eldoret" and tier == "verb", (span, tier)


def test_the_name_of_a_town_phrase_is_a_place_whatever_its_entity_label(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    doc = engine.nlp("Rebels attacked a convoy outside the town of Bir Hamsa.")  # tagged as a person
    trigger = next(t for t in doc if t.text == "attacked")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Bir Hamsa" and tier == "verb", (span, tier)
    doc = engine.nlp("Rebels attacked a convoy outside the house of Bir Hamsa.")  # not a place noun
    trigger = next(t for t in doc if t.text == "attacked")
    span, _ = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is None or span.text != "Bir Hamsa"


def test_a_passive_subject_that_is_a_place(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    doc = engine.nlp("Kandahar was shelled by rebel fighters on Monday.")
    trigger = next(t for t in doc if t.text == "shelled")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Kandahar" and tier == "subject", (span, tier)
    doc = engine.nlp("Kandahar was shelled by rebel fighters in Helmand on Monday.")  # a phrase first
    trigger = next(t for t in doc if t.text == "shelled")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Helmand", (span, tier)
    for text, place in (
        ("The town of Garissa was shelled by rebel fighters on Monday.", "Garissa"),
        ("The Kibera district was raided by the police last week.", "Kibera"),
    ):
        doc = engine.nlp(text)
        trigger = next(t for t in doc if t.text in {"shelled", "raided"})
        span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
        assert span is not None and place in span.text and tier == "subject", (text, span, tier)
    # a passive subject that is no place noun names no place
    doc = engine.nlp("The owner of the Garissa shop was shot by gunmen on Monday.")
    trigger = next(t for t in doc if t.text == "shot")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is None and tier == "none", (span, tier)


def test_the_target_of_an_attack_and_a_destination_smaller_than_a_country(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    span, tier = locate("The militia launched a fresh offensive on Mogadishu on Sunday.", "launched")
    assert span is not None and span.text == "Mogadishu" and tier == "on", (span, tier)
    span, tier = locate("The prisoners were flown to Mombasa on Tuesday.", "flown")
    assert span is not None and span.text == "Mombasa" and tier == "motion", (span, tier)
    span, tier = locate("The rebels marched towards Mombasa on Tuesday.", "marched")
    assert span is not None and span.text == "Mombasa" and tier == "motion", (span, tier)
    # a whole country is the target or the destination, not where the event happens
    span, tier = locate("Students protested against the air strikes on Kenya.", "protested")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("The prisoners were flown to Kenya on Tuesday.", "flown")
    assert span is None and tier == "none", (span, tier)


def test_a_country_that_only_says_whose_strike_is_not_the_event_place(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    def locate(text: str):  # type: ignore[no-untyped-def]
        doc = engine.nlp(text)
        trigger = next(t for t in doc if t.text == "killed")
        return locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)

    span, tier = locate("The commander was killed in a U.S. airstrike last week.")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("The commander was killed in a U.S. airstrike in Mogadishu.")
    assert span is not None and span.text == "Mogadishu" and tier == "verb", (span, tier)
    span, tier = locate("Two civilians were killed in the Kenya countryside.")  # a place noun
    assert span is not None and span.text == "Kenya" and tier == "verb", (span, tier)


def test_a_name_right_after_a_place_noun_belongs_to_its_phrase(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    # the parse the tagger sometimes gives: "Nairobi" hung on the verb beside "in the capital"
    words = ["Students", "demonstrated", "in", "the", "capital", "Nairobi", "Saturday", "."]
    heads = [1, 1, 1, 4, 2, 1, 1, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "npadvmod", "npadvmod", "punct"]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN", "PROPN", "PROPN", "PUNCT"]
    lemmas = ["student", "demonstrate", "in", "the", "capital", "Nairobi", "Saturday", "."]
    ents = ["O", "O", "O", "O", "O", "B-GPE", "B-DATE", "O"]
    doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    span, tier = locate_event(doc[1], (), engine.gazetteer)
    assert span is not None and span.text == "Nairobi" and tier == "verb", (span, tier)
    words[4], lemmas[4] = "crowd", "crowd"  # not a place noun: the name is not its phrase's
    doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    span, tier = locate_event(doc[1], (), engine.gazetteer)
    assert span is None, (span, tier)


def test_the_streets_of_a_town_name_it(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    doc = engine.nlp("Police patrolled the streets of Bir Hamsa on Monday.")  # tagged as a person
    trigger = next(t for t in doc if t.text == "patrolled")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Bir Hamsa" and tier == "object", (span, tier)


def test_of_a_locative_phrase_and_an_object_the_most_specific_place(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    doc = engine.nlp("In the province of Garissa, gunmen attacked the village of Kolbio on Sunday.")
    trigger = next(t for t in doc if t.text == "attacked")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Kolbio" and tier == "object", (span, tier)
    doc = engine.nlp("In Mombasa, rebels attacked a police post in Kenya last week.")
    trigger = next(t for t in doc if t.text == "attacked")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Mombasa" and tier == "verb", (span, tier)


def test_below_the_trigger_a_whole_country_gives_way_to_a_town(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    text = "The suspect, who planned the bombings in Kenya, was captured on Friday after a raid in Mombasa."
    doc = engine.nlp(text)
    trigger = next(t for t in doc if t.text == "captured")
    span, tier = locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)
    assert span is not None and span.text == "Mombasa" and tier == "subtree", (span, tier)


def test_a_settlement_noun_named_by_proper_nouns_is_a_place(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    def locate(words: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
        # "A bomb exploded in the W1 W2 district of W3 ." with the tagger's entity labels ``ents``
        heads = [1, 2, 2, 2, 7, 6, 7, 3, 7, 8, 2]
        deps = [
            "det",
            "nsubj",
            "ROOT",
            "prep",
            "det",
            "compound",
            "compound",
            "pobj",
            "prep",
            "pobj",
            "punct",
        ]
        pos = ["DET", "NOUN", "VERB", "ADP", "DET", "PROPN", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT"]
        lemmas = [w if p == "PROPN" else w.lower() for w, p in zip(words, pos, strict=True)]
        doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
        return locate_event(doc[2], (), engine.gazetteer)

    words = ["A", "bomb", "exploded", "in", "the", "Ali", "Musa", "district", "of", "Mombasa", "."]
    person = ["O"] * 5 + ["B-PERSON", "I-PERSON"] + ["O"] * 2 + ["B-GPE", "O"]
    # the district's name, tagged a person, is still a place, smaller than the city
    span, tier = locate(words, person)
    assert span is not None and span.text == "Ali Musa district" and tier == "verb", (span, tier)
    # a known town named before a suburb's "of" phrase only says where the suburb lies
    words[5:10] = ["Addis", "Ababa", "suburb", "of", "Kiboroni"]
    span, tier = locate(words, person)
    assert span is not None and span.text == "Kiboroni", (span, tier)
    # a place noun that no proper noun names is no candidate
    words[5:10] = ["Ali", "Musa", "market", "of", "Mombasa"]
    span, tier = locate(words, person)
    assert span is not None and span.text == "Mombasa", (span, tier)


def test_a_name_after_in_is_a_place_even_tagged_a_person_but_not_an_institution(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    def locate(words: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
        # "Gunmen killed three guards at W1 W2 in W3 ."
        heads = [1, 1, 3, 1, 1, 6, 4, 6, 7, 1]
        deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "compound", "pobj", "prep", "pobj", "punct"]
        pos = ["NOUN", "VERB", "NUM", "NOUN", "ADP", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT"]
        lemmas = [w if p == "PROPN" else w.lower() for w, p in zip(words, pos, strict=True)]
        doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
        return locate_event(doc[1], (), engine.gazetteer)

    words = ["Gunmen", "killed", "three", "guards", "at", "Kiboroni", "Heights", "in", "Mombasa", "."]
    ents = ["O"] * 5 + ["B-PERSON", "I-PERSON", "O", "B-GPE", "O"]
    span, tier = locate(words, ents)  # the tagger's person is a place smaller than the city
    assert span is not None and span.text == "Kiboroni Heights" and tier == "verb", (span, tier)
    words[5:7] = ["Coast", "University"]  # an institution: the town it stands in is the place
    ents[5:7] = ["B-ORG", "I-ORG"]
    span, tier = locate(words, ents)
    assert span is not None and span.text == "Mombasa" and tier == "verb", (span, tier)


def test_a_time_of_day_after_at_is_no_place(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    words = ["Rebels", "attacked", "at", "4:15", "A.M.", "."]
    heads = [1, 1, 1, 4, 2, 1]
    deps = ["nsubj", "ROOT", "prep", "nummod", "pobj", "punct"]
    pos = ["NOUN", "VERB", "ADP", "NUM", "PROPN", "PUNCT"]
    doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=list(words))
    span, tier = locate_event(doc[1], (), engine.gazetteer)
    assert span is None and tier == "none", (span, tier)
    words[3:5] = ["Bir", "Hamsa"]  # the same phrase with a name is a place
    doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=list(words))
    span, tier = locate_event(doc[1], (), engine.gazetteer)
    assert span is not None and span.text == "Bir Hamsa" and tier == "verb", (span, tier)


def test_a_verb_of_saying_takes_only_its_own_locative_phrase(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    text = "Two traders were shot dead in Mombasa on Friday, the police said."
    span, tier = locate(text, "said")  # what was reported happened in Mombasa, not the saying
    assert span is None and tier == "none", (span, tier)
    span, tier = locate(text, "shot")
    assert span is not None and span.text == "Mombasa", (span, tier)
    span, tier = locate("The minister said in Mombasa that the talks would resume.", "said")
    assert span is not None and span.text == "Mombasa" and tier == "verb", (span, tier)


def test_a_country_named_after_the_event_in_another_phrase_is_background(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.enrich.attach import locate_event, toponym_tokens

    def locate(text: str):  # type: ignore[no-untyped-def]
        doc = engine.nlp(text)
        trigger = next(t for t in doc if t.text == "shot")
        return locate_event(trigger, toponym_tokens(doc, engine.gazetteer), engine.gazetteer)

    span, tier = locate("Gunmen shot two traders while the talks on the war in Kenya dragged on.")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("While the talks on the war in Kenya dragged on, gunmen shot two traders.")
    assert span is not None and span.text == "Kenya" and tier == "sentence", (span, tier)


def test_a_possessive_place_of_an_object_names_where_only_when_it_owns_a_place(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    span, tier = locate("Riot police patrolled Kenya's main cities on Saturday.", "patrolled")
    assert span is not None and span.text == "Kenya" and tier == "object", (span, tier)
    span, tier = locate("The minister met Kenya's president on Saturday.", "met")  # whose president
    assert span is None and tier == "none", (span, tier)


def test_capturing_a_title_or_shooting_a_film_has_no_place(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    span, tier = locate("The young sprinter captured her first title in Mombasa on Sunday.", "captured")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("The crew was shooting scenes in Mombasa last week.", "shooting")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("Most scenes of the film were shot in Mombasa last year.", "shot")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("The rebels captured two soldiers in Mombasa on Sunday.", "captured")
    assert span is not None and span.text == "Mombasa" and tier == "verb", (span, tier)


def test_a_place_inside_an_organisation_name_says_whose_unless_it_is_the_scene(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    span, tier = locate("Rebels shelled the Kenya Defence Forces positions on Monday.", "shelled")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("Students demonstrated at Mombasa Technical University on Monday.", "demonstrated")
    assert span is not None and span.text == "Mombasa" and tier == "verb", (span, tier)


def test_an_unknown_region_and_the_point_of_a_direction_are_less_specific_than_a_town(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    # Tundura is no place the Gazetteer knows, but its phrase calls it a region
    text = "Gunmen killed nine villagers in the town of Malindi, in the northern region of Tundura."
    span, tier = locate(text, "killed")
    assert span is not None and span.text == "Malindi" and tier == "verb", (span, tier)
    # the smaller town only says where the city lies
    text = "A bomb exploded at a market in Nairobi, 20 kilometres south of Thika."
    span, tier = locate(text, "exploded")
    assert span is not None and span.text == "Nairobi" and tier == "verb", (span, tier)


def test_an_object_the_tagger_took_for_a_person_is_a_place_when_the_gazetteer_knows_the_town(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    def locate(name: str):  # type: ignore[no-untyped-def]
        words = ["Rebels", "captured", name, "on", "Sunday", "."]
        heads = [1, 1, 1, 1, 3, 1]
        deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"]
        pos = ["NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]
        ents = ["O", "O", "B-PERSON", "O", "B-DATE", "O"]
        doc = Doc(
            engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=list(words), ents=ents
        )
        return locate_event(doc[1], (), engine.gazetteer)

    span, tier = locate("Malindi")  # a town of the Gazetteer
    assert span is not None and span.text == "Malindi" and tier == "object", (span, tier)
    span, tier = locate("Kiborodi")  # a name it does not know stays a person
    assert span is None and tier == "none", (span, tier)


def test_the_point_of_a_direction_on_the_verb_is_its_place_when_nothing_else_is(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    span, tier = locate("Police arrested five suspects north of Mombasa on Tuesday.", "arrested")
    assert span is not None and span.text == "Mombasa" and tier == "direction", (span, tier)
    # a place of its own wins over the point the scene is measured from
    text = "Police arrested five suspects in Malindi on Tuesday, 100 kilometres north of Mombasa."
    span, tier = locate(text, "arrested")
    assert span is not None and span.text == "Malindi" and tier != "direction", (span, tier)


def test_a_place_in_an_according_to_phrase_is_where_the_source_is(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    text = "Two soldiers were killed on Monday, according to a police spokesman in Nairobi."
    span, tier = locate(text, "killed")
    assert span is None and tier == "none", (span, tier)
    text = "According to a police spokesman in Nairobi, two soldiers were killed in Garissa on Monday."
    span, tier = locate(text, "killed")
    assert span is not None and span.text == "Garissa" and tier == "verb", (span, tier)


def test_a_proper_noun_object_of_a_verb_that_takes_a_place_is_a_place(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    def locate(verb: str, name: str, label: str):  # type: ignore[no-untyped-def]
        words = ["Rebels", verb, name, "on", "Sunday", "."]
        heads = [1, 1, 1, 1, 3, 1]
        deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"]
        pos = ["NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]
        lemma = {"stormed": "storm", "entered": "enter", "captured": "capture", "met": "meet"}[verb]
        lemmas = ["rebel", lemma, name, "on", "Sunday", "."]
        ents = ["O", "O", f"B-{label}" if label else "O", "O", "B-DATE", "O"]
        doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
        return locate_event(doc[1], (), engine.gazetteer)

    # names no Gazetteer knows, whatever the tagger made of them
    for verb, label in (("stormed", "PERSON"), ("entered", ""), ("captured", "ORG"), ("captured", "")):
        span, tier = locate(verb, "Kiborodi", label)
        assert span is not None and span.text == "Kiborodi" and tier == "object", (verb, label, span, tier)
    # one taken for a person stays a person after a verb of taking, and "met" takes no place
    for verb, label in (("captured", "PERSON"), ("met", "ORG")):
        span, tier = locate(verb, "Kiborodi", label)
        assert span is None and tier == "none", (verb, label, span, tier)


def test_a_place_the_parser_hung_on_a_day_is_the_verbs_place(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    def locate(words: list[str], heads: list[int], deps: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
        pos = ["NOUN", "VERB", "PROPN", "PROPN", "PUNCT"]
        doc = Doc(
            engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=list(words), ents=ents
        )
        return locate_event(doc[1], (), engine.gazetteer)

    # "Goma Thursday" parsed as one noun phrase, the town a compound of the day
    words = ["Troops", "patrolled", "Goma", "Thursday", "."]
    span, tier = locate(
        words,
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "compound", "npadvmod", "punct"],
        ["O", "O", "B-GPE", "B-DATE", "O"],
    )
    assert span is not None and span.text == "Goma" and tier == "object", (span, tier)
    # a day alone names no place
    span, tier = locate(
        words,
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "compound", "npadvmod", "punct"],
        ["O", "O", "B-DATE", "I-DATE", "O"],
    )
    assert span is None and tier == "none", (span, tier)


def test_a_participle_telling_the_result_takes_the_place_its_verb_struck(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    span, tier = locate("Gunmen attacked Garissa town on Sunday, killing twelve people.", "killing")
    assert span is not None and "Garissa" in span.text and tier == "cause", (span, tier)
    # a place of the participle's own comes first
    text = "Gunmen attacked Garissa town on Sunday, killing twelve guests in Malindi."
    span, tier = locate(text, "killing")
    assert span is not None and span.text == "Malindi", (span, tier)


def test_the_name_in_the_of_phrase_of_a_part_of_a_place_is_a_place(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    def locate(noun: str, label: str):  # type: ignore[no-untyped-def]
        words = ["Rebels", "stormed", "the", noun, "of", "Kiborodi", "."]
        heads = [1, 1, 3, 1, 3, 4, 1]
        deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
        pos = ["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
        lemmas = ["rebel", "storm", "the", noun, "of", "Kiborodi", "."]
        ents = ["O", "O", "O", "O", "O", f"B-{label}", "O"]
        doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
        return locate_event(doc[1], (), engine.gazetteer)

    for noun in ("perimeter", "outskirt", "vicinity"):
        span, tier = locate(noun, "ORG")
        assert span is not None and span.text == "Kiborodi" and tier == "object", (noun, span, tier)
    span, tier = locate("office", "ORG")  # the office of an organisation names no place
    assert span is None and tier == "none", (span, tier)


def test_an_in_phrase_saying_where_a_named_place_lies_gives_way_to_that_place(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    for text in (
        "A journalist was killed by an air raid on the village of Kiborodi in the Rift Valley.",
        "Two farmers were killed during an attack on the village of Kiborodi in Garissa county.",
    ):
        span, tier = locate(text, "killed")
        assert span is not None and span.text == "Kiborodi" and tier == "subtree", (text, span, tier)


def test_a_part_of_a_country_is_no_whole_country(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    # below the trigger a whole country is background, a part of one is the scene
    text = "He was captured while carrying out an attack in northern Kenya in 1999."
    span, tier = locate(text, "captured")
    assert span is not None and "Kenya" in span.text and tier == "subtree", (span, tier)
    text = "He was captured while carrying out an attack in Kenya in 1999."
    span, tier = locate(text, "captured")
    assert span is None and tier == "none", (span, tier)


def test_a_prize_named_after_the_object_does_not_take_the_place_away(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    words = ["Troops", "captured", "Garissa", ",", "a", "victory", "."]
    heads = [1, 1, 1, 1, 5, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "dobj", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT"]
    lemmas = ["troop", "capture", "Garissa", ",", "a", "victory", "."]
    ents = ["O", "O", "B-GPE", "O", "O", "O", "O"]
    doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    span, tier = locate_event(doc[1], (), engine.gazetteer)  # the victory is an apposition
    assert span is not None and span.text == "Garissa" and tier == "object", (span, tier)
    doc = Doc(
        engine.nlp.vocab,
        words=["Troops", "captured", "a", "victory", "in", "Garissa", "."],
        heads=[1, 1, 3, 1, 1, 4, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["troop", "capture", "a", "victory", "in", "Garissa", "."],
        ents=["O", "O", "O", "O", "O", "B-GPE", "O"],
    )
    span, tier = locate_event(doc[1], (), engine.gazetteer)  # a won victory has no place
    assert span is None and tier == "none", (span, tier)


def test_a_country_naming_a_settlement_is_no_whole_country(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from eventwire.enrich.attach import locate_event

    def locate(noun: str, lemma: str):  # type: ignore[no-untyped-def]
        words = ["He", "was", "shot", "after", "a", "raid", "in", "a", "Kenya", noun, "."]
        heads = [2, 2, 2, 2, 5, 3, 5, 9, 9, 6, 2]
        deps = [
            "nsubjpass",
            "auxpass",
            "ROOT",
            "prep",
            "det",
            "pobj",
            "prep",
            "det",
            "compound",
            "pobj",
            "punct",
        ]
        pos = ["PRON", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "PROPN", "NOUN", "PUNCT"]
        lemmas = ["he", "be", "shoot", "after", "a", "raid", "in", "a", "Kenya", lemma, "."]
        ents = ["O", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O"]
        doc = Doc(engine.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
        return locate_event(doc[2], (), engine.gazetteer)

    span, tier = locate("village", "village")  # a village in Kenya: the scene, below the trigger
    assert span is not None and span.text == "Kenya" and tier == "subtree", (span, tier)
    span, tier = locate("raid", "raid")  # "a Kenya raid": whose raid, not where
    assert span is None and tier == "none", (span, tier)


def test_an_on_phrase_is_a_target_only_of_an_act_that_hits_a_place(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    # the topic of a noun is no target
    span, tier = locate("The envoys discussed how to make progress on the Mombasa port deal.", "discussed")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("The ministers met to hold talks on Kisumu's water supply.", "met")
    assert span is None and tier == "none", (span, tier)
    # an act that hits a place, or a place noun in the phrase, still is
    span, tier = locate("Police said two men died after a raid on Kisumu overnight.", "died")
    assert span is not None and span.text == "Kisumu" and tier == "on", (span, tier)


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders discussed the North's nuclear weapons.",
        "The two leaders discussed the nuclear weapons held in the North.",
        "The two leaders discussed how to bring peace to the South.",
    ],
)
def test_a_bare_compass_word_is_no_place(engine, text: str) -> None:  # type: ignore[no-untyped-def]
    span, tier = _locate(engine, text, "discussed")
    assert span is None and tier == "none", (span, tier)


def test_the_story_focus_is_at_its_dateline_when_the_story_names_its_country(engine) -> None:  # type: ignore[no-untyped-def]
    text = (
        "NAIROBI (Reuters) - U.S. envoys met U.S. lawmakers and U.S. officials from Washington "
        "on Monday to discuss aid to Kenya.\n\n"
        "Later, police arrested ten protesters in Kiboroni Heights."
    )
    result = code_text(engine, text, "2018-09-11")
    e = next(e for e in result.events if e.evidence.trigger.text == "arrested")
    assert e.location is not None and e.location.name == "Kiboroni Heights", e.location
    assert e.location.country == "KEN" and "focus" in e.location.resolved_by, e.location


def test_a_dateline_town_whose_country_the_story_never_names_is_no_focus(engine) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LONDON (Reuters) - Protests spread across Kenya on Monday.\n\n"
        "In Nairobi, police fired tear gas at students.\n\n"
        "Later, police arrested ten protesters in Kiboroni Heights."
    )
    result = code_text(engine, text, "2018-09-11")
    e = next(e for e in result.events if e.evidence.trigger.text == "arrested")
    assert e.location is not None and e.location.country == "KEN", e.location


def test_a_from_phrase_in_the_object_is_where_it_came_from(engine) -> None:  # type: ignore[no-untyped-def]
    def locate(text: str, verb: str):  # type: ignore[no-untyped-def]
        return _locate(engine, text, verb)

    span, tier = locate("Police arrested members of a gang from Kisumu.", "arrested")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("Rebels captured a general from Mombasa and two colonels.", "captured")
    assert span is None and tier == "none", (span, tier)
    span, tier = locate("Soldiers captured the town of Kisumu on Friday.", "captured")
    assert span is not None and span.text == "Kisumu" and tier == "object", (span, tier)


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        # of an object and a locative phrase that name places alike, the object is the scene
        (
            "Government jets bombed Kabwele-Ndogo, in Makuyu-Sul, during a raid at night.",
            "bombed",
            "Kabwele-Ndogo",
        ),
        ("At Tarhuni, the rebels shelled Bir Sagha with mortars.", "shelled", "Bir Sagha"),
        # an institution a verb of force hits is its place
        (
            "Militants stormed the Mwembe Tayari Hospital early on Monday.",
            "stormed",
            "Mwembe Tayari Hospital",
        ),
        ("Gunmen raided Moi Girls School before dawn.", "raided", "Moi Girls School"),
    ],
)
def test_the_object_a_verb_of_force_hits_is_its_place(engine, text: str, verb: str, place: str) -> None:  # type: ignore[no-untyped-def]
    span, tier = _locate(engine, text, verb)
    assert span is not None and span.text == place and tier == "object", (span, tier)


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        (
            "Insurgents detonated a bomb inside a school in Southern Kenya's province of Kwale on Thursday.",
            "detonated",
            "Kwale",
        ),
        ("Police arrested him in Western Kenya's capital of Kisumu last week.", "arrested", "Kisumu"),
    ],
)
def test_the_owner_of_a_place_noun_only_says_where_it_lies(engine, text: str, verb: str, place: str) -> None:  # type: ignore[no-untyped-def]
    span, tier = _locate(engine, text, verb)
    assert span is not None and span.text == place, (span, tier)


@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        ("Kabwele has been encircled by the army since the bombing.", "encircled", "Kabwele"),
        ("Ochieng was captured by rebel forces on Friday.", "captured", None),  # a person, as an object
    ],
)
def test_a_passive_subject_of_a_verb_that_takes_a_place(
    engine, text: str, verb: str, place: str | None
) -> None:  # type: ignore[no-untyped-def]
    span, tier = _locate(engine, text, verb)
    assert (span.text if span is not None else None) == place, (span, tier)
