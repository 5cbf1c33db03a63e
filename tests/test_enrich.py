from __future__ import annotations

from datetime import date

import pytest

from eventwire.enrich import find_dates

from .conftest import code_text

TUE = date(2018, 9, 11)  # a Tuesday


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


def test_event_date_and_place(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Japan met China in Beijing on Monday.", "2018-09-11")
    e = next(e for e in result.events if e.root == "04")
    assert (e.date, e.date_precision) == ("2018-09-10", "day")
    assert e.location is not None and e.location.name == "Beijing" and e.location.country == "CHN"
    assert e.location.lat is not None


def test_publication_date_when_the_clause_has_none(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Japan met China.", "2018-09-11")
    e = next(e for e in result.events if e.root == "04")
    assert (e.date, e.date_precision) == ("2018-09-11", "publication")


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
