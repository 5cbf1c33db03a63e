"""Attach to each event the date and place of its own clause."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokSpan

from eventwire.enrich.dates import DateExpr, find_dates
from eventwire.enrich.places import Gazetteer, Resolved
from eventwire.enrich.toponyms import PLACE_LABELS, Toponym, find_toponyms
from eventwire.events.coder import SPEECH_VERBS, clause_verb
from eventwire.nlp import ParsedParagraph
from eventwire.records import Article, Event, Place, Span

# "since 1989", "until March", "by the end of June": a bound of a period, not the event's date
_BOUND_BEFORE = re.compile(r"\b(?:since|until|till|through|by|before|after|from)\s+(?:the\s+)?$", re.I)
VAGUE = frozenset({"present", "past", "future"})
_POSSESSIVE = re.compile(r"^(?:'s|’s|'|’)(?!\w)")


def _is_bound(text: str, expr: DateExpr) -> bool:
    """Whether ``expr`` bounds a period ("since 1989", "after last month") rather than dating
    something; a date that owns a noun dates that noun ("after last month's setback": the setback
    was last month)."""
    return _BOUND_BEFORE.search(text[: expr.start]) is not None and not _POSSESSIVE.match(text[expr.end :])


LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "across",
        "throughout",
        "through",
        "over",
        "around",
        "off",
        "along",
        "within",
    }
)
OBJECT_DEPS = frozenset({"dobj"})  # "captured the town of Kherson", "shelled Aleppo"
# weaker place phrases, tried only when no locative phrase, object or subject names a place: the
# target of an attack anywhere in the sentence ("a raid on a house in Dunya Pur", "on the outskirts
# of Khartoum") and where the event's movement goes or comes from ("shipped to Guantanamo Bay",
# "marched towards Kirkuk");
# a whole country there is a target or a destination ("strikes on Afghanistan"), not a scene
TARGET_PREPS = frozenset({"on", "upon"})
# nouns of acts that hit a place: their "on" phrase is a target ("a raid on Lawang"); the "on" phrase
# of any other noun is a topic ("headway on the North's missile cuts", "talks on Jerusalem's
# future") unless it names a place noun itself ("protesters on the outskirts of Oaxaca")
HIT_NOUNS = frozenset(
    "attack raid strike airstrike assault bombing bombardment shelling offensive crackdown ambush "
    "incursion invasion barrage onslaught march advance push fire".split()
)
# the words of the compass, which alone ("the North", "the West") name no place
COMPASS_WORDS = frozenset("north south east west northeast northwest southeast southwest".split())
MOTION_PREPS = frozenset({"to", "into", "from", "towards", "toward"})
_UNKNOWN_SIZE = 0.0  # see place_size
_COUNTRY_SIZE = 1e10  # place_size of a country or wider area
_REGION_SIZE = 1e8  # place_size of a first-level region
# tiers whose whole country is background more often than the scene ("was captured after a
# gunbattle in Karachi" vs "the attacks in the United States" below the trigger)
_NO_COUNTRY_TIERS = frozenset({"subtree"})
# in the "sentence" tier a whole country frames the event when named before it ("In Iraq, gunmen
# shot ..."), and is background more often than the scene after it ("... as the war in Iraq went on")
# nouns whose "of" phrase names a place: "the village of Kfar Draom", "the district of Sheikh Maksud"
PLACE_NOUNS = frozenset(
    "town city village district province region settlement neighbourhood neighborhood suburb "
    "area county governorate municipality hamlet quarter outskirts island port capital countryside "
    "border street road centre center".split()
)
# nouns of sites that a place owns: "patrolled Venezuela's oil installations"
SITE_NOUNS = frozenset(
    "installation facility hospital base camp prison airport market slum field farm mosque church "
    "school".split()
)
# objects by which "captured", "shot" or "took" name a prize, a picture or a feeling, no act of
# force: "captured her second title in Rome", "shooting scenes in New York", "captured the
# attention of Hollywood" - such an event has no scene of its own
PRIZE_OBJECTS = frozenset(
    "title medal crown trophy championship cup wicket prize gold silver bronze win victory "
    "attention imagination heart mood essence spirit image moment scene footage picture photo "
    "film movie video".split()
)
# nouns for a part or the surroundings of a place: "the northern perimeter of Saraf", "the slums of
# Santo Domingo" name the place in their "of" phrase
PART_NOUNS = frozenset(
    "perimeter vicinity heart edge slum sector corridor periphery environs fringe coast shore "
    "troublespot stronghold flank outskirt part side".split()
)
# the settlement nouns that a proper-noun modifier can name ("the Amriya district", "Sadr city")
NAMED_PLACE_NOUNS = PLACE_NOUNS - frozenset("border street road centre center capital outskirts".split())


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
    while cur.head.i != cur.i and hops < 12:
        cur = cur.head
        hops += 1
        if cur.pos_ in {"VERB", "AUX"}:
            return cur
    return cur


def _clause_chain(verb: Token) -> set[int]:
    ids = {verb.i}
    cur = verb
    while cur.dep_ in {"xcomp", "conj", "acl", "pcomp", "pobj"} and cur.head.i != cur.i:
        cur = cur.head
        ids.add(cur.i)
    for child in verb.children:
        if child.dep_ in {"xcomp"}:
            ids.add(child.i)
    return ids


def event_date(
    event: Event,
    para: ParsedParagraph,
    trigger: Token,
    anchor: date | None,
    seen: dict[tuple[int, int, bool], list[DateExpr]] | None = None,
) -> tuple[str | None, str | None, Span | None]:
    """The date of ``event``. ``seen`` keeps the date expressions of each sentence already
    read in this article (several events share a sentence; reading it once is enough)."""
    if anchor is None:
        return None, None, None
    sent = trigger.sent
    future = event.modality == "planned"
    key = (para.index, sent.start_char, future)
    exprs = seen.get(key) if seen is not None else None
    if exprs is None:
        exprs = [
            x
            for x in find_dates(sent.text, anchor, future=future)
            if x.precision not in VAGUE and not _is_bound(sent.text, x)
        ]
        if seen is not None:
            seen[key] = exprs
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
    name: str,
    start: int,
    end: int,
    gaz: Gazetteer,
    prefer: frozenset[str],
    why: str,
    focus: Resolved | None = None,
) -> Place | None:
    """The Place of ``name``; a name the Gazetteer does not know is placed at the story's
    ``focus`` when one is given (:meth:`Gazetteer.resolve_in_story`)."""
    found = gaz.resolve_in_story(name, prefer, focus)
    if found is None:
        return None
    how = {
        "country": "country",
        "region": "region",
        "landmark": "landmark",
        "focus": "at the story's focus",
    }.get(found.kind)
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


def toponym_tokens(
    doc: Doc, gaz: Gazetteer, found: Sequence[Toponym] | None = None
) -> tuple[tuple[int, int], ...]:
    """Token ranges of the recogniser's toponyms in ``doc`` (``found``, by default
    :func:`find_toponyms`; adjectives such as "Russian" left out: they name whose troops, not
    where)."""
    out = []
    for top in find_toponyms(doc, gaz) if found is None else found:
        if top.label == "NORP":
            continue
        span = doc.char_span(top.start, top.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end))
    return tuple(out)


def _named_place_noun(tok: Token, gaz: Gazetteer | None) -> tuple[int, int] | None:
    """The token range of a settlement noun with the proper-noun modifiers that name it, when no
    word of it is a place entity: "the Amriya district", "Sadr city", "the al-Atebaa
    neighborhood" (a name the Gazetteer does not know, so it is the most specific of its phrase:
    :func:`place_size`); None for any other token and for a known town with an "of" phrase ("the
    Colombo suburb of Nugegoda": the "of" phrase names it) or a country's people ("the Thai
    border town")."""
    if tok.lemma_.lower() not in NAMED_PLACE_NOUNS:
        return None
    names = [c for c in tok.lefts if c.dep_ == "compound"]
    if not any(c.pos_ == "PROPN" for c in names):
        return None
    doc = tok.doc
    left = min(c.left_edge.i for c in names)
    while left < tok.i and doc[left].dep_ == "det":
        left += 1
    if any(doc[i].ent_type_ in PLACE_LABELS for i in range(left, tok.i + 1)):
        return None
    if gaz is not None and any(gaz.country_of(c.text) for c in names if c.ent_type_ == "NORP"):
        return None  # "the Thai border town": whose town, not its name
    of_phrase = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)
    if of_phrase and gaz is not None and gaz.resolve(doc[left : tok.i].text) is not None:
        return None  # "the Colombo suburb of Nugegoda": the "of" phrase names it
    return left, tok.i + 1


def _maybe_place(tok: Token) -> bool:
    """Whether the proper noun ``tok`` after a locative preposition can name a place: untyped, or
    a place the tagger took for a person or an organisation ("in Al-Dawr", "at the Hayyan Gas
    Fields"), not an institution ("at Ball State University in Indiana": where is the town)."""
    if tok.ent_type_ == "ORG":
        return tok.lemma_.lower() not in INSTITUTION_NOUNS
    return tok.ent_type_ in {"", "PERSON"}


def _inside_org(doc: Doc, cand: tuple[int, int]) -> bool:
    """Whether the toponym ``cand`` is part of a longer organisation name that is no locative
    phrase's object: "shelled the Syrian Arab Army's positions", "Kenya Airways said" say whose,
    not where ("demonstrated at Alexandria University" keeps Alexandria)."""
    if doc[cand[0]].ent_type_ != "ORG":
        return False
    ent = next((e for e in doc.ents if e.start <= cand[0] < e.end), None)
    if ent is None or ent.label_ != "ORG" or len(ent) <= cand[1] - cand[0]:
        return False
    return not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in LOCATIVE | TARGET_PREPS)


def _town_object(tok: Token, gaz: Gazetteer) -> bool:
    """Whether ``tok`` is a one-word proper-noun direct object that the tagger took for no place
    but the Gazetteer knows as a town or a landmark ("rebels captured Birao", "soldiers patrolled
    Kassa")."""
    if tok.dep_ != "dobj" or tok.pos_ != "PROPN" or tok.ent_type_ not in {"", "PERSON", "ORG"}:
        return False
    if any(c.dep_ == "compound" for c in tok.lefts):
        return False
    found = gaz.resolve(tok.text)
    return found is not None and found.kind in {"city", "landmark"}


# verbs whose direct object is a place ("stormed Najarah", "patrolled Korangi"), and verbs whose
# object is a place or a person ("captured Badme", "captured Noriega")
PLACE_OBJECT_VERBS = frozenset(
    "enter storm patrol shell besiege overrun raid invade occupy bomb bombard encircle surround reach".split()
)
TAKE_VERBS = frozenset("capture seize recapture liberate retake".split())


def _place_object(tok: Token) -> tuple[int, int] | None:
    """The token range of a proper-noun direct object or passive subject of a verb that takes a
    place (``PLACE_OBJECT_VERBS``: "stormed Najarah", "Surif has been encircled", whatever entity
    the tagger made of it, an institution too: "stormed the Heart Hospital" hits the building) or
    the direct object of a verb of taking (``TAKE_VERBS``) when the tagger did not take it for a
    person ("captured Badme"; "captured Noriega" is no place); None for any other token."""
    verb = tok.head.lemma_.lower()
    if tok.dep_ not in {"dobj", "nsubjpass"} or tok.pos_ != "PROPN":
        return None
    if not _maybe_place(tok) and not (verb in PLACE_OBJECT_VERBS and tok.ent_type_ == "ORG"):
        return None
    take = verb in TAKE_VERBS and tok.ent_type_ != "PERSON" and tok.dep_ == "dobj"
    if verb not in PLACE_OBJECT_VERBS and not take:
        return None
    left = tok.left_edge.i
    while left < tok.i and tok.doc[left].dep_ in {"det", "amod", "advmod"}:
        left += 1
    return left, tok.i + 1


def _place_candidates(
    sent: TokSpan, toponyms: Sequence[tuple[int, int]] = (), gaz: Gazetteer | None = None
) -> list[tuple[int, int]]:
    """Token ranges that can be a place: place entities, the recogniser's toponyms (token ranges
    in the sentence's Doc), proper nouns after in/at/near (:func:`_maybe_place`), the proper
    noun of a place noun's "of" phrase ("the village of Kafr Zeita", ``PLACE_NOUNS``; "the
    perimeter of Saraf", ``PART_NOUNS``) and a
    settlement noun named by proper nouns ("the Amriya district", :func:`_named_place_noun`;
    ``gaz`` tells known towns), a proper-noun object of a verb that takes a place
    (:func:`_place_object`) and a direct object the Gazetteer knows as a town
    (:func:`_town_object`)."""
    doc = sent.doc
    cands = [
        (e.start, e.end) for e in doc.ents if e.label_ in PLACE_LABELS and sent.start <= e.start < sent.end
    ]
    cands.extend(t for t in toponyms if sent.start <= t[0] < sent.end and not _inside_org(doc, t))
    for tok in sent:
        named_noun = _named_place_noun(tok, gaz)
        if named_noun is not None:
            cands.append(named_noun)
        place_object = _place_object(tok)
        if place_object is not None:
            cands.append(place_object)
        if gaz is not None and _town_object(tok, gaz):
            cands.append((tok.i, tok.i + 1))
        if tok.dep_ != "pobj" or tok.pos_ != "PROPN":
            continue
        prep = tok.head
        # "the town of X" names a place whatever the tagger made of X ("Bir Hamsa" as a PERSON)
        named = prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS | PART_NOUNS
        if named or (prep.lower_ in LOCATIVE and _maybe_place(tok)):
            left = tok.left_edge.i
            while left < tok.i and doc[left].dep_ == "det":
                left += 1
            cands.append((left, tok.i + 1))
    return sorted(
        c for c in set(cands) if not _clock_time(doc[c[0] : c[1]]) and not _compass_only(doc[c[0] : c[1]])
    )


def _compass_only(span: TokSpan) -> bool:
    """Whether a candidate is a bare word of the compass ("the North's missile cuts", "in the
    West"): a direction, no toponym."""
    words = [t for t in span if t.dep_ != "det" and not t.is_punct and t.tag_ != "POS"]
    return len(words) == 1 and words[0].lower_ in COMPASS_WORDS


def _target_phrase(prep: Token) -> bool:
    """Whether the "on" phrase ``prep`` can name a target place: on a verb ("fired on the
    village"), on a noun of an act that hits a place (``HIT_NOUNS``: "a raid on Lawang"), or with a
    place noun for its object ("protesters on the outskirts of Oaxaca"); not the topic of a noun
    ("headway on the North's missile cuts", "talks on Jerusalem's future")."""
    head = prep.head
    if head.pos_ in {"VERB", "AUX"} or head.lemma_.lower() in HIT_NOUNS:
        return True
    return any(
        c.dep_ == "pobj" and c.lemma_.lower() in PLACE_NOUNS | PART_NOUNS | SITE_NOUNS for c in prep.children
    )


_CLOCK = re.compile(r"^(?:[ap]\.?m\.?|gmt|utc)$", re.I)


def _clock_time(span: TokSpan) -> bool:
    """Whether a candidate is a time of day ("at 4:15 A.M.", "at about 2.00 p.m"), which the
    tagger sometimes leaves untyped after "at"."""
    return any(t.ent_type_ == "TIME" or _CLOCK.match(t.text) for t in span)


def place_size(gaz: Gazetteer, name: str) -> float:
    """How big the place ``name`` is, to prefer the most specific of several in one locative
    phrase: a country or wider area above a first-level region above a town (its population) above
    a landmark; a name the Gazetteer does not know (a neighbourhood, a village) counts as smallest."""
    found = gaz.resolve(name)
    if found is None:
        return _UNKNOWN_SIZE
    if found.kind == "country" or (found.kind == "region" and found.country is None):
        return _COUNTRY_SIZE
    if found.kind == "region":
        return _REGION_SIZE
    if found.kind == "landmark":
        return 1.0
    return float(max(found.population, 2))


# heads of organisation names that are a body, not a site: the town around them is the place
INSTITUTION_NOUNS = frozenset(
    "university college academy institute school embassy consulate ministry department hospital "
    "office agency post party group conference council court parliament committee company "
    "corporation bank commission center centre association union".split()
)
# nouns that call a place a region: "Adamawa state", "the province of Paktika" ("district" is a
# city quarter as often as a county, so it says nothing)
REGION_NOUNS = frozenset("region province state governorate county prefecture territory".split())


# "30 km north of Baghdad": the place the scene is measured from, weaker than any other place
# "northern Iraq", "central Syria": a part of a country, not the whole
_PART_WORDS = frozenset(
    "northern southern eastern western central northeastern northwestern southeastern southwestern".split()
)


def span_size(gaz: Gazetteer, span: TokSpan) -> float:
    """:func:`place_size` of a place phrase; a name the Gazetteer does not know but that its
    phrase calls a region ("Adamawa state", "the province of Paktika", ``REGION_NOUNS``) counts as
    a region, and the point of a direction ("north of Baghdad", ``COMPASS_WORDS``) as less specific
    than any place but a country."""
    size = place_size(gaz, span.text)
    last = span[-1]
    if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lower_ in COMPASS_WORDS:
        return max(size, _COUNTRY_SIZE / 2)
    if size != _UNKNOWN_SIZE:
        return size
    nouns = [last, last.head if last.dep_ == "compound" else last]
    if last.dep_ == "pobj" and last.head.lower_ == "of":
        nouns.append(last.head.head)
    if any(n.lemma_.lower() in REGION_NOUNS for n in nouns):
        return _REGION_SIZE
    return size


_CONTAINING = frozenset({"in", "within", "inside"})


def _container(doc: Doc, cand: tuple[int, int], others: Sequence[tuple[int, int]], top: Token) -> bool:
    """Whether the place ``cand`` only says where another place of the same locative phrase
    (under the preposition ``top``) lies: the object of an "in", or of the "of" of a place noun,
    below that other place or its apposition - "in Nakuru, regional capital in the Rift Valley",
    "in Maiduguri in Nigeria", "at Lashkar Gah, the capital of southern Helmand province"."""
    root = doc[cand[0] : cand[1]].root
    while root.dep_ in {"compound", "amod"} and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i != root.i:
        root = root.head  # "southern Helmand province": the province
    if root.dep_ == "poss" and root.head.lemma_.lower() in PLACE_NOUNS:
        # "Southern Thailand's province of Narathiwat", "North Sumatra's capital of Medan": the owner
        # only says where the place its noun names lies
        noun = root.head
        return any(
            noun.left_edge.i <= o[0] and o[1] - 1 <= noun.right_edge.i and o[0] > root.i for o in others
        )
    prep = root.head
    if root.dep_ != "pobj" or prep.i == top.i:
        return False
    if prep.lower_ not in _CONTAINING and not (
        prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS
    ):
        return False
    owners = {doc[o[0] : o[1]].root.i for o in others if o != cand and o[1] <= cand[0]}
    cur, hops = prep.head, 0
    while cur.i != top.i and hops < 8:
        if cur.i in owners:
            return True
        cur, hops = cur.head, hops + 1
    return False


def _direction_points(heads: Iterable[Token]) -> list[Token]:
    """The "of" phrases of direction words on ``heads`` ("captured suspects north of Baghdad",
    "ambushed 30 km northeast of Karbala"): the point the scene is measured from."""
    return [
        p
        for h in heads
        for d in h.children
        if d.dep_ in {"advmod", "npadvmod"} and d.lower_ in COMPASS_WORDS
        for p in d.children
        if p.dep_ == "prep" and p.lower_ == "of"
    ]


def _in_attribution(tok: Token) -> bool:
    """Whether ``tok`` lies in an "according to" phrase ("according to a military source in
    Aleppo"): where the source is, not where the event was."""
    return any(a.lower_ == "according" for a in tok.ancestors)


def _dated_place(tok: Token) -> bool:
    """Whether ``tok`` is a day the parser hung a place name on as a compound: "patrolled Goma
    Thursday", "troops entered Kisangani Monday"."""
    return (
        tok.dep_ in {"npadvmod", "nsubj", "dobj", "pobj"}
        and tok.ent_type_ == "DATE"
        and any(c.dep_ == "compound" and c.ent_type_ != "DATE" and c.pos_ == "PROPN" for c in tok.lefts)
    )


def _result_of(trigger: Token) -> list[Token]:
    """The verb whose result the participle ``trigger`` tells ("a bomb struck a Baghdad cafe,
    killing twelve": struck), as a list of none or one."""
    head = trigger.head
    if (
        trigger.dep_ in {"advcl", "xcomp"}
        and trigger.tag_ == "VBG"
        and head.i < trigger.i
        and head.pos_ == "VERB"
    ):
        return [head]
    return []


def _contained(prep: Token, cands: Sequence[tuple[int, int]]) -> Token:
    """The phrase that names the place an "in" phrase ``prep`` only says the whereabouts of: "a raid
    on the town of Tarmanin in northern Idlib" - the "on" phrase, when it names a place before
    ``prep`` (``cands``) and is no phrase of motion; else ``prep`` itself."""
    head = prep.head
    if prep.lower_ not in _CONTAINING:
        return prep
    if head.lemma_.lower() not in PLACE_NOUNS and not any(prep.doc[c[1] - 1].i == head.i for c in cands):
        return prep
    if head.dep_ != "pobj" or head.head.dep_ != "prep" or head.head.lower_ in MOTION_PREPS:
        return prep
    outer = head.head
    named = any(outer.left_edge.i <= c[0] and c[1] - 1 < prep.i for c in cands)
    return outer if named else prep


def _part_of(span: TokSpan) -> bool:
    """Whether the place ``span`` is named as a part of a wider area: by a word of the compass
    ("northern Iraq", "in central Syria"; ``_PART_WORDS``), in it or on its root, or as the
    modifier of a settlement noun ("in this West Bank settlement": a place in it)."""
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in NAMED_PLACE_NOUNS:
        return True
    words = [*span, *(c for c in root.children if c.dep_ in {"amod", "compound"})]
    return any(t.lower_ in _PART_WORDS for t in words)


def _origin(tok: Token, obj: Token) -> bool:
    """Whether the place ``tok`` in the direct object ``obj`` lies in a "from" phrase: where the
    object comes from, not where the event is ("captured the heights from Syria", "arrested a
    young man from Efrin")."""
    cur = tok
    while cur.i != obj.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ == "from":
            return True
        cur = cur.head
    return False


def _owner_only(tok: Token) -> bool:
    """Whether the last token of a place in a direct object only says whose: a possessive, unless
    what it owns is a place or a site ("patrolled Bangladesh's cities", "stormed Kabul's main
    prison" name where; "met Uganda's president" does not)."""
    return tok.dep_ == "poss" and tok.head.lemma_.lower() not in PLACE_NOUNS | SITE_NOUNS


def _country_is_background(tier: str, got: tuple[int, int], trigger: Token) -> bool:
    """Whether a whole country found by the tier ``tier`` is background, not the event's scene:
    below the trigger (``_NO_COUNTRY_TIERS``), or in the "sentence" tier after the trigger."""
    return tier in _NO_COUNTRY_TIERS or (tier == "sentence" and got[0] > trigger.i)


def _country_modifier(doc: Doc, cand: tuple[int, int], gaz: Gazetteer) -> bool:
    """Whether the place ``cand`` is a country (or wider area) that only modifies a common noun
    other than a place noun: "in a U.S. airstrike", "in a US-Kurdish operation", "near the
    Iraqi-Syrian border" say whose strike or which border, not where ("in the Kenya
    countryside" is kept only when the noun is one of ``PLACE_NOUNS``)."""
    root = doc[cand[0] : cand[1]].root
    if root.dep_ not in {"compound", "nmod", "amod"} or root.head.pos_ != "NOUN":
        return False
    if root.head.lemma_.lower() in PLACE_NOUNS:
        return False
    return place_size(gaz, doc[cand[0] : cand[1]].text) >= _COUNTRY_SIZE


def locate_event(
    trigger: Token, toponyms: Sequence[tuple[int, int]] = (), gaz: Gazetteer | None = None
) -> tuple[TokSpan | None, str]:
    """The place phrase of the event at ``trigger`` and how it was chosen: "verb" (a locative
    phrase on the trigger or its clause verb), "object" (a place in the direct object of either:
    "captured the town of Kherson", or in a day the parser hung it on: "patrolled Goma Thursday",
    :func:`_dated_place`; when both name a place, the most specific), "subtree" (a
    locative phrase below the trigger, not a whole country; "northern Iraq" is a part of one:
    :func:`_part_of`), "sentence" (one anywhere in the
    sentence; a whole country only before the trigger: :func:`_country_is_background`), "cause"
    (a place in the direct object of the verb whose result a participle trigger tells: "a bomb
    struck a Baghdad cafe, killing twelve", :func:`_result_of`),
    "direction" (the point of a direction word on the trigger or its clause verb: "arrested
    suspects north of Baghdad", :func:`_direction_points`), "subject" (a passive subject that is
    itself a place entity, "Aleppo was shelled", or a place noun with a place in its phrase, "the
    Gilo neighbourhood was captured", "the town of Kornaz was shelled"), "on"
    (an "on" phrase anywhere in the sentence: "a raid on a house in Dunya Pur"), "motion" (a
    "to", "into", "from" or "towards" phrase of the trigger or its clause verb: "shipped to
    Guantanamo Bay") - these two only for a place smaller than a country - or "none". Inside a
    locative phrase the most specific place wins when the Gazetteer ``gaz`` is given
    (:func:`place_size`: "in the Baghdad neighbourhood of Karrada" → Karrada, "in the city of
    Maiduguri in Nigeria" → Maiduguri), else the first. ``toponyms``: :func:`toponym_tokens` of
    the trigger's Doc, as further candidates. A trigger whose object (or passive subject) is a
    prize or a picture (``PRIZE_OBJECTS``: "captured the title in Rome") has no place. A verb of saying
    (``SPEECH_VERBS``) takes only a locative phrase of its own ("told reporters in Nairobi"): the
    places of what it reports are not where it was said."""
    sent = trigger.sent
    doc = trigger.doc
    cands = _place_candidates(sent, toponyms, gaz)
    if not cands:
        return None, "none"

    def in_prep(prep: Token) -> tuple[int, int] | None:
        lo, hi = prep.left_edge.i, prep.right_edge.i
        if doc[hi].lemma_.lower() in PLACE_NOUNS:  # "in the capital Baku", the name parsed apart
            hi = max([hi, *(c[1] - 1 for c in cands if c[0] == hi + 1)])
        inside = [c for c in cands if lo <= c[0] and c[1] - 1 <= hi]
        if prep.dep_ in OBJECT_DEPS:  # "met Uganda's president": whose, not where
            inside = [
                c for c in inside if not _owner_only(doc[c[1] - 1]) and not _origin(doc[c[1] - 1], prep)
            ]
        if gaz is not None:  # "killed in a U.S. airstrike": whose strike, not where
            inside = [c for c in inside if not _country_modifier(doc, c, gaz)]
        if gaz is None or len(inside) < 2:
            return inside[0] if inside else None
        inside = [c for c in inside if not _container(doc, c, inside, prep)] or inside
        return min(inside, key=lambda c: span_size(gaz, doc[c[0] : c[1]]))

    def country(got: tuple[int, int]) -> bool:
        span = doc[got[0] : got[1]]
        if _part_of(span):
            return False
        return gaz is not None and place_size(gaz, span.text) >= _COUNTRY_SIZE

    def loc_preps(heads: Iterable[Token]) -> list[Token]:
        return [
            p
            for h in heads
            for p in h.children
            if p.dep_ == "prep" and p.lower_ in LOCATIVE and not _in_attribution(p)
        ]

    args = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    if args and args[0].lemma_.lower() in PRIZE_OBJECTS:
        return None, "none"
    if trigger.lemma_.lower() in SPEECH_VERBS:
        for prep in loc_preps([trigger]):
            got = in_prep(prep)
            if got is not None:
                return doc[got[0] : got[1]], "verb"
        return None, "none"
    verb = clause_verb(trigger)
    heads = [trigger, verb] if verb is not trigger else [trigger]
    tiers = (
        ("verb", loc_preps(heads)),
        ("object", [c for h in heads for c in h.children if c.dep_ in OBJECT_DEPS or _dated_place(c)]),
        ("subtree", loc_preps(trigger.subtree)),
        ("sentence", loc_preps(sent)),
        ("cause", [c for h in _result_of(trigger) for c in h.children if c.dep_ in OBJECT_DEPS]),
    )
    # places in both: the most specific ("In Hama, gunmen shelled the town of Kornaz"); of two alike
    # (both unknown to the Gazetteer), the object - the place the act hits: "At Tarhuni, the rebels
    # shelled Bir Sagha", "jets bombed Kabwele-Ndogo, in Makuyu-Sul"
    if gaz is not None:
        near = [(got, p) for p in tiers[1][1] + tiers[0][1] if (got := in_prep(p)) is not None]
        if len(near) > 1:
            got, prep = min(near, key=lambda gp: span_size(gaz, doc[gp[0][0] : gp[0][1]]))
            return doc[got[0] : got[1]], "object" if prep.dep_ in OBJECT_DEPS else "verb"
    for tier, preps in tiers:
        for prep in preps:
            got = in_prep(_contained(prep, cands))
            if got is not None and not (country(got) and _country_is_background(tier, got, trigger)):
                return doc[got[0] : got[1]], tier
    for prep in _direction_points(heads):
        got = in_prep(prep)
        if got is not None:
            return doc[got[0] : got[1]], "direction"
    for head in heads:  # "Aleppo was shelled", "the town of Kornaz was shelled": a passive subject place
        for child in head.children:
            if child.dep_ == "nsubjpass" and (child.ent_type_ in PLACE_LABELS or _place_object(child)):
                whole = [c for c in cands if doc[c[0] : c[1]].root.i == child.i]
                if whole:
                    return doc[whole[0][0] : whole[0][1]], "subject"
            if child.dep_ == "nsubjpass" and child.lemma_.lower() in PLACE_NOUNS:
                got = in_prep(child)
                if got is not None:
                    return doc[got[0] : got[1]], "subject"
    weak = (
        ("on", [p for p in sent if p.dep_ == "prep" and p.lower_ in TARGET_PREPS and _target_phrase(p)]),
        ("motion", [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in MOTION_PREPS]),
    )
    for tier, preps in weak:
        for prep in preps:
            got = in_prep(prep)
            if got is not None and not country(got):
                return doc[got[0] : got[1]], tier
    return None, "none"


def event_place(
    para: ParsedParagraph,
    trigger: Token,
    gaz: Gazetteer,
    prefer: frozenset[str],
    toponyms: Sequence[tuple[int, int]] = (),
    focus: Resolved | None = None,
    dateline: Place | None = None,
) -> Place | None:
    """The place of the event at ``trigger``: the locative phrase :func:`locate_event` picks (a
    toponym of the recogniser that the Gazetteer does not know is placed at the story's
    ``focus``), else the story's ``dateline`` place (:func:`dateline_place`)."""
    span, tier = locate_event(trigger, toponyms, gaz)
    if span is not None:
        s = para.offset + span.start_char
        known = (span.start, span.end) in toponyms
        why = f"{tier} locative '{span.text}'"
        place = _place_for(span.text, s, s + len(span.text), gaz, prefer, why, focus if known else None)
        if place is not None:
            return place
    return dateline


def dateline_place(article: Article, gaz: Gazetteer, prefer: frozenset[str]) -> Place | None:
    """The place of the article's dateline, at its first mention in the text (-1 offsets when
    the text never names it); None without a dateline."""
    first = dateline_place_name(article)
    if not first:
        return None
    start, end = dateline_mention(article.text, first)
    return _place_for(first, start, end, gaz, prefer, f"dateline '{article.dateline}'")


def dateline_place_name(article: Article) -> str:
    """The first place of the article's dateline ("SEOUL/WASHINGTON" -> "Seoul"); "" without one."""
    if not article.dateline:
        return ""
    return re.split(r"[/,]", article.dateline)[0].strip().title()


def story_focus(
    article: Article, gaz: Gazetteer, places: Iterable[Resolved], named: frozenset[str]
) -> Resolved | None:
    """The story's focus: the place of its dateline, when the Gazetteer knows it as a town and the
    story names that town's country outright (``named``, :meth:`Gazetteer.story_countries`: a
    story filed from Seoul about the two Koreas and the United States is centred on Seoul, however
    often it says "U.S. President"); else the country most of its ``places`` lie in
    (:meth:`Gazetteer.focus`)."""
    first = dateline_place_name(article)
    found = gaz.resolve(first, named) if first else None
    if found is not None and found.kind == "city" and found.country in named:
        return found
    return gaz.focus(places, named)


def dateline_mention(text: str, name: str) -> tuple[int, int]:
    """Offsets of the first mention of the dateline's place ``name`` in the article text (any
    case, whole words); (-1, -1) when the text never names it (the cleaner takes the dateline
    itself out of the text)."""
    if not name:
        return -1, -1
    words = r"\s+".join(re.escape(w) for w in name.split())
    m = re.search(rf"(?<![\w-]){words}(?![\w-])", text, re.I)
    return (m.start(), m.end()) if m else (-1, -1)


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
    found = {p.index: find_toponyms(p.doc, gaz) for p in paragraphs} if events else {}
    named = gaz.story_countries(t.text for tops in found.values() for t in tops)
    focus = story_focus(
        article,
        gaz,
        (t.place for tops in found.values() for t in tops if t.place and t.label != "NORP"),
        named,
    )
    dateline = dateline_place(article, gaz, prefer) if events else None  # read once per story
    toponyms: dict[int, tuple[tuple[int, int], ...]] = {}
    dates_seen: dict[tuple[int, int, bool], list[DateExpr]] = {}
    for event in events:
        para = _paragraph_of(paragraphs, event.evidence.trigger.start)
        trigger = _token_at(para, event.evidence.trigger.start) if para else None
        if para is None or trigger is None:
            out.append(event)
            continue
        value, precision, span = event_date(event, para, trigger, anchor, dates_seen)
        if para.index not in toponyms:
            toponyms[para.index] = toponym_tokens(para.doc, gaz, found[para.index])
        place = event_place(para, trigger, gaz, prefer, toponyms[para.index], focus, dateline)
        out.append(
            dataclasses.replace(event, date=value, date_precision=precision, date_text=span, location=place)
        )
    return out
