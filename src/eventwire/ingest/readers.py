from __future__ import annotations

import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal

from eventwire.records import RawArticle, Rejection

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | WARC_SUFFIXES

TEXT_KEYS = ("text", "body", "content", "article", "maintext")
HTML_KEYS = ("html", "raw_html")
TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("published", "date", "date_publish", "publish_date", "pubdate", "datetime")
ID_KEYS = ("id", "doc_id", "article_id", "guid")
URL_KEYS = ("url", "link", "source_url")

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MAX_BYTES = 50 * 1024 * 1024

Item = RawArticle | Rejection


def normalise_date(value: object) -> str | None:
    """A record's date field as YYYY-MM-DD, or None when it holds no recognisable date."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 10**9 <= value < 10**11:  # unix seconds
            from datetime import datetime, timezone

            return datetime.fromtimestamp(value, tz=timezone.utc).date().isoformat()
        return None
    text = str(value).strip()
    if not text:
        return None
    match = _ISO_DATE.search(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"}
    )
    return parsed.date().isoformat() if parsed else None


def iter_inputs(paths: Iterable[str], stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Yield RawArticle or Rejection for every article found under ``paths`` (``-`` is stdin)."""
    for raw in paths:
        if raw == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_blob("<stdin>", stream.read(), suffix=None)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith(".") or child.name.lower() in {"readme.md", "readme.txt"}:
                    continue
                yield from _read_path(child)
        elif path.exists():
            yield from _read_path(path)
        else:
            yield Rejection(str(path), "ingest", "no such file or directory")


def _suffixes(path: Path) -> tuple[str, bool]:
    """The format suffix of a path and whether it is gzip-compressed."""
    sufs = [s.lower() for s in path.suffixes]
    gz = bool(sufs) and sufs[-1] in {".gz", ".gzip"}
    if gz:
        sufs = sufs[:-1]
    return (sufs[-1] if sufs else ""), gz


def _read_path(path: Path) -> Iterator[Item]:
    source = str(path)
    suffix, gz = _suffixes(path)
    if suffix == ".warc":
        yield from _read_warc(path)
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_jsonl(path, gz)
        return
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            yield Rejection(source, "ingest", f"file too large ({size} bytes > {_MAX_BYTES})")
            return
        data = path.read_bytes()
        if gz:
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Rejection(source, "ingest", f"cannot read file: {exc}")
        return
    yield from _read_blob(source, data, suffix if suffix in KNOWN_SUFFIXES else None)


def _decode(source: str, data: bytes) -> str | Rejection:
    if not data.strip():
        return Rejection(source, "ingest", "empty input")
    if b"\x00" in data[:8192]:
        return Rejection(source, "ingest", "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(source, "ingest", f"not valid UTF-8 text (byte {exc.start}: {exc.reason})")


def _sniff(text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith("{"):
        return ".jsonl"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return ".html"
    if head.startswith("warc/"):
        return ".warc"
    return ".txt"


def _read_blob(source: str, data: bytes, suffix: str | None) -> Iterator[Item]:
    if suffix is None and data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield Rejection(source, "ingest", f"corrupt gzip data: {exc}")
            return
    if suffix is None and data.lstrip()[:5].upper() == b"WARC/":
        yield from _iter_warc_stream(source, io.BytesIO(data))
        return
    decoded = _decode(source, data)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    kind = suffix or _sniff(decoded)
    if kind in JSON_SUFFIXES:
        yield from _records_from_lines(source, io.StringIO(decoded))
    elif kind in HTML_SUFFIXES:
        yield RawArticle(source=source, body=decoded, fmt="html")
    else:
        yield RawArticle(source=source, body=decoded, fmt="text")


def _read_jsonl(path: Path, gz: bool) -> Iterator[Item]:
    source = str(path)
    try:
        raw: IO[bytes] = gzip.open(path, "rb") if gz else open(path, "rb")  # type: ignore[assignment]  # noqa: SIM115
    except OSError as exc:
        yield Rejection(source, "ingest", f"cannot read file: {exc}")
        return
    with raw:
        try:
            head = raw.peek(1)[:1] if hasattr(raw, "peek") else b""
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Rejection(source, "ingest", f"cannot read file: {exc}")
            return
        if head == b"[":  # a JSON array file: small by nature, read whole
            yield from _records_from_array(source, raw.read())
            return
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict")
        yield from _records_from_lines(source, text)


def _records_from_array(source: str, data: bytes) -> Iterator[Item]:
    try:
        items = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Rejection(source, "ingest", f"invalid JSON: {exc}")
        return
    if not isinstance(items, list):
        items = [items]
    for n, obj in enumerate(items, 1):
        yield _from_record(f"{source}:{n}", obj)


def _records_from_lines(source: str, lines: IO[str]) -> Iterator[Item]:
    lineno = 0
    while True:
        try:
            line = lines.readline()
        except (UnicodeDecodeError, OSError, EOFError) as exc:
            yield Rejection(f"{source}:{lineno + 1}", "ingest", f"unreadable line: {exc}")
            return
        if not line:
            return
        lineno += 1
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(f"{source}:{lineno}", "ingest", f"invalid JSON: {exc.msg}")
            continue
        yield _from_record(f"{source}:{lineno}", obj)


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _from_record(source: str, obj: object) -> Item:
    if not isinstance(obj, dict):
        return Rejection(source, "ingest", f"JSON record is a {type(obj).__name__}, not an object")
    html = _first(obj, HTML_KEYS)
    text = _first(obj, TEXT_KEYS)
    body = text if text is not None else html
    if body is None:
        return Rejection(source, "ingest", f"record has no text field (looked for {', '.join(TEXT_KEYS)})")
    if not isinstance(body, str):
        return Rejection(source, "ingest", "record text is not a string")
    fmt: Literal["text", "html"] = "html" if text is None or _sniff(body) == ".html" else "text"
    title = _first(obj, TITLE_KEYS)
    rid = _first(obj, ID_KEYS)
    url = _first(obj, URL_KEYS)
    return RawArticle(
        source=source,
        body=body,
        fmt=fmt,
        record_id=str(rid) if rid is not None else None,
        url=str(url) if url is not None else None,
        title=str(title).strip() if title is not None else None,
        published=normalise_date(_first(obj, DATE_KEYS)),
    )


def _read_warc(path: Path) -> Iterator[Item]:
    try:
        stream = open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Rejection(str(path), "ingest", f"cannot read file: {exc}")
        return
    with stream:
        yield from _iter_warc_stream(str(path), stream)


def _iter_warc_stream(source: str, stream: IO[bytes]) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    records = ArchiveIterator(stream)
    try:
        for record in records:
            n += 1
            rid = record.rec_headers.get_header("WARC-Record-ID") or f"#{n}"
            where = f"{source}#{rid}"
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                yield Rejection(where, "ingest", f"WARC response is not HTML ({ctype or 'no type'})")
                continue
            try:
                payload = record.content_stream().read()
            except (OSError, EOFError, ValueError) as exc:
                yield Rejection(where, "ingest", f"truncated WARC record: {exc}")
                continue
            charset = _charset(ctype)
            try:
                html = payload.decode(charset)
            except (UnicodeDecodeError, LookupError) as exc:
                yield Rejection(where, "ingest", f"WARC payload not decodable as {charset}: {exc}")
                continue
            if not html.strip():
                yield Rejection(where, "ingest", "empty WARC payload")
                continue
            yield RawArticle(source=where, body=html, fmt="html", record_id=rid, url=uri)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Rejection(f"{source}#after-{n}", "ingest", f"WARC stream broken: {exc}")
    finally:
        records.close()


def _charset(ctype: str) -> str:
    match = re.search(r"charset=([\w-]+)", ctype, re.I)
    return match[1] if match else "utf-8"
