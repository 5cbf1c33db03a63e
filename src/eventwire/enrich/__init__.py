"""Enrich: each event's own date and place; quotes with their speakers."""

from eventwire.enrich.dates import DateExpr, find_dates, normalise_date_expr
from eventwire.enrich.places import Gazetteer
from eventwire.enrich.quotes import find_quotes

__all__ = ["DateExpr", "Gazetteer", "find_dates", "find_quotes", "normalise_date_expr"]
