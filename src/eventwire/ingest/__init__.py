"""Ingest: turn paths (files, folders, gzip, JSONL, WARC) or stdin into RawArticle records.

Everything is streamed: a folder is walked lazily, JSONL and WARC are read record by record.
Anything unusable becomes a Rejection carrying the source and the reason; nothing stops a batch.
"""

from eventwire.ingest.readers import iter_inputs, normalise_date

__all__ = ["iter_inputs", "normalise_date"]
