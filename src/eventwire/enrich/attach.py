"""Attach to each event the date and place of its own clause."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Token

from eventwire.enrich.dates import DateExpr, find_dates
from eventwire.enrich.places import Gazetteer
from eventwire.events.coder import clause_verb
from eventwire.nlp import ParsedParagraph
from eventwire.records import Article, Event, Place, Span

VAGUE = frozenset({"present", "past", "future"})
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _paragraph_of(paragraphs: Sequence[ParsedParagraph], pos: int) -> ParsedParagraph | None:
    for p in paragraphs:
        if p.offset <= pos < p.offset + p.length:
            return p
    return None


def _token_at(para: ParsedParagraph, pos: int) -> Token | None:
    span = para.doc.char_span(pos - para.offset, pos - para.offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _governor(tok: Token) -> Token:
    """The first verb above a token (its clause)."""
    cur = tok
    hops = 0
    while cur.head is not cur and hops < 12:
        cur = cur.head
        hops += 1
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return cur


def _clause_chain(verb: Token) -> set[int]:
    ids = {verb.i}
    cur = verb
    while cur.dep_ in {"xcomp", "conj", "acl", "pcomp", "pobj"} and cur.head is not cur:
        cur = cur.head
        ids.add(cur.i)
    for child in verb.children:
        if child.dep_ in {"xcomp"}:
            ids.add(child.i)
    return ids


def event_date(
    event: Event, para: ParsedParagraph, trigger: Token, anchor: date | None
) -> tuple[str | None, str | None, Span | None]:
    if anchor is None:
        return None, None, None
    sent = trigger.sent
    future = event.modality == "planned"
    exprs: list[DateExpr] = [
        x for x in find_dates(sent.text, anchor, future=future) if x.precision not in VAGUE
    ]
    if not exprs:
        return anchor.isoformat(), "publication", None
    verb = clause_verb(trigger)
    chain = _clause_chain(verb)
    base = para.offset + sent.start_char
    best: DateExpr | None = None
    for expr in exprs:
        tok = _token_at(para, base + expr.start)
        if tok is not None and _governor(tok).i in chain | {trigger.i}:
            best = expr
            break
    if best is None:
        best = min(exprs, key=lambda x: abs(x.start - (trigger.idx - sent.start_char)))
    return best.value, best.precision, Span(best.text, base + best.start, base + best.end)


def _place_for(
    name: str, start: int, end: int, gaz: Gazetteer, prefer: frozenset[str], why: str
) -> Place | None:
    found = gaz.resolve(name, prefer)
    if found is None:
        return None
    how = {"country": "country", "region": "US state"}.get(found.kind)
    detail = how or f"GeoNames {found.geonameid} (population {found.population})"
    return Place(
        found.name if found.kind == "city" else name,
        found.country,
        found.lat,
        found.lon,
        found.geonameid,
        start,
        end,
        f"{why}; {detail}",
    )


def event_place(
    event: Event,
    para: ParsedParagraph,
    trigger: Token,
    gaz: Gazetteer,
    article: Article,
    prefer: frozenset[str],
) -> Place | None:
    verb = clause_verb(trigger)
    hosts = [trigger, verb] if verb is not trigger else [trigger]
    for host in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                ent = next((e for e in para.doc.ents if e.start <= pobj.i < e.end), None)
                span = ent if ent is not None and ent.label_ in PLACE_LABELS else None
                if span is None and pobj.pos_ != "PROPN":
                    continue
                if span is None:
                    left = pobj.left_edge
                    span = para.doc[left.i : pobj.i + 1]
                    while len(span) and span[0].dep_ == "det":
                        span = span[1:]
                name = span.text
                s = para.offset + span.start_char
                place = _place_for(
                    name,
                    s,
                    s + len(name),
                    gaz,
                    prefer,
                    f"locative '{prep.text} {name}' on the event",
                )
                if place is not None:
                    return place
    if article.dateline:
        first = re.split(r"[/,]", article.dateline)[0].strip().title()
        place = _place_for(first, 0, 0, gaz, prefer, f"dateline '{article.dateline}'")
        if place is not None:
            return dataclasses.replace(place, start=-1, end=-1)
    return None


def enrich_events(
    events: Sequence[Event],
    article: Article,
    paragraphs: Sequence[ParsedParagraph],
    gaz: Gazetteer,
) -> list[Event]:
    anchor = date.fromisoformat(article.published) if article.published else None
    prefer = frozenset(
        c
        for e in events
        for c in (e.source.country if e.source else None, e.target.country if e.target else None)
        if c
    )
    out = []
    for event in events:
        para = _paragraph_of(paragraphs, event.evidence.trigger.start)
        trigger = _token_at(para, event.evidence.trigger.start) if para else None
        if para is None or trigger is None:
            out.append(event)
            continue
        value, precision, span = event_date(event, para, trigger, anchor)
        place = event_place(event, para, trigger, gaz, article, prefer)
        out.append(
            dataclasses.replace(event, date=value, date_precision=precision, date_text=span, location=place)
        )
    return out
