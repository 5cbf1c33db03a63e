"""The CAMEO event-code table: name, Goldstein score, QuadClass and PLOVER type of every code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


def quad_class(code: str) -> int:
    """CAMEO QuadClass from the root: 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {code!r}")
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.code)


def parse_cameo(text: str, where: str = "events/cameo.jsonl") -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            code = CameoCode(
                code=str(obj["code"]),
                name=obj["name"],
                goldstein=float(obj["goldstein"]),
                plover=obj.get("plover"),
                plover_mode=obj.get("plover_mode"),
            )
            quad_class(code.code)
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as exc:
            raise ValueError(f"{where}:{n}: bad CAMEO code line: {exc}") from exc
        if code.code in table:
            raise ValueError(f"{where}:{n}: duplicate CAMEO code {code.code}")
        table[code.code] = code
    return table


def load_cameo() -> dict[str, CameoCode]:
    ref = resources.files("eventwire") / "data" / "events" / "cameo.jsonl"
    return parse_cameo(ref.read_text(encoding="utf-8"))
