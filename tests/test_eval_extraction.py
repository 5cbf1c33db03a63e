"""The extraction suite's scorer (Zyte benchmark shingle metric, NAEB metadata) on made-up strings."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluation import GoldMissing
from eventwire.evaluation.extraction import (
    BodyScore,
    ShingleMatch,
    evaluate,
    gold_date,
    normalise_authors,
    normalise_title,
    shingle_match,
    shingles,
    tokenize,
)
from tests.conftest import SHARED


def test_tokenize_keeps_case_and_splits_on_non_word() -> None:
    assert tokenize("Hello, world! It's 2024 — naïve café") == [
        "Hello",
        "world",
        "It",
        "s",
        "2024",
        "naïve",
        "café",
    ]
    assert tokenize(None) == []


def test_shingles_of_short_and_empty_texts() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c d") == {("a", "b", "c", "d"): 1}
    assert shingles("a b") == {("a", "b"): 1}  # shorter than 4 tokens: one short shingle
    assert shingles(" ... ") == {}
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2  # a multiset


def test_identical_texts_score_one() -> None:
    match = shingle_match("The cat sat on the mat today.", "The cat sat on the mat today!")
    assert match == ShingleMatch(1.0, 0.0, 0.0)
    assert (match.precision, match.recall) == (1.0, 1.0)


def test_one_shingle_wrong_of_two() -> None:
    match = shingle_match("a b c d e", "a b c d x")  # tp abcd, fp bcdx, fn bcde
    assert match.tp == pytest.approx(1 / 3)
    assert match.fp == pytest.approx(1 / 3)
    assert match.fn == pytest.approx(1 / 3)
    assert match.precision == pytest.approx(0.5)
    assert match.recall == pytest.approx(0.5)


def test_extra_text_costs_precision_only() -> None:
    match = shingle_match("a b c d e", "a b c d e f")
    assert match.precision == pytest.approx(2 / 3)
    assert match.recall == 1.0


def test_repeated_shingles_are_counted() -> None:
    match = shingle_match("a b c d a b c d", "a b c d")  # gold abcd x2 + 3 others, pred abcd x1
    assert match.precision == 1.0
    assert match.recall == pytest.approx(1 / 5)


def test_tokens_are_case_sensitive_like_the_benchmark() -> None:
    assert shingle_match("Storm hits the coast", "storm hits the coast").tp == 0.0


def test_empty_cases() -> None:
    both = shingle_match("", "  ")
    assert both == ShingleMatch(0.0, 0.0, 0.0)
    assert (both.has_gold, both.has_prediction) == (False, False)
    missed = shingle_match("a b c d", "")
    assert (missed.precision, missed.recall, missed.has_prediction) == (0.0, 0.0, False)
    spurious = shingle_match("", "a b c d")
    assert (spurious.precision, spurious.recall, spurious.has_gold) == (0.0, 0.0, False)


def test_averages_skip_undefined_pages() -> None:
    score = BodyScore()
    score.add("a b c d e", "a b c d e")  # P 1, R 1
    score.add("", "")  # empty vs empty: in neither average
    score.add("a b c d", "")  # nothing predicted: recall 0, not in precision
    score.add("", "w x y z")  # nothing to find: precision 0, not in recall
    assert score.pages == 4
    assert (score.precision_pages, score.recall_pages) == (2, 2)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score.accuracy == pytest.approx(0.5)  # the identical pair and the empty pair


def test_f1_is_harmonic_mean_of_averages() -> None:
    score = BodyScore()
    score.add("a b c d e", "a b c d")  # P 1, R 1/2
    score.add("a b c d", "a b c d e")  # P 1/2, R 1
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.75)
    assert score.f1 == pytest.approx(0.75)  # the mean of the per-page F1s would be 2/3


def test_empty_score_is_zero() -> None:
    score = BodyScore()
    assert (score.precision, score.recall, score.f1, score.accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_title_normalisation() -> None:
    assert normalise_title("  Biden\u2019s  plan\n stalls ") == "Biden's plan stalls"
    assert normalise_title("Biden's plan stalls") != normalise_title("biden's plan stalls")
    assert normalise_title("Biden's plan stalls - Site") != normalise_title("Biden's plan stalls")
    assert normalise_title(None) == ""


def test_author_normalisation() -> None:
    assert normalise_authors("RALPH D. RUSSO, BOB FERRANTE") == normalise_authors(
        "Ralph D Russo; Bob Ferrante"
    )
    assert normalise_authors("By Jane Doe and John Roe") == {"jane doe", "john roe"}
    assert normalise_authors("Robert E. Moffit, Ph.D.") == {"robert e moffit"}
    assert normalise_authors("Laura Baisas |") == {"laura baisas"}
    assert normalise_authors("Oliver Darcy,") == {"oliver darcy"}
    assert normalise_authors("Solcyré Burga") != normalise_authors("Solcyre Burga")
    assert normalise_authors("Greg Potts Published") != normalise_authors("Greg Potts")
    assert normalise_authors("") == frozenset()


def test_gold_date() -> None:
    assert gold_date("2023-12-17") == "2023-12-17"
    assert gold_date("NaT") is None
    assert gold_date("") is None


def test_missing_benchmarks_raise_gold_missing(tmp_path: Path) -> None:
    with pytest.raises(GoldMissing):
        evaluate(tmp_path, lambda: None, 1)


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "extraction").is_dir(), reason="../shared/extraction is not available (third-party data)"
)
def test_evaluate_on_a_few_pages() -> None:
    metrics = evaluate(SHARED, lambda: None, 5)
    assert metrics["zyte_pages"] == 5
    assert metrics["naeb_pages"] == 5
    rates = [
        f"{prefix}{bench}_{name}"
        for prefix in ("", "trafilatura_")
        for bench in ("zyte", "naeb")
        for name in ("precision", "recall", "f1", "accuracy")
    ] + [
        f"{prefix}naeb_{name}_exact"
        for prefix in ("", "trafilatura_")
        for name in ("title", "date", "author")
    ]
    for key in rates:
        assert 0.0 <= metrics[key] <= 1.0, key
    assert metrics["seconds"] >= 0


def test_date_miss_kinds() -> None:
    from eventwire.evaluation.extraction import date_miss_kind

    assert date_miss_kind(None, "2024-03-05") == "none"
    assert date_miss_kind("2024-03-04T23:00:00", "2024-03-05") == "off_by_1"
    assert date_miss_kind("2023-03-05", "2024-03-05") == "same_day_other_year"
    assert date_miss_kind("2024-02-11", "2024-03-05") == "other"


def test_worst_pages_keeps_the_lowest_f1s() -> None:
    from eventwire.evaluation.extraction import WORST_PAGES, _keep_worst, _worst_list

    heap: list[tuple[float, str, float, float]] = []
    for n in range(WORST_PAGES + 3):
        gold = "one two three four five six seven eight"
        pred = " ".join(gold.split()[: 8 - n])  # page n misses its last n words
        _keep_worst(heap, f"p{n}", shingle_match(gold, pred))
    ids = [row["id"] for row in _worst_list(heap)]
    assert ids == [f"p{n}" for n in range(WORST_PAGES + 2, 2, -1)]
