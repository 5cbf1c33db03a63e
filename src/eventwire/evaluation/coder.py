"""``eventwire eval coder``: event type, dyad and pentaclass accuracy on public gold.

- PLOVER GSR (``gold/plover_gsr_cameo``): 322 CAMEO-manual sentences with PLOVER v0.5b1 labels.
  Our main event's CAMEO code → PLOVER type (our table), both sides merged into today's PLOVER
  (DEMAND→REQUEST, DISAPPROVE/INVESTIGATE→ACCUSE, FIGHT→ASSAULT). No event counts as wrong.
  Dyad: our source country is one of the gold source countries and, when the gold names
  targets, our target country is one of them.
- ConfliBERT CAMEO pentaclass (``gold/conflibert_cameo/cameo_class/test.tsv``, 451 sentences):
  the pentaclass of our main event's root, with the mapping the dataset's own annotation project
  uses: its coders pick codes labelled "0-2 Appeal" and "3-16 Reduce Relations", so 01–02 → 0,
  03–05 → 1, 06–08 → 2, 09–13 and 16 → 3, 14–15 and 17–20 → 4 (the QuadClass split with the
  neutral 01–02 apart, as in the Phoenix data). A sentence where we code no event is predicted 0
  ("make statement"), reported separately. ``pentaclass_macro_f1_quad_split`` keeps the plain
  QuadClass split (only 01 → 0, 02 → 1, 16 → 4) as a diagnostic.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire.evaluation import GoldMissing
from eventwire.evaluation.common import (
    PLOVER_MERGES,
    Sentence,
    actor_matches_country,
    code_sentences,
    f1,
    main_event,
    pct,
    run_parts,
)
from eventwire.events.cameo import quad_class


def pentaclass(root: str) -> int:
    """The ConfliBERT/Multi-CoPED pentaclass of a CAMEO root (see the module docstring)."""
    r = int(root)
    if r == 16:
        return 3
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def quad_split(root: str) -> int:
    """Diagnostic: statements alone in class 0, everything else by CAMEO QuadClass."""
    return 0 if int(root) == 1 else quad_class(root)


def _plover(label: str | None) -> str | None:
    if label is None:
        return None
    label = label.upper()
    return PLOVER_MERGES.get(label, label)


def eval_gsr(shared: Path, engine: Any, limit: int | None) -> dict[str, Any]:
    path = shared / "gold" / "plover_gsr_cameo" / "PLOVER_GSR_CAMEO.txt"
    if not path.is_file():
        raise GoldMissing(str(path))
    records = [r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("text") and r.get("event")]
    if limit:
        records = records[:limit]
    # keyed by position: the gold file repeats an id for two different sentences
    by_key = {str(n): r for n, r in enumerate(records)}
    sents = [Sentence(key, r["text"]) for key, r in by_key.items()]
    n = typ = dyad = coded = 0
    confusion: Counter[tuple[str, str]] = Counter()
    per_type_gold: Counter[str] = Counter()
    per_type_hit: Counter[str] = Counter()
    per_type_pred: Counter[str] = Counter()
    for item in code_sentences(engine, sents):
        rec = by_key[item.sentence.key]
        gold_type = _plover(rec["event"]) or "?"
        n += 1
        per_type_gold[gold_type] += 1
        ev = main_event(item.coded.events)
        if ev is None:
            confusion[(gold_type, "none")] += 1
            continue
        coded += 1
        ours = _plover(ev.plover) or f"cameo{ev.root}"
        per_type_pred[ours] += 1
        confusion[(gold_type, ours)] += 1
        if ours == gold_type:
            typ += 1
            per_type_hit[gold_type] += 1
        srcs = rec.get("source") if isinstance(rec.get("source"), list) else []
        tgts = rec.get("target") if isinstance(rec.get("target"), list) else []
        src_ok = ev.source is not None and any(
            actor_matches_country(a.get("code"), ev.source.country, ev.source.code) for a in srcs
        )
        tgt_ok = not tgts or (
            ev.target is not None
            and any(actor_matches_country(a.get("code"), ev.target.country, ev.target.code) for a in tgts)
        )
        dyad += int(src_ok and tgt_ok)
    per_type = {
        t: {
            "gold": per_type_gold[t],
            "precision": pct(per_type_hit[t], per_type_pred[t]),
            "recall": pct(per_type_hit[t], per_type_gold[t]),
        }
        for t in sorted(per_type_gold)
    }
    return {
        "gsr_sentences": n,
        "gsr_coded": coded,
        "gsr_event_type_accuracy": pct(typ, n),
        "gsr_dyad_accuracy": pct(dyad, n),
        "gsr_per_type": per_type,
        "gsr_top_confusions": [[g, o, c] for (g, o), c in confusion.most_common(12) if g != o],
    }


def eval_pentaclass(shared: Path, engine: Any, limit: int | None) -> dict[str, Any]:
    path = shared / "gold" / "conflibert_cameo" / "cameo_class" / "test.tsv"
    if not path.is_file():
        raise GoldMissing(str(path))
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if "\t" not in line:
            continue
        text, label = line.rsplit("\t", 1)
        rows.append((f"pc{n}", text, int(label)))
    if limit:
        rows = rows[:limit]
    gold = {k: lab for k, _, lab in rows}
    pred: dict[str, int] = {}
    roots: dict[str, str] = {}
    no_event = 0
    for item in code_sentences(engine, (Sentence(k, t) for k, t, _ in rows)):
        ev = main_event(item.coded.events)
        if ev is None:
            no_event += 1
            pred[item.sentence.key] = 0
            roots[item.sentence.key] = "none"
        else:
            pred[item.sentence.key] = pentaclass(ev.root)
            roots[item.sentence.key] = ev.root
    by_root: dict[str, Counter[int]] = {}
    for k, root in roots.items():
        by_root.setdefault(root, Counter())[gold[k]] += 1
    # diagnostic only: the same score under the plain QuadClass split
    alt = {k: 0 if roots[k] == "none" else quad_split(roots[k]) for k in pred}
    classes = range(5)
    per_class = {}
    f1s = []
    for c in classes:
        tp = sum(1 for k in gold if gold[k] == c and pred.get(k, 0) == c)
        fp = sum(1 for k in gold if gold[k] != c and pred.get(k, 0) == c)
        fn = sum(1 for k in gold if gold[k] == c and pred.get(k, 0) != c)
        p, r = pct(tp, tp + fp), pct(tp, tp + fn)
        per_class[str(c)] = {"precision": p, "recall": r, "f1": f1(p, r), "gold": tp + fn}
        f1s.append(f1(p, r))
    correct = sum(1 for k in gold if pred.get(k, 0) == gold[k])
    return {
        "pentaclass_sentences": len(gold),
        "pentaclass_macro_f1": round(sum(f1s) / len(f1s), 4),
        "pentaclass_macro_f1_quad_split": _macro_f1(gold, alt),
        "pentaclass_gold_class_by_our_root": {
            r: {str(c): n for c, n in sorted(cnt.items())} for r, cnt in sorted(by_root.items())
        },
        "pentaclass_accuracy": pct(correct, len(gold)),
        "pentaclass_no_event": no_event,
        "pentaclass_per_class": per_class,
    }


def _macro_f1(gold: dict[str, int], pred: dict[str, int]) -> float:
    scores = []
    for c in range(5):
        tp = sum(1 for k in gold if gold[k] == c and pred.get(k, 0) == c)
        fp = sum(1 for k in gold if gold[k] != c and pred.get(k, 0) == c)
        fn = sum(1 for k in gold if gold[k] == c and pred.get(k, 0) != c)
        scores.append(f1(pct(tp, tp + fp), pct(tp, tp + fn)))
    return round(sum(scores) / len(scores), 4)


def _round_files(folder: Path) -> list[Path]:
    """The last summary file of each annotation round (summary_v2 over summary_v1 over summary)."""
    out = []
    for round_dir in sorted(p for p in folder.glob("round_*") if p.is_dir()):
        files = sorted(round_dir.glob("summary*.csv"))
        if files:
            out.append(files[-1])
    return out


def _root_of(label: str) -> str | None:
    """'4-17 Coerce' → '17' (the annotation rounds code pentaclass-root and a name)."""
    head = label.strip().split(" ", 1)[0]
    if "-" not in head:
        return None
    root = head.split("-", 1)[1]
    return f"{int(root):02d}" if root.isdigit() and 1 <= int(root) <= 20 else None


def eval_rounds(shared: Path, engine: Any, limit: int | None) -> dict[str, Any]:
    """Agreement of our root code with the human coders' majority (CAMEO annotation rounds)."""
    import csv

    folder = shared / "gold" / "cameo_conflibert_annotation_rounds"
    files = _round_files(folder)
    if not files:
        raise GoldMissing(str(folder))
    votes: dict[str, Counter[str]] = {}
    coders: dict[str, list[str]] = {}
    for path in files:
        with open(path, encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("sentences") or "").strip()
                roots = [
                    r
                    for key, value in row.items()
                    if key and key.startswith("Action1_CAMEO_") and value
                    for r in [_root_of(value)]
                    if r
                ]
                if text and roots:
                    votes.setdefault(text, Counter()).update(roots)
                    coders.setdefault(text, []).extend(roots)
    majority = {}
    for text, counter in votes.items():
        (top, n), *rest = counter.most_common(2) + [("", 0)]
        if sum(counter.values()) >= 2 and n > rest[0][1]:
            majority[text] = top
    items = sorted(majority)
    if limit:
        items = items[:limit]
    ours: dict[str, str] = {}
    for item in code_sentences(engine, (Sentence(f"r{i}", t) for i, t in enumerate(items))):
        ev = main_event(item.coded.events)
        ours[item.sentence.text] = ev.root if ev else "none"
    agree = sum(1 for t in items if ours.get(t) == majority[t])
    human = [sum(1 for c in coders[t] if c == majority[t]) / len(coders[t]) for t in items if coders[t]]
    roots = sorted({majority[t] for t in items})
    per_root = {}
    for r in roots:
        tp = sum(1 for t in items if majority[t] == r and ours.get(t) == r)
        pred = sum(1 for t in items if ours.get(t) == r)
        gold = sum(1 for t in items if majority[t] == r)
        per_root[r] = {"gold": gold, "precision": pct(tp, pred), "recall": pct(tp, gold)}
    return {
        "rounds_sentences": len(items),
        "rounds_root_agreement": pct(agree, len(items)),
        "rounds_human_agreement_with_majority": round(sum(human) / len(human), 4) if human else 0.0,
        "rounds_per_root": per_root,
    }


def evaluate(shared: Path, engine_factory: Callable[[], Any], limit: int | None) -> dict[str, Any]:
    return run_parts(shared, engine_factory, limit, (eval_gsr, eval_pentaclass, eval_rounds))
