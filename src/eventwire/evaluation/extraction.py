"""Extraction suite: how well the clean stage turns an HTML page into the article and its metadata.

Two third-party benchmarks, read from ``shared / "extraction"`` one page at a time:

* ``scrapinghub-article-extraction-benchmark`` (Zyte): 181 pages, gold article body only.
* ``naeb-newspaper4k-article-extraction-dataset`` (NAEB): 424 pages, of which 421 have their HTML in
  our snapshot (3 pages >= 4 MiB were not mirrored; pages without HTML are skipped and counted).
  Gold body, title, authors and date.

Body text is scored as the Zyte benchmark's ``evaluate.py`` defines it (re-implemented here):

* tokens are the ``\\w+`` runs of the text, case preserved (the upstream regex carries
  ``re.IGNORECASE``, which does nothing to ``\\w+``, and never lowercases), 4-token shingles
  counted as a multiset; a text of 1-3 tokens is one short shingle, a text without tokens has none;
* per page, tp/fp/fn are the multiset overlap, surplus and shortfall, normalised to sum to 1;
  precision is 1 when fp = fn = 0, else tp / (tp + fp) (0 when both are 0); recall likewise;
* precision is averaged over the pages with a prediction (tp + fp > 0) and recall over the pages with
  gold text (tp + fn > 0), so an empty prediction costs recall only and empty-vs-empty counts for
  neither; F1 is the harmonic mean of the two averages (not an average of per-page F1s);
* ``accuracy`` is the share of pages whose token sequence equals the gold one.

A page the clean stage rejects (``Rejection``) is scored as an empty prediction with no metadata.

NAEB metadata, each rate over the pages whose gold field is present:

* title: exact and case-sensitive after Unicode NFKC, curly quotes made straight and whitespace
  collapsed. A site-name suffix ("Headline - Site") or a different headline is a miss on purpose.
* date: the predicted ``YYYY-MM-DD`` equals the gold one (gold ``NaT`` counts as absent).
* authors: the sets of names are equal. Each side is split into names on ``,`` ``;`` ``|`` ``&``,
  ``and`` and newlines; a name is compared by its casefolded NFKC ``\\w+`` words, so case, dots and
  hyphens do not count (gold "RALPH D. RUSSO" = "Ralph D Russo", "Yi-Jin Yu" = "Yi Jin Yu") but
  accents and every word do ("Solcyré" != "Solcyre", "Greg Potts" != "Greg Potts Published").
  A leading "By" is dropped, as are parts that are only a degree or suffix (", Ph.D.", ", Jr.").
  The gold field is a comma-separated string (empty for 38 pages, which are not scored).

Diagnostics (not metrics): ``zyte_worst_pages`` and ``naeb_worst_pages`` name the WORST_PAGES pages
with the lowest per-page body F1 (id, precision, recall; no text), and ``naeb_date_misses`` counts the
missed dates by kind (``none`` predicted, ``off_by_1`` day, ``same_day_other_year``, ``other``) — where to
look next, read from the run's own scores.

The same metrics for plain trafilatura (``bare_extraction(favor_precision=True, with_metadata=True)``,
its other options at their defaults, no eventwire rules) are reported under ``trafilatura_*`` keys as a
reference from the same run.
"""

from __future__ import annotations

import gzip
import heapq
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventwire.evaluation import GoldMissing

ZYTE_DIR = "scrapinghub-article-extraction-benchmark"
NAEB_DIR = "naeb-newspaper4k-article-extraction-dataset"
SHINGLE_SIZE = 4
WORST_PAGES = 5

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_AUTHOR_SPLIT = re.compile(r"[,;|&\n]|\band\b", re.IGNORECASE)
_AUTHOR_SUFFIXES = frozenset({"phd", "ph d", "md", "m d", "jr", "sr", "ii", "iii"})


# ---------------------------------------------------------------------------------------------- body


def tokenize(text: str | None) -> list[str]:
    """The ``\\w+`` tokens of ``text``, case preserved (as the Zyte benchmark tokenises)."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of ``size``-token shingles; a shorter non-empty text is a single shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) <= size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class ShingleMatch:
    """One page: tp/fp/fn as fractions of their sum (all 0 when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def has_prediction(self) -> bool:
        return self.tp + self.fp > 0

    @property
    def has_gold(self) -> bool:
        return self.tp + self.fn > 0


def shingle_match(gold: str | None, pred: str | None, size: int = SHINGLE_SIZE) -> ShingleMatch:
    want = shingles(gold, size)
    got = shingles(pred, size)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    if total == 0:
        return ShingleMatch(0.0, 0.0, 0.0)
    return ShingleMatch(tp / total, fp / total, fn / total)


@dataclass(slots=True)
class BodyScore:
    """Running macro-averages of the Zyte benchmark's body metrics (constant memory)."""

    pages: int = 0
    exact: int = 0
    precision_sum: float = 0.0
    precision_pages: int = 0
    recall_sum: float = 0.0
    recall_pages: int = 0

    def add(self, gold: str | None, pred: str | None) -> ShingleMatch:
        match = shingle_match(gold, pred)
        self.pages += 1
        self.exact += tokenize(gold) == tokenize(pred)
        if match.has_prediction:
            self.precision_sum += match.precision
            self.precision_pages += 1
        if match.has_gold:
            self.recall_sum += match.recall
            self.recall_pages += 1
        return match

    @property
    def precision(self) -> float:
        """Mean over pages with a prediction; 0.0 when nothing was predicted at all."""
        return self.precision_sum / self.precision_pages if self.precision_pages else 0.0

    @property
    def recall(self) -> float:
        """Mean over pages with gold text; 0.0 when no page has any."""
        return self.recall_sum / self.recall_pages if self.recall_pages else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0

    @property
    def accuracy(self) -> float:
        return self.exact / self.pages if self.pages else 0.0


# ------------------------------------------------------------------------------------------ metadata


def normalise_title(title: str | None) -> str:
    """NFKC, straight quotes, collapsed whitespace; case kept."""
    if not title:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", title).translate(_QUOTES)).strip()


def normalise_authors(authors: str | None) -> frozenset[str]:
    """The set of author names in a byline or gold author string (see the module docstring)."""
    if not authors:
        return frozenset()
    names = set()
    for part in _AUTHOR_SPLIT.split(unicodedata.normalize("NFKC", authors).casefold()):
        words = _TOKEN.findall(part)
        if words[:1] == ["by"]:
            words = words[1:]
        name = " ".join(words)
        if name and name not in _AUTHOR_SUFFIXES:
            names.add(name)
    return frozenset(names)


def gold_date(date: str | None) -> str | None:
    """The gold ``YYYY-MM-DD`` date, or None for an absent one (empty or pandas' ``NaT``)."""
    if not date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date.strip()):
        return None
    return date.strip()


@dataclass(slots=True)
class MetaScore:
    """Exact-match counts for one metadata field over the pages that have that gold field."""

    pages: int = 0
    hits: int = 0

    def add(self, hit: bool) -> None:
        self.pages += 1
        self.hits += hit

    @property
    def rate(self) -> float:
        return self.hits / self.pages if self.pages else 0.0


# --------------------------------------------------------------------------------------- extractors


@dataclass(frozen=True, slots=True)
class Prediction:
    text: str
    title: str | None = None
    authors: str | None = None
    date: str | None = None
    rejected: bool = False


Extractor = Callable[[str], Prediction]


def eventwire_extractor() -> Extractor:
    """The clean stage as the pipeline runs it on an HTML page (no URL, no default date)."""
    from eventwire.clean import clean_article, load_rules
    from eventwire.records import Article, RawArticle

    rules = load_rules()

    def extract(html: str) -> Prediction:
        result = clean_article(RawArticle(source="<eval>", body=html, fmt="html", url=None), rules, None)
        if not isinstance(result, Article):
            return Prediction(text="", rejected=True)
        return Prediction(result.text, result.title, result.byline, result.published)

    return extract


def trafilatura_extractor() -> Extractor:
    """Plain trafilatura: the reference baseline."""
    import trafilatura

    def extract(html: str) -> Prediction:
        doc = trafilatura.bare_extraction(html, favor_precision=True, with_metadata=True)
        if doc is None:
            return Prediction(text="", rejected=True)
        if isinstance(doc, dict):  # not with as_dict=False, but the signature allows it
            return Prediction(doc.get("text") or "", doc.get("title"), doc.get("author"), doc.get("date"))
        return Prediction(doc.text or "", doc.title, doc.author, doc.date)

    return extract


# -------------------------------------------------------------------------------------------- pages


@dataclass(frozen=True, slots=True)
class GoldPage:
    id: str
    html_file: Path
    text: str
    title: str | None = None
    authors: str | None = None
    date: str | None = None


def _load_json(path: Path) -> Any:
    if not path.is_file():
        raise GoldMissing(f"{path} not found")
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def zyte_pages(folder: Path) -> list[GoldPage]:
    """Gold records (not HTML) of the Zyte benchmark, sorted by id."""
    gold = _load_json(folder / "ground-truth.json")
    return [
        GoldPage(id=key, html_file=folder / "html" / f"{key}.html.gz", text=item.get("articleBody") or "")
        for key, item in sorted(gold.items())
    ]


def naeb_pages(folder: Path) -> list[GoldPage]:
    """Gold records (not HTML) of NAEB, sorted by id."""
    gold = _load_json(folder / "articles.json")
    return [
        GoldPage(
            id=key,
            html_file=folder / "html" / f"{key}.html.gz",
            text=item.get("articleBody") or "",
            title=item.get("title") or None,
            authors=item.get("authors") or None,
            date=gold_date(item.get("date")),
        )
        for key, item in sorted(gold.items())
    ]


def read_html(path: Path) -> str:
    with gzip.open(path, "rb") as fh:
        return fh.read().decode("utf-8-sig", errors="replace")


def _available(pages: Sequence[GoldPage], limit: int | None) -> tuple[list[GoldPage], int]:
    """Pages whose HTML is in the snapshot (capped at ``limit``), and how many have none."""
    present = [p for p in pages if p.html_file.is_file()]
    missing = len(pages) - len(present)
    return (present if limit is None else present[:limit]), missing


def _html_stream(pages: Sequence[GoldPage]) -> Iterator[tuple[GoldPage, str]]:
    for page in pages:
        yield page, read_html(page.html_file)


# -------------------------------------------------------------------------------------------- suite


@dataclass(slots=True)
class _Tally:
    """Everything one extractor scores on both benchmarks."""

    extract: Extractor
    zyte: BodyScore = field(default_factory=BodyScore)
    naeb: BodyScore = field(default_factory=BodyScore)
    zyte_rejected: int = 0
    naeb_rejected: int = 0
    title: MetaScore = field(default_factory=MetaScore)
    date: MetaScore = field(default_factory=MetaScore)
    author: MetaScore = field(default_factory=MetaScore)
    seconds: float = 0.0
    # Bounded heaps of (-f1, id, precision, recall): the WORST_PAGES lowest per-page F1s.
    zyte_worst: list[tuple[float, str, float, float]] = field(default_factory=list)
    naeb_worst: list[tuple[float, str, float, float]] = field(default_factory=list)
    date_misses: Counter[str] = field(default_factory=Counter)

    def run(self, html: str) -> Prediction:
        start = time.perf_counter()
        pred = self.extract(html)
        self.seconds += time.perf_counter() - start
        return pred

    def add_zyte(self, page: GoldPage, pred: Prediction) -> None:
        _keep_worst(self.zyte_worst, page.id, self.zyte.add(page.text, pred.text))
        self.zyte_rejected += pred.rejected

    def add_naeb(self, page: GoldPage, pred: Prediction) -> None:
        _keep_worst(self.naeb_worst, page.id, self.naeb.add(page.text, pred.text))
        self.naeb_rejected += pred.rejected
        if page.title:
            self.title.add(bool(pred.title) and normalise_title(pred.title) == normalise_title(page.title))
        if page.date:
            hit = pred.date is not None and pred.date.strip()[:10] == page.date
            self.date.add(hit)
            if not hit:
                self.date_misses[date_miss_kind(pred.date, page.date)] += 1
        gold_authors = normalise_authors(page.authors)
        if gold_authors:
            self.author.add(normalise_authors(pred.authors) == gold_authors)

    def metrics(self, prefix: str) -> dict[str, Any]:
        return {
            f"{prefix}zyte_precision": self.zyte.precision,
            f"{prefix}zyte_recall": self.zyte.recall,
            f"{prefix}zyte_f1": self.zyte.f1,
            f"{prefix}zyte_accuracy": self.zyte.accuracy,
            f"{prefix}zyte_rejected": self.zyte_rejected,
            f"{prefix}naeb_precision": self.naeb.precision,
            f"{prefix}naeb_recall": self.naeb.recall,
            f"{prefix}naeb_f1": self.naeb.f1,
            f"{prefix}naeb_accuracy": self.naeb.accuracy,
            f"{prefix}naeb_rejected": self.naeb_rejected,
            f"{prefix}naeb_title_exact": self.title.rate,
            f"{prefix}naeb_date_exact": self.date.rate,
            f"{prefix}naeb_author_exact": self.author.rate,
        }

    def diagnostics(self) -> dict[str, Any]:
        return {
            "zyte_worst_pages": _worst_list(self.zyte_worst),
            "naeb_worst_pages": _worst_list(self.naeb_worst),
            "naeb_date_misses": dict(sorted(self.date_misses.items())),
        }


def _keep_worst(heap: list[tuple[float, str, float, float]], page_id: str, match: ShingleMatch) -> None:
    """Keep the WORST_PAGES lowest per-page F1s (a max-heap on F1 through negated keys)."""
    p, r = match.precision, match.recall
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    item = (-f1, page_id, p, r)
    if len(heap) < WORST_PAGES:
        heapq.heappush(heap, item)
    elif item > heap[0]:
        heapq.heapreplace(heap, item)


def _worst_list(heap: list[tuple[float, str, float, float]]) -> list[dict[str, Any]]:
    return [
        {"id": page_id, "precision": round(p, 3), "recall": round(r, 3)}
        for _, page_id, p, r in sorted(heap, reverse=True)
    ]


def date_miss_kind(predicted: str | None, gold: str) -> str:
    """How a predicted date misses the gold one: none, off_by_1, same_day_other_year, other."""
    if not predicted:
        return "none"
    try:
        got, want = date.fromisoformat(predicted.strip()[:10]), date.fromisoformat(gold)
    except ValueError:
        return "other"
    if abs((got - want).days) == 1:
        return "off_by_1"
    if (got.month, got.day) == (want.month, want.day):
        return "same_day_other_year"
    return "other"


def evaluate(shared: Path, engine_factory: Callable[[], Any], limit: int | None) -> dict[str, Any]:
    """Score the clean stage and plain trafilatura on both benchmarks (``engine_factory`` unused)."""
    del engine_factory  # extraction needs no NLP engine
    start = time.perf_counter()
    base = shared / "extraction"
    for name in (ZYTE_DIR, NAEB_DIR):
        if not (base / name).is_dir():
            raise GoldMissing(f"{base / name} not found")
    zyte, zyte_missing = _available(zyte_pages(base / ZYTE_DIR), limit)
    naeb, naeb_missing = _available(naeb_pages(base / NAEB_DIR), limit)
    if not zyte or not naeb:
        raise GoldMissing(f"no benchmark pages with HTML under {base}")

    ours = _Tally(eventwire_extractor())
    plain = _Tally(trafilatura_extractor())
    for page, html in _html_stream(zyte):
        for tally in (ours, plain):
            tally.add_zyte(page, tally.run(html))
    for page, html in _html_stream(naeb):
        for tally in (ours, plain):
            tally.add_naeb(page, tally.run(html))

    return {
        **ours.metrics(""),
        **plain.metrics("trafilatura_"),
        **ours.diagnostics(),
        "zyte_pages": ours.zyte.pages,
        "zyte_missing_html": zyte_missing,
        "naeb_pages": ours.naeb.pages,
        "naeb_missing_html": naeb_missing,
        "naeb_title_pages": ours.title.pages,
        "naeb_date_pages": ours.date.pages,
        "naeb_author_pages": ours.author.pages,
        "eventwire_seconds": round(ours.seconds, 2),
        "trafilatura_seconds": round(plain.seconds, 2),
        "seconds": round(time.perf_counter() - start, 2),
    }
