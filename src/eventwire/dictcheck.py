"""``eventwire dict validate|lookup|manifest``: checks of the shipped data with file:line errors."""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from datetime import date
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

from eventwire.actors.dictionary import (
    ACTOR_FILES,
    ENTRY_TYPES,
    SECTOR_CODES,
    SECTOR_FILE,
    load_dictionary,
)
from eventwire.clean.rules import parse_rules
from eventwire.enrich.places import PLACE_FILES, parse_places
from eventwire.events.cameo import parse_cameo
from eventwire.events.patterns import Pattern, parse_patterns

OFFICES = frozenset(
    "head_of_state head_of_government foreign_minister defence_minister interior_minister "
    "finance_minister other_minister military_commander spokesperson security_adviser envoy "
    "legislator opposition_leader party_leader igo_official judge other".split()
)
STATUSES = frozenset({"un_member", "un_observer", "territory", "partially_recognised"})
DATA_FILES = tuple(
    [f"actors/{n}" for n in (*ACTOR_FILES, SECTOR_FILE)]
    + [
        "events/cameo.jsonl",
        "events/verbs.jsonl",
        "clean/rules.jsonl",
        *PLACE_FILES,
    ]
)
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _data(rel: str) -> Traversable:
    return resources.files("eventwire") / "data" / rel


def _lines(text: str) -> list[tuple[int, dict[str, Any] | None, str | None]]:
    out: list[tuple[int, dict[str, Any] | None, str | None]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append((n, None, f"invalid JSON: {exc.msg}"))
            continue
        out.append((n, obj, None) if isinstance(obj, dict) else (n, None, "not a JSON object"))
    return out


def _parse_day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value is not None else None


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.iso3: set[str] = set()
        self.keys: dict[str, str] = {}
        self.aliases: dict[str, str] = {}
        self.counts: dict[str, int] = defaultdict(int)

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def alias(self, where: str, alias: str, owner: str) -> None:
        prev = self.aliases.get(alias)
        if prev is not None and prev != owner:
            self.err(where, f"alias {alias!r} already belongs to {prev}")
        self.aliases.setdefault(alias, owner)

    def countries(self, name: str, text: str) -> None:
        for n, obj, problem in _lines(text):
            where = f"{name}:{n}"
            if obj is None:
                self.err(where, problem or "bad line")
                continue
            for field in ("iso3", "cameo", "name", "aliases", "adjectives", "capital", "status"):
                if field not in obj:
                    self.err(where, f"missing field {field!r}")
            iso3 = str(obj.get("iso3", ""))
            if not _ISO3.match(iso3):
                self.err(where, f"iso3 {iso3!r} is not three capital letters")
            if iso3 in self.iso3:
                self.err(where, f"duplicate country {iso3}")
            self.iso3.add(iso3)
            if obj.get("status") not in STATUSES:
                self.err(where, f"unknown status {obj.get('status')!r}")
            for alias in [*obj.get("aliases", []), *obj.get("historical", [])]:
                self.alias(where, alias, f"country {iso3}")
            self.counts["countries"] += 1

    def entries(self, name: str, text: str) -> None:
        for n, obj, problem in _lines(text):
            where = f"{name}:{n}"
            if obj is None:
                self.err(where, problem or "bad line")
                continue
            key = obj.get("key")
            if not key:
                self.err(where, "missing key")
                continue
            if key in self.keys:
                self.err(where, f"duplicate key {key!r} (first at {self.keys[key]})")
            self.keys[key] = where
            if obj.get("type") not in ENTRY_TYPES - {"country"}:
                self.err(where, f"unknown type {obj.get('type')!r}")
            if not obj.get("name"):
                self.err(where, "missing name")
            for alias in obj.get("aliases", []):
                self.alias(where, alias, key)
            self.periods(where, obj)
            self.counts[str(obj.get("type"))] += 1

    def periods(self, where: str, obj: dict[str, Any]) -> None:
        spans: list[tuple[date, date]] = []
        for i, p in enumerate(obj.get("periods", [])):
            at = f"{where}: period {i + 1}"
            try:
                start, end = _parse_day(p.get("start")), _parse_day(p.get("end"))
            except ValueError as exc:
                self.err(at, f"bad date: {exc}")
                continue
            if start and end and end < start:
                self.err(at, f"ends ({end}) before it starts ({start})")
            s, e = start or date.min, end or date.max
            for s2, e2 in spans:
                if s <= e2 and s2 <= e:
                    self.err(at, f"overlaps another period of {obj.get('key')} ({s2}..{e2})")
            spans.append((s, e))
            country = p.get("country")
            if country is not None and country not in self.iso3:
                self.err(at, f"unknown country code {country!r}")
            sector = p.get("sector")
            if sector is not None and sector not in SECTOR_CODES:
                self.err(at, f"unknown sector code {sector!r}")
            office = p.get("office")
            if office is not None and office not in OFFICES:
                self.err(at, f"unknown office {office!r}")

    def sectors(self, name: str, text: str) -> None:
        seen: dict[str, str] = {}
        for n, obj, problem in _lines(text):
            where = f"{name}:{n}"
            if obj is None:
                self.err(where, problem or "bad line")
                continue
            term = str(obj.get("term", "")).lower()
            if not term:
                self.err(where, "missing term")
            elif term in seen:
                self.err(where, f"duplicate term {term!r} (first at {seen[term]})")
            seen[term] = where
            if obj.get("sector") not in SECTOR_CODES:
                self.err(where, f"unknown sector code {obj.get('sector')!r}")
            if obj.get("kind") not in {"person", "group"}:
                self.err(where, f"kind must be person or group, not {obj.get('kind')!r}")
            if obj.get("office") is not None and obj["office"] not in OFFICES:
                self.err(where, f"unknown office {obj['office']!r}")
            self.counts["sector terms"] += 1


def _read(rel: str) -> str | None:
    ref = _data(rel)
    return ref.read_text(encoding="utf-8") if ref.is_file() else None


def pattern_problems(p: Pattern) -> list[str]:
    """What is wrong with a pattern beyond its syntax: a reverse (receiving) pattern is a verb
    pattern, not symmetric, and names where its source, the giver, is ("prep:from")."""
    out = []
    if p.reverse:
        if p.pos != "verb":
            out.append("a reverse pattern must be a verb pattern")
        if p.symmetric:
            out.append("a reverse pattern cannot be symmetric")
        if not p.target:
            out.append("a reverse pattern needs target places where its source (the giver) is")
    return out


def validate_all(user_files: list[Path]) -> tuple[list[str], str]:
    c = _Checker()
    countries = _read("actors/countries.jsonl")
    if countries is None:
        c.err("actors/countries.jsonl", "missing")
    else:
        c.countries("actors/countries.jsonl", countries)
    for name in ACTOR_FILES[1:]:
        text = _read(f"actors/{name}")
        if text is None:
            c.err(f"actors/{name}", "missing")
            continue
        c.entries(f"actors/{name}", text)
    sectors = _read(f"actors/{SECTOR_FILE}")
    if sectors is None:
        c.err(f"actors/{SECTOR_FILE}", "missing")
    else:
        c.sectors(f"actors/{SECTOR_FILE}", sectors)
    cameo: dict[str, Any] = {}
    try:
        cameo = parse_cameo(_read("events/cameo.jsonl") or "")
        for code in cameo.values():
            if not -10.0 <= code.goldstein <= 10.0:
                c.err("events/cameo.jsonl", f"{code.code}: Goldstein {code.goldstein} outside -10..10")
        c.counts["CAMEO codes"] = len(cameo)
        roots = {code[:2] for code in cameo}
        missing = sorted({f"{i:02d}" for i in range(1, 21)} - roots)
        if missing:
            c.err("events/cameo.jsonl", f"roots without codes: {missing}")
    except ValueError as exc:
        c.err("events/cameo.jsonl", str(exc))
    try:
        patterns = parse_patterns(_read("events/verbs.jsonl") or "", "events/verbs.jsonl")
        ids: set[str] = set()
        for p in patterns:
            if p.id in ids:
                c.err("events/verbs.jsonl", f"duplicate pattern id {p.id!r}")
            ids.add(p.id)
            if cameo and p.code not in cameo:
                c.err("events/verbs.jsonl", f"pattern {p.id!r}: unknown CAMEO code {p.code}")
            for problem in pattern_problems(p):
                c.err("events/verbs.jsonl", f"pattern {p.id!r}: {problem}")
        c.counts["verb patterns"] = len(patterns)
        c.counts["codes with patterns"] = len({p.code for p in patterns})
    except ValueError as exc:
        c.err("events/verbs.jsonl", str(exc))
    try:
        rules = parse_rules((_read("clean/rules.jsonl") or "").splitlines(), "clean/rules.jsonl")
        for rule in rules:
            for example in rule.examples:
                if not rule.match(example):
                    c.err(
                        "clean/rules.jsonl",
                        f"rule {rule.name!r} does not match its example {example!r}",
                    )
        c.counts["cleaning rules"] = len(rules)
    except ValueError as exc:
        c.err("clean/rules.jsonl", str(exc))
    _check_places(c)
    _check_manifest(c)
    for path in user_files:
        text = path.read_text(encoding="utf-8")
        c.entries(str(path), text)
    summary = "ok: " if not c.errors else f"{len(c.errors)} errors; "
    summary += ", ".join(f"{v} {k}" for k, v in sorted(c.counts.items()))
    return c.errors, summary


def _check_places(c: _Checker) -> None:
    """The place files: well-formed entries, known countries, a form naming one place of a kind
    per country (Punjab may be Indian and Pakistani, not two Indian regions)."""
    seen: dict[tuple[str, str, str], str] = {}
    for rel in PLACE_FILES:
        text = _read(rel)
        if text is None:
            c.err(rel, "missing")
            continue
        try:
            entries = parse_places(text, rel)
        except ValueError as exc:
            c.errors.append(str(exc))
            continue
        for entry in entries:
            where = f"{rel}: {entry.names[0]}"
            if c.iso3 and entry.country not in c.iso3:
                c.err(where, f"unknown country {entry.country}")
            for form in entry.names:
                key = (" ".join(form.lower().split()), entry.kind, entry.country)
                prev = seen.get(key)
                if prev is not None and prev != entry.names[0]:
                    c.err(where, f"form {form!r} already names {prev} ({entry.kind})")
                seen.setdefault(key, entry.names[0])
        c.counts["place entries"] += len(entries)


def _digest(rel: str) -> tuple[str, int] | None:
    text = _read(rel)
    if text is None:
        return None
    lines = sum(1 for line in text.splitlines() if line.strip())
    return hashlib.sha256(text.encode("utf-8")).hexdigest(), lines


def manifest() -> dict[str, Any]:
    from eventwire import __version__

    files = {}
    for rel in DATA_FILES:
        got = _digest(rel)
        if got is not None:
            files[rel] = {"sha256": got[0], "records": got[1]}
    return {"version": __version__, "files": files}


def _check_manifest(c: _Checker) -> None:
    text = _read("manifest.json")
    if text is None:
        c.err("manifest.json", "missing (run: eventwire dict manifest)")
        return
    stored = json.loads(text)
    current = manifest()
    for rel, meta in current["files"].items():
        old = stored.get("files", {}).get(rel)
        if old is None:
            c.err("manifest.json", f"{rel} is not listed (run: eventwire dict manifest)")
        elif old != meta:
            c.err(
                "manifest.json",
                f"{rel} changed since the manifest was written "
                f"(records {old.get('records')} → {meta['records']}; run: eventwire dict manifest)",
            )
    for rel in stored.get("files", {}):
        if rel not in current["files"]:
            c.err("manifest.json", f"lists {rel}, which does not exist")


def write_manifest() -> Path:
    path = Path(str(_data("manifest.json")))
    path.write_text(json.dumps(manifest(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def lookup(name: str, day: str | None, extra: tuple[Path, ...] = ()) -> list[dict[str, Any]]:
    from eventwire.actors import DocActors

    d = load_dictionary(extra)
    when = date.fromisoformat(day) if day else None
    resolver = DocActors(d, "", [], when)
    out = []
    seen = set()
    for m in d.find(name):
        if (m.start, m.end) != (0, len(name)) or m.entry.key in seen:
            continue
        seen.add(m.entry.key)
        actor = resolver._from_match(m)  # noqa: SLF001 - same package
        obj = actor.to_dict()
        obj["reason"] = actor.resolved_by
        out.append(obj)
    return out
