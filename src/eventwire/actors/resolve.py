"""Resolve the actors of one story: dictionary names, titled people, sector nouns, pronouns.

``DocActors`` is built once per article. It learns people introduced with a title or an
apposition ("White House spokeswoman Sarah Sanders", "Lee Do-hoon, South Korea's nuclear
negotiator") so that a bare surname later in the story resolves to them, and it keeps the
people it has seen in order, for he/she.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING

from spacy.attrs import DEP, ORTH, POS, SPACY
from spacy.symbols import PROPN
from spacy.tokens import Doc, Token

from eventwire.actors.dictionary import ActorDictionary, Entry, Match, Period, SectorTerm
from eventwire.nlp import ParsedParagraph
from eventwire.records import Actor

if TYPE_CHECKING:
    from eventwire.enrich.places import Gazetteer

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod"})
DESCRIPTOR_PREPS = frozenset({"of", "from", "at", "for", "in", "with"})
# Named actors that belong to one country's politics: a story naming no country is about theirs.
DOMESTIC_TYPES = frozenset({"group", "party", "body"})
NAMED_TYPES = frozenset({"person", "group", "igo", "body", "party", "ngo", "media", "company"})
LEADER_OFFICES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "leader": ("head_of_state", "head_of_government"),
        "president": ("head_of_state",),
        "supreme leader": ("head_of_state",),
        "king": ("head_of_state",),
        "queen": ("head_of_state",),
        "emir": ("head_of_state",),
        "chairman": ("head_of_state",),
        "prime minister": ("head_of_government",),
        "premier": ("head_of_government",),
        "chancellor": ("head_of_government",),
    }
)
# What an office holder's title must say for a title word to name them ("the president" is not
# a Chairman of the State Affairs Commission); title words not listed name any holder.
TITLE_STEMS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "president": ("presiden",),
        "king": ("king",),
        "queen": ("queen",),
        "emir": ("emir", "amir"),
        "prime minister": ("prime minister", "premier"),
        "premier": ("prime minister", "premier"),
        "chancellor": ("chancellor",),
    }
)
# offices with one holder per country at a time: "the French foreign minister" names a person
UNIQUE_OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "interior_minister",
        "finance_minister",
    }
)
# Abstract nouns a country word can modify without making an actor ("Ukrainian statements").
ABSTRACT_NOUNS = frozenset(
    """statement report claim effort plan proposal policy law economy export import market
    currency version account data figure estimate concern view stance decision move step measure
    demand support aid deal agreement talk negotiation relation tie history culture language
    election vote poll budget debt growth inflation price tariff sanction news story comment
    remark reply response reaction""".split()
)
STATE_MEDIA = frozenset(
    {
        "official",
        "state",
        "state-run",
        "state-owned",
        "state-controlled",
        "government",
        "government-run",
        "government-owned",
        "government-controlled",
    }
)
# a people named by its origin that lives elsewhere: "the Albanian minority" (of Macedonia)
ETHNIC_NOUNS = frozenset({"population", "minority", "community"})
FORMER = frozenset({"former", "ex", "ousted", "deposed", "exiled", "late"})
# Modifiers saying a group is not of the story's own country ("foreign troops"); a continent's
# or region's adjective names several countries ("African leaders", "European ministers"):
# CAMEO would code the region, which we do not, so no country rather than the story's.
NOT_LOCAL = frozenset(
    """foreign international multinational overseas outside western regional global allied
    coalition visiting exiled european african asian balkan nordic scandinavian caribbean
    continental""".split()
)
# Sectors that belong to no country: such nouns never take the story's country.
STATELESS_SECTORS = frozenset({"IGO", "NGO"})
# Prepositions placing a group in a country ("rebels in Darfur", "students throughout Indonesia").
PLACE_PREPS = frozenset({"in", "throughout", "across", "inside"})
# Prepositions naming where something happens ("a curfew in Abidjan", "a blast near Kabul").
LOCATIVE_PREPS = PLACE_PREPS | {"at", "near", "outside", "around"}
COUNTRY_KINDS = frozenset({"name", "adjective", "demonym", "metonym"})
# Nouns that say the proper noun beside them is a place ("the town of Cizre", "Sindh province").
PLACE_NOUNS = frozenset(
    """town city village region province state district county capital port area municipality
    prefecture governorate oblast territory island valley suburb neighbourhood neighborhood""".split()
)
COMPASS = frozenset("north south east west northern southern eastern western central upper lower".split())
# spaCy entity types a place name may carry (a name tagged PERSON or ORG is no place).
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Nouns for part of a group: "members of the X" are the X.
MEMBER_NOUNS = frozenset({"member", "faction", "wing", "branch"})
# Last words of the names of associations and forums: a name ending so that the dictionary does
# not know and that names no country is a non-governmental body.
BODY_NOUNS = frozenset(
    """association associations committee forum federation society league alliance coalition
    network organisation organization""".split()
)
# Words of address before a surname: "Mrs Thatcher" is Margaret Thatcher.
HONORIFICS = frozenset("mr mrs ms miss dr sir lady lord dame madame monsieur sheikh sheik mullah".split())
# "the North", "the South" in a story on a divided country: the half the story has named, by the
# opposite word ("North Korea" / "South Korea") or the bare name ("South Sudan" / "Sudan").
HALVES: Mapping[str, str] = MappingProxyType({"North": "South", "South": "North"})
# Verbs whose object or 'to' phrase is the audience told something ("told reporters").
BRIEFING_VERBS = frozenset({"tell", "brief", "say", "speak", "talk", "explain", "announce"})
# "the two countries", "both nations": the last two countries the story named before them.
PAIR = re.compile(r"\b(?:the two|both)\s+(?:countries|nations)\b", re.IGNORECASE)
IT = frozenset({"it", "its"})
THEY = frozenset({"they", "them", "their"})
HE = frozenset({"he", "him"})
SHE = frozenset({"she", "her"})


def _place_forms(name: str) -> tuple[str, ...]:
    """Forms of a place name to look up: as written, without a trailing place noun ("West
    Darfur State"), without a leading compass word ("West Darfur" → "Darfur")."""
    forms = [name]
    words = name.split()
    if len(words) > 1 and words[-1].lower() in PLACE_NOUNS:
        words = words[:-1]
        forms.append(" ".join(words))
    if len(words) > 1 and words[0].lower() in COMPASS:
        forms.append(" ".join(words[1:]))
    return tuple(forms)


def _as_place(tok: Token) -> bool:
    """Is ``tok`` the object of a preposition of place ("in Abidjan", "near Kabul")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


@dataclass(frozen=True, slots=True)
class Description:
    """What the words around a name or a sector noun say about the actor."""

    country: str | None
    sector: str | None
    office: str | None
    org: str | None
    code: str | None
    why: str


@dataclass(frozen=True, slots=True)
class Learned:
    name: str
    description: Description
    gender: str | None
    start: int
    end: int


def _refer(actor: Actor, text: str, start: int, end: int, why: str) -> Actor:
    """A mention (pronoun) that refers to ``actor``: its identity, the mention's own span."""
    return dataclasses.replace(actor, text=text, start=start, end=end, resolved_by=why)


def _titled_as(term: str, period: Period | None) -> bool:
    """Does the title of ``period`` fit the title word ``term`` (see TITLE_STEMS)?"""
    stems = TITLE_STEMS.get(term)
    if stems is None or period is None or period.title is None:
        return True
    title = period.title.lower()
    return any(stem in title for stem in stems)


def actor_code(country_code: str | None, sector: str | None, code: str | None = None) -> str:
    if code:
        return code
    return f"{country_code or ''}{sector or ''}"


def _token_rows(doc: Doc) -> list[list[int]]:
    """Per token of ``doc``: its part of speech (a symbol id), its dependency label, its text
    (string-store hashes) and whether a space follows it (1 or 0)."""
    rows: list[list[int]] = doc.to_array([POS, DEP, ORTH, SPACY]).tolist()
    return rows


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of half-open character spans as sorted, disjoint (starts, ends)."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _inside(starts: Sequence[int], ends: Sequence[int], pos: int) -> bool:
    """Is ``pos`` inside one of the disjoint sorted spans (starts, ends)?"""
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos < ends[i]


class DocActors:
    def __init__(
        self,
        dictionary: ActorDictionary,
        text: str,
        paragraphs: Sequence[ParsedParagraph],
        day: date | None,
        places: Gazetteer | None = None,
    ) -> None:
        """``places``: the place gazetteer, for towns and regions the actor dictionary does not
        know ("residents of Tyumen", "Sindh police"); without it only countries place actors."""
        self.d = dictionary
        self.text = text
        self.day = day
        self.paragraphs = tuple(paragraphs)
        self.places = places
        # derived per-story indexes
        self._periods: dict[int, tuple[Period | None, str]] = {}
        # (id of a paragraph's Doc, token index) → the sector term ending there; the Docs live
        # as long as self.paragraphs
        self._sectors: dict[tuple[int, int], tuple[SectorTerm, int] | None] = {}
        found = [m for m in self._valid_matches(dictionary.find(text)) if not self._region_named(m)]
        named = frozenset(
            country
            for m in found
            if m.entry.type == "country" and m.kind != "metonym" and (country := m.entry.country_on(day))
        )
        self.matches = [m for m in found if not self._capital_elsewhere(m, named)]
        self._starts = [m.start for m in self.matches]
        self.country_mentions = self._country_mentions()
        self._place_context = frozenset(iso3 for _, iso3 in self.country_mentions)
        self.body_mentions = self._body_mentions()
        self.learned: dict[str, Learned] = {}
        self.surnames: dict[str, list[Learned]] = {}
        self.mentions: dict[tuple[int, int], Actor] = {}
        self._pairs: dict[int, tuple[Actor, Actor]] | None = None  # by the phrase's end
        self.people_seen: list[tuple[int, Actor, str | None]] = []
        self.subject_spans: list[tuple[int, int]] = []
        self.main_subject_spans: list[tuple[int, int]] = []
        for para in paragraphs:
            # the tags of every token as numbers, so that Token objects are made only for the
            # few tokens the walks below stop at
            rows = _token_rows(para.doc)
            self._learn(para, rows)
            strings = para.doc.vocab.strings
            subject_deps = {strings["nsubj"], strings["nsubjpass"]}
            for i, (_pos, dep, _orth, _space) in enumerate(rows):
                if dep in subject_deps:
                    tok = para.doc[i]
                    span = (para.offset + tok.left_edge.idx, para.offset + tok.idx + len(tok.text))
                    self.subject_spans.append(span)
                    if tok.head.dep_ == "ROOT":
                        self.main_subject_spans.append(span)
        # the subjects' spans merged, for a binary search (_in_subject)
        self._subjects = _merged(self.subject_spans)
        self._main_subjects = _merged(self.main_subject_spans)
        for m in self.matches:
            self._record(self._from_match(m))

    # -- dictionary matches ----------------------------------------------------------------------
    def _valid_matches(self, matches: list[Match]) -> list[Match]:
        """Drop short forms (surnames) of entries whose full name has not appeared before,
        unless a title stands right before them ("President Obama", "Chancellor Merkel")."""
        seen: set[str] = set()
        out = []
        for m in matches:
            if m.kind == "short" and self._glued_after_hyphen(m):
                continue  # the tail of a hyphenated word ("Shan-e-Karim"), no one's surname
            if m.kind == "short" and self._given_name_before(m):
                continue  # another bearer of the surname ("Winnie Mandela" is not Nelson)
            if (
                m.kind == "short"
                and m.entry.key not in seen
                and (self._name_continues(m) or not (self._titled(m) or self.d.is_leader_surname(m.text)))
            ):
                continue
            if m.kind == "name":
                seen.add(m.entry.key)
            out.append(m)
        # Several entries can share one surface form; keep one per span (most specific first).
        by_span: dict[tuple[int, int], Match] = {}
        for m in out:
            by_span.setdefault((m.start, m.end), m)
        return sorted(by_span.values(), key=lambda m: m.start)

    def _glued_after_hyphen(self, m: Match) -> bool:
        return bool(re.search(r"\w[-‐]$", self.text[max(0, m.start - 2) : m.start]))

    def _region_named(self, m: Match) -> bool:
        """Is the country name ``m`` the tail of a region of another country, its compass word
        written before it ("Northern Ireland" is in the United Kingdom, not Ireland)? The place
        gazetteer says; "Northern Iraq" is no such name."""
        if self.places is None or m.entry.type != "country" or m.kind != "name":
            return False
        before = re.search(r"\b([A-Z][a-z]+) $", self.text[max(0, m.start - 12) : m.start])
        if before is None or before.group(1).lower() not in COMPASS:
            return False
        found = self.places.resolve(f"{before.group(1)} {m.text}")
        return found is not None and found.country not in {None, m.entry.periods[0].country}

    def _capital_elsewhere(self, m: Match, named: frozenset[str]) -> bool:
        """Is the capital ``m`` a town of the same name in a country the story names, its own
        country named nowhere ("Tripoli" in a story about Lebanon is the Lebanese port, not
        Libya's government)? The place gazetteer knows the towns."""
        if self.places is None or m.entry.type != "country" or m.kind != "metonym":
            return False
        own = m.entry.country_on(self.day)
        if own is None or own in named or not named:
            return False
        town = self.places.city(m.text, named)
        return town is not None and town.country in named

    def _country_mentions(self) -> tuple[tuple[int, str], ...]:
        """(position, ISO3) of every country named in the story, for nouns that name none.
        "ethnic Albanians" and "anti-Syria" do not name a country of the story."""
        out = []
        for m in self.matches:
            if m.entry.type != "country" or m.kind not in COUNTRY_KINDS:
                continue
            if self._ethnic(m.start) or self._stance(m.start):
                continue
            iso3 = m.entry.country_on(self.day)
            if iso3 is not None:
                out.append((m.start, iso3))
        return tuple(out)

    def _body_mentions(self) -> tuple[tuple[int, str], ...]:
        """(position, ISO3) of the named groups, parties and state bodies of one country."""
        out = []
        for m in self.matches:
            if m.entry.type in DOMESTIC_TYPES:
                period, _ = self._period(m.entry)
                if period is not None and period.country is not None:
                    out.append((m.start, period.country))
        return tuple(out)

    def _stance(self, pos: int) -> bool:
        """Is the country word at ``pos`` part of 'anti-X' / 'pro-X' (a stance, not a nationality)?"""
        return bool(re.search(r"\b(?:anti|pro)[-‐]$", self.text[max(0, pos - 5) : pos], flags=re.I))

    def _ethnic(self, pos: int) -> bool:
        """Does 'ethnic' stand right before ``pos`` ("ethnic Albanians" live outside Albania)?"""
        before = self.text[max(0, pos - 8) : pos].lower().split()
        return bool(before) and before[-1] == "ethnic"

    def story_country(
        self, pos: int, skip: tuple[int, int] | None = None, other_than: str | None = None
    ) -> str | None:
        """The country a story is about, for a noun at ``pos`` that names none ("the rebels",
        "police"): the country named most often, and of those the one named nearest ``pos``.
        Mentions inside ``skip`` (the character span of the other party of the noun's own
        clause, "two Italian engineers") say whom the act touched, not where it happened.
        ``other_than``: a country that cannot be the answer (a minority's country of origin)."""
        mentions = [
            (p, c)
            for p, c in self.country_mentions
            if (skip is None or not skip[0] <= p < skip[1]) and c != other_than
        ]
        if not self.country_mentions:
            # no country named at all: the country of the story's armed groups, parties and
            # state bodies ("demands from the National Union for the Total Independence of
            # Angola" → AGO)
            mentions = [(p, c) for p, c in self.body_mentions if skip is None or not skip[0] <= p < skip[1]]
        if not mentions:
            return None
        counts: dict[str, int] = {}
        for _, iso3 in mentions:
            counts[iso3] = counts.get(iso3, 0) + 1
        top = max(counts.values())
        return min((abs(p - pos), p, c) for p, c in mentions if counts[c] == top)[2]

    def _former_before(self, m: Match) -> bool:
        """Does 'former'/'ousted'/'ex-' stand in the few words before a person's name?"""
        if m.entry.type != "person":
            return False
        words = re.findall(r"[\w'-]+", self.text[max(0, m.start - 60) : m.start])[-5:]
        return any(w.lower() in FORMER or w.lower().startswith("ex-") for w in words)

    def _given_name_before(self, m: Match) -> bool:
        """Is the short form a surname right after a given name of someone else ("Winnie
        Mandela", "Jehan Sadat")? The word before is capitalised, is no title or honorific
        ("President", "Mrs") and does not begin the sentence ("When Mandela arrived")."""
        found = re.search(r"(\S*)\s([A-Z][a-z]+) $", self.text[max(0, m.start - 60) : m.start])
        if found is None:
            return False
        word = found.group(2)
        if word.lower() in HONORIFICS or self.d.sector_term([word.lower()]) is not None:
            return False
        prev = found.group(1)
        return bool(prev) and not re.search(r"[.!?:;\"“”]$", prev)

    def _name_continues(self, m: Match) -> bool:
        """Is the short form only the first part of a longer name ("President Abdelaziz
        Bouteflika" is not Mohamed Abdelaziz)?"""
        nxt = self.text[m.end : m.end + 30]
        return bool(re.match(r"[ -][A-Z][a-z]", nxt))

    def _titled(self, m: Match) -> bool:
        return self._title_before(m) is not None

    def _title_before(self, m: Match) -> SectorTerm | None:
        """The title written right before a person's name ("President", "Foreign Minister")."""
        if m.entry.type != "person":
            return None
        inner = m.text.split()
        for n in (2, 1):  # a title inside the matched form: "General Michel Aoun", "King Hassan"
            if len(inner) > n:
                term = self.d.sector_term([" ".join(inner[:n]).lower()])
                if term is not None and term.kind == "person":
                    return term
        before = self.text[max(0, m.start - 40) : m.start].rstrip()
        words = before.split()
        for n in (3, 2, 1):
            if len(words) >= n:
                term = self.d.sector_term([" ".join(words[-n:]).lower()])
                if term is not None:
                    if len(words) > n and words[-n - 1].lower() in FORMER:
                        return None  # "former President X": the dictionary's dates decide
                    return term
        return None

    def match_at(self, start: int, end: int) -> Match | None:
        """The dictionary match overlapping the character range [start, end)."""
        i = bisect.bisect_right(self._starts, start) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self.matches):
                m = self.matches[j]
                if m.start < end and start < m.end:
                    return m
        return None

    def named_at(self, para: ParsedParagraph, tok: Token) -> tuple[Match, Actor] | None:
        """The dictionary match covering ``tok`` and the actor it names (country, person, body)."""
        s, e = self._abs(para, tok)
        m = self.match_at(s, e)
        return None if m is None else (m, self._from_match(m))

    def place_at(self, para: ParsedParagraph, tok: Token) -> tuple[str, str] | None:
        """(ISO3, name) of a town or region the actor dictionary does not know, for a proper
        noun of its name ("Cizre", "Sindh" in "Sindh province", "Tyumen" in "the Tyumen
        region"): the name must be tagged a place by the parser or stand beside a place noun."""
        if self.places is None or tok.pos_ != "PROPN":
            return None
        while tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
            tok = tok.head
        name = self.name_tokens(tok)
        s, _ = self._abs(para, name[0])
        _, e = self._abs(para, name[-1])
        if self.match_at(s, e) is not None or any(t.ent_type_ == "PERSON" for t in name):
            return None
        beside = [tok.head, *(c for c in tok.children if c.dep_ in {"compound", "appos"})]
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            beside.append(tok.head.head)  # "the town of Cizre"
        if any(t.lemma_.lower() in PLACE_NOUNS for t in beside):
            pass  # "the town of Samarra" (whatever the parser's entity type)
        elif any(t.ent_type_ == "NORP" for t in name):
            return None  # "Kurds", "Sunnis": a people, not a place
        elif not any(t.ent_type_ in PLACE_ENTS for t in name) and not self._placed_by_prep(tok):
            return None
        full = self.text[s:e]
        for form in _place_forms(full):
            found = self.places.resolve(form, self._place_context)
            if found is not None and found.country is not None:
                return found.country, full
        return None

    def _placed_by_prep(self, tok: Token) -> bool:
        """Is ``tok`` the object of 'in'/'near' ("thwarted in Khanty-Mansiysk"), or of 'of'/'from'
        after a noun for people ("residents of Tyumen", "a teacher from Calgary")?"""
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in PLACE_PREPS | {"near"}:
            return True
        return prep.lower_ in {"of", "from"} and self._sector_at(prep.doc, prep.head.i) is not None

    def _place_actor(self, para: ParsedParagraph, head: Token) -> Actor | None:
        """A town or region named as an actor ("shells hit Cizre"): its people (CVL) of its country.
        Not the dateline ("GAZA CITY, Palestinian Territories: ..."): where the story was filed."""
        found = self.place_at(para, head)
        first = self.name_tokens(head)[0]
        if found is None or (first.i == 0 and found[1].isupper()):
            return None
        iso3, name = found
        s, _ = self._abs(para, first)
        _, e = self._abs(para, head)
        return self._record(
            Actor(
                text=self.text[s:e],
                name=name,
                code=actor_code(self.cameo_code(iso3), "CVL"),
                country=iso3,
                sector="CVL",
                org=None,
                start=s,
                end=e,
                resolved_by=f"place '{name}' in {iso3} (gazetteer), as its people (CVL)",
            )
        )

    def _period(self, entry: Entry) -> tuple[Period | None, str]:
        """``entry.period_on`` the story's day, computed once per entry and story."""
        found = self._periods.get(id(entry))
        if found is None:
            found = self._periods[id(entry)] = entry.period_on(self.day)
        return found

    def _from_match(self, m: Match, text: str | None = None) -> Actor:
        entry = m.entry
        if entry.type == "country":
            country = entry.country_on(self.day)
            # the capital as the government; "Libyans" as the country's people (civilians)
            sector = {"metonym": "GOV", "demonym": "CVL"}.get(m.kind)
            why = {
                "metonym": "capital or seat of government as the government",
                "adjective": "national adjective",
                "demonym": "people of a country",
            }.get(m.kind, "country name")
            if country != entry.periods[0].country:
                # before the state's independence ("Juba" in 2000 is a town of Sudan): the older
                # state's, and a capital-to-be is a town, its people (CVL), no government
                if m.kind == "metonym":
                    sector, why = "CVL", "capital-to-be, a town (its people)"
                why += f"; before independence on {entry.independence}: part of {country}"
            return Actor(
                text=text or m.text,
                name=entry.name,
                code=actor_code(self.cameo_code(country), sector),
                country=country,
                sector=sector,
                org=None,
                start=m.start,
                end=m.end,
                resolved_by=f"dictionary: {entry.key} ({why})",
                key=entry.key,
            )
        period, why = self._period(entry)
        country = period.country if period else None
        sector = period.sector if period else None
        if self._former_before(m) and country is not None:
            sector = "ELI"  # "ousted President X", "former prime minister X"
            why += "; 'former' in the text → ELI"
            title = None
        else:
            title = self._title_before(m) if period is None or period.sector in {None, "ELI"} else None
        if title is not None and title.sector != "ELI":
            # The story calls them by an office ("President Mitterrand") that the dictionary's
            # dates do not cover on this day: the words of the story win.
            sector = title.sector
            why += f"; titled '{title.term}' in the text → {title.sector}"
        return Actor(
            text=text or m.text,
            name=entry.name,
            code=actor_code(self.cameo_code(country), sector, period.code if period else None),
            country=country,
            sector=sector,
            org=period.org if period else None,
            start=m.start,
            end=m.end,
            resolved_by=f"dictionary: {entry.key} [{m.kind}] {why}",
            key=entry.key,
        )

    def cameo_code(self, iso3: str | None) -> str | None:
        """The CAMEO country code of ``iso3`` (itself when the dictionary has none)."""
        if iso3 is None:
            return None
        entry = self.d.countries.get(iso3)
        return entry.cameo if entry and entry.cameo else iso3

    def _record(self, actor: Actor, gender: str | None = None) -> Actor:
        self.mentions.setdefault((actor.start, actor.end), actor)
        if actor.key is None or actor.resolved_by.startswith("pronoun"):
            return actor
        entry = self.d.entries.get(actor.key)
        if actor.key.startswith("person:") or (entry is not None and entry.type == "person"):
            if gender is None and entry is not None:
                gender = entry.gender
            self.people_seen.append((actor.start, actor, gender))
        return actor

    # -- spans and descriptions ------------------------------------------------------------------
    def name_tokens(self, head: Token) -> list[Token]:
        """The tokens of a proper name ending at ``head`` ("Lee Do - hoon", "Sarah Sanders")."""
        toks = [head]
        i = head.i
        doc = head.doc
        while i > 0:
            prev = doc[i - 1]
            if prev.text in {"-", "‐"} and not prev.whitespace_ and i >= 2:
                toks[:0] = [doc[i - 2], prev]
                i -= 2
                continue
            if (
                prev.dep_ == "compound"
                and prev.head.i in {t.i for t in toks} | {head.i}
                and prev.text[:1].isupper()
                and prev.pos_ == "PROPN"
                and self.d.sector_term([prev.lower_]) is None
                and (i < 2 or self.d.sector_term([f"{doc[i - 2].lower_} {prev.lower_}"]) is None)
            ):
                toks.insert(0, prev)
                i -= 1
                continue
            break
        return toks

    def _abs(self, para: ParsedParagraph, tok: Token) -> tuple[int, int]:
        return para.offset + tok.idx, para.offset + tok.idx + len(tok.text)

    def _sector_at(self, tokens: Sequence[Token] | Doc, end_i: int) -> tuple[SectorTerm, int] | None:
        """The longest sector term ending at token index ``end_i`` of ``tokens`` (lemma-based);
        for a whole Doc, looked up once per token and story."""
        if not isinstance(tokens, Doc):
            return self._sector_in(tokens, end_i)
        key = (id(tokens), end_i)
        if key not in self._sectors:
            self._sectors[key] = self._sector_in(tokens, end_i)
        return self._sectors[key]

    def _sector_in(self, tokens: Sequence[Token] | Doc, end_i: int) -> tuple[SectorTerm, int] | None:
        best = None
        if end_i < 0:
            return None
        last = tokens[end_i]
        raw, stem = last.lower_, last.lemma_.lower()
        lead = ""  # the words before ``last``, as written
        first = last  # the first token of the stretch
        for n in range(1, self.d.max_sector_words + 1):
            if n > 1:
                if end_i - n + 1 < 0:
                    break
                tok = tokens[end_i - n + 1]
                if tok.i + 1 != first.i:
                    break  # not a contiguous stretch of the sentence (nor any longer one)
                lead = tok.text_with_ws + lead
                first = tok
            low = lead.lower()
            term = self.d.sectors.get(low + stem) or self.d.sectors.get(low + raw)
            if term:
                best = (term, n)
        return best

    def describe(self, para: ParsedParagraph, head: Token, exclude: Iterable[Token] = ()) -> Description:
        """Country, sector and office from the words that modify ``head`` (not its name)."""
        skip = {t.i for t in exclude}
        mods: list[Token] = []
        # the words of the name itself can carry the title ("Pakistan President Mohammad Zia Ul
        # Haq": the parser hangs 'President' on 'Ul', not on 'Haq')
        owners = [head, *(t for t in exclude if t.i != head.i)]
        for child in (c for owner in owners for c in owner.children):
            if child.i in skip:
                continue
            if child.dep_ in MODIFIER_DEPS or child.dep_ == "appos":
                mods.extend(t for t in child.subtree if t.i not in skip)
            elif child.dep_ == "prep" and child.lower_ in DESCRIPTOR_PREPS:
                mods.extend(child.subtree)
        if head.i not in skip:
            mods.append(head)
        mods.sort(key=lambda t: t.i)
        country = sector = office = org = code = None
        reasons = []
        # sector terms (longest, rightmost closest to the head wins)
        for idx in range(len(mods) - 1, -1, -1):
            tok = mods[idx]
            if tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
                continue
            hit = self._sector_at(mods, idx)
            if hit:
                term, _ = hit
                sector, office = term.sector, term.office
                reasons.append(f"title '{term.term}' → {term.sector}")
                break
        # countries and named bodies among the modifiers
        for tok in mods:
            named = self.named_at(para, tok)
            if named is None:
                continue
            m, actor = named
            if m.entry.type == "country" and self._stance(m.start):
                continue
            if actor.country and country is None:
                country = actor.country
                reasons.append(f"'{m.text}' → {actor.country}")
            if m.entry.type == "igo" and actor.code and code is None:
                org, code = actor.org, actor.code
                reasons.append(f"'{m.text}' → {actor.code}")
            elif m.entry.type in NAMED_TYPES and actor.sector and sector is None:
                sector = actor.sector
                org, code = actor.org, (actor.code if actor.org else None)
                reasons.append(f"'{m.text}' → {actor.sector}")
        if any(t.lower_ in FORMER for t in mods):
            sector, office = "ELI", None
            reasons.append("'former' → ELI")
        return Description(country, sector, office, org, code, "; ".join(reasons))

    # -- learning titled people ------------------------------------------------------------------
    def _learn(self, para: ParsedParagraph, rows: Sequence[Sequence[int]]) -> None:
        """``rows``: ``_token_rows(para.doc)``."""
        doc = para.doc
        hyphen, compound = doc.vocab.strings["-"], doc.vocab.strings["compound"]
        # tokens right after a glued hyphen ("Do-hoon"), found in one pass over the hyphens
        tails = {
            i + 1 for i, (_, _, orth, space) in enumerate(rows) if orth == hyphen and not space and i >= 1
        }
        for i, (pos, dep, _orth, _space) in enumerate(rows):
            if dep == compound or not (pos == PROPN or i in tails):
                continue
            tok = doc[i]
            name = self.name_tokens(tok)
            if len(name) < 2 and tok.ent_type_ != "PERSON":
                continue
            s, _ = self._abs(para, name[0])
            _, e = self._abs(para, name[-1])
            m = self.match_at(s, e)
            if m is not None:
                continue
            desc = self.describe(para, tok, exclude=name)
            if desc.sector is None and desc.country is None and self._named_noun(tok):
                # "the opposition newspaper La Prensa": the noun the name stands beside
                desc = self.describe(para, tok.head, exclude=name)
            if desc.sector is None and desc.country is None:
                continue
            if desc.sector is None and tok.ent_type_ != "PERSON":
                continue
            if desc.country is None and self._inherits(para, desc.sector, desc.office, "person", tok):
                country = self.story_country(s, self._rest_of_clause(para, tok))
                if country is not None:
                    desc = dataclasses.replace(
                        desc, country=country, why=f"{desc.why}; story's country {country}"
                    )
            full = self.text[s:e]
            learned = Learned(full, desc, None, s, e)
            self.learned.setdefault(full, learned)
            self.surnames.setdefault(self._surname(name), []).append(learned)
            actor = self._learned_actor(learned, full, s, e, "title or apposition: ")
            self.people_seen.append((s, actor, None))
            self.mentions.setdefault((s, e), actor)

    def _named_noun(self, tok: Token) -> bool:
        """Is ``tok`` a name in apposition to a sector noun ("the newspaper La Prensa")?"""
        head = tok.head
        return tok.dep_ == "appos" and head.pos_ == "NOUN" and self._sector_at(head.doc, head.i) is not None

    def _in_subject(self, pos: int) -> bool:
        """Is the character ``pos`` inside the span of a clause's subject?"""
        return _inside(*self._subjects, pos)

    def _in_main_subject(self, pos: int) -> bool:
        """Is the character ``pos`` inside the span of a main clause's subject?"""
        return _inside(*self._main_subjects, pos)

    @staticmethod
    def _hyphen_tail(tok: Token) -> bool:
        return tok.i >= 2 and tok.nbor(-1).text == "-" and not tok.nbor(-1).whitespace_

    @staticmethod
    def _surname(name: list[Token]) -> str:
        # Korean and Chinese names put the family name first ("Lee Do-hoon", "Kim Eui-kyeom").
        if any(t.text == "-" for t in name) and name[-1].text[:1].islower():
            return name[0].text
        return name[-1].text

    # -- resolution of an argument ---------------------------------------------------------------
    def resolve(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        """The actor(s) an argument headed by ``head`` refers to; [] when it is no actor."""
        s, e = self._abs(para, head)
        m = self.match_at(s, e)
        group = self._group_noun(head) if m is not None and m.entry.type == "country" else None
        if group is not None:
            # "Hungarian officials", "Panamanian army", "Israeli army bulldozers": the country
            # word names the group of the noun it modifies
            return self._sector_actor(para, group)
        if m is not None:
            actor = self._from_match(m)
            if m.entry.type == "country" and m.kind == "demonym":
                actor = self._people_of(para, head, actor)
            if m.kind == "metonym" and _as_place(head):
                # "a curfew in Abidjan", "fighting in central Baghdad": the city, not its government
                actor = dataclasses.replace(
                    actor,
                    sector="CVL",
                    code=actor_code(self.cameo_code(actor.country), "CVL"),
                    resolved_by=f"{actor.resolved_by}; a city named as a place → its people (CVL)",
                )
            # "envoys of South Korea": a country mention inside a longer NP is handled below
            if not (m.entry.type == "country" and m.kind in {"adjective"} and head.pos_ == "NOUN"):
                return [self._record(actor)]
        if head.pos_ == "PRON":
            return self._pronoun(para, head)
        if self._is_half(head):
            return self._half_country(para, head)
        pair = self.country_pairs().get(e)
        if pair is not None:
            return [self._record(a) for a in pair]
        if head.pos_ == "PROPN" or self._hyphen_tail(head):
            learned = self._learned_for(para, head)
            if learned:
                return [learned]
            place = self._place_actor(para, head)
            if place is not None:
                return [place]
        return self._sector_actor(para, head)

    @staticmethod
    def _is_half(head: Token) -> bool:
        """Is ``head`` a capitalised 'the North' / 'the South' standing alone ("the North's
        missile tests"), not the start of a longer name ("the South China Sea")?"""
        return (
            head.text in HALVES
            and head.i > 0
            and head.doc[head.i - 1].lower_ == "the"
            and head.dep_ != "compound"
            and not (head.i + 1 < len(head.doc) and head.doc[head.i + 1].pos_ == "PROPN")
        )

    def _half_of(self, iso3: str, word: str) -> Entry | None:
        """The ``word`` half of the divided country ``iso3`` belongs to, when the dictionary knows
        both halves: "North Korea" or "South Korea" → North Korea for 'North'; "South Sudan" or
        "Sudan" → Sudan for 'North' (the half with the bare name), South Sudan for 'South'."""
        entry = self.d.countries.get(iso3)
        if entry is None:
            return None
        first, _, rest = entry.name.partition(" ")
        if first not in HALVES or not rest:
            rest = entry.name
        by_name = self.d.country_by_name
        halves = [by_name.get(f"{w} {rest}") for w in (word, HALVES[word])]
        if halves[0] is not None and (halves[1] is not None or rest in by_name):
            return halves[0]  # "North Korea" beside "South Korea", "South Sudan" beside "Sudan"
        if word == "North" and halves[1] is not None:
            return by_name.get(rest)  # "Sudan" beside "South Sudan"
        return None

    def _half_country(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        """'the North' / 'the South': that half of the divided country the story has named
        (the nearest mention before it of either half: "North Korea ... the South" is South
        Korea); else no actor, never a place of that name."""
        s, e = self._abs(para, head)
        named = [
            (p, half) for p, c in self.country_mentions if p < s and (half := self._half_of(c, head.text))
        ]
        if not named:
            return []
        entry = max(named, key=lambda x: x[0])[1]
        why = f"'the {head.text}' → {entry.name}, the half of a divided country the story names"
        return [self._record(self._country_actor(entry, head.text, s, e, why))]

    def _country_actor(self, entry: Entry, text: str, s: int, e: int, why: str) -> Actor:
        """The country ``entry`` (no sector) named by the words ``text`` at [s, e)."""
        iso3 = entry.country_on(self.day)
        return Actor(
            text=text,
            name=entry.name,
            code=actor_code(self.cameo_code(iso3), None),
            country=iso3,
            sector=None,
            org=None,
            start=s,
            end=e,
            resolved_by=why,
            key=entry.key,
        )

    def country_pairs(self) -> Mapping[int, tuple[Actor, Actor]]:
        """ "The two countries", "both nations" (by the end of the phrase): the last two distinct
        countries the story named before the phrase ("Trump ... North Korean leader Kim ... The
        two countries" are the United States and North Korea); computed once per story."""
        if self._pairs is None:
            self._pairs = {}
            for found in PAIR.finditer(self.text):
                last: list[str] = []
                for p, iso3 in reversed(self.country_mentions):
                    if p < found.start() and iso3 not in last:
                        last.append(iso3)
                entries = [self.d.countries.get(c) for c in last[:2]]
                if len(entries) < 2 or entries[0] is None or entries[1] is None:
                    continue
                s, e = found.start(), found.end()
                why = (
                    f"'{found.group()}' → the last two countries named: {entries[1].name}, {entries[0].name}"
                )
                first = self._country_actor(entries[1], found.group(), s, e, why)
                second = self._country_actor(entries[0], found.group(), s, e, why)
                self._pairs[e] = (first, second)
        return self._pairs

    def _group_noun(self, word: Token) -> Token | None:
        """The sector noun a country word modifies: the noun itself ("Israeli police") or a
        noun compound between them ("Israeli army bulldozers", "U.S. border patrol agents")."""
        if word.dep_ not in {"amod", "compound", "nmod"}:
            return None
        noun = word.head
        chain = [noun, *(c for c in noun.children if c.dep_ == "compound" and c.i > word.i)]
        if noun.dep_ == "compound" and noun.head.i > noun.i:
            chain.append(noun.head)
        for tok in chain:
            if tok.pos_ == "NOUN" and self._sector_at(tok.doc, tok.i) is not None:
                return tok
        return None

    def _people_of(self, para: ParsedParagraph, head: Token, people: Actor) -> Actor:
        """The country a people lives in: "Bosnian Serbs" (BIH), "ethnic Albanians in Serbia"
        (SRB), "ethnic Turks" (the story's country); plain "Albanians" stay Albanian."""
        for child in head.children:
            if child.dep_ not in {"amod", "compound"}:
                continue
            named = self.named_at(para, child)
            if named and named[0].entry.type == "country" and named[1].country != people.country:
                return self._relocate(people, named[1].country, f"'{named[0].text}' people")
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS | {"of"}:
                for pobj in child.children:
                    named = self.named_at(para, pobj) if pobj.dep_ == "pobj" else None
                    if named and named[0].entry.type == "country" and named[0].kind == "name":
                        return self._relocate(people, named[1].country, f"living in '{named[0].text}'")
        if not self._ethnic(people.start):
            return people
        home = self.story_country(people.start)
        if home is None or home == people.country:
            return people
        return self._relocate(people, home, "ethnic group in the story's country")

    def _people_at(self, actor: Actor) -> Actor:
        """A people named by a plain dictionary match, placed as the words around it say
        ("Bosnian Serbs said their forces ...": 'their' is the Bosnian Serbs, BIH)."""
        if actor.key is None or not actor.key.startswith("country:") or actor.sector != "CVL":
            return actor
        for para in self.paragraphs:
            if para.offset <= actor.start and actor.end <= para.offset + para.length:
                span = para.doc.char_span(actor.start - para.offset, actor.end - para.offset)
                return actor if span is None else self._people_of(para, span.root, actor)
        return actor

    def _relocate(self, actor: Actor, country: str | None, why: str) -> Actor:
        return dataclasses.replace(
            actor,
            country=country,
            code=actor_code(self.cameo_code(country), actor.sector),
            resolved_by=f"{actor.resolved_by}; {why} → {country}",
        )

    def _learned_for(self, para: ParsedParagraph, head: Token) -> Actor | None:
        name = self.name_tokens(head)
        s, _ = self._abs(para, name[0])
        _, e = self._abs(para, name[-1])
        full = self.text[s:e]
        learned = self.learned.get(full)
        if learned is not None and learned.start > s:
            learned = None  # introduced later in the story
        prefix = "title or apposition: "
        if learned is None and len(name) == 1:
            earlier = [x for x in self.surnames.get(full, []) if x.start < s]
            learned = earlier[0] if earlier else None
            prefix = f"surname of '{learned.name}': " if learned else prefix
        if learned is None:
            return None
        return self._record(self._learned_actor(learned, full, s, e, prefix))

    def _learned_actor(self, learned: Learned, text: str, s: int, e: int, prefix: str) -> Actor:
        d = learned.description
        return Actor(
            text=text,
            name=learned.name,
            code=actor_code(self.cameo_code(d.country), d.sector, d.code),
            country=d.country,
            sector=d.sector,
            org=d.org,
            start=s,
            end=e,
            resolved_by=prefix + d.why,
            key=f"person:{learned.name}",
        )

    def _pronoun(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        low = head.lower_
        if low == "his":
            low = "he"
        if low in IT | THEY:
            return self._group_pronoun(para, head)
        if low not in HE | SHE:
            return []
        want = "m" if low in HE else "f"
        s, e = self._abs(para, head)
        earlier = sorted(
            (x for x in self.people_seen if x[0] < s and x[2] in (None, want)),
            key=lambda x: x[0],
            reverse=True,
        )
        # the last compatible person who was the subject of a main clause, else of any clause,
        # else the last one at all (the most salient referent first)
        mains = [x for x in earlier if self._in_main_subject(x[0])]
        mains = [x for x in mains if x[0] >= (earlier[0][0] if earlier else 0) - 600]
        subjects = [x for x in earlier if self._in_subject(x[0])]
        pool = mains or subjects or earlier
        if not pool:
            return []
        actor = pool[0][1]
        where = (
            "last person as a main-clause subject"
            if mains
            else "last person in subject position"
            if subjects
            else "last person"
        )
        return [_refer(actor, head.text, s, e, f"pronoun '{head.text}' → {where} '{actor.text}'")]

    def _group_pronoun(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        """it/they: the last country, organisation or group in subject position before it."""
        s, e = self._abs(para, head)
        pool = [
            a
            for a in self.mentions.values()
            if a.end <= s
            and not a.resolved_by.startswith("pronoun")
            and self._in_subject(a.start)
            and not self._is_person(a)
        ]
        pairs = [
            pair
            for pair in self.country_pairs().values()
            if pair[0].end <= s and self._in_subject(pair[0].start)
        ]
        if pairs and (not pool or max(a.start for a in pool) <= pairs[-1][0].start):
            # "The two countries have been discussing ... since their leaders met": both of them
            why = f"pronoun '{head.text}' → '{pairs[-1][0].text}' in subject position"
            return [_refer(a, head.text, s, e, f"{why}: {a.name}") for a in pairs[-1]]
        if not pool:
            return []
        actor = self._people_at(max(pool, key=lambda a: a.start))
        if actor.key is None and head.dep_ != "poss":
            # a group named by a noun ("the rebel movement ... said it"): one identity for the
            # noun's mention and the pronoun, so that both are known as the same actor (not for
            # a possessor: "their followers" are someone else, only placed by "their")
            actor = dataclasses.replace(actor, key=f"mention:{actor.start}-{actor.end}")
            self.mentions[(actor.start, actor.end)] = actor
        why = f"pronoun '{head.text}' → last group or country in subject position '{actor.text}'"
        return [_refer(actor, head.text, s, e, why)]

    def _is_person(self, actor: Actor) -> bool:
        if actor.key is None:
            return False
        if actor.key.startswith("person:"):
            return True
        entry = self.d.entries.get(actor.key)
        return entry is not None and entry.type == "person"

    def _sector_actor(
        self, para: ParsedParagraph, head: Token, forward: tuple[SectorTerm, Token] | None = None
    ) -> list[Actor]:
        """The group or office a sector noun names; ``forward``: a title that runs on through
        the head's 'of' phrase, with the phrase's last token ("Secretary of State")."""
        tokens = head.doc
        hit = self._sector_at(tokens, head.i) if forward is None else (forward[0], 1)
        if hit is None:
            return (
                self._title_of(para, head)
                or self._member_of(para, head)
                or self._national_noun(para, head)
                or self._unknown_body(para, head)
            )
        term, width = hit
        if term.sector == "MED" and any(c.lower_ in STATE_MEDIA for c in head.children):
            # CAMEO codes state-run media as the government's voice
            term = dataclasses.replace(term, sector="GOV")
        if term.kind == "person" and any(c.lower_ in FORMER for c in head.children if c.i < head.i):
            # "a former defence minister" holds no office: an elite
            term = dataclasses.replace(term, sector="ELI", office=None)
        np_start = head.i - width + 1
        origins = self._np_countries(para, head)
        countries = origins or self._local_country(para, head, term)
        if head.lemma_.lower() in ETHNIC_NOUNS and len(origins) == 1 and origins[0][0] is not None:
            # named by its origin ("the Albanian population"), not placed by the story
            countries = self._host_country(para, head, term, origins[0][0]) or countries
        if not countries:
            countries = [(None, "", None)]
        out = []
        left = head.left_edge
        while left.i < head.i and left.dep_ in {"det", "punct", "predet"}:
            left = left.doc[left.i + 1]
        left_i = min(left.i, np_start)
        s, _ = self._abs(para, head.doc[left_i])
        _, e = self._abs(para, head if forward is None else forward[1])
        for n, (country, why, igo_code) in enumerate(countries):
            # "U.S. and Russian negotiators": the second country's group is "Russian negotiators"
            start = self._conjunct_start(para, head, left_i, country) if n else s
            if country is None and igo_code is None and term.sector == "HRI" and term.kind == "group":
                igo_code = "NGOHRI"  # "a human rights group" of no stated country: an NGO
            holder = (self._last_holder(para, term, head) if not origins else None) or self._office_holder(
                para, term, country, head
            )
            if holder is not None:
                out.append(holder)
                continue
            out.append(
                self._record(
                    Actor(
                        text=self.text[start:e],
                        name=self.text[start:e],
                        code=actor_code(self.cameo_code(country), term.sector, igo_code),
                        country=country,
                        sector=term.sector,
                        org=None,
                        start=start,
                        end=e,
                        resolved_by=f"sector noun '{term.term}' → {term.sector}"
                        + (f"; {why}" if why else ""),
                    )
                )
            )
        return out

    def _host_country(
        self, para: ParsedParagraph, head: Token, term: SectorTerm, origin: str
    ) -> list[tuple[str | None, str, str | None]]:
        """Where a minority named by its origin lives ("the Albanian population" of a story
        about Montenegro, "the Lebanese community in Australia"): a country it is placed in,
        else another country the story names; [] when the story names no other."""
        placed = self._local_country(para, head, term)
        if placed and placed[0][0] not in {None, origin} and placed[0][1].startswith("placed"):
            return placed
        home = self.story_country(self._abs(para, head)[0], other_than=origin)
        return [(home, f"minority of '{origin}' living in the story's country {home}", None)] if home else []

    def _title_of(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        """A title that runs on through an 'of' phrase ("the US Secretary of State", "the
        Secretary of Defense"): the head and its 'of' object make the sector term."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i != head.i + 1:
                continue
            for pobj in prep.children:
                hit = self._sector_at(head.doc, pobj.i) if pobj.dep_ == "pobj" else None
                if hit is not None and pobj.i - hit[1] + 1 <= head.i:
                    return self._sector_actor(para, head, (hit[0], pobj))
        return []

    def _member_of(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        """'Members of the X', 'a faction of the X': the group the part belongs to is the actor."""
        if head.lemma_.lower() not in MEMBER_NOUNS:
            return []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                found = self.resolve(para, pobj) if pobj.dep_ == "pobj" else []
                if found:
                    s, _ = self._abs(para, head)
                    return [
                        dataclasses.replace(
                            a,
                            text=self.text[s : a.end],
                            start=s,
                            end=a.end,
                            resolved_by=f"{head.lower_} of '{a.text}': {a.resolved_by}",
                        )
                        for a in found
                    ]
        return []

    def _unknown_body(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        """A proper name of an association, committee or forum that the dictionary does not know
        and that names no country ("the Association of African Jurists", "the Ceasefire
        Violations Committee"): a non-governmental body (NGO)."""
        if head.pos_ != "PROPN" or head.lower_ not in BODY_NOUNS or head.ent_type_ in {"PERSON", *PLACE_ENTS}:
            return []
        left = head.left_edge
        while left.i < head.i and left.dep_ in {"det", "punct"}:
            left = left.doc[left.i + 1]
        right = head
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == head.i + 1:
                right = prep.right_edge
        words = head.doc[left.i : right.i + 1]
        if any(not w.is_title for w in words if w.is_alpha and w.lower_ not in {"of", "the", "for", "and"}):
            return []  # not a name throughout ("a committee of experts")
        s, _ = self._abs(para, words[0])
        _, e = self._abs(para, words[-1])
        if any(self.match_at(*self._abs(para, w)) for w in words):
            return []  # a country or known body inside: not this rule's business
        why = f"unknown body '{head.text}' named without a country → NGO"
        return [self._record(Actor(self.text[s:e], self.text[s:e], "NGO", None, "NGO", None, s, e, why))]

    def _conjunct_start(self, para: ParsedParagraph, head: Token, left_i: int, country: str | None) -> int:
        """Where the part of a noun phrase naming a later conjoined country begins ("Russian" in
        "U.S. and Russian negotiators"); the phrase's own start when no conjunct names it."""
        for tok in head.doc[left_i : head.i]:
            if tok.dep_ != "conj":
                continue
            named = self.named_at(para, tok)
            if named is not None and named[1].country == country:
                return min(named[0].start, self._abs(para, tok)[0])
        return self._abs(para, head.doc[left_i])[0]

    def _inherits(
        self, para: ParsedParagraph, sector: str | None, office: str | None, kind: str, head: Token
    ) -> bool:
        """May a noun or title without a country take the story's? Not when it belongs to no
        state (IGO, NGO, a rights group), is a diplomat abroad, or is marked 'foreign'."""
        if sector is None or sector in STATELESS_SECTORS or office == "envoy":
            return False
        if sector == "HRI" and kind == "group":
            return False
        if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children):
            return False  # "Quatar's emir": an owner we do not know
        for tok in head.subtree:
            if tok.i >= head.i:
                break
            if tok.lower_ in NOT_LOCAL:
                return False
            named = self.named_at(para, tok) if tok.pos_ in {"PROPN", "NOUN"} else None
            if named is not None and named[0].entry.type != "country":
                return False  # "al-Qaeda leaders": the named group, not the story's country
        return True

    def _local_country(
        self, para: ParsedParagraph, head: Token, term: SectorTerm
    ) -> list[tuple[str | None, str, str | None]]:
        """The country of a sector noun that names none: a country it is placed in ("rebels in
        the Ivory Coast"), else the story's country."""
        if not self._inherits(para, term.sector, term.office, term.kind, head):
            return []
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in PLACE_PREPS:
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                named = self.named_at(para, pobj)
                if named is not None and named[0].entry.type == "country" and named[1].country:
                    return [(named[1].country, f"placed in '{named[0].text}'", None)]
                place = self._place_in(para, pobj) if named is None else None
                if place is not None:
                    return [(place[0], f"placed in '{place[1]}'", None)]
        audience = self._audience_country(para, head) if term.sector == "MED" else None
        if audience is not None:
            return [audience]
        pos = self._abs(para, head)[0]
        country = self.story_country(pos, self._other_party(para, head))
        if country is None and head.dep_ == "dobj":
            country = self.story_country(pos)  # the doer's is the only country named
        return [(country, f"story's country {country}", None)] if country else []

    def _audience_country(
        self, para: ParsedParagraph, head: Token
    ) -> tuple[str | None, str, str | None] | None:
        """Reporters told something ("Trump told reporters", "said to journalists"): the press
        the speaker briefed, of the speaker's country, not of the country the story is about."""
        verb = head.head
        if head.dep_ == "pobj" and verb.lower_ == "to":
            verb = verb.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in BRIEFING_VERBS:
            return None
        if head.dep_ not in {"dobj", "dative"} and not (head.dep_ == "pobj" and head.head.lower_ == "to"):
            return None
        for subj in verb.children:
            if subj.dep_ == "nsubj":
                found = self.resolve(para, subj)
                if found and found[0].country is not None:
                    return found[0].country, f"briefed by '{found[0].text}' → {found[0].country}", None
        return None

    def _place_in(self, para: ParsedParagraph, pobj: Token) -> tuple[str, str] | None:
        """The town or region a prepositional object names: "in Tyumen", "in the town of
        Cizre", "in Sindh province"."""
        found = self.place_at(para, pobj)
        if found is not None or pobj.lemma_.lower() not in PLACE_NOUNS:
            return found
        for child in pobj.children:
            if child.dep_ in {"compound", "amod"} and child.pos_ == "PROPN":
                found = self.place_at(para, child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                found = next((self.place_at(para, t) for t in child.children if t.dep_ == "pobj"), None)
            if found is not None:
                return found
        return None

    def _other_party(self, para: ParsedParagraph, head: Token) -> tuple[int, int] | None:
        """For a subject noun, the span of its verb's direct object ("Rebels abducted two
        Italian engineers": the engineers' nationality is not the rebels'); for a direct object,
        the span of its verb's subject ("Palestinian bombers killed 23 people in Tel Aviv": the
        victims are not Palestinians because the bombers are)."""
        if head.dep_ in {"nsubj", "nsubjpass"}:
            other = "dobj"
        elif head.dep_ == "dobj":
            other = "nsubj"
        else:
            return None
        for obj in head.head.children:
            if obj.dep_ == other:
                first, last = min(t.i for t in obj.subtree), max(t.i for t in obj.subtree)
                return self._abs(para, obj.doc[first])[0], self._abs(para, obj.doc[last])[1]
        return None

    def _rest_of_clause(self, para: ParsedParagraph, head: Token) -> tuple[int, int] | None:
        """For a person named as a subject, the span of the rest of the clause when it names
        a counterpart by title and country ("President Jean Dubois welcomed South African
        leader Piet Botha": Botha's country is not Dubois')."""
        if head.dep_ not in {"nsubj", "nsubjpass"} or head.head.i < head.i:
            return None
        verb = head.head
        first = max(t.i for t in head.subtree) + 1
        if first > verb.right_edge.i:
            return None
        rest = verb.doc[first : verb.right_edge.i + 1]
        if not any(self._titled_by_country(para, tok) for tok in rest):
            return None
        return self._abs(para, rest[0])[0], self._abs(para, rest[-1])[1]

    def _titled_by_country(self, para: ParsedParagraph, tok: Token) -> bool:
        """Is ``tok`` a country word modifying the title of one person ("South African
        leader", not "Chilean officials": a group of the story's country may be anyone's)?"""
        if tok.dep_ not in {"amod", "compound", "nmod"} or tok.head.i <= tok.i or tok.head.tag_ != "NN":
            return False
        named = self.named_at(para, tok)
        if named is None or named[0].entry.type != "country":
            return False
        term = self.d.sector_term([tok.head.lemma_.lower()])
        return term is not None and term.kind == "person"

    def _national_noun(self, para: ParsedParagraph, head: Token) -> list[Actor]:
        """'Lebanese villages', 'Iraqi cities': a place or people noun marked only by its country
        (not 'Ukrainian statements' or 'U.S. exports'); a name of an organisation that starts with
        its country ('the Kenya Anti-Corruption Commission')."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.lemma_.lower() in ABSTRACT_NOUNS:
            return []
        first = head.left_edge.i + (head.left_edge.dep_ == "det")
        mods = list(head.children)
        if head.pos_ == "PROPN" and first < head.i and head.doc[first].dep_ == "compound":
            # "the Montenegro Municipality Association": the name's first word modifies the next
            mods.append(head.doc[first])
        for child in mods:
            if child.dep_ not in {"amod", "compound", "nmod"}:
                continue
            if head.pos_ == "PROPN" and child.i != first:
                continue  # in a name, only its first word can be the country
            named = self.named_at(para, child)
            if named is None or named[0].kind == "metonym" or self._is_person(named[1]):
                continue
            m, owner = named
            start = min(self._abs(para, child)[0], m.start)
            _, end = self._abs(para, head)
            if m.entry.type == "country":
                owner = dataclasses.replace(
                    owner,
                    name=self.text[start:end],
                    sector=None,
                    code=actor_code(self.cameo_code(owner.country), None),
                    key=None,
                )
                why = f"noun marked by country '{m.text}' (no sector)"
            else:  # "the UNITA military wing": a part of the named group is the group
                why = f"part of '{m.text}': {owner.resolved_by}"
            return [
                self._record(
                    dataclasses.replace(
                        owner, text=self.text[start:end], start=start, end=end, resolved_by=why
                    )
                )
            ]
        return []

    def _office_holder(
        self, para: ParsedParagraph, term: SectorTerm, country: str | None, head: Token
    ) -> Actor | None:
        offices = LEADER_OFFICES.get(term.term) or ((term.office,) if term.office else ())
        offices = tuple(o for o in offices if o in UNIQUE_OFFICES)
        if country is None or not offices or head.tag_ in {"NNS", "NNPS"}:
            return None
        if any(c.lower_ in {"a", "an", "former", "ex", "new"} for c in head.children):
            return None
        for office in offices:
            entry = self.d.office_holder(country, office, self.day)
            if entry is not None:
                period, why = self._period(entry)
                if not _titled_as(term.term, period):
                    continue  # "the president" of a country whose leader is no president
                tok_s, tok_e = self._abs(para, head)
                return self._record(
                    Actor(
                        text=head.text,
                        name=entry.name,
                        code=actor_code(self.cameo_code(country), period.sector if period else None),
                        country=country,
                        sector=period.sector if period else None,
                        org=None,
                        start=tok_s,
                        end=tok_e,
                        resolved_by=f"office '{term.term}' of {country} on {self.day}: {entry.key}",
                        key=entry.key,
                    )
                )
        return None

    def _last_holder(self, para: ParsedParagraph, term: SectorTerm, head: Token) -> Actor | None:
        """A bare 'the president', 'the prime minister' naming no country: the last person
        before it in the story who held that office on the story's day ("Trump told reporters
        ... a meeting with the president" is Trump), if any."""
        offices = tuple(o for o in LEADER_OFFICES.get(term.term, ()) if o in UNIQUE_OFFICES)
        if not offices or head.tag_ in {"NNS", "NNPS"} or term.term not in TITLE_STEMS:
            return None
        first = head.i - len(term.term.split()) + 1  # "prime minister": "prime" is the title's
        if any(c.dep_ != "det" or c.lower_ != "the" for c in head.children if c.i < first):
            return None  # "a president", "his president", "Afghan president": not a bare title
        s, _ = self._abs(para, head.doc[max(first, 0)])  # the whole title: "Prime Minister"
        e = self._abs(para, head)[1]
        for _, person, _ in sorted(self.people_seen, key=lambda x: x[0], reverse=True):
            entry = self.d.entries.get(person.key or "")
            if person.start >= s or entry is None or entry.type != "person":
                continue
            period, _ = self._period(entry)
            if period is not None and period.office in offices and _titled_as(term.term, period):
                why = f"'the {term.term}' → the last {term.term} named before it: {entry.key}"
                return self._record(_refer(person, self.text[s:e], s, e, why))
        return None

    def _np_countries(self, para: ParsedParagraph, head: Token) -> list[tuple[str | None, str, str | None]]:
        """Countries (or an IGO's code) named in the NP: modifiers, possessors, 'of X and Y'."""
        found: list[tuple[str | None, str, str | None]] = []
        candidates: list[Token] = []
        possessors: list[Token] = []
        for child in head.children:
            if child.dep_ == "poss" and child.pos_ == "PRON":
                possessors.append(child)
            elif child.dep_ in MODIFIER_DEPS:
                candidates.extend(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        for x in (pobj, *pobj.conjuncts):
                            candidates.append(x)
                            candidates.extend(c for c in x.children if c.dep_ in {"compound", "amod"})
        if head.dep_ == "compound":  # "Israeli army bulldozers": 'Israeli' modifies 'army' too
            for child in head.head.children:
                if child.dep_ in MODIFIER_DEPS and child.i < head.i and child.dep_ != "poss":
                    candidates.extend(child.subtree)
        seen: set[str] = set()
        for tok in sorted(candidates, key=lambda t: t.i):
            named = self.named_at(para, tok)
            if named is None:
                place = self.place_at(para, tok)
                if place is not None and place[0] not in seen:
                    seen.add(place[0])
                    found.append((place[0], f"place '{place[1]}' → {place[0]}", None))
                continue
            m, actor = named
            if m.entry.type == "country" and (self._ethnic(m.start) or self._stance(m.start)):
                continue  # "ethnic Albanian guerrillas" in Macedonia, "anti-Syria journalist"
            if actor.country and actor.country not in seen:
                seen.add(actor.country)
                found.append((actor.country, f"'{m.text}' → {actor.country}", None))
            elif actor.country is None and actor.org and actor.code and actor.code not in seen:
                seen.add(actor.code)
                found.append((None, f"'{m.text}' → {actor.code}", actor.code))
        if not found:  # "his government": the country of the person "his" refers to
            for child in possessors:
                for actor in self._pronoun(para, child):
                    if actor.country:
                        found.append((actor.country, f"'{child.text}' → {actor.name}", None))
        return found

    def all_mentions(self) -> list[Actor]:
        return sorted(self.mentions.values(), key=lambda a: (a.start, a.end))
