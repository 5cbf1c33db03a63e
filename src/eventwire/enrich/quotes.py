"""Direct quotations and their speakers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.actors import DocActors
from eventwire.nlp import ParsedParagraph
from eventwire.records import Actor, Quote, Span

CUE_VERBS = frozenset(
    "say tell add ask answer reply write post state declare insist warn note explain stress "
    "argue claim announce continue conclude acknowledge reckon tweet comment recall describe "
    "call accuse admit concede caution urge predict vow promise complain remark observe "
    "confirm deny suggest agree counter respond quip joke emphasize emphasise assert".split()
)
_QUOTE = re.compile(r"“([^“”]{2,}?)(?:”|$)|\"([^\"\n]{2,}?)\"", re.M)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    text: str


def _spans(text: str) -> list[_Found]:
    out = []
    for m in _QUOTE.finditer(text):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        s = m.start(1) if m.group(1) is not None else m.start(2)
        if not inner.strip() or (len(inner.split()) < 2 and not inner.strip()[:1].isalpha()):
            continue
        out.append(_Found(s, s + len(inner), inner))
    return out


def _cue(para: ParsedParagraph, q: _Found) -> Token | None:
    """A speech verb outside the quote, in the sentence where the quote ends or starts."""
    doc = para.doc
    rel_s, rel_e = q.start - para.offset, q.end - para.offset
    best: tuple[int, int, Token] | None = None
    for sent in doc.sents:
        if sent.end_char < rel_s - 1 or sent.start_char > rel_e + 1:
            continue
        for tok in sent:
            if tok.lemma_ not in CUE_VERBS or tok.pos_ not in {"VERB", "AUX"}:
                continue
            if rel_s - 1 <= tok.idx <= rel_e:
                continue
            # a cue with its own subject outside the quote ("..., Sanders said") beats a nearer
            # verb without one ("a letter ... asking for ...")
            has_subject = any(
                c.dep_ in {"nsubj", "nsubjpass"} and not (rel_s - 1 <= c.idx <= rel_e) for c in tok.children
            )
            dist = min(abs(tok.idx - rel_e), abs(tok.idx - rel_s))
            key = (0 if has_subject else 1, dist)
            if best is None or key < best[:2]:
                best = (*key, tok)
    return best[2] if best else None


def _speaker(para: ParsedParagraph, cue: Token, actors: DocActors, q: _Found) -> Actor | None:
    """Who the cue verb's subject is (outside the quote): a resolved actor, else the subject
    phrase itself."""
    rel_s, rel_e = q.start - para.offset, q.end - para.offset

    def outside(toks: list[Token]) -> list[Token]:
        return [t for t in toks if not (rel_s - 1 <= t.idx <= rel_e)]

    subjects = outside([c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}])
    if not subjects and cue.dep_ in {"conj", "advcl", "xcomp"}:  # "..., adding that ..."
        subjects = outside([c for c in cue.head.children if c.dep_ in {"nsubj", "nsubjpass"}])
    if not subjects:
        return None
    return _phrase_speaker(para, subjects[0], actors)


def _phrase_speaker(para: ParsedParagraph, head: Token, actors: DocActors) -> Actor | None:
    got = actors.resolve(para, head)
    if got:
        return got[0]
    if head.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    left = head.left_edge
    while left.i < head.i and left.dep_ in {"det", "punct"}:
        left = left.doc[left.i + 1]
    start = para.offset + left.idx
    end = para.offset + head.idx + len(head.text)
    text = para.doc[left.i : head.i + 1].text
    return Actor(
        text=text,
        name=text,
        code="",
        country=None,
        sector=None,
        org=None,
        start=start,
        end=end,
        resolved_by="speaker phrase (not a known actor)",
    )


def _according_to(para: ParsedParagraph, q: _Found) -> Token | None:
    """'..., according to X' in the sentence of the quote: X."""
    rel = q.start - para.offset
    for sent in para.doc.sents:
        if not (sent.start_char <= rel < sent.end_char + 2):
            continue
        for tok in sent:
            if tok.lower_ == "according":
                for prep in tok.children:
                    if prep.lower_ == "to":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                return pobj
    return None


def find_quotes(
    article_id: str, text: str, paragraphs: Sequence[ParsedParagraph], actors: DocActors
) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    for para in paragraphs:
        ptext = text[para.offset : para.offset + para.length]  # Doc.text would rebuild it
        for q in _spans(ptext):
            found = _Found(q.start + para.offset, q.end + para.offset, q.text)
            cue = _cue(para, found)
            speaker: Actor | None = None
            cue_span = None
            if cue is not None:
                cue_span = Span(cue.text, para.offset + cue.idx, para.offset + cue.idx + len(cue.text))
                speaker = _speaker(para, cue, actors, found)
            elif (according := _according_to(para, found)) is not None:
                speaker = _phrase_speaker(para, according, actors)
            elif previous is not None and ptext.lstrip().startswith(("“", '"')):
                speaker = previous.speaker  # a quote running on from the last paragraph
            quote = Quote(article_id, speaker, found.text, found.start, found.end, cue_span)
            quotes.append(quote)
            previous = quote
    return quotes
