"""HTML extraction: tables only when they are the article, a second cut when the first is too short."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from eventwire.clean import html as html_mod
from eventwire.clean.html import MIN_ARTICLE_WORDS, extract_html

PROSE = (
    "<p>The regional parliament voted on Tuesday to approve a new budget after three weeks of "
    "negotiations between the governing parties and the opposition, the speaker said.</p>"
    "<p>The budget raises spending on schools and hospitals by four percent and cuts the fuel tax, "
    "a measure the opposition had demanded as a condition for its support.</p>"
    "<p>Teachers' unions welcomed the vote but said the extra money would not cover rising costs, "
    "and called for talks on salaries to begin before the summer.</p>"
    "<p>The finance minister said the government would present a plan for the next two years in "
    "the autumn, including a review of regional transport subsidies.</p>"
)
SMALL_TABLE = (
    "<h2>Spending by sector</h2>"
    "<table><tr><th>Sector</th><th>Change</th></tr>"
    "<tr><td>Schools</td><td>plus four percent</td></tr>"
    "<tr><td>Hospitals</td><td>plus three percent</td></tr></table>"
)


def _page(body: str, title: str = "Parliament approves budget") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{body}</article></body></html>"
    )


def test_a_small_table_beside_prose_is_left_out_with_its_heading() -> None:
    got = extract_html(_page(PROSE + SMALL_TABLE))
    assert got is not None
    assert "regional parliament voted" in got.text
    assert "Hospitals" not in got.text
    assert "Spending by sector" not in got.text


def test_a_page_that_is_mostly_a_table_keeps_it() -> None:
    rows = "".join(
        f"<tr><td>{n}</td><td>Team {name}</td><td>{30 - n}</td><td>{n + 2}</td></tr>"
        for n, name in enumerate(
            ["Harbour", "Valley", "Forest", "River", "Castle", "Mountain", "Lake", "Bridge"], 1
        )
    )
    body = (
        "<p>The table below shows the final league standings after the last round of the season.</p>"
        f"<table><tr><th>Pos</th><th>Team</th><th>Points</th><th>Games</th></tr>{rows}</table>"
    )
    got = extract_html(_page(body, title="Final league standings of the season"))
    assert got is not None
    assert "Team Harbour" in got.text and "Team Bridge" in got.text


def _doc(text: str) -> Any:
    return SimpleNamespace(text=text, body=None, title="T", author=None, date=None, sitename=None)


@pytest.mark.parametrize(
    ("precise_words", "balanced_words", "expected_words"),
    [
        (12, 300, 300),  # the precise cut missed the article: the balanced cut wins
        (12, 8, 12),  # the second cut is no better: keep the first
        (MIN_ARTICLE_WORDS + 5, 300, MIN_ARTICLE_WORDS + 5),  # long enough: no second cut
    ],
)
def test_second_cut_only_for_short_output(
    monkeypatch: pytest.MonkeyPatch, precise_words: int, balanced_words: int, expected_words: int
) -> None:
    calls: list[bool] = []

    def fake_bare(html: str, url: str | None, precise: bool) -> Any:
        calls.append(precise)
        return _doc(" ".join(["word"] * (precise_words if precise else balanced_words)))

    monkeypatch.setattr(html_mod, "_bare", fake_bare)
    got = extract_html("<html></html>")
    assert got is not None and len(got.text.split()) == expected_words
    assert calls == ([True] if precise_words >= MIN_ARTICLE_WORDS else [True, False])


def test_utc_date_becomes_the_publishers_local_day() -> None:
    from eventwire.clean.html import page_date

    page = (
        '<meta property="article:published_time" content="2024-03-06T02:15:00Z">'
        '<time datetime="2024-03-05T21:15:00-05:00">March 5</time>'
    )
    assert page_date(page, "2024-03-06") == "2024-03-05"
    # no local writing of the same instant: the date stays as found
    other = '<meta property="article:published_time" content="2024-03-06T02:15:00Z">'
    assert page_date(other, "2024-03-06") == "2024-03-06"
    # a local stamp of a different instant says nothing about this one
    assert page_date(other + '<time datetime="2024-03-01T09:00:00-05:00">', "2024-03-06") == "2024-03-06"


def test_long_refreshed_page_takes_its_refresh_date() -> None:
    from eventwire.clean.html import page_date

    def page(modified: str) -> str:
        return (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            f'"datePublished": "2021-05-04T10:00:00", "dateModified": "{modified}"}}</script>'
        )

    assert page_date(page("2023-11-20T08:00:00"), "2021-05-04") == "2023-11-20"
    assert page_date(page("2021-05-20T08:00:00"), "2021-05-04") == "2021-05-04"  # a routine fix
    assert page_date("<p>no metadata</p>", "2021-05-04") == "2021-05-04"
    assert page_date("<p>no metadata</p>", None) is None


def test_date_line_printed_with_the_headline() -> None:
    from eventwire.clean.html import headline_date

    page = (
        '<html><head><meta property="article:published_time" content="2024-03-04T23:10:00Z">'
        "</head><body><nav>Home | World</nav><h1>Port strike ends</h1>"
        '<div class="byline">By Jane Doe</div><div class="date">Updated: Mar. 5, 2024, 9:12 a.m.</div>'
        "<p>Dock workers went back to work on Tuesday after a deal signed on February 28, 2024, "
        "the union said in a statement to members.</p></body></html>"
    )
    assert headline_date(page) == "2024-03-05"
    got = extract_html(page)
    assert got is not None and got.date == "2024-03-05"
    # a date inside a sentence is not a date line; no <h1>, no headline date
    sentence_only = page.replace("Updated: Mar. 5, 2024, 9:12 a.m.", "")
    assert headline_date(sentence_only) is None
    assert headline_date(page.replace("<h1>", "<h2>").replace("</h1>", "</h2>")) is None
    assert headline_date("<h1>Title</h1><span>30 February 2024</span>") is None
    assert headline_date("<h1>Title</h1><span>Published 4 March 2024</span>") == "2024-03-04"


def test_shown_date_far_from_the_metadata_is_not_taken() -> None:
    from eventwire.clean.html import choose_date

    assert choose_date("2024-03-05", "2024-03-04") == "2024-03-05"
    assert choose_date("1985-04-23", "2024-03-04") == "2024-03-04"  # a birth date near the headline
    assert choose_date(None, "2024-03-04") == "2024-03-04"
    assert choose_date("2024-03-05", None) == "2024-03-05"
    assert choose_date("2024-03-05", "not a date") == "2024-03-05"
