"""Store: results into an embedded DuckDB file; content-hash ids make writes idempotent."""

from eventwire.store.duck import SCHEMA, Store

__all__ = ["SCHEMA", "Store"]
