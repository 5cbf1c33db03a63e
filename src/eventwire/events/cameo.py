"""The CAMEO event-code table: name, Goldstein score, QuadClass and PLOVER type of every code."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

# CAMEO codes a promise, offer or announced plan to cooperate as "express intent" (03x), a refusal
# to cooperate as "reject" (12x) and an announced or conditional act of force or sanction as
# "threaten" (13x). Keys are code prefixes; the longest matching prefix wins.
INTENT_OF = MappingProxyType(
    {
        "04": "036",
        "045": "039",
        "05": "032",
        "057": "030",
        "06": "031",
        "061": "0311",
        "062": "0312",
        "063": "0313",
        "064": "0314",
        "07": "033",
        "071": "0331",
        "072": "0332",
        "073": "0333",
        "074": "0334",
        "08": "035",
        "081": "0351",
        "082": "0352",
        "083": "034",
        "0831": "0341",
        "0832": "0342",
        "0833": "0343",
        "0834": "0344",
        "084": "0353",
        "085": "0354",
        "086": "0355",
        "087": "0356",
    }
)
REFUSAL_OF = MappingProxyType(
    {
        "03": "120",
        "036": "125",
        "037": "127",
        "038": "126",
        "04": "125",
        "045": "126",
        "05": "120",
        "057": "127",
        "06": "121",
        "061": "1211",
        "062": "1212",
        "07": "122",
        "071": "1221",
        "072": "1222",
        "073": "1223",
        "074": "1224",
        "08": "124",
        "081": "1241",
        "082": "1242",
        "083": "123",
        "0831": "1231",
        "0832": "1232",
        "0833": "1233",
        "0834": "1234",
        "084": "1243",
        "085": "1244",
        "086": "1245",
        "087": "1246",
    }
)
THREAT_OF = MappingProxyType(
    {
        "14": "133",
        "16": "131",
        "161": "1313",
        "162": "1311",
        "163": "1312",
        "164": "134",
        "165": "135",
        "166": "136",
        "17": "130",
        "172": "132",
        "1721": "1321",
        "1722": "1322",
        "1723": "1323",
        "1724": "1324",
        "173": "137",
        "175": "137",
        "18": "1383",
        "19": "1384",
        "191": "1381",
        "192": "1382",
        "20": "1383",
        "204": "1385",
    }
)


def by_prefix(table: Mapping[str, str], code: str) -> str | None:
    """The value of the longest key of ``table`` that ``code`` starts with."""
    for n in range(len(code), 1, -1):
        found = table.get(code[:n])
        if found is not None:
            return found
    return None


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
