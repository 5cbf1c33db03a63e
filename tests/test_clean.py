from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import clean_article, load_rules
from eventwire.records import Article, RawArticle, Rejection

from .conftest import SAMPLES

RULES = load_rules()


def clean(text: str, fmt: str = "text", **kw: str) -> Article:
    out = clean_article(RawArticle(source="t", body=text, fmt=fmt, **kw), RULES)  # type: ignore[arg-type]
    assert isinstance(out, Article), out
    return out


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_every_rule_matches_its_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.examples, f"rule {rule.name} has no examples"
    for example in rule.examples:
        assert rule.match(example), example


def test_scraped_story_with_chrome() -> None:
    text = (
        "Ministers agree on grain corridor\n\n"
        "Published: 2024-03-05\n\n"
        "ANKARA (Demo Wire) - Turkey and Ukraine agreed on Tuesday to extend the grain corridor, "
        "the two governments said.\n\n"
        "PHOTO: Ships wait at anchor. DEMO WIRE/Jane Doe\n\n"
        "The deal was signed by the two ministers, and the\n\n"
        "first ships will sail on Friday.\n\n"
        "TALKS CONTINUE\n\n"
        "Officials said more talks were planned.\n\n"
        "Reporting by A. Writer in Ankara; Editing by B. Editor\n\n"
        "Source link\n"
        "« Previous article Storm closes ports\n"
        "Next article » Prices rise again"
    )
    a = clean(text)
    assert a.title == "Ministers agree on grain corridor"
    assert (a.dateline, a.wire, a.published) == ("ANKARA", "Demo Wire", "2024-03-05")
    assert a.byline == "A. Writer"
    assert "The deal was signed by the two ministers, and the first ships will sail on Friday." in a.text
    for chrome in (
        "PHOTO",
        "TALKS CONTINUE",
        "Reporting by",
        "Source link",
        "Previous",
        "Next article",
    ):
        assert chrome not in a.text
    reasons = {r.rule for r in a.removed}
    assert {
        "photo-caption",
        "subhead",
        "credits",
        "source-link",
        "other-story-link",
        "dateline",
    } <= reasons
    for start, end in a.paragraphs:
        assert a.text[start:end].strip() == a.text[start:end]


def test_date_in_record_wins_over_default() -> None:
    raw = RawArticle(source="t", body="H\n\nBody.", fmt="text", published="2020-01-02")
    a = clean_article(raw, RULES, default_date="2024-01-01")
    assert isinstance(a, Article) and a.published == "2020-01-02"
    raw2 = RawArticle(source="t", body="H\n\nBody.", fmt="text")
    a2 = clean_article(raw2, RULES, default_date="2024-01-01")
    assert isinstance(a2, Article) and a2.published == "2024-01-01"


def test_nothing_left_is_a_rejection() -> None:
    out = clean_article(RawArticle(source="t", body="Headline\n\nSource link\n", fmt="text"), RULES)
    assert isinstance(out, Rejection) and out.stage == "clean"


def test_html_through_trafilatura() -> None:
    html = (SAMPLES / "13_html_page.html").read_text(encoding="utf-8")
    a = clean(html, fmt="html")
    assert a.title and a.published
    assert "Related" not in a.text
    assert len(a.text) > 300


def test_sample_with_chrome_is_clean() -> None:
    path = next(SAMPLES.glob("12_*.txt"))
    a = clean(path.read_text(encoding="utf-8"))
    for line in a.text.splitlines():
        assert not line.startswith(
            (
                "FILE PHOTO",
                "Slideshow",
                "Reporting by",
                "Source link",
                "Ads by",
                "«",
                "Next article",
            )
        )
    assert a.wire == "Demo Wire"
    # the paragraph broken mid-sentence is one paragraph again
    assert not any(a.text[s:e][:1].islower() for s, e in a.paragraphs)


def test_seed_cleans(seed_path: Path) -> None:
    raw = RawArticle(source=str(seed_path), body=seed_path.read_text(encoding="utf-8"), fmt="text")
    a = clean_article(raw, RULES, default_date="2018-09-11")
    assert isinstance(a, Article)
    assert a.title is not None and a.title.startswith("North Korea")
    assert (a.dateline, a.wire, a.published) == ("SEOUL/WASHINGTON", "Reuters", "2018-09-11")
    for chrome in (
        "FILE PHOTO",
        "Slideshow",
        "refiled",
        "Reporting by",
        "Our Standards",
        "Source link",
        "Revcontent",
        "Previous article",
        "Next article",
        "WINDOW OF OPPORTUNITY",
        "(Reuters)",
    ):
        assert chrome not in a.text, chrome
    paras = [a.text[s:e] for s, e in a.paragraphs]
    broken = [p for p in paras if "abolish its nuclear programs" in p]
    assert len(broken) == 1 and "United States foster such conditions" in broken[0]
    assert len(a.removed) == 11


def test_site_name_is_not_part_of_the_title() -> None:
    from eventwire.clean.text import strip_site_name

    assert strip_site_name("Storm closes ports on the coast | Demo News", "Demo News") == (
        "Storm closes ports on the coast"
    )
    assert strip_site_name("Demo News - Storm closes ports", "demonews") == "Storm closes ports"
    assert strip_site_name("Ministers meet in Geneva for talks | World", None) == (
        "Ministers meet in Geneva for talks"
    )
    assert strip_site_name("Biden: talks will go on", None) == "Biden: talks will go on"
    assert strip_site_name(None, "x") is None


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Tom Roe The Associated Press", "Tom Roe"),  # the agency written after the name
        ("Sam Poe, Reuters", "Sam Poe"),
        ("The Associated Press", "The Associated Press"),  # the agency alone stays
        ("Lena Vik MS, RD", "Lena Vik"),  # degrees after the name
        ("Omar Haddad, Chief Technology Officer", "Omar Haddad"),  # a job title is not a name
        ("Jane Doe and Tom Roe", "Jane Doe; Tom Roe"),
    ],
)
def test_byline_keeps_names_only(author: str, expected: str) -> None:
    from eventwire.clean.text import clean_byline

    assert clean_byline(author, None) == expected


@pytest.mark.parametrize(
    ("meta", "h1", "expected"),
    [
        (None, "Politics | Council approves new bus lanes", "Council approves new bus lanes"),
        (None, "Opinion | Let the buses run on time | Editorial", "Let the buses run on time"),
        (None, "Storm closes ports along the coast [Watch]", "Storm closes ports along the coast"),
        (
            None,
            "Rover sends first pictures from the crater (video)",
            "Rover sends first pictures from the crater",
        ),
        (None, "Inside the city 's oldest market hall", "Inside the city's oldest market hall"),
        (
            "Ferry service resumes after storm | Demo News",
            "Travel Ferry service resumes after storm",
            "Ferry service resumes after storm",
        ),
        # a headline with ' | ' between two real parts stays whole
        (None, "Floods in the north | Drought in the south", "Floods in the north | Drought in the south"),
    ],
)
def test_title_without_section_labels(meta: str | None, h1: str, expected: str) -> None:
    from eventwire.clean.text import choose_title

    assert choose_title(meta, h1, "Demo News") == expected


def test_update_time_without_a_date_is_chrome_but_no_date() -> None:
    a = clean(
        "Storm hits the coast\n\nUpdated at 1:23 p.m.\n\n"
        "A storm hit the coast on Monday, officials said.\n\nTags storms, coast, weather"
    )
    assert a.text == "A storm hit the coast on Monday, officials said."
    assert a.published is None
    assert [r.rule for r in a.removed] == ["published-line", "taxonomy-line"]
    assert "time only" in a.removed[0].reason


def test_link_list_under_a_related_heading_goes_with_it() -> None:
    a = clean(
        "Ferry service resumes\n\nFerries sailed again on Monday after the storm, the operator said.\n\n"
        "- Crews checked every vessel before the first departure.\n\n"
        "Related stories:\n- Storm closes ports along the coast\n- Harbour reopens after repairs\n\n"
        "The operator said timetables would be back to normal by Friday."
    )
    assert "Crews checked every vessel" in a.text  # a bullet not under a links heading stays
    assert "Storm closes ports" not in a.text and "Harbour reopens" not in a.text
    assert "back to normal by Friday" in a.text
    assert [r.rule for r in a.removed].count("source-link") == 3
