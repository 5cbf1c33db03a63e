from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType

import duckdb

from eventwire.records import Actor, Result, content_id

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, title VARCHAR, dateline VARCHAR,
    wire VARCHAR, published DATE, byline VARCHAR, credits JSON, text VARCHAR, removed JSON
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR,
    source_text VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    source_sector VARCHAR, source_org VARCHAR,
    target_text VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
    target_sector VARCHAR, target_org VARCHAR,
    cameo VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE, plover VARCHAR,
    plover_mode VARCHAR, event_date DATE, date_precision VARCHAR, modality VARCHAR,
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT,
    sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
    trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    rule VARCHAR, confidence DOUBLE, record JSON
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, text VARCHAR, name VARCHAR, code VARCHAR,
    country VARCHAR, sector VARCHAR, org VARCHAR, start_char INTEGER, end_char INTEGER,
    resolved_by VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, speaker_name VARCHAR, speaker_code VARCHAR,
    text VARCHAR, start_char INTEGER, end_char INTEGER, cue VARCHAR
);
CREATE TABLE IF NOT EXISTS rejections (
    id VARCHAR PRIMARY KEY, source VARCHAR, stage VARCHAR, reason VARCHAR
);
"""
TABLES = ("articles", "events", "actors", "quotes", "rejections")
_CHUNK = 200  # rows per INSERT statement (executemany is slow in DuckDB)


def _actor_cols(a: Actor | None) -> list[object]:
    if a is None:
        return [None] * 6
    return [a.text, a.name, a.code, a.country, a.sector, a.org]


class Store:
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self.con.execute(SCHEMA)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def counts(self) -> dict[str, int]:
        out = {}
        for table in TABLES:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def write(self, results: list[Result]) -> None:
        """Insert a batch of results in one transaction; rows already stored are left alone."""
        arts, evs, acts, quos, rejs = [], [], [], [], []
        for r in results:
            for rej in r.rejections:
                rejs.append([rej.id, rej.source, rej.stage, rej.reason])
            a = r.article
            if a is None:
                continue
            arts.append(
                [
                    a.id,
                    a.source,
                    a.url,
                    a.title,
                    a.dateline,
                    a.wire,
                    a.published,
                    a.byline,
                    json.dumps(list(a.credits)),
                    a.text,
                    json.dumps([{"text": x.text, "reason": x.reason, "rule": x.rule} for x in a.removed]),
                ]
            )
            for e in r.events:
                loc = e.location
                evs.append(
                    [
                        e.id,
                        a.id,
                        *_actor_cols(e.source),
                        *_actor_cols(e.target),
                        e.cameo,
                        e.root,
                        e.quad_class,
                        e.goldstein,
                        e.plover,
                        e.plover_mode,
                        e.date,
                        e.date_precision,
                        e.modality,
                        loc.name if loc else None,
                        loc.country if loc else None,
                        loc.lat if loc else None,
                        loc.lon if loc else None,
                        loc.geonameid if loc else None,
                        e.evidence.sentence,
                        e.evidence.start,
                        e.evidence.end,
                        e.evidence.trigger.text,
                        e.evidence.trigger.start,
                        e.evidence.trigger.end,
                        e.rule,
                        e.confidence,
                        json.dumps(e.to_dict(), ensure_ascii=False),
                    ]
                )
            for act in r.actors:
                acts.append(
                    [
                        content_id("actor", a.id, act.start, act.end, act.code),
                        a.id,
                        act.text,
                        act.name,
                        act.code,
                        act.country,
                        act.sector,
                        act.org,
                        act.start,
                        act.end,
                        act.resolved_by,
                    ]
                )
            for q in r.quotes:
                quos.append(
                    [
                        q.id,
                        a.id,
                        q.speaker.name if q.speaker else None,
                        q.speaker.code if q.speaker else None,
                        q.text,
                        q.start,
                        q.end,
                        q.cue.text if q.cue else None,
                    ]
                )
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in (
                ("articles", arts),
                ("events", evs),
                ("actors", acts),
                ("quotes", quos),
                ("rejections", rejs),
            ):
                for i in range(0, len(rows), _CHUNK):
                    chunk = rows[i : i + _CHUNK]
                    row_marks = "(" + ", ".join("?" * len(chunk[0])) + ")"
                    values = ", ".join([row_marks] * len(chunk))
                    params = [value for row in chunk for value in row]
                    self.con.execute(f"INSERT OR IGNORE INTO {table} VALUES {values}", params)
            self.con.execute("COMMIT")
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            raise
