"""The cascade: ingest → clean → nlp → actors → events → enrich, one call per stage.

``run`` yields one Result per input article, in input order; a rejected article yields a Result
with its rejections and no article. One bad article never stops the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.clean import clean_article
from eventwire.clean.language import is_english
from eventwire.engine import Coded, Engine
from eventwire.nlp import ParsedParagraph, parse_articles
from eventwire.records import Article, RawArticle, Rejection, Result

MAX_PARAGRAPH_CHARS = 100_000


def _clean(engine: Engine, item: RawArticle | Rejection, default_date: str | None) -> Article | Rejection:
    if isinstance(item, Rejection):
        return item
    try:
        cleaned = clean_article(item, engine.rules, default_date)
    except (ValueError, TypeError, UnicodeError) as exc:
        return Rejection(item.source, "clean", f"{type(exc).__name__}: {exc}")
    if isinstance(cleaned, Article) and engine.english_only:
        ok, lang = is_english(f"{cleaned.title or ''}\n{cleaned.text}")
        if not ok:
            return Rejection(
                item.source,
                "clean",
                f"not English: detected {lang.name} ({lang.code}, confidence {lang.confidence:.2f}); "
                f"{lang.reason}",
            )
    if isinstance(cleaned, Article):
        longest = max(end - start for start, end in cleaned.paragraphs)
        if longest > MAX_PARAGRAPH_CHARS:
            return Rejection(
                item.source,
                "clean",
                f"a paragraph of {longest} characters (> {MAX_PARAGRAPH_CHARS}): not article text",
            )
    return cleaned


def _parse(
    engine: Engine, articles: list[Article]
) -> Iterator[tuple[Article, list[ParsedParagraph] | Rejection]]:
    try:
        yield from parse_articles(engine.nlp, articles)
        return
    except Exception:  # noqa: BLE001 - parse again one by one to find the article that broke it
        pass
    for article in articles:  # one by one, so only the bad article is lost
        try:
            yield from parse_articles(engine.nlp, [article])
        except Exception as exc:  # noqa: BLE001 - recorded as a rejection, never silent
            yield article, Rejection(article.source, "nlp", f"{type(exc).__name__}: {exc}")


def _code(engine: Engine, article: Article, paragraphs: list[ParsedParagraph]) -> Coded | Rejection:
    try:
        return engine.code_parsed(article, paragraphs)
    except Exception as exc:  # noqa: BLE001 - a coder bug on one article must not stop a batch
        return Rejection(article.source, "events", f"{type(exc).__name__}: {exc}")


def code_batch(
    engine: Engine, items: list[RawArticle | Rejection], default_date: str | None
) -> list[tuple[Result, Coded | None]]:
    cleaned = [_clean(engine, item, default_date) for item in items]
    articles = [c for c in cleaned if isinstance(c, Article)]
    parsed: dict[int, list[ParsedParagraph] | Rejection] = {}
    for article, paras in _parse(engine, articles):
        parsed[id(article)] = paras
    out: list[tuple[Result, Coded | None]] = []
    for item in cleaned:
        if isinstance(item, Rejection):
            out.append((Result(source=item.source, article=None, rejections=(item,)), None))
            continue
        paras = parsed[id(item)]
        if isinstance(paras, Rejection):
            out.append((Result(source=item.source, article=item, rejections=(paras,)), None))
            continue
        coded = _code(engine, item, paras)
        if isinstance(coded, Rejection):
            out.append((Result(source=item.source, article=item, rejections=(coded,)), None))
        else:
            out.append((coded.result, coded))
    return out


def run(
    engine: Engine,
    items: Iterable[RawArticle | Rejection],
    default_date: str | None = None,
    batch_size: int = 32,
) -> Iterator[tuple[Result, Coded | None]]:
    batch: list[RawArticle | Rejection] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from code_batch(engine, batch, default_date)
            batch = []
    if batch:
        yield from code_batch(engine, batch, default_date)
