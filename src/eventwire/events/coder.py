"""The event coder: dependency logic around a trigger verb or noun.

For each trigger that fits a pattern, the coder finds the source (subject; the ``by`` agent of a
passive; the controller of an infinitive; the possessor or ``by`` phrase of a noun trigger), the
target (as the pattern says where to look), the modality (negation, modals, futures, planning
verbs, conditionals, reported speech) and keeps the evidence: sentence, spans and the rule.
An announced or promised act of cooperation is coded as the intent (03x), a refused one as a
rejection (12x), an announced or floated act of force or sanction as a threat (13x); violence
whose perpetrator the sentence does not name is kept with an unidentified source of the country
where it happened ("a car bomb killed three people in Baghdad": IRQ), else with no source.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from eventwire.actors import DocActors
from eventwire.actors.resolve import LOCATIVE_PREPS, PLACE_NOUNS, actor_code
from eventwire.events.cameo import INTENT_OF, REFUSAL_OF, THREAT_OF, CameoCode, by_prefix
from eventwire.events.patterns import (
    NOMINALS,
    Pattern,
    PatternBook,
    nominal_objects,
    objects,
    objects_among,
    prep_objects,
    prep_objects_among,
)
from eventwire.nlp import ParsedParagraph
from eventwire.records import Actor, Event, Evidence, Modality
from eventwire.records import Span as TextSpan

LIGHT_VERBS = frozenset(
    "have hold attend conduct stage launch carry mount begin start host join resume open renew "
    "undertake continue pursue enter reopen".split()
)
# verbs by which a source issues an act named by a noun ("announced a suspension of flights",
# "ordered a halt to the shelling", "declared a ceasefire"): the noun is the event
ISSUING_VERBS = frozenset("announce order declare decree approve authorize authorise".split())
OBJECT_CONTROL = frozenset(
    "ask urge tell order invite persuade force call press encourage allow help request".split()
)
SPEECH_VERBS = frozenset(
    "say tell add report announce state claim insist warn note write post confirm reiterate "
    "stress explain declare argue acknowledge believe think reckon suggest".split()
)
PLAN_VERBS = frozenset("schedule plan expect set intend prepare due aim agree decide".split())
HYPO_VERBS = frozenset(
    "hope want seek try consider wish propose offer threaten willing ready prepared eager keen".split()
)
# governing words by which a source announces its own future act ("agreed to withdraw")
INTENT_VERBS = frozenset(
    "plan intend prepare aim agree decide propose offer threaten willing ready prepared eager keen "
    "promise pledge vow commit undertake resolve vote".split()
)
NEG_VERBS = frozenset("refuse fail decline".split())
# verbs of helping, which also frame a purpose ("sent troops to help defend X") or the act they
# help with ("helped finance the road"): then the other verb is the event
HELP_VERBS = frozenset({"help", "assist", "aid"})
HYPO_MODALS = frozenset("would could might may should must can ought".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
COND_MARKS = frozenset({"if", "unless", "whether", "lest"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
DECLARE_VERBS = frozenset(
    "say tell declare reiterate insist stress conclude announce warn state repeat argue add "
    "urge write".split()
)
OBLIGATION = frozenset({"must", "should", "ought"})


def _construction(name: str, lemma: str, code: str) -> Pattern:
    """A pattern the coder applies by construction, not found in the verb dictionary."""
    return Pattern(
        id=f"construction.{name}",
        pos="verb",
        lemma=lemma,
        code=code,
        symmetric=False,
        particle=None,
        object=None,
        prep=None,
        pobj=None,
        target=(),
    )


SAY_MUST = _construction("say-must", "say", "100")
CHARGE_THAT = _construction("charge-that", "charge", "112")
ORDER_TO = _construction("order-to", "order", "100")
OUT_OF_QUESTION = _construction("out-of-question", "out", "120")
# the words (lemma or lower-case form) that start a construction or a nominal; with the pattern
# book's trigger words, no other token can start an event
CONSTRUCTION_WORDS = DECLARE_VERBS | HELP_VERBS | frozenset({"charge", "out"}) | frozenset(NOMINALS)
# verbs by which people come together for a protest ("converged for a rally in Lagos")
GATHER_VERBS = frozenset("gather converge assemble march flock come rally participate mass".split())
# nouns whose participle clause is said by their author ("a declaration demanding reforms")
DOCUMENT_NOUNS = frozenset(
    "statement declaration communique letter petition resolution report appeal message note "
    "memorandum manifesto motion editorial speech".split()
)
# who strikes in the labour sense ("teachers struck", "a strike by dockworkers"), not with arms
LABOUR_SECTORS = frozenset({"LAB", "EDU", "HLH", "AGR", "BUS", "CVL", "MED", "OPP"})
LABOUR_STRIKE_WORDS = frozenset(
    "general hunger labour labor national nationwide indefinite token warning rail transport "
    "teacher worker union doctor nurse miner docker trucker driver".split()
)
# roots of acts only a state does (arrest, detain, deport, ban): "was arrested in Lebanon"
# is an act of the Lebanese state
STATE_ROOTS = frozenset({"17"})
# roots whose events are kept when the sentence names the victims but not the perpetrator
UNATTRIBUTED_ROOTS = frozenset({"18", "19", "20"})
# how an unidentified perpetrator is placed: in the country where the act happened
PLACE_OF_ACT = "unidentified, placed where the act happened"
# how the target of force against things in a place is named: by the place's country
PLACE_OF_TARGET = "the place where the things attacked are"
# how the country hosting a force of no country is named
FORCE_NOUNS = frozenset("force peacekeeper troop mission contingent observer soldier".split())
PLACE_OF_HOST = "the country the force is stationed in"
# how the target of a protest with no other party named is found: the state it is held in
PLACE_OF_PROTEST = "the state the protest is held in"
# a statement, an appeal, a meeting (or the wish to meet) and the signing of a deal somewhere
# are no acts toward the host state ("their leaders met in Singapore"); a curfew, a strike, an
# attack or a pledge to act in a place are ("imposed a curfew in Kirkuk")
NO_PLACE_TARGET = frozenset({"01", "02", "04", "036", "057"})
TOPIC_PREPS = frozenset({"on", "about", "over", "concerning", "regarding"})
# but whoever goes to a meeting held abroad visits the host state ("will attend a summit in
# Switzerland", "travelled to talks in Geneva"): a place in a clause with one of these verbs
# stays a target of a consultation
TRAVEL_VERBS = frozenset({"attend", "visit", "travel", "go", "fly", "arrive", "come", "head", "journey"})
INSTRUMENT_NOUNS = frozenset(
    "attack strike airstrike raid bombing bomb shelling shell fire gunfire rocket missile mortar "
    "explosion blast drone offensive assault ambush artillery bombardment grenade mine landmine "
    "warplane jet aircraft helicopter tank gunboat warship sniper".split()
)
GENERIC_TARGETS = (
    "object.poss",
    "xcomp",
    "prep:to",
    "prep:with",
    "prep:against",
    "prep:on",
    "prep:for",
    "object.prep:to",
    "object.prep:for",
    "object.prep:against",
    "object.prep:with",
    "in-protest",
)
# where the target of a governed or purpose infinitive sits ("threatened to impose curbs on X")
XCOMP_TARGETS = (
    "dobj",
    "dative",
    "prep:to",
    "prep:with",
    "prep:against",
    "prep:for",
    "prep:on",
    "object.prep:against",
    "object.prep:on",
    "object.prep:for",  # "to show their disapproval for X's policies"
    "object.prep:at",
    "object.prep:over",
)
# the acts a source does "in protest" or "in retaliation": "began a hunger strike in protest
# against the arrests by X", "shelled the town in retaliation for X's raid"
ADVERBIAL_ACT_NOUNS = frozenset({"protest", "retaliation", "response", "reprisal", "solidarity", "defiance"})
# what a source acts "despite": the demands of another party it resists
PRESSURE_NOUNS = frozenset("pressure demand call appeal plea opposition objection protest warning".split())
PROTEST_PREPS = ("against", "of", "at", "over", "for", "to", "with")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One trigger the coder looked at, and what became of it (for ``--explain``)."""

    sentence_start: int
    trigger: str
    trigger_start: int
    pattern: str | None
    outcome: str


def _conj_expand(toks: Iterable[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        for x in (t, *t.conjuncts):
            if x not in out:
                out.append(x)
    return out


def clause_verb(tok: Token) -> Token:
    """The verb whose clause a noun trigger belongs to (itself for verbs)."""
    cur = tok
    while cur.pos_ not in {"VERB", "AUX"} and cur.dep_ != "ROOT" and cur.head.i != cur.i:
        cur = cur.head
    return cur


def subject_of(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Subject tokens of ``verb`` (with conjuncts), and whether the clause is passive."""
    subs = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subs:
        passive = any(c.dep_ == "nsubjpass" for c in subs)
        return _conj_expand(subs), passive
    if depth > 4:
        return [], False
    head = verb.head
    if verb.dep_ == "xcomp" and head.dep_ in {"acomp", "attr"} and head.head.i != head.i:
        head = head.head  # "Syria is willing to withdraw": the subject of "is"
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ in {"VB", "VBG"}):
        if head.lemma_ in OBJECT_CONTROL:
            objs = [c for c in head.children if c.dep_ in {"dobj", "dative"}]
            if objs:
                return _conj_expand(objs), False
        subs, _ = subject_of(head, depth + 1)
        return subs, False
    if verb.dep_ == "conj" and head.i != verb.i:
        return subject_of(head, depth + 1)
    if verb.dep_ == "acl" and head.lemma_ in DOCUMENT_NOUNS and head.i != verb.i:
        authors = _document_author(head)  # "issued a statement condemning ...": the issuer
        if authors:
            return authors, False
    if verb.dep_ in {"acl", "relcl"} and head.i != verb.i:
        return [head], False
    if verb.dep_ in {"pcomp", "pobj"} and head.head.i != head.i:
        return subject_of(head.head, depth + 1)
    return [], False


def _document_author(doc_noun: Token) -> list[Token]:
    """Who a statement, letter or report is by: its possessor or "by"/"from" phrase, else the
    subject of the verb that issues, publishes or sends it."""
    own = [c for c in doc_noun.children if c.dep_ == "poss"] or [
        t for prep in ("by", "from") for t in prep_objects(doc_noun, prep)
    ]
    if own:
        return _conj_expand(own)
    if doc_noun.dep_ in {"dobj", "nsubjpass"} and doc_noun.head.pos_ in {"VERB", "AUX"}:
        subs, passive = subject_of(doc_noun.head)
        if passive:
            return _conj_expand(prep_objects(doc_noun.head, "by"))
        return subs
    return []


def _object_modifier(tok: Token, chain: set[int]) -> bool:
    """Whether ``tok`` modifies what the verbs in ``chain`` act on: "rejected an Indian
    proposal", "vetoed a Security Council resolution", "protested against Chinese rule"."""
    head = tok.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "vetoed a Security Council resolution": through the noun compound
    if head.dep_ in {"dobj", "nsubjpass", "attr"}:
        return head.head.i in chain
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        host = head.head.head  # "eased curbs in Kashmir province": the verb or its object
        return host.i in chain or (host.dep_ in {"dobj", "nsubjpass"} and host.head.i in chain)
    return False


def helps_another_act(tok: Token) -> bool:
    """Whether a verb of helping only frames another act: a purpose infinitive ("sent troops to
    help defend X", "a team to help identify victims") or a helped act with no helped party
    ("helped finance the pipeline", "helped to plan the attack")."""
    if tok.dep_ == "aux":  # "to help identify victims": parsed as an auxiliary
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    governors = INTENT_VERBS | HYPO_VERBS | PLAN_VERBS | NEG_VERBS | OBJECT_CONTROL
    if infinitive and (
        tok.dep_ in {"advcl", "acl", "relcl"} or (tok.dep_ == "xcomp" and tok.head.lemma_ not in governors)
    ):
        return True
    helped = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    return not helped and any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children)


def _infinitive(tok: Token) -> bool:
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def purpose_clauses(tok: Token) -> list[Token]:
    """The infinitives of purpose of a trigger, on it or on its object: "opened fire to disperse
    the marchers", "began a hunger strike to protest against X" (the parse may hang the
    infinitive on the strike)."""
    out = [x for x in tok.children if x.dep_ == "advcl" and _infinitive(x)]
    nouns = [tok] if tok.pos_ in {"NOUN", "PROPN"} else objects(tok)
    return out + [x for n in nouns for x in n.children if x.dep_ in {"acl", "relcl"} and _infinitive(x)]


def _in_topic(tok: Token, chain: set[int]) -> bool:
    """``tok`` sits in the topic phrase of a verb or noun in ``chain`` ("a summit on the unrest
    in Iran", "talks about the war in Bosnia"): what is discussed there, not where."""
    cur = tok
    while cur.head.i != cur.i and cur.i not in chain:
        head = cur.head  # on the verb or on its object ("held talks on ...")
        if cur.dep_ == "prep" and cur.lower_ in TOPIC_PREPS:
            if head.i in chain or (head.dep_ == "dobj" and head.head.i in chain):
                return True
        cur = cur.head
    return False


def _locative(prep: Token) -> bool:
    """A preposition naming where something happens: "in", "near", "outside (of)"."""
    if prep.lower_ == "of" and prep.dep_ == "prep":
        prep = prep.head  # "outside of the city"
    return prep.lower_ in LOCATIVE_PREPS


def _governing_phrases(verb: Token) -> set[Token]:
    """The locative phrases of the clause an act named by an infinitive or a noun is the subject
    or object of ("an attempt to assassinate X was thwarted in Y": Y)."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in {"xcomp", "acl"} or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.pos_ != "NOUN" or cur.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return set()
    return {t for c in cur.head.children if c.dep_ == "prep" and _locative(c) for t in c.subtree}


def _place_tokens(pobj: Token) -> list[Token]:
    """The words of a locative phrase that may name its place: a proper noun ("in Baghdad"), a
    place noun's modifier or "of" object ("the Iraqi city of Basra"), and proper nouns in the
    "of" phrases below it ("in a sector of eastern Beirut")."""
    out: list[Token] = []
    todo = [pobj]
    while todo:
        cur = todo.pop(0)
        if cur.pos_ == "PROPN":
            out.append(cur)
        if cur.lemma_.lower() in PLACE_NOUNS:
            out.extend(c for c in cur.children if c.dep_ in {"amod", "compound"})
        todo.extend(o for c in cur.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children)
    return [t for t in out if t.dep_ in {"pobj", "amod", "compound", "appos"} or t is pobj]


def _misparsed_objects(verb: Token) -> list[Token]:
    """The object of a verb the parser hung elsewhere: after an "as" phrase, as its apposition
    ("denounced as an ugly crime Serbia's suppression of ..."); before the infinitive of an
    object-control verb, as the subject of a clause ("allow UN planes | to land")."""
    out = [
        a
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for a in pobj.children
        if a.dep_ == "appos" and a.i > pobj.i
    ]
    if not out and verb.lemma_ in OBJECT_CONTROL:
        out = [
            s
            for clause in verb.children
            if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            for s in clause.children
            if s.dep_ == "nsubj"
        ]
    return out


def _own(noun: Token) -> bool:
    """Whether a noun is owned by a possessive pronoun ("their demands", "its anger")."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def adverbial_act(tok: Token) -> bool:
    """Whether a noun names the act of the clause it stands in, in an adverbial "in" phrase:
    "struck in protest against X", "fired in retaliation for X's raid"."""
    return (
        tok.lemma_.lower() in ADVERBIAL_ACT_NOUNS
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and tok.head.head.i != tok.head.i
    )


def in_protest_objects(tok: Token) -> list[Token]:
    """What ``tok`` (or its object) is done in protest against, in retaliation for or in
    response to: the object of the preposition after the "in" noun."""
    hosts = [tok, *objects(tok)] if tok.pos_ in {"VERB", "AUX"} else [tok]
    for host in hosts:
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ == "despite":
                # "declined to resign despite pressure from X": X's pressure is resisted
                found = [n for n in prep.children if n.dep_ == "pobj" and n.lemma_.lower() in PRESSURE_NOUNS]
                if found:
                    return found
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and adverbial_act(noun):
                    found = protested(noun)
                    if found:
                        return found
    return []


def protested(noun: Token) -> list[Token]:
    """What an "in protest"/"in retaliation" noun is against, an act by its author: "in protest
    of the government's refusal" → the government ("of the arrests by X" is resolved to X)."""
    out: list[Token] = []
    for obj in (o for p in PROTEST_PREPS for o in prep_objects(noun, p)):
        out.extend([c for c in obj.children if c.dep_ == "poss"] or [obj])
    return out


def _agents(verb: Token) -> list[Token]:
    return _conj_expand(prep_objects(verb, "by"))


@dataclass(frozen=True, slots=True)
class Mood:
    """How a trigger's clause is framed: its modality, the speech verb it is reported by, and
    whether the source announces it (intent), refuses it, or only floats it (a modal)."""

    modality: Modality
    reporter: Token | None
    intent: bool  # "will send", "agreed to send", "is ready to send", "said it would send"
    explicit: bool  # the intent is worded by a verb or adjective ("agreed to meet"), not a tense
    refusal: bool  # "refused to send", "will not send", "said it would not send"
    modal: bool  # "may/could/might send" (no condition on the clause itself)


def _chain(verb: Token) -> list[Token]:
    """``verb`` and the verbs and adjectives that govern it inside the same clause."""
    chain = [verb]
    cur = verb
    while cur.dep_ in {"xcomp", "conj", "pcomp", "pobj", "prep", "acl"} and cur.head.i != cur.i:
        if cur.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in cur.children):
            break  # a conjoined clause with its own subject keeps its own modality
        cur = cur.head
        chain.append(cur)
    return chain


def _reporter(top: Token) -> tuple[Token | None, bool]:
    """The speech verb a clause is reported by, and whether a condition or a negated belief
    frames it."""
    reporter: Token | None = None
    hypothetical = False
    cur = top
    hops = 0
    while cur.dep_ in {"ccomp", "advcl", "conj", "xcomp"} and cur.head.i != cur.i and hops < 6:
        hops += 1
        head = cur.head
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in COND_MARKS for c in cur.children):
            hypothetical = True
        if cur.dep_ == "ccomp" and head.lemma_ in SPEECH_VERBS:
            if any(c.dep_ == "neg" for c in head.children):
                hypothetical = True
            reporter = reporter or head
        cur = head
    return reporter, hypothetical


def mood_of(trigger: Token, verb: Token) -> Mood:
    """The trigger's modality, its reporter, and its intent/refusal/modal framing."""
    chain = _chain(verb)
    negated = hypothetical = planned = future = would = modal = cond = False
    intent_word = refuse_word = wish_word = False
    for v in chain:
        for c in v.children:
            low = c.lower_
            if c.dep_ == "neg":
                negated = True
            elif c.dep_ in {"aux", "auxpass"}:
                if low in FUTURE_AUX:
                    planned = future = True
                elif c.tag_ == "MD" and low in HYPO_MODALS:
                    hypothetical = True
                    if low in {"would", "'d"}:
                        would = True
                    elif low in {"may", "might", "could"}:
                        modal = True
            elif c.dep_ == "mark" and low in COND_MARKS:
                hypothetical = cond = True
        if v is not verb:
            lemma = v.lemma_
            if lemma in NEG_VERBS:
                negated = refuse_word = True
            elif lemma in INTENT_VERBS:
                intent_word = True
                if lemma in HYPO_VERBS:
                    hypothetical = True
                else:
                    planned = True
            elif lemma in HYPO_VERBS:
                hypothetical = wish_word = True
            elif lemma in PLAN_VERBS or v.lower_ == "going":
                planned = True
    if trigger is not verb and any(c.dep_ == "neg" or c.lower_ == "no" for c in trigger.children):
        negated = True
    reporter, framed = _reporter(chain[-1])
    hypothetical = hypothetical or framed
    announced = future or intent_word or (would and reporter is not None)
    refusal = negated and (refuse_word or announced)
    free = not (cond or framed or wish_word)
    intent = announced and not negated and free and not modal
    modality: Modality
    if negated:
        modality = "negated"
    elif hypothetical:
        modality = "hypothetical"
    elif planned:
        modality = "planned"
    elif reporter is not None:
        modality = "reported"
    else:
        modality = "asserted"
    return Mood(modality, reporter, intent, intent_word, refusal, modal and free and not negated)


class _SentenceCoder:
    def __init__(
        self,
        para: ParsedParagraph,
        sent: Span,
        actors: DocActors,
        book: PatternBook,
        cameo: dict[str, CameoCode],
        article_id: str,
        starts: list[int],
    ) -> None:
        self.para = para
        self.starts = starts  # the sentence's tokens that may start an event (``_possible_triggers``)
        self.sent = sent
        self.actors = actors
        self.book = book
        self.cameo = cameo
        self.article_id = article_id
        self.consumed: set[int] = set()
        self.generic_target = False
        self.events: list[Event] = []
        self.candidates: list[Candidate] = []
        self.s_start = para.offset + sent.start_char
        self.s_end = para.offset + sent.end_char
        self._kids: dict[int, tuple[Token, ...]] = {}
        self._objects: dict[int, tuple[Token, ...]] = {}

    def kids(self, tok: Token) -> tuple[Token, ...]:
        """``tok.children``, read from the parse once per sentence (the targets of a trigger
        look at its children once per place they may sit)."""
        found = self._kids.get(tok.i)
        if found is None:
            found = self._kids[tok.i] = tuple(tok.children)
        return found

    def objects(self, tok: Token) -> tuple[Token, ...]:
        """``objects(tok)``, found once per sentence."""
        found = self._objects.get(tok.i)
        if found is None:
            found = self._objects[tok.i] = tuple(objects_among(self.kids(tok)))
        return found

    def note(self, tok: Token, pattern: Pattern | None, outcome: str) -> None:
        self.candidates.append(
            Candidate(
                self.s_start,
                tok.text,
                self.para.offset + tok.idx,
                pattern.id if pattern else None,
                outcome,
            )
        )

    def resolve(self, toks: Iterable[Token]) -> list[Actor]:
        out: list[Actor] = []
        for tok in toks:
            found = self.actors.resolve(self.para, tok)
            kids = self.kids(tok)
            if not found and tok.pos_ in {"NOUN", "PROPN"}:
                # "a letter from Kim", "a statement by the ministry": the author is the actor
                for prep in ("from", "by"):
                    inner = prep_objects_among(kids, prep)
                    if inner:
                        found = [a for t in inner for a in self.actors.resolve(self.para, t)]
                        if found:
                            break
            owners = [c for c in kids if c.dep_ == "poss"] if tok.pos_ == "NOUN" else []
            if not found:
                # "Sweden's decision", "Serbia's suppression of the unrest": the act's author
                named = [t for t in owners if t.pos_ != "PRON"]
                found = [a for t in named for a in self.actors.resolve(self.para, t)]
            if not found and tok.pos_ in {"NOUN", "PROPN"}:
                # "the computers of army officers": the owner; "its invasion of Lebanon": Lebanon
                found = [a for t in prep_objects_among(kids, "of") for a in self.actors.resolve(self.para, t)]
            if not found:
                # "its decision", "their refusal": the author the pronoun stands for
                found = [a for t in owners if t.pos_ == "PRON" for a in self.actors.resolve(self.para, t)]
            if not found and tok.pos_ == "NOUN":
                # "crimes committed by Croat forces", "a rally staged by students": their author
                done = [c for c in kids if c.dep_ == "acl" and c.tag_ == "VBN"]
                found = [a for c in done for t in _agents(c) for a in self.actors.resolve(self.para, t)]
            if not found and tok.pos_ in {"NOUN", "PROPN"}:
                found = self.named_inside(tok)
            for a in found:
                if all((a.start, a.end, a.code) != (b.start, b.end, b.code) for b in out):
                    out.append(a)
        return out

    def named_inside(self, tok: Token) -> list[Actor]:
        """A named organisation or person in the words before a noun that is no actor itself:
        "the Palestinian Islamic Jihad movement", "the al-Qaeda terror network"."""
        start = self.para.offset + tok.left_edge.idx
        end = self.para.offset + tok.idx
        best: Actor | None = None
        for actor in self.actors.mentions.values():
            if actor.key is None or actor.key.startswith("country:"):
                continue
            if start <= actor.start and actor.end <= end:
                if best is None or actor.end - actor.start > best.end - best.start:
                    best = actor
        return [best] if best is not None else []

    @cached_property
    def sent_text(self) -> str:
        """The sentence's text, built once (``Span.text`` rebuilds it from the tokens)."""
        return self.actors.text[self.s_start : self.s_end]  # the paragraph's doc is its slice

    def run(self) -> None:
        doc = self.para.doc
        for i in self.starts:
            if i in self.consumed:
                continue
            tok = doc[i]
            if tok.lemma_ in DECLARE_VERBS and self.code_say_must(tok):
                continue
            if tok.lemma_ == "charge" and self.code_charge_that(tok):
                continue
            if tok.lower_ == "out" and self.code_out_of_question(tok):
                continue
            if tok.lemma_ in HELP_VERBS and tok.pos_ in {"VERB", "AUX"} and helps_another_act(tok):
                self.note(tok, None, "a purpose or helped act: the other verb is the event")
                continue
            if not self.book.candidates(tok):
                nominal = self.nominal_pattern(tok)
                if nominal is not None:
                    self.code_noun(tok, nominal)
                continue
            pattern, misses = self.book.match(tok)
            if pattern is None and tok.lemma_ == "order" and self.code_order_to(tok):
                continue
            if pattern is None:
                self.note(tok, None, "no pattern fits: " + "; ".join(misses))
                continue
            if pattern.pos == "verb":
                self.code_verb(tok, pattern)
            else:
                self.code_noun(tok, pattern)

    def nominal_pattern(self, tok: Token) -> Pattern | None:
        """A verb's pattern for the noun that names its act, when a light or issuing verb
        takes it as object ("announced a suspension of air links" → suspend.ties)."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in NOMINALS:
            return None
        if tok.dep_ not in {"dobj", "nsubjpass"} or tok.head.lemma_ not in LIGHT_VERBS | ISSUING_VERBS:
            return None
        found = self.book.match_nominal(tok)
        if found is None:
            return None
        self.consumed.update(o.i for o in nominal_objects(tok))
        return replace(found, id=found.id + "+nominal", pos="noun")

    def statement_about(self, tok: Token) -> list[Actor]:
        """The actor a reported statement is about: the subject of its clause complement."""
        for clause in tok.children:
            if clause.dep_ == "ccomp" and clause.pos_ in {"VERB", "AUX"}:
                subs, _ = subject_of(clause)
                found = [a for a in self.resolve(subs) if not a.resolved_by.startswith("pronoun")]
                if found:
                    return found
        return []

    def code_say_must(self, tok: Token) -> bool:
        """ "X said (that) Y must/should Z" is X demanding of Y (CAMEO 100), whatever Z is."""
        for clause in tok.children:
            if clause.dep_ != "ccomp" or clause.pos_ not in {"VERB", "AUX"}:
                continue
            modal = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in OBLIGATION]
            has_to = any(c.dep_ == "xcomp" for c in clause.children) and clause.lemma_ in {"have", "need"}
            if not modal and not has_to:
                continue
            if any(c.dep_ == "neg" for c in clause.children):
                continue
            subs, _ = subject_of(clause)
            targets = self.resolve(subs)
            sources = self.resolve(subject_of(tok)[0])
            if not sources or not targets:
                continue
            self.emit(tok, tok, SAY_MUST, sources, targets)
            return True
        return False

    def code_charge_that(self, tok: Token) -> bool:
        """ "X charged that Y ..." is an accusation (112) against Y, not a criminal charge."""
        if tok.pos_ != "VERB" or self.objects(tok):
            return False
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        if not clauses:
            return False
        sources = self.resolve(subject_of(tok)[0])
        if not sources:
            return False
        targets = [a for a in self.resolve(subject_of(clauses[0])[0]) if a not in sources]
        self.emit(tok, tok, CHARGE_THAT, sources, targets)
        return True

    def code_out_of_question(self, tok: Token) -> bool:
        """ "X said (that) Y is out of the question" is X rejecting Y (120), aimed at the other
        party Y names ("removing the sanctions on Burma is out of the question" → Burma)."""
        clause = tok.head
        question = [q for o in tok.children if o.lower_ == "of" for q in o.children if q.lemma_ == "question"]
        if not question or clause.lemma_ != "be" or clause.dep_ != "ccomp":
            return False
        if clause.head.lemma_ not in SPEECH_VERBS:
            return False
        sources = self.resolve(subject_of(clause.head)[0])
        subjects = [c for c in clause.children if c.dep_ in {"nsubj", "csubj"}]
        named = [t for s in subjects for t in s.subtree if t.pos_ == "PROPN"]
        countries = {a.country for a in sources}
        targets = [a for a in self.resolve(named) if a.country not in countries][:1]
        if not sources:
            return False
        self.emit(clause.head, clause.head, OUT_OF_QUESTION, sources, targets)  # the saying is the act
        return True

    def code_order_to(self, tok: Token) -> bool:
        """ "X ordered Y to Z" is X demanding of Y (100) when no pattern of "order" fits ("ordered
        the newspaper to suspend publication", "ordered the former president to appear")."""
        if tok.pos_ != "VERB" or not any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children):
            return False
        sources = self.resolve(subject_of(tok)[0])
        targets = [a for a in self.resolve(self.objects(tok)) if a not in sources]
        if not sources or not targets:
            return False
        self.emit(tok, tok, ORDER_TO, sources, targets)
        return True

    def labour_strike(self, tok: Token, pattern: Pattern, sources: list[Actor]) -> Pattern:
        """A "strike" by workers, or a general/hunger/teachers' strike, is a labour strike (143),
        not an armed strike (190)."""
        if tok.lemma_ != "strike" or not pattern.code.startswith("19"):
            return pattern
        words = {c.lemma_.lower() for c in tok.children if c.dep_ in {"amod", "compound", "poss", "nmod"}}
        labour = bool(words & LABOUR_STRIKE_WORDS) or (
            bool(sources) and all(a.sector in LABOUR_SECTORS for a in sources)
        )
        if not labour or any(c.dep_ == "dobj" for c in tok.children):
            return pattern
        return replace(pattern, id=pattern.id + "+labour", code="143")

    # -- targets -----------------------------------------------------------------------------------
    def target_tokens(self, tok: Token, spec: str, extra: Token | None = None) -> list[Token]:
        hosts = [tok] if extra is None else [tok, extra]
        for host in hosts:
            kids = self.kids(host)
            if host.pos_ == "NOUN" and (spec == "dobj" or spec.startswith("object.prep:")):
                # a nominal's object is its "of"/"to" phrase ("a suspension of flights to X")
                objs = nominal_objects(host)
                found = objs if spec == "dobj" else [p for o in objs for p in prep_objects(o, spec[12:])]
            elif spec == "dobj":
                found = [o for o in self.objects(host) if o.dep_ != "nsubjpass"] or _misparsed_objects(host)
            elif spec == "nsubjpass":
                found = [c for c in kids if c.dep_ == "nsubjpass"]
            elif spec == "dative":
                found = [c for c in kids if c.dep_ == "dative" and c.pos_ != "ADP"]
                found += prep_objects_among(kids, "to") if not found else []
            elif spec == "poss":
                found = [c for c in kids if c.dep_ == "poss"]
            elif spec == "clause.subject":  # "helped Mali fight the rebels"
                found = [s for c in kids if c.dep_ == "ccomp" for s in self.kids(c) if s.dep_ == "nsubj"]
            elif spec.startswith("prep:") and ".prep:" in spec:
                # "reneged on his commitment to the people": a phrase inside a phrase
                outer, inner = spec[5:].split(".prep:", 1)
                found = [
                    p
                    for o in prep_objects_among(kids, outer)
                    for p in prep_objects_among(self.kids(o), inner)
                ]
            elif spec.startswith("prep:"):
                found = prep_objects_among(kids, spec[5:])
            elif spec.startswith("object.prep:"):
                found = [p for o in self.objects(host) for p in prep_objects_among(self.kids(o), spec[12:])]
            else:
                found = []
            if found:
                return _conj_expand(found)
        return []

    def targets(self, tok: Token, pattern: Pattern, extra: Token | None = None) -> list[Actor]:
        things: list[Token] = []
        for spec in pattern.target:
            toks = self.target_tokens(tok, spec, extra)
            actors = self.resolve(toks)
            if actors:
                return self.hosted(toks, actors)
            things.extend(toks)
        if pattern.code[:2] in UNATTRIBUTED_ROOTS:
            # force against things in a place is against the place ("fired at targets in Jericho")
            placed = self._placed_in(things, PLACE_OF_TARGET)
            if placed is not None:
                return [placed]
        self.generic_target = True
        for spec in GENERIC_TARGETS:
            toks = self.generic_target_tokens(tok, spec, pattern.code[:2] >= "14")
            actors = self.resolve(toks)
            if actors:
                return self.hosted(toks, actors)
        self.generic_target = False
        return []

    def hosted(self, toks: list[Token], actors: list[Actor]) -> list[Actor]:
        """A force of no country stationed in a named place stands for its host country ("sent
        troops to an international peace-keeping force in Liberia" → Liberia); other targets
        are kept."""
        if any(a.country is not None for a in actors):
            return actors
        placed = self._placed_in([t for t in toks if t.lemma_.lower() in FORCE_NOUNS], PLACE_OF_HOST)
        return [placed] if placed is not None else actors

    def _placed_in(self, things: list[Token], how: str) -> Actor | None:
        """The country actor (:meth:`_country_of_place`) of the first proper noun in an "in"
        phrase of ``things`` that names a place ("targets in Jericho", "a force in Liberia")."""
        named = [p for t in things for p in prep_objects(t, "in") if p.pos_ == "PROPN"]
        placed = [a for a in (self._country_of_place(p, how) for p in named) if a is not None]
        return placed[0] if placed else None

    def generic_target_tokens(self, tok: Token, spec: str, forceful: bool = False) -> list[Token]:
        """Places a target often sits when the pattern's own places are empty; for an act of
        protest or force (``forceful``), also in its infinitive of purpose ("began a hunger
        strike to protest against X", "opened fire to disperse the marchers")."""
        if spec == "in-protest":  # "staged a strike in protest against the arrests by X"
            return _conj_expand(in_protest_objects(tok))
        if spec == "object.poss":  # "praised Haiti's efforts"
            return _conj_expand(c for o in self.objects(tok) for c in self.kids(o) if c.dep_ == "poss")
        if spec == "xcomp":  # "promised to continue aid to Mozambique", "offered to hand over to X"
            found: list[Token] = []
            clauses = [x for x in self.kids(tok) if x.dep_ == "xcomp"]
            for x in clauses + (purpose_clauses(tok) if forceful else []):
                for sub in XCOMP_TARGETS:
                    found = self.target_tokens(x, sub)
                    if sub == "dobj":  # not one's own thing ("to show their anger")
                        found = [t for t in found if t.pos_ in {"PROPN", "NOUN"} and not _own(t)]
                    if found and self.resolve(found):
                        return found
            return []
        return self.target_tokens(tok, spec)

    def fallback_target(
        self, source: Actor, trigger: Token, verb: Token, code: str
    ) -> tuple[list[Actor], str] | None:
        """An actor the sentence names near the trigger when the pattern's places are empty,
        with the actors conjoined to it ("to mediate between Mauritania and Senegal").

        Ranked: first the trigger's own clause, where any other actor (of the source's country
        too) or the place the act happens ("imposed a curfew in Kirkuk") counts; then other
        clauses below or beside it ("demanded that Iran ...", "... unless Israel withdraws"), where
        only another country's actor does. Never the reporting clause ("sources in Cairo said")
        nor the source's own phrase; a place only when no other actor is there, and never for a
        statement, an appeal or a meeting held there (``NO_PLACE_TARGET``)."""
        pos = self.para.offset + trigger.idx
        links = _chain(verb)
        chain = {t.i for t in links} | {trigger.i}  # a noun trigger's own phrase counts too
        # the source's own phrase, but not the trigger's clause when a bad parse hangs it there
        outside = self._subtree(source) - {t.i for t in links[-1].subtree}
        best: tuple[int, int, int, Actor] | None = None
        for actor in list(self.actors.mentions.values()):  # ranked below; resolve() may add
            if not (self.s_start <= actor.start < self.s_end) or source.start <= actor.start < source.end:
                continue
            if actor.country is None and not (actor.code or "").startswith("IGO"):
                continue
            if source.key is not None and actor.key == source.key:
                continue
            root = self._span_root(actor)
            if root is None or root.i in outside:
                continue
            scope = self._scope(root, chain, trigger)
            foreign = source.country is not None and actor.country not in {None, source.country}
            if scope is None or (scope == 1 and not foreign):
                continue
            kind = self._mention_kind(actor, root)
            if kind == "place" and not self._place_may_be_target(root, chain, links, code):
                continue
            other = actor.country != source.country or (actor.key != source.key and actor.country is None)
            if kind == "modifier" and not (other and _object_modifier(root, chain)):
                continue
            rank = (scope, int(kind == "place"), abs(actor.start - pos))
            if best is None or rank < best[:3]:
                best = (*rank, actor)
        if best is None:
            return None
        return self._with_conjuncts(best[3], source), ("+place-target" if best[1] else "+sentence-target")

    @staticmethod
    def _place_may_be_target(root: Token, chain: set[int], links: list[Token], code: str) -> bool:
        """Whether a place named in the trigger's sentence may be the target of an event coded
        ``code``: always, except for statements, appeals and meetings held there
        (``NO_PLACE_TARGET``), unless it is what they are about ("a summit on the unrest in
        Iran") or the source travels there to meet (``TRAVEL_VERBS``)."""
        if NO_PLACE_TARGET.isdisjoint({code[:2], code}) or _in_topic(root, chain):
            return True
        return code[:2] == "04" and any(t.lemma_.lower() in TRAVEL_VERBS for t in links)

    def _with_conjuncts(self, actor: Actor, source: Actor) -> list[Actor]:
        """``actor`` and the actors conjoined to its mention, in the order the sentence names them."""
        root = self._span_root(actor)
        if root is None or not root.conjuncts:
            return [actor]
        found = self.resolve(sorted((root, *root.conjuncts), key=lambda t: t.i))
        same = (source.start, source.end, source.code)
        out = [
            a
            for a in found
            if (a.start, a.end, a.code) != same and (source.key is None or a.key != source.key)
        ]
        return out if actor in out else [actor]

    @staticmethod
    def _scope(tok: Token, chain: set[int], trigger: Token) -> int | None:
        """0 when ``tok`` is in the clause of the verbs in ``chain``, 1 when it is in another
        clause, None when it is in the clause that reports the trigger ("officials said")."""
        cur = tok
        for _ in range(40):
            if cur.i in chain:
                return 0
            if (
                cur.i != tok.i
                and cur.pos_ in {"VERB", "AUX"}
                and any(c.dep_ in SUBJECT_DEPS for c in cur.children)
            ):
                reports = cur.lemma_ in SPEECH_VERBS and trigger in cur.subtree
                return None if reports else 1
            if cur.head.i == cur.i:
                return 1
            cur = cur.head
        return 1

    def _span_root(self, actor: Actor) -> Token | None:
        rel = actor.start - self.para.offset
        span = self.para.doc.char_span(rel, actor.end - self.para.offset, alignment_mode="expand")
        return span.root if span is not None else None

    def _subtree(self, actor: Actor) -> frozenset[int]:
        root = self._span_root(actor)
        return frozenset(t.i for t in root.subtree) if root is not None else frozenset()

    def _mention_kind(self, actor: Actor, root: Token | None) -> str:
        """'modifier' ("North Korean leader"), 'place' ("met in Singapore") or 'actor'; ``root``
        is the mention's syntactic head (:meth:`_span_root`)."""
        if root is None:
            return "actor"
        if root.dep_ in {"amod", "compound", "nmod"} or (
            root.dep_ == "poss" and (actor.key or "").startswith("country:")
        ):
            return "modifier"
        if (
            (actor.key or "").startswith("country:")
            and root.dep_ == "pobj"
            and root.head.lower_
            in {
                "in",
                "at",
                "near",
                "from",
                "to",
                "into",
                "across",
                "inside",
                "outside",
            }
        ):
            return "place"
        return "actor"

    # -- coding ------------------------------------------------------------------------------------
    def code_verb(self, tok: Token, pattern: Pattern) -> None:
        self.generic_target = False
        subs, passive = subject_of(tok)
        if pattern.reverse:
            self.code_reverse(tok, pattern, subs, passive)
            return
        if passive and "nsubjpass" not in pattern.target:
            agents = _agents(tok)
            sources = self.resolve(agents) or self.instrument_sources(agents)
            if not sources and not agents and pattern.code[:2] in STATE_ROOTS:
                sources = self.state_of_place(tok)
            targets = self.resolve(subs) if tok.dep_ not in {"xcomp"} else []
            if not targets:
                targets = self.targets(tok, pattern)
        else:
            sources = self.resolve(subs) or self.instrument_sources(subs) or self.purpose_sources(tok)
            targets = self.targets(tok, pattern)
        pattern = self.labour_strike(tok, pattern, sources)
        if pattern.object is not None:
            self.consumed.update(o.i for o in self.objects(tok))
        self.emit(tok, tok, pattern, sources, targets)

    def code_reverse(self, tok: Token, pattern: Pattern, subs: list[Token], passive: bool) -> None:
        """A receiving verb: the giver named where the pattern says ("received arms from
        Russia") is the source, the subject the target. Only the pattern's own places count:
        a recipient with no named giver is no event."""
        if passive:
            self.note(tok, pattern, "a passive receiving verb names no recipient")
            return
        givers: list[Actor] = []
        for spec in pattern.target:
            givers = self.resolve(self.target_tokens(tok, spec))
            if givers:
                break
        recipients = [a for a in self.resolve(subs) if a not in givers]
        if not givers or not recipients:
            self.note(tok, pattern, "a receiving verb needs both the giver and the recipient")
            return
        if pattern.object is not None:
            self.consumed.update(o.i for o in self.objects(tok))
        self.emit(tok, tok, replace(pattern, id=pattern.id + "+reverse"), givers, recipients)

    def code_noun(self, tok: Token, pattern: Pattern) -> None:
        self.generic_target = False
        lights = LIGHT_VERBS | ISSUING_VERBS
        light = tok.head if tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_ in lights else None
        anchor = tok
        head = tok.head
        if light is None and tok.dep_ == "compound" and head.dep_ in {"dobj", "nsubjpass"}:
            if head.head.lemma_ in lights:  # "launched a mediation effort between X and Y"
                light, anchor = head.head, head
        sources: list[Actor] = []
        targets = self.targets(anchor, pattern, extra=light)
        poss = [c for c in tok.children if c.dep_ == "poss"]
        if poss and "poss" not in pattern.target:
            sources = self.resolve(poss)
        if not sources:
            sources = self.resolve(_agents(tok))
        if not sources and light is not None:
            subs, _ = subject_of(light)
            sources = self.resolve(subs)
        if adverbial_act(tok):  # "refugees struck in protest of X": the refugees, against X
            if not sources:
                subs, passive = subject_of(clause_verb(tok.head))
                sources = [] if passive else self.resolve(subs)
            if not targets:
                targets = self.resolve(_conj_expand(protested(tok)))
        if not sources and (light is not None or tok.dep_ in {"nsubj", "nsubjpass", "ROOT"}):
            between = _conj_expand(prep_objects(tok, "between"))
            pair = self.resolve(between)
            if len(pair) >= 2:
                sources, targets = [pair[0]], pair[1:]
        if not sources and pattern.code[:2] == "14":
            sources = self.gathered_for(tok)
        if not sources and pattern.code[:2] >= "14":
            sources = self.modifier_sources(tok, targets)
        verb = light if light is not None else clause_verb(tok)
        pattern = self.labour_strike(tok, pattern, sources)
        if not sources:
            self.note(tok, pattern, "no source actor for the noun trigger")
            return
        self.emit(tok, verb, pattern, sources, targets)

    def reframe(self, code: CameoCode, mood: Mood) -> tuple[CameoCode, str] | None:
        """The code of the announcement itself when the source announces, refuses or floats
        the act: "agreed to send aid" is an intent to give aid (033), "refused to withdraw" a
        refusal to de-escalate (1246), "will impose sanctions" a threat of sanctions (1312)."""
        root = int(code.root)
        target: str | None = None
        how = ""
        if mood.refusal and 3 <= root <= 8:
            target, how = by_prefix(REFUSAL_OF, code.code), "+refusal"
        elif mood.intent and (5 <= root <= 8 or (root == 4 and mood.explicit)):
            target, how = by_prefix(INTENT_OF, code.code), "+intent"
        elif (mood.intent or mood.modal) and root >= 14:
            target, how = by_prefix(THREAT_OF, code.code), "+threat"
        found = self.cameo.get(target) if target is not None else None
        return (found, how) if found is not None else None

    def frame(
        self, tok: Token, verb: Token, pattern: Pattern
    ) -> tuple[CameoCode, Modality, str, Actor | None] | None:
        """The code, modality, rule id and reporter of a trigger (None: code not in the table)."""
        code = self.cameo.get(pattern.code)
        if code is None:
            self.note(tok, pattern, f"pattern code {pattern.code} is not in the CAMEO table")
            return None
        mood = mood_of(tok, verb)
        modality, speech = mood.modality, mood.reporter
        rule = pattern.id
        reframed = self.reframe(code, mood)
        if reframed is not None:
            code, how = reframed
            rule += how
            modality = "reported" if speech is not None else "asserted"
        reporter = None
        if speech is not None:
            subs, _ = subject_of(speech)
            found = self.resolve(subs)
            reporter = found[0] if found else None
        return code, modality, rule, reporter

    def state_of_place(self, verb: Token) -> list[Actor]:
        """The country a passive act of state coercion happens in, as its source, when the
        sentence names no agent ("a missionary was arrested in Lebanon" → Lebanon)."""
        places = self.resolve(prep_objects(verb, "in"))
        return [a for a in places if (a.key or "").startswith("country:")][:1]

    def purpose_sources(self, tok: Token) -> list[Actor]:
        """Who does an infinitive of purpose hung on an act a light verb takes: the subject of
        that verb ("miners began a strike to protest against X": the miners)."""
        head = tok.head
        if tok.dep_ not in {"acl", "relcl"} or not _infinitive(tok) or head.dep_ != "dobj":
            return []
        if head.head.lemma_ not in LIGHT_VERBS:
            return []
        subs, passive = subject_of(head.head)
        return [] if passive else self.resolve(subs)

    def gathered_for(self, tok: Token) -> list[Actor]:
        """Who gathers, marches or takes part in a protest named by a noun: "thousands converged
        for a rally", "students took part in a demonstration" (the subject of that verb)."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"for", "in", "to", "at"}:
            return []
        verb = tok.head.head
        if verb.lemma_ not in GATHER_VERBS and not (
            verb.lemma_ == "take" and any(c.lower_ == "part" for c in verb.children)
        ):
            return []
        subs, passive = subject_of(verb)
        return [] if passive else self.resolve(subs)

    def instrument_sources(self, toks: Iterable[Token]) -> list[Actor]:
        """The side behind a weapon or attack named as the agent: "Israeli air strikes killed",
        "US drone attacks have killed", "was hit by a Russian missile"."""
        out: list[Actor] = []
        for tok in toks:
            if tok.lemma_.lower() not in INSTRUMENT_NOUNS:
                continue
            mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
            out.extend(a for a in self.resolve(mods) if a not in out)
        return out

    def modifier_sources(self, tok: Token, targets: list[Actor]) -> list[Actor]:
        """The side named by a modifier of a conflict noun: "Palestinian riots", "US drone
        strikes" (not "anti-government protests", nor the target itself)."""
        mods = [
            c
            for c in tok.children
            if c.dep_ in {"amod", "compound"} and not c.lower_.startswith(("anti", "pro-", "pro "))
        ]
        spans = {(t.start, t.end) for t in targets}
        return [a for a in self.resolve(mods) if (a.start, a.end) not in spans]

    def emit_unattributed(self, tok: Token, verb: Token, pattern: Pattern, targets: list[Actor]) -> None:
        """Violence whose perpetrator the sentence does not name ("three soldiers were killed",
        "a roadside bomb killed two policemen"): coded with an unidentified source of the
        country where it happened ("... in central Baghdad", "near the town of Samarra"), as
        event data code unknown gunmen by the country they act in; with no source when the
        sentence names no such place."""
        framed = self.frame(tok, verb, pattern)
        if framed is None:
            return
        code, modality, rule, reporter = framed
        source = self.place_source(tok, verb)
        how = "+no-source" if source is None else "+place-source"
        for target in targets:
            self.append(tok, code, modality, source, target, rule + how, 0.5, reporter)

    def place_source(self, tok: Token, verb: Token, how: str = PLACE_OF_ACT) -> Actor | None:
        """An actor of the country of the first place named in a locative phrase of the
        trigger's clause ("in Baghdad", "outside the Iraqi city of Basra", "in a sector of
        eastern Beirut"): an unidentified perpetrator there, or the state a protest held there
        is aimed at (``how``)."""
        phrases = sorted(set(verb.subtree) | set(tok.subtree) | _governing_phrases(verb), key=lambda t: t.i)
        for pobj in phrases:
            if pobj.dep_ != "pobj" or not _locative(pobj.head):
                continue
            for cand in _place_tokens(pobj):
                found = self._country_of_place(cand, how)
                if found is not None:
                    return found
        return None

    def _country_of_place(self, tok: Token, how: str) -> Actor | None:
        """An actor of no sector of the country ``tok`` names as a place, or None: an unidentified
        perpetrator there (``PLACE_OF_ACT``) or what was attacked there (``PLACE_OF_TARGET``)."""
        iso3: str | None = None
        for actor in self.actors.resolve(self.para, tok):
            if (actor.key or "").startswith("country:") and actor.country is not None:
                iso3 = actor.country
                break
        if iso3 is None and tok.pos_ == "PROPN":
            place = self.actors.place_at(self.para, tok)
            iso3 = place[0] if place is not None else None
        if iso3 is None:
            return None
        start = self.para.offset + tok.idx
        country_code = self.actors.cameo_code(iso3)
        # an unidentified perpetrator of violence is an armed group of no known allegiance (UAF)
        sector = "UAF" if how == PLACE_OF_ACT else None
        return Actor(
            text=tok.text,
            name=f"unidentified armed group in {iso3}" if how == PLACE_OF_ACT else f"{iso3} (placed)",
            code=actor_code(country_code, sector),
            country=iso3,
            sector=sector,
            org=None,
            start=start,
            end=start + len(tok.text),
            resolved_by=how,
        )

    def emit(
        self, tok: Token, verb: Token, pattern: Pattern, sources: list[Actor], targets: list[Actor]
    ) -> None:
        if not sources:
            if targets and pattern.code[:2] in UNATTRIBUTED_ROOTS:
                self.emit_unattributed(tok, verb, pattern, targets)
                return
            self.note(tok, pattern, "no source actor (subject is not a known actor)")
            return
        framed = self.frame(tok, verb, pattern)
        if framed is None:
            return
        code, modality, rule, reporter = framed
        confidence = 0.9
        pairs: list[tuple[Actor, Actor | None, str]] = []
        # coordinated parties of a joint act are each other's party; a generic target found
        # elsewhere in the clause is its topic ("the Japanese envoy and his Chinese counterpart
        # discussed how to end Syria's war": the two envoys met, Syria is what they discussed)
        joint = len(sources) >= 2 and pattern.symmetric
        parties = joint and len({a.country for a in sources}) >= 2
        if targets and not (parties and self.generic_target):
            how = "+generic-target" if self.generic_target else ""
            pairs = [(s, t, rule + how) for s in sources for t in targets]
        elif joint:
            pairs = [(a, b, rule + "+coordinated") for a in sources for b in sources if a is not b]
        else:
            about = self.statement_about(tok) if code.root == "01" else []
            for s in sources:
                fallback = None if code.root == "01" else self.fallback_target(s, tok, verb, code.code)
                if fallback is None and code.root == "14":
                    # a protest with no other party named is aimed at the state it is held in
                    held = self.place_source(tok, verb, PLACE_OF_PROTEST)
                    fallback = None if held is None else ([held], "+place-target")
                subjects = [a for a in about if a.country is not None and a.country != s.country]
                if fallback is not None:
                    pairs.extend((s, t, rule + fallback[1]) for t in fallback[0])
                elif subjects:
                    # "X said Y would ...": a statement by X about Y
                    pairs.extend((s, a, rule + "+about") for a in subjects[:1])
                elif code.root == "01":
                    # "X said (that) ...": a public statement with no addressee
                    pairs.append((s, None, rule + "+no-addressee"))
                else:
                    pairs.append((s, None, rule))
        for source, target, rule_id in pairs:
            if code.root == "01" and target is not None and target.sector == "MED" and target.key is None:
                self.note(tok, pattern, "a statement to reporters has no addressee among the actors")
                target, rule_id = None, rule_id + "+no-addressee"
            if target is not None and (
                (source.key is not None and source.key == target.key)
                or (source.start, source.end, source.code) == (target.start, target.end, target.code)
            ):
                self.note(tok, pattern, f"source and target are the same actor ({source.name})")
                if code.root == "01" or len(pairs) > 1:
                    continue
                target, rule_id = None, rule_id + "+no-target"  # "X gave up its weapons"
            conf = confidence
            if rule_id.endswith("+sentence-target"):
                conf = 0.5
            elif rule_id.endswith("+place-target"):
                conf = 0.4
            elif rule_id.endswith("+generic-target"):
                conf = 0.7
            elif rule_id.endswith("+about"):
                conf = 0.6
            elif rule_id.endswith("+no-addressee"):
                conf = 0.5
            elif source.resolved_by.startswith("pronoun"):
                conf = 0.7
            self.append(tok, code, modality, source, target, rule_id, conf, reporter)

    def append(
        self,
        tok: Token,
        code: CameoCode,
        modality: Modality,
        source: Actor | None,
        target: Actor | None,
        rule_id: str,
        conf: float,
        reporter: Actor | None,
    ) -> None:
        start = self.para.offset + tok.idx
        self.events.append(
            Event(
                article_id=self.article_id,
                source=source,
                target=target,
                cameo=code.code,
                goldstein=code.goldstein,
                quad_class=code.quad_class,
                plover=code.plover,
                plover_mode=code.plover_mode,
                modality=modality,
                evidence=Evidence(
                    sentence=self.sent_text,
                    start=self.s_start,
                    end=self.s_end,
                    trigger=TextSpan(tok.text, start, start + len(tok.text)),
                ),
                rule=rule_id,
                confidence=conf,
                reported_by=reporter,
            )
        )
        self.note(tok, None, f"coded {code.code} ({modality})")


def _possible_triggers(doc: Doc, words: frozenset[str]) -> list[int]:
    """The tokens whose lemma (as is or lower-cased) or lower-case form is in ``words``, the
    only ones that may start a construction, a pattern or a nominal."""
    return [t.i for t in doc if (lemma := t.lemma_) in words or t.lower_ in words or lemma.lower() in words]


def code_paragraph(
    para: ParsedParagraph,
    actors: DocActors,
    book: PatternBook,
    cameo: dict[str, CameoCode],
    article_id: str,
) -> tuple[list[Event], list[Candidate]]:
    events: list[Event] = []
    candidates: list[Candidate] = []
    starts = _possible_triggers(para.doc, book.trigger_words | CONSTRUCTION_WORDS)
    for sent in para.doc.sents:
        mine = starts[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]
        coder = _SentenceCoder(para, sent, actors, book, cameo, article_id, mine)
        coder.run()
        events.extend(coder.events)
        candidates.extend(coder.candidates)
    return events, candidates
