"""``eventwire eval``: accuracy against third-party gold sets read from ``../shared`` at run time.

Each suite is a module with ``evaluate(shared: Path, engine_factory, limit) -> dict`` returning a flat
JSON-able dict of metrics (floats in 0..1 for accuracies, plus counts). A suite whose gold data is
absent raises ``GoldMissing`` and is reported as skipped, never as a pass.
The floor file (``eval/floors.json``) holds the lowest accepted value of each tracked metric, so
accuracy can only go up: ``--check-floors`` fails when a metric falls below its floor.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

SUITES = ("extraction", "coder", "actors", "enrich")


class GoldMissing(FileNotFoundError):
    """The gold data a suite needs is not there (a fresh clone has no ../shared)."""


def default_shared() -> Path:
    here = Path.cwd()
    for base in (here, *here.parents):
        cand = base.parent / "shared"
        if (cand / "gold").is_dir() and (base / "pyproject.toml").is_file():
            return cand
    return here.parent / "shared"


def run_suite(
    name: str, shared: Path, engine_factory: Callable[[], Any], limit: int | None
) -> dict[str, Any]:
    if name not in SUITES:
        raise ValueError(f"unknown eval suite {name!r} (one of {', '.join(SUITES)})")
    module = importlib.import_module(f"eventwire.evaluation.{name}")
    result: dict[str, Any] = module.evaluate(shared, engine_factory, limit)
    return result


def check_floors(suite: str, metrics: dict[str, Any], floors_file: Path) -> list[str]:
    """Metrics of ``suite`` that fell below their floor (empty when all hold)."""
    floors = json.loads(floors_file.read_text(encoding="utf-8")).get(suite, {})
    failures = []
    for key, floor in floors.items():
        value = metrics.get(key)
        if not isinstance(value, (int, float)):
            failures.append(f"{suite}.{key}: missing from the results (floor {floor})")
        elif value + 1e-9 < floor:
            failures.append(f"{suite}.{key}: {value:.4f} is below its floor {floor:.4f}")
    return failures
