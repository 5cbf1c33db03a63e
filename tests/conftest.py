from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.engine import Engine

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_f39618a8c25621a2.txt"
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.load()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seed is not available (third-party data lives outside the repo)")
    return SEED


def code_text(engine: Engine, text: str, published: str = "2024-03-05"):  # type: ignore[no-untyped-def]
    """Run the real pipeline on a text we wrote (headline first line, as scraped text)."""
    from eventwire.pipeline import run
    from eventwire.records import RawArticle

    raw = RawArticle(source="<test>", body=text, fmt="text", title="Test story", published=published)
    [(result, coded)] = list(run(engine, [raw]))
    return result
