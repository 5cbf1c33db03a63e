from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from eventwire.ingest import iter_inputs, normalise_date
from eventwire.records import RawArticle, Rejection


def test_formats_and_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Headline\n\nBody sentence one.\n", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Hello there.</p></body></html>")
    rec = {
        "id": 7,
        "url": "http://x",
        "headline": "H",
        "date": "2020-02-03T10:00Z",
        "body": "Text.",
    }
    (tmp_path / "c.jsonl").write_text(json.dumps(rec) + "\n\n" + json.dumps({"title": "no text"}) + "\n")
    with gzip.open(tmp_path / "d.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("Zipped headline\n\nZipped body.")
    items = list(iter_inputs([str(tmp_path)]))
    kinds = [(type(i).__name__, Path(i.source.split(":")[0]).name) for i in items]
    assert kinds == [
        ("RawArticle", "a.txt"),
        ("RawArticle", "c.jsonl"),
        ("Rejection", "c.jsonl"),
        ("RawArticle", "d.txt.gz"),
        ("RawArticle", "b.html"),
    ]
    record = items[1]
    assert isinstance(record, RawArticle)
    assert (record.record_id, record.title, record.published, record.url) == (
        "7",
        "H",
        "2020-02-03",
        "http://x",
    )
    assert record.source.endswith("c.jsonl:1")
    assert isinstance(items[2], Rejection) and items[2].source.endswith("c.jsonl:3")
    assert "no text field" in items[2].reason
    assert items[4].fmt == "html"


def test_bad_files_become_rejections(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 story".encode("latin-1"))
    (tmp_path / "broken.jsonl").write_text('{"text": "fine."}\n{not json}\n')
    (tmp_path / "bad.gz").write_bytes(b"\x1f\x8bnot really gzip")
    got = {Path(i.source).name: i for i in iter_inputs([str(tmp_path)])}
    assert isinstance(got["empty.txt"], Rejection) and got["empty.txt"].reason == "empty input"
    assert isinstance(got["binary.txt"], Rejection) and "binary" in got["binary.txt"].reason
    assert isinstance(got["latin1.txt"], Rejection) and "UTF-8" in got["latin1.txt"].reason
    assert isinstance(got["broken.jsonl:1"], RawArticle)
    assert isinstance(got["broken.jsonl:2"], Rejection) and "invalid JSON" in got["broken.jsonl:2"].reason
    assert isinstance(got["bad.gz"], Rejection)
    missing = list(iter_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(missing[0], Rejection) and "no such file" in missing[0].reason


def test_stdin_is_sniffed() -> None:
    data = b'{"text": "One.", "published": "March 5, 2024"}\n'
    [item] = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(item, RawArticle) and item.published == "2024-03-05"
    [html] = list(iter_inputs(["-"], stdin=io.BytesIO(b"<!DOCTYPE html><html><body>x</body></html>")))
    assert isinstance(html, RawArticle) and html.fmt == "html"


def _warc_record(uri: str, ctype: str, body: bytes, n: int) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + http + b"\r\n\r\n")


def test_warc_mixed_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc_record(
            "http://a/1",
            "text/html; charset=utf-8",
            b"<html><body><p>Story one.</p></body></html>",
            1,
        )
        + _warc_record("http://a/2", "image/png", b"\x89PNG....", 2)
        + _warc_record("http://a/3", "text/html", b"", 3)
    )
    items = list(iter_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["RawArticle", "Rejection", "Rejection"]
    assert isinstance(items[0], RawArticle) and items[0].url == "http://a/1"
    assert "not HTML" in items[1].reason and "empty" in items[2].reason
    # a truncated file: whatever was readable comes through, the break is recorded
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 40])
    tail = list(iter_inputs([str(cut)]))
    assert isinstance(tail[0], RawArticle)
    assert any(isinstance(i, Rejection) for i in tail[1:])


def test_normalise_date() -> None:
    assert normalise_date("2025-03-14 20:30:26Z") == "2025-03-14"
    assert normalise_date("14 March 2025") == "2025-03-14"
    assert normalise_date(1_700_000_000) == "2023-11-14"
    assert normalise_date("soon") is None
    assert normalise_date("2025-02-30") is None
