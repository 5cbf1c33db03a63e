"""Events: CAMEO codes from dependency parses, with modality and evidence."""

from eventwire.events.cameo import CameoCode, load_cameo, quad_class
from eventwire.events.coder import Candidate, code_paragraph
from eventwire.events.patterns import Pattern, PatternBook, load_patterns

__all__ = [
    "CameoCode",
    "Candidate",
    "Pattern",
    "PatternBook",
    "code_paragraph",
    "load_cameo",
    "load_patterns",
    "quad_class",
]
