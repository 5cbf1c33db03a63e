"""Scraped plain-text variants (tests/clean_variants/NN_name.txt) against their expected clean output.

Each ``NN_name.txt`` is a raw scraped story (all text written for these tests) and
``NN_name.expected.json`` the article a user expects: title, dateline, wire, published, byline,
credits, the exact clean text, and ``removed_rules`` (rule names that must appear in
``Article.removed``; ``exact_removed_rules: true`` makes the set exact). Cases the cleaner gets
wrong today are listed in XFAIL (strict), so they flip to a failure once the cleaner is fixed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from eventwire.clean import clean_article, load_rules
from eventwire.records import Article, RawArticle

RULES = load_rules()
VARIANTS = Path(__file__).parent / "clean_variants"
DEFAULT_DATE = "2024-01-01"
SPECIAL_KEYS = {"removed_rules", "exact_removed_rules"}
SCALAR_FIELDS = ("title", "dateline", "wire", "published", "byline", "text")

# Keyed by input file name; the reason says which rule or logic is missing in the cleaner.
# Cases the cleaner got wrong, each with the missing rule or logic; strict, so a fixed case
# fails until its entry is removed. All 13 found when the set was written are fixed.
XFAIL: dict[str, str] = {}


def _inputs() -> list[Path]:
    return sorted(VARIANTS.glob("*.txt"))


def _expected_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.expected.json")


def _load_expected(path: Path) -> dict[str, Any]:
    return json.loads(_expected_path(path).read_text(encoding="utf-8"))


def _params() -> list[Any]:
    params = []
    for path in _inputs():
        marks = []
        if path.name in XFAIL:
            marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[path.name]))
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


def _clean(path: Path) -> Article:
    # Bytes, not text mode: universal newlines would hide the CRLF case.
    body = path.read_bytes().decode("utf-8")
    out = clean_article(RawArticle(source=path.name, body=body, fmt="text"), RULES, DEFAULT_DATE)
    assert isinstance(out, Article), out
    return out


@pytest.mark.parametrize("path", _params())
def test_clean_variant(path: Path) -> None:
    expected = _load_expected(path)
    article = _clean(path)

    fields = {key: value for key, value in expected.items() if key not in SPECIAL_KEYS}
    actual: dict[str, Any] = {}
    for key in fields:
        value = getattr(article, key)
        actual[key] = list(value) if isinstance(value, tuple) else value
    assert actual == fields

    removed_rules = {r.rule for r in article.removed}
    assert set(expected["removed_rules"]) <= removed_rules, article.removed
    if expected.get("exact_removed_rules"):
        assert removed_rules == set(expected["removed_rules"]), article.removed

    for removed in article.removed:
        leak = re.compile(rf"(?<!\w){re.escape(removed.text)}(?!\w)")
        assert not leak.search(article.text), f"removed line {removed.text!r} is still in the text"


def test_variant_set_is_complete() -> None:
    inputs = _inputs()
    assert len(inputs) >= 32
    names = {p.name for p in inputs}
    assert set(XFAIL) <= names, set(XFAIL) - names
    jsons = {p.name.removesuffix(".expected.json") for p in VARIANTS.glob("*.expected.json")}
    assert jsons == {p.stem for p in inputs}
    for path in inputs:
        expected = _load_expected(path)
        assert set(SCALAR_FIELDS) <= set(expected), path.name
        assert expected["removed_rules"] == sorted(expected["removed_rules"]), path.name


def test_every_rule_is_covered_twice_by_passing_variants() -> None:
    counts: Counter[str] = Counter()
    for path in _inputs():
        if path.name not in XFAIL:
            counts.update(_load_expected(path)["removed_rules"])
    for name in [r.name for r in RULES] + ["dateline", "headline-repeat"]:
        assert counts[name] >= 2, f"rule {name} is covered by {counts[name]} passing variant(s)"
