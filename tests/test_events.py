"""The coder on sentences we wrote: one or more per CAMEO root, and the dependency logic."""

from __future__ import annotations

import pytest

from eventwire.events import load_cameo, load_patterns, quad_class

from .conftest import code_text

# (sentence, expected root, source code, target code)
ROOT_CASES = [
    (
        "The French foreign minister told Germany that the border would stay open.",
        "01",
        "FRAGOV",
        "DEU",
    ),
    ("Iraq urged Turkey to withdraw its troops.", "02", "IRQ", "TUR"),
    ("Japan pledged aid to the Philippines.", "03", "JPN", "PHL"),
    (
        "The Indian prime minister met the Australian prime minister on Friday.",
        "04",
        "INDGOV",
        "AUSGOV",
    ),
    ("Argentina praised Chile for its help.", "05", "ARG", "CHL"),
    ("Kenya signed a security agreement with Ethiopia.", "05", "KEN", "ETH"),
    ("Norway sent humanitarian aid to Sudan.", "07", "NOR", "SDN"),
    ("Colombian rebels released three hostages.", "08", "COLREB", "CVL"),
    ("Brazil demanded an apology from Paraguay.", "10", "BRA", "PRY"),
    ("Egypt condemned Ethiopia over the dam.", "11", "EGY", "ETH"),
    ("Poland rejected the proposal from Belarus.", "12", "POL", "BLR"),
    ("Russia threatened Ukraine with sanctions.", "13", "RUS", "UKR"),
    ("Venezuela expelled the Spanish ambassador.", "16", "VEN", "ESP"),
    ("Police arrested dozens of protesters in Nairobi.", "17", "COP", "CVL"),
    ("Israeli troops shelled Lebanese villages.", "19", "ISRMIL", "LBN"),
]


@pytest.mark.parametrize(("sentence", "root", "src", "tgt"), ROOT_CASES)
def test_root_examples(engine, sentence: str, root: str, src: str, tgt: str) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, sentence)
    coded = [
        (e.root, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in result.events
    ]
    assert any(r == root and s == src and (t or "").startswith(tgt) for r, s, t in coded), coded


def test_every_root_has_patterns() -> None:
    book = load_patterns()
    roots = {p.code[:2] for p in book.patterns}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_cameo_table() -> None:
    table = load_cameo()
    assert len(table) >= 250
    assert table["036"].quad_class == 1 and table["190"].quad_class == 4
    assert all(-10 <= c.goldstein <= 10 for c in table.values())
    assert quad_class("0874") == 2 and quad_class("112") == 3
    with pytest.raises(ValueError):
        quad_class("210")


def _first(result, root: str):  # type: ignore[no-untyped-def]
    hits = [e for e in result.events if e.root == root]
    assert hits, [(e.cameo, e.modality) for e in result.events]
    return hits[0]


def test_modality(engine) -> None:  # type: ignore[no-untyped-def]
    assert _first(code_text(engine, "Japan will meet China next week."), "04").modality == "planned"
    assert _first(code_text(engine, "Japan is scheduled to meet China."), "04").modality == "planned"
    assert _first(code_text(engine, "Japan did not meet China."), "04").modality == "negated"
    assert _first(code_text(engine, "Japan could meet China."), "04").modality == "hypothetical"
    assert (
        _first(code_text(engine, "If Japan meets China, prices will fall."), "04").modality == "hypothetical"
    )
    assert _first(code_text(engine, "Japan met China on Monday."), "04").modality == "asserted"
    reported = _first(code_text(engine, "Officials in Seoul said Japan attacked China."), "19")
    assert reported.modality == "reported"


def test_passive_agent_is_the_source(engine) -> None:  # type: ignore[no-untyped-def]
    e = _first(code_text(engine, "Syria was attacked by Turkey on Sunday."), "19")
    assert (e.source.country, e.target.country) == ("TUR", "SYR")


def test_coordinated_subjects_symmetric(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Peru and Bolivia met on Monday.")
    pairs = {(e.source.country, e.target.country) for e in result.events if e.root == "04"}
    assert pairs == {("PER", "BOL"), ("BOL", "PER")}


def test_evidence_offsets_point_into_text(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(
        engine, "Headline-free first paragraph.\n\nNorway sent humanitarian aid to Sudan on Monday."
    )
    text = result.article.text
    for e in result.events:
        t = e.evidence.trigger
        assert text[t.start : t.end] == t.text
        assert text[e.evidence.start : e.evidence.end] == e.evidence.sentence
        assert text[e.source.start : e.source.end] == e.source.text
        assert e.rule and 0 < e.confidence <= 1
