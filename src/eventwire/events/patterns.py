"""Verb and noun patterns (``data/events/verbs.jsonl``) and their matching against a parse."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from spacy.tokens import Token

TARGET_SPECS = ("dobj", "dative", "poss", "nsubjpass", "clause.subject")
# nouns that only frame what is acted upon: "halted its mediation efforts", "suspended part of
# the aid programme", "received a mission of observers" (the inner noun names the act)
FRAME_NOUNS = frozenset(
    "effort process programme program part portion half share bulk rest remainder mission team "
    "group delegation batch contingent number series round".split()
)

# nouns that name the act of a verb: "announced a suspension of air links" is "suspended air
# links", "ordered a halt to the shelling" is "halted the shelling" (the verb's patterns apply)
NOMINALS = MappingProxyType(
    {
        "suspension": "suspend",
        "halt": "halt",
        "freeze": "freeze",
        "ban": "ban",
        "closure": "close",
        "resumption": "resume",
        "imposition": "impose",
        "lifting": "lift",
        "easing": "ease",
        "reduction": "reduce",
        "cut": "cut",
        "severance": "sever",
        "restoration": "restore",
        "extension": "extend",
        "end": "end",
        "cessation": "cease",
        "termination": "terminate",
        "removal": "remove",
        "tightening": "tighten",
        "relaxation": "relax",
        "postponement": "postpone",
        "cancellation": "cancel",
        "recall": "recall",
        "expansion": "expand",
        "delivery": "deliver",
        "shipment": "ship",
        "sale": "sell",
        "transfer": "transfer",
        "provision": "provide",
    }
)
# where a nominal's object sits: "suspension of flights", "a halt to the shelling"
NOMINAL_OBJECT_PREPS = ("of", "to")


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    pos: str
    lemma: str
    code: str
    symmetric: bool
    particle: str | None
    object: frozenset[str] | None
    prep: str | None
    pobj: frozenset[str] | None
    target: tuple[str, ...]
    # the clause subject receives the act: the actor at ``target`` is the source and the subject
    # the target ("Syria received arms from Russia": Russia → Syria)
    reverse: bool = False

    @property
    def specificity(self) -> int:
        return sum(x is not None for x in (self.particle, self.object, self.prep, self.pobj))


def _lemmas(value: object) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return frozenset({value.lower()})
    return frozenset(str(v).lower() for v in value)  # type: ignore[attr-defined]


def parse_patterns(text: str, where: str) -> list[Pattern]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            pos = obj.get("pos", "verb")
            if pos not in {"verb", "noun"}:
                raise ValueError(f"pos must be verb or noun, not {pos!r}")
            target = tuple(obj.get("target") or ())
            reverse = obj.get("reverse", False)
            if not isinstance(reverse, bool):
                raise ValueError(f"reverse must be true or false, not {reverse!r}")
            for spec in target:
                if spec not in TARGET_SPECS and not spec.startswith(("prep:", "object.prep:")):
                    raise ValueError(f"unknown target spec {spec!r}")
            out.append(
                Pattern(
                    id=obj["id"],
                    pos=pos,
                    lemma=obj["lemma"].lower(),
                    code=str(obj["code"]),
                    symmetric=bool(obj.get("symmetric", False)),
                    particle=(obj.get("particle") or None),
                    object=_lemmas(obj.get("object")),
                    prep=(obj.get("prep") or None),
                    pobj=_lemmas(obj.get("pobj")),
                    target=target,
                    reverse=reverse,
                )
            )
        except (json.JSONDecodeError, KeyError, ValueError, TypeError, AttributeError) as exc:
            raise ValueError(f"{where}:{n}: bad pattern: {exc}") from exc
    return out


class PatternBook:
    """Patterns indexed by (pos, lemma); ``match`` returns the most specific fitting one."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self._by_key: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for p in patterns:
            self._by_key[(p.pos, p.lemma)].append(p)
        for plist in self._by_key.values():
            plist.sort(key=lambda p: -p.specificity)
        # every lemma a pattern names: a token whose lemma and form are not here has no candidates
        self.trigger_words = frozenset(lemma for _, lemma in self._by_key)

    def candidates(self, tok: Token) -> list[Pattern]:
        pos = "noun" if tok.pos_ in {"NOUN", "PROPN"} else "verb" if tok.pos_ in {"VERB", "AUX"} else ""
        if not pos:
            return []
        return self._by_key.get((pos, tok.lemma_.lower()), []) or self._by_key.get((pos, tok.lower_), [])

    def match(self, tok: Token) -> tuple[Pattern | None, list[str]]:
        """The most specific pattern that fits ``tok`` and, for --explain, why others did not.
        A pattern that names the object's own head word wins; a pattern that names no object
        gives way to one that names the noun a framing object stands for ("halted mediation
        efforts", "suspended part of the aid programme")."""
        misses: list[str] = []
        cands = self.candidates(tok)
        view = TriggerView(tok)
        framing = any(o.lemma_.lower() in FRAME_NOUNS for o in view.objects)
        for p in cands:
            why = view.fits(p)
            if why is None:
                if p.object is None and framing:
                    inner = [q for q in cands if q.object is not None and view.fits(q, framed=True) is None]
                    if inner:
                        return inner[0], misses
                return p, misses
            misses.append(f"{p.id}: {why}")
        if framing:
            for p in cands:
                if p.object is not None and view.fits(p, framed=True) is None:
                    return p, misses
        return None, misses

    def match_nominal(self, noun: Token) -> Pattern | None:
        """The most specific pattern of the verb a nominal names that fits the noun's own
        phrase ("a suspension of air links with Serbia" → suspend.ties)."""
        verb = NOMINALS.get(noun.lemma_.lower())
        if verb is None:
            return None
        for p in self._by_key.get(("verb", verb), []):
            if fits_nominal(p, noun):
                return p
        return None


def nominal_objects(noun: Token) -> list[Token]:
    """What a nominal acts on: its "of" or "to" object ("a suspension of flights"), or the
    "to" phrase a parse hangs on the verb that takes it ("ordered a halt | to the shelling")."""
    out = [o for prep in NOMINAL_OBJECT_PREPS for o in prep_objects(noun, prep)]
    if not out and noun.dep_ == "dobj":
        out = prep_objects(noun.head, "to")
    return out


def fits_nominal(p: Pattern, noun: Token) -> bool:
    """Whether verb pattern ``p`` fits a nominal: no particle, its object among the noun's
    "of"/"to" objects (or what a framing one stands for), its preposition on the noun."""
    if p.particle is not None:
        return False
    objs = nominal_objects(noun)
    lemmas = {o.lemma_.lower() for o in objs} | {x for o in objs for x in framed_lemmas(o)}
    if p.object is not None and not lemmas & p.object:
        return False
    if p.prep is not None:
        pobjs = prep_objects(noun, p.prep)
        if not pobjs or (p.pobj is not None and not any(o.lemma_.lower() in p.pobj for o in pobjs)):
            return False
    return True


def objects(tok: Token) -> list[Token]:
    """Direct objects, including the subject of a passive ("sanctions were imposed")."""
    return objects_among(tuple(tok.children))


def objects_among(children: tuple[Token, ...]) -> list[Token]:
    """``objects`` of the token whose ``children`` these are (one pass over them)."""
    direct: list[Token] = []
    passive: list[Token] = []
    for c in children:
        dep = c.dep_
        if dep in {"dobj", "attr", "oprd"}:
            direct.append(c)
        elif dep == "nsubjpass":
            passive.append(c)
    out = direct or passive
    return out + [cj for o in out for cj in o.conjuncts]


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """The objects of preposition ``prep`` on ``tok``; for "for", also the subject of a clause
    it introduces ("called for Burma to hold elections" → Burma)."""
    return prep_objects_among(tuple(tok.children), prep)


def prep_objects_among(children: tuple[Token, ...], prep: str) -> list[Token]:
    """``prep_objects`` of the token whose ``children`` these are."""
    out = []
    for child in children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ == prep:
            for pobj in [*(c for c in child.children if c.dep_ in {"pobj", "pcomp"}), *_stranded(child)]:
                out.append(pobj)
                out.extend(pobj.conjuncts)
        elif prep == "for" and child.dep_ in {"advcl", "ccomp"} and _introduced_by(child, "for"):
            subs = [s for s in child.children if s.dep_ == "nsubj"]
            out.extend(x for s in subs for x in (s, *s.conjuncts))
    return out


def _stranded(prep: Token) -> list[Token]:
    """The object of a preposition the parser left without one because it made the noun the
    subject of a participle clause after it ("granted asylum to five officers holed up in ..."
    parsed as "to | officers holed up")."""
    if any(c.dep_ in {"pobj", "pcomp"} for c in prep.children):
        return []
    return [
        s
        for clause in prep.head.children
        if clause.dep_ in {"advcl", "ccomp", "acl"} and clause.i > prep.i
        for s in clause.children
        if s.dep_ in {"nsubj", "nsubjpass"} and s.left_edge.i == prep.i + 1
    ]


def _introduced_by(clause: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in clause.children)


def framed_lemmas(noun: Token, depth: int = 0) -> frozenset[str]:
    """The lemmas a framing noun stands for: its noun modifiers and its "of" object
    ("mediation efforts" → mediation; "part of a military aid programme" → aid)."""
    if noun.lemma_.lower() not in FRAME_NOUNS or depth > 2:
        return frozenset()
    out: set[str] = set()
    for c in noun.children:
        if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}:
            out.add(c.lemma_.lower())
    for inner in prep_objects(noun, "of"):
        out.add(inner.lemma_.lower())
        out |= framed_lemmas(inner, depth + 1)
    return frozenset(out)


class TriggerView:
    """What the patterns of one trigger look at, read from the parse once for all of them:
    its children, its objects and their lemmas, its preposition objects."""

    __slots__ = ("_framed", "_has_prep", "_lemmas", "_pobjs", "children", "objects")

    def __init__(self, tok: Token) -> None:
        self.children = tuple(tok.children)
        self.objects = objects_among(self.children)
        self._lemmas = frozenset(o.lemma_.lower() for o in self.objects)
        self._framed: frozenset[str] | None = None
        self._pobjs: dict[str, list[Token]] = {}
        self._has_prep: dict[str, bool] = {}

    def lemmas(self, framed: bool) -> frozenset[str]:
        """The objects' lemmas, with what framing objects stand for when ``framed``."""
        if not framed:
            return self._lemmas
        if self._framed is None:
            self._framed = self._lemmas | {x for o in self.objects for x in framed_lemmas(o)}
        return self._framed

    def prep_objects(self, prep: str) -> list[Token]:
        if prep not in self._pobjs:
            self._pobjs[prep] = prep_objects_among(self.children, prep)
        return self._pobjs[prep]

    def has_prep(self, prep: str) -> bool:
        if prep not in self._has_prep:
            self._has_prep[prep] = any(
                (c.lower_ == prep and c.dep_ in {"prep", "agent", "dative"})
                or (prep == "for" and c.dep_ in {"advcl", "ccomp"} and _introduced_by(c, "for"))
                for c in self.children
            )
        return self._has_prep[prep]

    def fits(self, p: Pattern, framed: bool = False) -> str | None:
        """None when pattern ``p`` fits this trigger, else the reason it does not. With
        ``framed``, the object may be a framing noun whose inner noun fits ("mediation efforts")."""
        if p.particle is not None and not any(
            c.dep_ == "prt" and c.lower_ == p.particle for c in self.children
        ):
            return f"needs particle '{p.particle}'"
        if p.object is not None and not self.lemmas(framed) & p.object:
            return f"needs object in {sorted(p.object)}"
        if p.prep is not None:
            if not self.has_prep(p.prep):
                return f"needs preposition '{p.prep}'"
            pobjs = self.prep_objects(p.prep)
            if p.pobj is not None and not any(o.lemma_.lower() in p.pobj for o in pobjs):
                return f"needs '{p.prep}' + one of {sorted(p.pobj)}"
        return None


def load_patterns(extra: Path | None = None) -> PatternBook:
    ref = resources.files("eventwire") / "data" / "events" / "verbs.jsonl"
    patterns = parse_patterns(ref.read_text(encoding="utf-8"), "events/verbs.jsonl")
    if extra is not None:
        patterns = parse_patterns(extra.read_text(encoding="utf-8"), str(extra)) + patterns
    return PatternBook(patterns)
