"""Clean: the article and only the article, with its metadata; every removed line is kept."""

from eventwire.clean.rules import CleanRule, load_rules
from eventwire.clean.text import clean_article

__all__ = ["CleanRule", "clean_article", "load_rules"]
