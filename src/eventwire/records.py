"""Record types passed between pipeline stages.

Every record is a frozen dataclass. Offsets are character offsets into ``Article.text``.
Ids are content hashes of canonical fields, so storing the same input twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "planned", "negated", "hypothetical", "reported"]
Stage = Literal["ingest", "clean", "nlp", "actors", "events", "enrich", "store"]


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id from canonical fields (JSON-encoded, so types and order matter)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input (or part of one) that a stage could not use, and why."""

    source: str
    stage: str
    reason: str

    @property
    def id(self) -> str:
        return content_id("rejection", self.source, self.stage, self.reason)

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What ingest found: the body (plain text or HTML) and any metadata the container carried."""

    source: str
    body: str
    fmt: Literal["text", "html"]
    record_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class Removed:
    text: str
    reason: str
    rule: str


@dataclass(frozen=True, slots=True)
class Article:
    source: str
    text: str
    paragraphs: tuple[tuple[int, int], ...]
    title: str | None = None
    url: str | None = None
    dateline: str | None = None
    wire: str | None = None
    published: str | None = None
    byline: str | None = None
    credits: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    record_id: str | None = None

    @property
    def id(self) -> str:
        return content_id("article", self.title or "", self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "dateline": self.dateline,
            "wire": self.wire,
            "published": self.published,
            "byline": self.byline,
            "credits": list(self.credits),
            "text": self.text,
            "removed": [{"text": r.text, "reason": r.reason, "rule": r.rule} for r in self.removed],
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    name: str
    code: str
    country: str | None
    sector: str | None
    org: str | None
    start: int
    end: int
    resolved_by: str
    key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    start: int
    end: int
    resolved_by: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: Span


@dataclass(frozen=True, slots=True)
class Event:
    article_id: str
    source: Actor | None
    target: Actor | None
    cameo: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    modality: Modality
    evidence: Evidence
    rule: str
    confidence: float
    date: str | None = None
    date_precision: str | None = None
    date_text: Span | None = None
    location: Place | None = None
    reported_by: Actor | None = None

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def id(self) -> str:
        return content_id(
            "event",
            self.article_id,
            self.cameo,
            self.source.code if self.source else None,
            self.source.start if self.source else None,
            self.target.code if self.target else None,
            self.target.start if self.target else None,
            self.evidence.trigger.start,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": asdict(self.date_text) if self.date_text else None,
            "modality": self.modality,
            "location": self.location.to_dict() if self.location else None,
            "evidence": asdict(self.evidence),
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "rule": self.rule,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    article_id: str
    speaker: Actor | None
    text: str
    start: int
    end: int
    cue: Span | None

    @property
    def id(self) -> str:
        return content_id("quote", self.article_id, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "cue": asdict(self.cue) if self.cue else None,
        }


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the pipeline produced for one input article (in input order)."""

    source: str
    article: Article | None
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    rejections: tuple[Rejection, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        article = (
            self.article.to_dict()
            if self.article
            else {"id": None, "source": self.source, "text": None, "removed": []}
        )
        return {
            "article": article,
            "events": [e.to_dict() for e in self.events],
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "rejections": [r.to_dict() for r in self.rejections],
        }
