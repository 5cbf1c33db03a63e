"""Shared pieces of the eval suites: running our real pipeline over gold sentences."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from eventwire.clean import clean_article
from eventwire.engine import Coded, Engine
from eventwire.nlp import ParsedParagraph, parse_articles
from eventwire.records import Article, Event, RawArticle

# Gold files use a few country codes that are neither ISO 3166 nor CAMEO: map them to ISO.
GOLD_COUNTRY_ALIASES = MappingProxyType(
    {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "TMP": "TLS", "KSV": "XKX", "VTN": "VNM"}
)
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC"})
GOLD_SECTOR_ALIASES = MappingProxyType({"JRN": "MED", "CIV": "CVL", "SOC": "CVL"})
PLOVER_MERGES = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)


@dataclass(frozen=True, slots=True)
class Sentence:
    key: str
    text: str
    published: str = "2000-01-01"


@dataclass(frozen=True, slots=True)
class Coded1:
    sentence: Sentence
    article: Article
    paragraphs: list[ParsedParagraph]
    coded: Coded


def code_sentences(engine: Engine, sentences: Iterable[Sentence], batch: int = 64) -> Iterator[Coded1]:
    """Clean, parse and code each gold sentence as a one-paragraph story (no headline)."""
    pending: list[tuple[Sentence, Article]] = []

    def flush() -> Iterator[Coded1]:
        arts = [a for _, a in pending]
        for (sent, _), (article, paras) in zip(pending, parse_articles(engine.nlp, arts), strict=True):
            yield Coded1(sent, article, paras, engine.code_parsed(article, paras))
        pending.clear()

    for sent in sentences:
        raw = RawArticle(source=sent.key, body=sent.text, fmt="text", title="", published=sent.published)
        article = clean_article(raw, (), None)  # gold sentences carry no chrome: no line rules
        if not isinstance(article, Article):
            continue
        pending.append((sent, article))
        if len(pending) >= batch:
            yield from flush()
    yield from flush()


def main_event(events: Iterable[Event]) -> Event | None:
    """The event a one-sentence gold record is about: the first non-statement asserted-or-reported
    event, else the first non-statement event, else the first event (events whose only target
    was the source itself count last)."""
    evs = [e for e in events if not e.rule.endswith("+no-target")] or list(events)
    ranked = (
        [e for e in evs if e.root != "01" and e.modality in {"asserted", "reported"}]
        or [e for e in evs if e.root != "01"]
        or evs
    )
    return ranked[0] if ranked else None


def gold_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()[:3]
    return GOLD_COUNTRY_ALIASES.get(code, code)


def gold_sector(sector: str | None) -> str | None:
    if not sector:
        return None
    primary = sector.strip()[:3].upper()
    if primary in {"***", ""}:
        return None
    return GOLD_SECTOR_ALIASES.get(primary, primary)


def actor_matches_country(gold_code: str | None, country: str | None, code: str | None) -> bool:
    g = gold_country(gold_code)
    if g is None:
        return False
    if g in NON_STATE:
        if g == "IGO":
            return bool(code and code.startswith("IGO"))
        if g == "NGO":
            return bool(code and "NGO" in code)
        return country is None and bool(code)
    return country == g


def pct(n: float, d: float) -> float:
    return round(n / d, 4) if d else 0.0


def f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def as_dict(**kw: Any) -> dict[str, Any]:
    return kw


def run_parts(
    shared: Any,
    engine_factory: Callable[[], Any],
    limit: int | None,
    parts: Iterable[Callable[[Any, Any, int | None], dict[str, Any]]],
) -> dict[str, Any]:
    """Run each part of a suite on one engine; a part whose gold is missing is skipped, and the
    suite is missing only when every part is."""
    from eventwire.evaluation import GoldMissing

    started = time.perf_counter()
    engine = engine_factory()
    out: dict[str, Any] = {}
    missing = []
    parts = list(parts)
    for part in parts:
        try:
            out.update(part(shared, engine, limit))
        except GoldMissing as exc:
            missing.append(str(exc))
    if len(missing) == len(parts):
        raise GoldMissing("; ".join(missing))
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out
