"""Export a stored table to CSV, Parquet or JSON lines with DuckDB's COPY."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import duckdb

from eventwire.store.duck import TABLES

FORMATS = MappingProxyType(
    {
        "csv": "(FORMAT CSV, HEADER TRUE)",
        "parquet": "(FORMAT PARQUET)",
        "jsonl": "(FORMAT JSON)",
    }
)


def export_table(db: Path, table: str, fmt: str, out: Path) -> int:
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(f"COPY (SELECT * FROM {table} ORDER BY id) TO ? {FORMATS[fmt]}", [str(out)])
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()
