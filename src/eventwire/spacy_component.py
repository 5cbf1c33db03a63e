"""``nlp.add_pipe("eventwire")``: our coder as a registered spaCy component.

The component reads the publication date from ``doc._.eventwire_date`` (YYYY-MM-DD, optional) and
sets ``doc._.eventwire_events`` (Event records), ``doc._.eventwire_actors`` and
``doc._.eventwire_quotes``. Offsets are character offsets into ``doc.text``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

EXTENSIONS = ("eventwire_date", "eventwire_events", "eventwire_actors", "eventwire_quotes")


def _register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class EventwireComponent:
    def __init__(self, nlp: Language, actors_file: str | None) -> None:
        from pathlib import Path

        from eventwire.engine import Engine

        _register_extensions()
        self.engine = Engine.from_nlp(nlp, Path(actors_file) if actors_file else None)

    def __call__(self, doc: Doc) -> Doc:
        result = self.engine.code_doc(doc, doc._.eventwire_date)
        doc._.eventwire_events = list(result.events)
        doc._.eventwire_actors = list(result.actors)
        doc._.eventwire_quotes = list(result.quotes)
        return doc


def make_eventwire(nlp: Language, name: str, actors_file: str | None) -> Any:
    return EventwireComponent(nlp, actors_file)


Language.factory("eventwire", default_config={"actors_file": None}, func=make_eventwire)
