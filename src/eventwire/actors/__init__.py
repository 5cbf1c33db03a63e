"""Actors: who is who on the story's date, from our own time-aware JSONL dictionary."""

from eventwire.actors.dictionary import ActorDictionary, Entry, Match, Period, load_dictionary
from eventwire.actors.resolve import DocActors

__all__ = ["ActorDictionary", "DocActors", "Entry", "Match", "Period", "load_dictionary"]
