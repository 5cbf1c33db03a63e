"""The reference input: the raw scraped story eventwire was conceived from (read from ../shared)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> dict:  # type: ignore[type-arg]
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "eventwire",
            "code",
            str(seed_path),
            "--date",
            "2018-09-11",
            "--json",
        ],
        capture_output=True,
        check=True,
        timeout=600,
    )
    [line] = res.stdout.decode().splitlines()
    return json.loads(line)


def _events(seed: dict, root: set[str], src: str, tgt: str) -> list[dict]:  # type: ignore[type-arg]
    return [
        e
        for e in seed["events"]
        if e["root"] in root
        and e["source"]
        and e["target"]
        and e["source"]["code"] == src
        and e["target"]["code"] == tgt
    ]


def test_seed_article(seed: dict) -> None:  # type: ignore[type-arg]
    art = seed["article"]
    assert art["wire"] == "Reuters" and art["dateline"] == "SEOUL/WASHINGTON"
    assert art["title"].startswith("North Korea's Kim asks Trump")
    assert "Revcontent" not in art["text"] and "Previous article" not in art["text"]


def test_kim_asks_trump_for_a_meeting(seed: dict) -> None:  # type: ignore[type-arg]
    assert _events(seed, {"02", "03"}, "PRKGOV", "USAGOV")


def test_white_house_intent_to_meet(seed: dict) -> None:  # type: ignore[type-arg]
    assert [e for e in _events(seed, {"03"}, "USAGOV", "PRKGOV") if e["cameo"] == "036"]


def test_moon_summit_in_pyongyang_is_planned(seed: dict) -> None:  # type: ignore[type-arg]
    found = _events(seed, {"04"}, "KORGOV", "PRKGOV") + _events(seed, {"04"}, "PRKGOV", "KORGOV")
    planned = [e for e in found if e["modality"] == "planned"]
    assert planned, found
    assert planned[0]["location"] and planned[0]["location"]["name"] == "Pyongyang"
    assert planned[0]["date_precision"] == "week" and planned[0]["date"] == "2018-09-17"


def test_envoys_meeting_on_tuesday(seed: dict) -> None:  # type: ignore[type-arg]
    found = _events(seed, {"04"}, "KORGOV", "USAGOV") + _events(seed, {"04"}, "USAGOV", "KORGOV")
    assert any(e["date"] == "2018-09-11" for e in found), found


def test_no_events_from_other_stories_or_unasserted_clauses(seed: dict) -> None:  # type: ignore[type-arg]
    for e in seed["events"]:
        sentence = e["evidence"]["sentence"]
        assert "Cambodia" not in sentence and "Brexit" not in sentence
        if "would attend" in sentence or "could provide" in sentence:
            if e["evidence"]["trigger"]["text"] in {"attend", "provide"}:
                assert e["modality"] != "asserted", e


def test_seed_people(seed: dict) -> None:  # type: ignore[type-arg]
    codes = {}
    for a in seed["actors"]:
        codes.setdefault(a["name"], set()).add(a["code"])
    for name, code in [
        ("Kim Jong Un", "PRKGOV"),
        ("Donald Trump", "USAGOV"),
        ("Sarah Sanders", "USAGOV"),
        ("John Bolton", "USAGOV"),
        ("Mike Pompeo", "USAGOV"),
        ("Stephen Biegun", "USAGOV"),
        ("Moon Jae-in", "KORGOV"),
        ("Chung Eui-yong", "KORGOV"),
        ("Lee Do-hoon", "KORGOV"),
        ("Kim Eui-kyeom", "KORGOV"),
        ("Harry Kazianis", "USAEDU"),
    ]:
        assert code in codes.get(name, set()), (name, codes.get(name))


def test_seed_quotes_and_speakers(seed: dict) -> None:  # type: ignore[type-arg]
    speakers = [(q["speaker"] or {}).get("name") for q in seed["quotes"]]
    # seven full-sentence quotations and two partial ones, none from a caption or "Reuters"
    assert speakers.count("Sarah Sanders") >= 4
    assert speakers.count("Moon Jae-in") == 2
    assert speakers.count("Stephen Biegun") == 2
    assert "Harry Kazianis" in speakers
    assert all("Reuters" not in (s or "") for s in speakers)
    partial = {q["text"]: (q["speaker"] or {}).get("name") for q in seed["quotes"]}
    assert partial["a sign of good faith"] == "Sarah Sanders"
    assert partial["very warm, very positive"] == "Sarah Sanders"


def test_no_event_is_placed_at_a_bare_compass_word(seed: dict) -> None:  # type: ignore[type-arg]
    # the story's "North" (a possessor in a topic phrase) is no toponym
    for e in seed["events"]:
        assert not e["location"] or e["location"]["name"] != "North", e


def test_the_north_is_north_korea(seed: dict) -> None:  # type: ignore[type-arg]
    # the story's bare "the North" stands for North Korea, never for a place called North
    for a in seed["actors"]:
        assert not (a["text"] == "North" and a["code"] != "PRK"), a
    assert any(a["text"] == "North" and a["code"] == "PRK" for a in seed["actors"])


def test_their_leaders_met_is_a_us_north_korea_meeting(seed: dict) -> None:  # type: ignore[type-arg]
    # the June summit, told as the two countries' leaders meeting: both countries, not Singapore
    met = [e for e in _events(seed, {"04"}, "USAGOV", "PRKGOV") if e["evidence"]["trigger"]["text"] == "met"]
    assert met, [e["rule"] for e in seed["events"]]


def test_reporters_are_the_press_of_who_briefed_them(seed: dict) -> None:  # type: ignore[type-arg]
    press = {a["start"]: a["code"] for a in seed["actors"] if a["text"] == "reporters"}
    assert press and "PRKMED" not in press.values(), press


def test_the_envoys_discussion_is_between_them(seed: dict) -> None:  # type: ignore[type-arg]
    # the two envoys (South Korean and American) discussed North Korea's disarmament: their talks
    # are between them, not with North Korea
    talks = [e for e in seed["events"] if e["evidence"]["trigger"]["text"] == "discussed"]
    pairs = {(e["source"]["country"], e["target"]["country"]) for e in talks if e["source"] and e["target"]}
    assert pairs == {("KOR", "USA"), ("USA", "KOR")}, talks


def test_seed_event_dates(seed: dict) -> None:  # type: ignore[type-arg]
    def dated(trigger: str) -> set[tuple[str, str]]:
        return {
            (e["date"], e["date_precision"])
            for e in seed["events"]
            if e["evidence"]["trigger"]["text"] == trigger
        }

    # Pompeo's visit, cancelled in August and told as part of a possessive "last month" phrase
    assert dated("canceled") == {("2018-08-01", "month")}
    # the White House said on Monday (the story is of Tuesday 2018-09-11)
    white_house = [
        e
        for e in seed["events"]
        if e["source"] and e["source"]["code"] == "USAGOV" and "White House" in e["evidence"]["sentence"]
    ]
    assert any(e["date"] == "2018-09-10" and e["date_precision"] == "day" for e in white_house), white_house
