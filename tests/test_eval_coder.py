"""The pentaclass mapping used to score our CAMEO roots against the ConfliBERT labels."""

from __future__ import annotations

import pytest

from eventwire.evaluation.coder import pentaclass, quad_split


@pytest.mark.parametrize(
    ("root", "cls"),
    [("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3)]
    + [("16", 3), ("14", 4), ("15", 4), ("17", 4), ("20", 4)],
)
def test_pentaclass_follows_the_annotation_project(root: str, cls: int) -> None:
    assert pentaclass(root) == cls


def test_quad_split_differs_only_on_appeals_and_reduced_relations() -> None:
    roots = [f"{r:02d}" for r in range(1, 21)]
    differ = [r for r in roots if pentaclass(r) != quad_split(r)]
    assert differ == ["02", "16"]
