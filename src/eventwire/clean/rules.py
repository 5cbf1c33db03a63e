"""Cleaning rules are data (``data/clean/rules.jsonl``): named, with a reason and examples."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

ACTIONS = frozenset({"drop", "credit", "byline", "published"})


@dataclass(frozen=True, slots=True)
class CleanRule:
    name: str
    reason: str
    action: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]

    def match(self, line: str) -> re.Match[str] | None:
        return self.pattern.search(line)


def _flags(spec: str) -> int:
    flags = 0
    for ch in spec:
        flags |= {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}[ch]
    return flags


def parse_rules(lines: list[str], where: str) -> tuple[CleanRule, ...]:
    rules = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if obj["action"] not in ACTIONS:
                raise ValueError(f"unknown action {obj['action']!r}")
            rule = CleanRule(
                name=obj["name"],
                reason=obj["reason"],
                action=obj["action"],
                pattern=re.compile(obj["pattern"], _flags(obj.get("flags", ""))),
                examples=tuple(obj.get("examples", ())),
            )
        except (json.JSONDecodeError, KeyError, ValueError, re.error) as exc:
            raise ValueError(f"{where}:{n}: bad cleaning rule: {exc}") from exc
        rules.append(rule)
    return tuple(rules)


def load_rules(extra: Path | None = None) -> tuple[CleanRule, ...]:
    """Our rules, then a user's own rules file (same format) when given."""
    ref = resources.files("eventwire") / "data" / "clean" / "rules.jsonl"
    rules = parse_rules(ref.read_text(encoding="utf-8").splitlines(), "clean/rules.jsonl")
    if extra is not None:
        rules += parse_rules(extra.read_text(encoding="utf-8").splitlines(), str(extra))
    return rules
