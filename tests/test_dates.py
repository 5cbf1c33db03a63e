from __future__ import annotations

from datetime import date

import pytest

from eventwire.enrich.dates import PATTERNS, candidate_patterns, find_dates

# sentences of our own, each holding one or more kinds of date expression
SENTENCES = (
    "The ministers met on 2019-04-05 in Geneva.",
    "On Saturday, April 25, 2020 the talks ended; they resumed Monday, May 4.",
    "Protesters gathered again over the weekend.",
    "The summit is set for the week of March 9th.",
    "Elections were held Oct. 12, 1999 and again on 3rd June 2004.",
    "Prices fell in January 2008 and rose in June last year.",
    "The treaty was signed in August nineteen ninety-six, in the year two thousand and one.",
    "Troops arrived yesterday; more come tomorrow, and others later in the day.",
    "Talks will resume after Christmas Eve and before New Year's Day, not on Thanksgiving.",
    "Last Tuesday the envoy left; he returns this coming Friday or on Sunday's vote.",
    "Earnings rose from the year-ago quarter and the 2003 third quarter.",
    "Sales beat the same quarter last year and the year-earlier period.",
    "Inflation rose last month and will ease next year, after the past week.",
    "Two weeks ago the rebels struck, three months later they withdrew.",
    "Output in the first quarter of 2005 beat the latest reporting period.",
    "Costs rose in the quarter, and last March, and in mid-September.",
    "Sales rose in the March survey, while Parliament met in 1998 and since 1648.",
    "Growth for the current fiscal year will slow by year-end.",
    "Relations are now tense and were recently worse; in the near future they may improve.",
    "The 1994 agreement held, unlike that of 1956.",
    "THE MINISTER RESIGNED ON MONDAY, JULY 4 AND LEFT LAST WEEKEND.",
    "Nothing here names a time at all.",
    "Il a démissionné le Monday 5 March, à Genève.",
    "The ſunday vote was delayed.",
)


@pytest.mark.parametrize("text", SENTENCES)
def test_the_prefilter_keeps_every_pattern_that_matches(text: str) -> None:
    kept = {id(rx) for _, rx in candidate_patterns(text)}
    for kind, rx in PATTERNS:
        if rx.search(text):
            assert id(rx) in kept, (kind, text)


def test_the_prefilter_skips_patterns_that_cannot_match() -> None:
    assert candidate_patterns("Nothing here names a time at all.") == ()
    kept = {kind for kind, _ in candidate_patterns("Protesters gathered again over the weekend.")}
    assert kept == {"weekend"}
    assert len(candidate_patterns("It rained on the 12th.")) < len(PATTERNS) / 2


def test_a_letter_beyond_ascii_keeps_every_pattern() -> None:
    # under re.I "ſ" (long s) matches "s": the word set of the sentence cannot tell
    text = "The ſunday vote was delayed."
    assert any(rx.search(text) for kind, rx in PATTERNS if kind == "weekday")
    assert candidate_patterns(text) == PATTERNS
    assert len(candidate_patterns("The Sunday vote was delayed.")) < len(PATTERNS)


def test_dates_found_through_the_prefilter() -> None:
    found = find_dates(
        "Two weeks ago the rebels struck, three months later they withdrew.", date(2020, 5, 20)
    )
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("Two weeks ago", "2020-05-04", "week"),
        ("three months later", "2020-08-01", "month"),
    ]
