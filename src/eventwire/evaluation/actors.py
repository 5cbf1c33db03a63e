"""``eventwire eval actors``: who is who, measured on public gold.

- PLOVER GSR (``gold/plover_gsr_cameo``): every gold source and target actor. The gold actor text
  is located in the sentence, its syntactic head found in our parse, and our resolver asked who
  it is (as NGEC's "with gold spans" figure): country accuracy over all gold actors, sector
  accuracy over gold actors that carry a sector (first three letters; JRN→MED, CIV→CVL).
- ConfliBERT CAMEO NER (``gold/conflibert_cameo/cameo_ner/test.txt``): source (S) and target (T)
  spans of our main event (with the events its trigger yields for conjoined actors; none for a
  joint act coded both ways), widened to the noun phrase as the gold marks it: determiners,
  modifiers and "of" phrases, a possessor or modifier with what it qualifies ("Haiti's interim
  government", "the Fijian rebels"), a group with its whole phrase ("a group of Moroccan
  diplomats"), "in" and "from" phrases of a common noun ("rebels in Darfur", "activists from the
  Fatah party"), appositions ("Kenzo Oshima, the UN relief coordinator", "(FIS)"), a pronoun
  at its antecedent in the same sentence, each conjunct apart; not the act done to an "of"
  phrase ("the removal of President X" → President X);
  a target's request with its author ("rejected demands from Shona rebels"); a place that
  stands for the things attacked there with them ("fired at targets in Hebron"); no other
  prepositional phrases nor clauses, no relative clause anywhere inside the phrase, no
  number after a name ("gave the Ivory Coast 5 million dollars") and no date after the noun
  ("over the air raids last Friday"). Against the gold BIO spans: exact-span
  precision, recall and F1 over S and T together, and token-level F1.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from eventwire.evaluation import GoldMissing
from eventwire.evaluation.common import (
    Sentence,
    actor_matches_country,
    code_sentences,
    f1,
    gold_sector,
    main_event,
    pct,
    run_parts,
)
from eventwire.events.coder import PLACE_OF_TARGET
from eventwire.events.patterns import NOMINALS
from eventwire.records import Actor, Event

UP_PREPS = frozenset({"of"})
# nouns of an act done to the "of" phrase: the actor is what is acted on, not the act ("the
# removal of President X" → President X, "the naval blockade of Serbia" → Serbia)
ACT_NOUNS = frozenset(NOMINALS) | frozenset(
    "removal resignation invasion blockade occupation release withdrawal arrest expulsion "
    "extradition ouster overthrow killing murder assassination execution detention protest "
    "retaliation".split()
)
# nouns of a request or proposal marked with their author as the target of a response to them
# ("rejected demands from Shona rebels", "bowed to calls by Kofi Annan")
REQUEST_NOUNS = frozenset("demand call appeal offer proposal request plea invitation".split())
TIME_ENTS = frozenset({"DATE", "TIME"})
NP_SKIP = frozenset({"prep", "relcl", "acl", "punct", "cc", "advcl", "case"})


def _find(text: str, needle: str) -> tuple[int, int] | None:
    words = [re.escape(w) for w in needle.split()]
    if not words:
        return None
    # whole words only: the gold actor "US" is not the "us" inside "pushing"; a word-bounded
    # match first, any match as before when the gold text itself is cut mid-word
    joined = r"\s+".join(words)
    m = re.search(rf"(?<!\w){joined}(?!\w)", text, flags=re.I) or re.search(joined, text, flags=re.I)
    return (m.start(), m.end()) if m else None


def eval_gsr_actors(shared: Path, engine: Any, limit: int | None) -> dict[str, Any]:
    path = shared / "gold" / "plover_gsr_cameo" / "PLOVER_GSR_CAMEO.txt"
    if not path.is_file():
        raise GoldMissing(str(path))
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text")]
    if limit:
        records = records[:limit]
    # keyed by position: the gold file repeats an id for two different sentences
    by_key = {str(n): r for n, r in enumerate(records)}
    n_country = ok_country = n_sector = ok_sector = not_found = 0
    misses: list[list[str | None]] = []
    for item in code_sentences(engine, (Sentence(key, r["text"]) for key, r in by_key.items())):
        rec = by_key[item.sentence.key]
        text = item.article.text
        for role in ("source", "target"):
            gold = rec.get(role)
            if not isinstance(gold, list):
                continue
            for g in gold:
                if not g.get("code"):
                    continue
                n_country += 1
                sector = gold_sector(g.get("sector"))
                n_sector += sector is not None
                span = _find(text, g.get("actorText") or "")
                actor = _resolve_span(item, span) if span else None
                if span is None:
                    not_found += 1
                if actor is not None and actor_matches_country(g["code"], actor.country, actor.code):
                    ok_country += 1
                elif len(misses) < 15:
                    misses.append([g.get("actorText"), g.get("code"), actor.code if actor else None])
                if sector is not None and actor is not None and actor.sector == sector:
                    ok_sector += 1
    return {
        "gsr_actors": n_country,
        "gsr_actor_country_accuracy": pct(ok_country, n_country),
        "gsr_actors_with_sector": n_sector,
        "gsr_actor_sector_accuracy": pct(ok_sector, n_sector),
        "gsr_actor_text_not_found": not_found,
        "gsr_actor_misses": misses,
    }


def _resolve_span(item: Any, span: tuple[int, int]) -> Actor | None:
    """Our actor for the gold text at ``span``: the resolver is asked about the span's syntactic
    head (then its possessors and prepositional objects). When the head names several actors
    ("U.S. and Russian negotiators" → USAGOV over the phrase, RUSGOV over "Russian
    negotiators"), the one whose text overlaps the gold text most, relative to its own length,
    is taken: the gold actor "Russian negotiators" is the Russian one, whatever the order."""
    for para in item.paragraphs:
        rel_s, rel_e = span[0] - para.offset, span[1] - para.offset
        if rel_s < 0 or rel_e > para.length:
            continue
        chunk = para.doc.char_span(rel_s, rel_e, alignment_mode="expand")
        if chunk is None or not len(chunk):
            return None
        heads = [chunk.root, *[t for t in chunk if t.dep_ in {"pobj", "poss"} and t is not chunk.root]]
        for head in heads:
            found = item.coded.actors.resolve(para, head)
            if found:
                return max(found, key=lambda a: _overlap(a, span))
        return None
    return None


def _overlap(actor: Actor, span: tuple[int, int]) -> tuple[float, int]:
    """How well ``actor``'s text covers the gold span: the share of the actor's characters inside
    it (an actor over the whole conjoined phrase covers a conjunct's span only in part), then the
    earlier actor first."""
    inside = max(0, min(actor.end, span[1]) - max(actor.start, span[0]))
    return inside / max(1, actor.end - actor.start), -actor.start


def _read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        parts = line.rsplit(" ", 1)
        toks.append(parts[0])
        tags.append(parts[1] if len(parts) == 2 else "O")
    if toks:
        sents.append((toks, tags))
    return sents


def _spans(tags: list[str]) -> set[tuple[str, int, int]]:
    out: set[tuple[str, int, int]] = set()
    start = kind = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            out.add((str(kind), start, i))
            start = kind = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return {s for s in out if s[0] in {"S", "T"}}


def _np_tokens(head: Token, path: frozenset[int] = frozenset()) -> list[Token]:
    """The tokens of the noun phrase headed by ``head`` as the gold marks it: determiners and
    modifiers, "of" phrases and the prepositions in ``path``, "in" and "from" phrases the parser
    hangs on a common noun ("rebels in Darfur", "doctors from two aid groups"), appositions
    ("Kenzo Oshima, the UN relief coordinator", "(FIS)"); conjuncts are marked apart."""
    keep = [head]
    doc = head.doc
    for child in head.children:
        if child.dep_ == "appos":
            keep.extend(child.subtree)  # "Kenzo Oshima, the UN relief coordinator"
            if _bracketed(child):  # "Islamic Salvation Front (FIS)"
                keep.extend((doc[child.left_edge.i - 1], doc[child.right_edge.i + 1]))
            continue
        if child.dep_ in NP_SKIP and not (
            child.dep_ == "prep"
            and (
                child.lower_ == "of"
                or child.i in path
                or (child.lower_ in {"in", "from"} and head.pos_ == "NOUN")
            )
        ):
            continue
        if child.dep_ == "conj":
            continue  # conjoined actors are marked one by one ("Yemen, Algeria and Malaysia")
        if child.dep_ == "nummod" and child.i > head.i and head.pos_ == "PROPN":
            continue  # a number after a name is the next phrase's ("gave the Ivory Coast 5 million")
        if child.dep_ == "npadvmod" and child.ent_type_ in TIME_ENTS:
            continue  # a date says when, not who ("the air raids last Friday" ends at "raids")
        keep.extend(_without_clauses(child))
    return sorted(set(keep), key=lambda t: t.i)


def _without_clauses(tok: Token) -> list[Token]:
    """The subtree of ``tok`` without relative clauses and the comma before them ("the
    correspondent of the agency UPI, who was detained ..." ends at "UPI")."""
    cut: set[int] = set()
    for t in tok.subtree:
        if t.dep_ == "relcl" and t is not tok:
            cut.update(x.i for x in t.subtree)
            before = t.left_edge.i - 1
            if before >= 0 and t.doc[before].text == ",":
                cut.add(before)
    return [t for t in tok.subtree if t.i not in cut]


def _bracketed(tok: Token) -> bool:
    doc = tok.doc
    left, right = tok.left_edge.i - 1, tok.right_edge.i + 1
    return left >= 0 and right < len(doc) and doc[left].text == "(" and doc[right].text == ")"


def eval_ner(shared: Path, engine: Any, limit: int | None) -> dict[str, Any]:
    path = shared / "gold" / "conflibert_cameo" / "cameo_ner" / "test.txt"
    if not path.is_file():
        raise GoldMissing(str(path))
    data = _read_conll(path)
    if limit:
        data = data[:limit]
    starts: dict[str, list[int]] = {}
    gold: dict[str, set[tuple[str, int, int]]] = {}
    sents = []
    for n, (toks, tags) in enumerate(data):
        key = f"ner{n}"
        pos, offs = 0, []
        for tok in toks:
            offs.append(pos)
            pos += len(tok) + 1
        starts[key] = offs
        gold[key] = _spans(tags)
        sents.append(Sentence(key, " ".join(toks)))
    tp = fp = fn = 0
    tok_tp = tok_fp = tok_fn = 0
    skipped = 0
    for item in code_sentences(engine, sents):
        key = item.sentence.key
        if item.article.text != item.sentence.text:
            skipped += 1
            continue
        offs = starts[key]
        pred: set[tuple[str, int, int]] = set()
        ev = main_event(item.coded.events)
        for role, actor in _main_actors(item.coded.events, ev):
            span = _widen(item, actor, role)
            if span is None:
                continue
            first = max(i for i, o in enumerate(offs) if o <= span[0])
            last = max(i for i, o in enumerate(offs) if o < span[1])
            pred.add((role, first, last + 1))
        g = gold[key]
        tp += len(pred & g)
        fp += len(pred - g)
        fn += len(g - pred)
        g_tok = {(k, i) for k, s, e in g for i in range(s, e)}
        p_tok = {(k, i) for k, s, e in pred for i in range(s, e)}
        tok_tp += len(p_tok & g_tok)
        tok_fp += len(p_tok - g_tok)
        tok_fn += len(g_tok - p_tok)
    p, r = pct(tp, tp + fp), pct(tp, tp + fn)
    tp_, tr_ = pct(tok_tp, tok_tp + tok_fp), pct(tok_tp, tok_tp + tok_fn)
    return {
        "ner_sentences": len(data) - skipped,
        "ner_span_precision": p,
        "ner_span_recall": r,
        "ner_span_f1": f1(p, r),
        "ner_token_f1": f1(tp_, tr_),
        "ner_skipped": skipped,
    }


def _main_actors(events: list[Event], main: Event | None) -> list[tuple[str, Actor]]:
    """Source and target actors of the main event, with the events the same trigger and code
    yield for its conjoined actors ("Russia and China will ask ..." is one event, two sources).
    A joint act of parties named together ("Jordan and Britain agreed to ...", coded both ways
    as ``+coordinated``) has no source or target role, and the gold marks none."""
    if main is None or "+coordinated" in main.rule:
        return []
    same = [
        e for e in events if e.evidence.trigger.start == main.evidence.trigger.start and e.cameo == main.cameo
    ] or [main]
    out: list[tuple[str, Actor]] = []
    for e in same:
        for role, actor in (("S", e.source), ("T", e.target)):
            if actor is not None and (role, actor) not in out:
                out.append((role, actor))
    return out


def _widen(item: Any, actor: Actor, role: str = "S") -> tuple[int, int] | None:
    """The character span of ``actor`` as the gold marks actors: the whole argument noun phrase
    (see ``_argument_head`` and ``_np_tokens``); a pronoun is marked at its antecedent when the
    antecedent lies in the same sentence ("Turkey said it had asked ..." → Turkey)."""
    for para in item.paragraphs:
        rel_s, rel_e = actor.start - para.offset, actor.end - para.offset
        if rel_s < 0 or rel_e > para.length:
            continue
        chunk = para.doc.char_span(rel_s, rel_e, alignment_mode="expand")
        if chunk is None or not len(chunk):
            return None
        root = chunk.root
        if actor.resolved_by.startswith("pronoun"):
            root = _antecedent(item, para, actor, root) or root
        if actor.resolved_by == PLACE_OF_TARGET and root.dep_ == "pobj" and root.head.head.pos_ == "NOUN":
            root = root.head.head  # the things attacked there ("fired at targets in Hebron")
        top, path = _argument_head(root, role)
        toks = _np_tokens(top, path)
        return para.offset + toks[0].idx, para.offset + toks[-1].idx + len(toks[-1].text)
    return None


def _antecedent(item: Any, para: Any, actor: Actor, pronoun: Token) -> Token | None:
    """The head of the last mention of the pronoun's actor before it in the same sentence."""
    if actor.key is None:
        return None
    sent_start = para.offset + pronoun.sent.start_char
    found = [
        a
        for a in item.coded.actors.mentions.values()
        if a.key == actor.key
        and not a.resolved_by.startswith("pronoun")
        and sent_start <= a.start
        and a.end <= actor.start
    ]
    if not found:
        return None
    best = max(found, key=lambda a: a.start)
    span = para.doc.char_span(best.start - para.offset, best.end - para.offset, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _climbs(prep: Token, role: str) -> bool:
    """Whether an actor in ``prep``'s phrase is marked with the noun the phrase qualifies:
    through "of" unless that noun is an act done to it; a target through "from"/"by" into a
    request it authored."""
    noun = prep.head.lemma_.lower()
    if prep.lower_ in UP_PREPS:
        return noun not in ACT_NOUNS
    return role == "T" and prep.lower_ in {"from", "by"} and noun in REQUEST_NOUNS


def _argument_head(tok: Token, role: str = "S") -> tuple[Token, frozenset[int]]:
    """The head of the noun phrase an actor mention stands in, and the prepositions on the way
    up: a possessor or modifier is marked with what it qualifies ("Haiti's interim government",
    "the Fijian rebels"); a group or part is marked with its whole phrase ("a group of Liberian
    diplomats"). Not through "from"/"by" phrases: the gold marks "charges by Ivory Coast" as
    "Ivory Coast" more often than not."""
    cur = tok
    path: set[int] = set()
    for _ in range(8):
        head = cur.head
        if head is cur or head.pos_ not in {"NOUN", "PROPN", "NUM", "ADP"}:
            break
        if cur.dep_ in {"poss", "amod", "compound", "nmod"} and head.pos_ in {"NOUN", "PROPN"}:
            cur = head
        elif (
            cur.dep_ == "pobj"
            and head.dep_ == "prep"
            and head.head.pos_ in {"NOUN", "PROPN", "NUM"}
            and head.head.i != head.i
            and _climbs(head, role)
        ):
            path.add(head.i)
            cur = head.head
        else:
            break
    return cur, frozenset(path)


def evaluate(shared: Path, engine_factory: Callable[[], Any], limit: int | None) -> dict[str, Any]:
    return run_parts(shared, engine_factory, limit, (eval_gsr_actors, eval_ner))
