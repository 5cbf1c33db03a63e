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
    "argue claim announce continue conclude acknowledge reckon".split()
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
        if len(inner.split()) < 2:
            continue
        out.append(_Found(s, s + len(inner), inner))
    return out


def _cue(para: ParsedParagraph, q: _Found) -> Token | None:
    """A speech verb outside the quote, in the sentence where the quote ends or starts."""
    doc = para.doc
    rel_s, rel_e = q.start - para.offset, q.end - para.offset
    best: tuple[int, Token] | None = None
    for sent in doc.sents:
        if sent.end_char < rel_s - 1 or sent.start_char > rel_e + 1:
            continue
        for tok in sent:
            if tok.lemma_ not in CUE_VERBS or tok.pos_ not in {"VERB", "AUX"}:
                continue
            if rel_s - 1 <= tok.idx <= rel_e:
                continue
            dist = min(abs(tok.idx - rel_e), abs(tok.idx - rel_s))
            if best is None or dist < best[0]:
                best = (dist, tok)
    return best[1] if best else None


def find_quotes(
    article_id: str, text: str, paragraphs: Sequence[ParsedParagraph], actors: DocActors
) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    for para in paragraphs:
        ptext = para.doc.text
        for q in _spans(ptext):
            found = _Found(q.start + para.offset, q.end + para.offset, q.text)
            cue = _cue(para, found)
            speaker: Actor | None = None
            cue_span = None
            if cue is not None:
                cue_span = Span(cue.text, para.offset + cue.idx, para.offset + cue.idx + len(cue.text))
                for subj in cue.children:
                    if subj.dep_ in {"nsubj", "nsubjpass"}:
                        got = actors.resolve(para, subj)
                        if got:
                            speaker = got[0]
                        break
            elif previous is not None and ptext.lstrip().startswith(("“", '"')):
                speaker = previous.speaker  # a quote running on from the last paragraph
            quote = Quote(article_id, speaker, found.text, found.start, found.end, cue_span)
            quotes.append(quote)
            previous = quote
        del ptext
    return quotes
