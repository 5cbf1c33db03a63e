"""The Engine: everything loaded once (spaCy pipeline, dictionaries, tables) and the per-article
coding call used by the pipeline, the CLI and the spaCy component."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorDictionary, DocActors, load_dictionary
from eventwire.clean import CleanRule, load_rules
from eventwire.enrich import Gazetteer, find_quotes
from eventwire.enrich.attach import enrich_events
from eventwire.events import (
    CameoCode,
    Candidate,
    PatternBook,
    code_paragraph,
    load_cameo,
    load_patterns,
)
from eventwire.nlp import DEFAULT_MODEL, ParsedParagraph, load_model
from eventwire.records import Article, Event, Result


@dataclass
class Coded:
    events: list[Event]
    candidates: list[Candidate]
    result: Result
    actors: DocActors


class Engine:
    def __init__(
        self,
        nlp: Language,
        dictionary: ActorDictionary,
        patterns: PatternBook,
        cameo: dict[str, CameoCode],
        rules: tuple[CleanRule, ...],
    ) -> None:
        self.nlp = nlp
        self.dictionary = dictionary
        self.patterns = patterns
        self.cameo = cameo
        self.rules = rules
        self.gazetteer = Gazetteer(dictionary)
        # Our dictionaries and patterns are English: other languages are rejected, with the
        # language detected, unless a user with another pipeline turns this off.
        self.english_only = True

    @classmethod
    def load(
        cls,
        model: str = DEFAULT_MODEL,
        actors: Sequence[Path] = (),
        verbs: Path | None = None,
        clean_rules: Path | None = None,
    ) -> Engine:
        return cls(
            load_model(model),
            load_dictionary(actors),
            load_patterns(verbs),
            load_cameo(),
            load_rules(clean_rules),
        )

    @classmethod
    def from_nlp(cls, nlp: Language, actors: Path | None = None) -> Engine:
        return cls(
            nlp,
            load_dictionary([actors] if actors else []),
            load_patterns(),
            load_cameo(),
            load_rules(),
        )

    def code_parsed(self, article: Article, paragraphs: list[ParsedParagraph]) -> Coded:
        day = date.fromisoformat(article.published) if article.published else None
        actors = DocActors(self.dictionary, article.text, paragraphs, day, self.gazetteer)
        events: list[Event] = []
        candidates: list[Candidate] = []
        quotes = find_quotes(article.id, article.text, paragraphs, actors)
        for para in paragraphs:
            found, cands = code_paragraph(para, actors, self.patterns, self.cameo, article.id)
            events.extend(found)
            candidates.extend(cands)
        events = enrich_events(events, article, paragraphs, self.gazetteer)
        result = Result(
            source=article.source,
            article=article,
            events=tuple(events),
            actors=tuple(actors.all_mentions()),
            quotes=tuple(quotes),
        )
        return Coded(events, candidates, result, actors)

    def code_doc(self, doc: Doc, published: str | None) -> Result:
        """Code an already-parsed Doc (the spaCy component): the whole doc is one paragraph."""
        article = Article(
            source="<doc>", text=doc.text, paragraphs=((0, len(doc.text)),), published=published
        )
        return self.code_parsed(article, [ParsedParagraph(0, 0, doc, len(doc.text))]).result
