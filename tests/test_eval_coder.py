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


def _ner_spans(engine, text: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(role, text) of the spans the NER eval predicts for a sentence we wrote."""
    from eventwire.evaluation.actors import _main_actors, _widen
    from eventwire.evaluation.common import Sentence, code_sentences, main_event

    [item] = list(code_sentences(engine, [Sentence("t", text)]))
    out = set()
    for role, actor in _main_actors(item.coded.events, main_event(item.coded.events)):
        span = _widen(item, actor, role)
        if span is not None:
            out.add((role, item.article.text[span[0] : span[1]]))
    return out


def test_ner_span_of_a_possessor_is_the_whole_phrase(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(engine, "The UN Security Council urged Chile's new government to hold elections.")
    assert ("T", "Chile's new government") in spans, spans


def test_ner_span_of_a_pronoun_is_its_antecedent_and_conjuncts_are_apart(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(
        engine, "Peru said on Monday that it had asked Bolivia and Ecuador to return the stolen statues."
    )
    assert spans == {("S", "Peru"), ("T", "Bolivia"), ("T", "Ecuador")}, spans


def test_ner_spans_of_a_joint_act_are_not_marked(engine) -> None:  # type: ignore[no-untyped-def]
    assert _ner_spans(engine, "Chile and Argentina agreed to a ceasefire on Monday.") == set()


def test_ner_span_of_a_modifier_or_a_group_member_is_the_whole_phrase(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(engine, "A group of Chilean students in Santiago protested against Bolivia on Monday.")
    assert ("S", "A group of Chilean students in Santiago") in spans, spans
    spans = _ner_spans(engine, "The Kenyan rebels attacked a police station (KPS) on Friday.")
    assert ("S", "The Kenyan rebels") in spans, spans


def test_ner_span_keeps_an_apposition(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(engine, "Michelle Bachelet, the Chilean president, criticized Bolivia on Monday.")
    assert ("S", "Michelle Bachelet, the Chilean president") in spans, spans


def test_ner_span_of_an_acted_on_actor_leaves_out_the_act(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(engine, "Chilean students demanded the removal of President Alvaro Gomez.")
    assert ("T", "President Alvaro Gomez") in spans, spans


def test_ner_span_of_a_request_s_author_is_the_request(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(engine, "Peru rejected demands from Bolivian miners on Monday.")
    assert ("T", "demands from Bolivian miners") in spans, spans


def test_ner_span_leaves_out_a_relative_clause_and_a_number_after_a_name(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(
        engine, "Chilean police released the driver of the bus company Turbus, who was held for a day."
    )
    assert ("T", "the driver of the bus company Turbus") in spans, spans
    spans = _ner_spans(engine, "The World Bank gave Bolivia 3 million dollars for new schools.")
    assert ("T", "Bolivia") in spans, spans


def test_ner_span_leaves_out_a_date_after_the_noun(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(
        engine,
        "Peru complained on Friday over the Chilean raids last Tuesday in which it said nine people"
        " were killed.",
    )
    assert ("T", "the Chilean raids") in spans, spans


def test_gold_actor_text_is_found_as_whole_words() -> None:
    from eventwire.evaluation.actors import _find

    text = "Pushing ahead, the US refused."
    assert _find(text, "US") == (text.index("US"), text.index("US") + 2)
    assert _find(text, "the us") == (15, 21)


def test_gsr_records_that_share_an_id_are_scored_apart(engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from eventwire.evaluation.coder import eval_gsr

    folder = tmp_path / "gold" / "plover_gsr_cameo"
    folder.mkdir(parents=True)
    records = [
        {"id": "x-1", "text": "Kenyan troops attacked Ugandan villages.", "event": "ASSAULT",
         "source": [{"code": "KEN"}], "target": [{"code": "UGA"}]},
        {"id": "x-1", "text": "Chile accused Peru of spying.", "event": "ACCUSE",
         "source": [{"code": "CHL"}], "target": [{"code": "PER"}]},
    ]  # fmt: skip
    (folder / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps(records), encoding="utf-8")
    out = eval_gsr(tmp_path, engine, None)
    assert (out["gsr_event_type_accuracy"], out["gsr_dyad_accuracy"]) == (1.0, 1.0), out


def test_ner_span_of_a_place_standing_for_things_attacked_is_the_things(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(engine, "Bolivian tanks fired three shells at targets in Arica, witnesses said.")
    assert ("T", "targets in Arica") in spans, spans


def test_ner_span_keeps_a_from_phrase_of_a_common_noun(engine) -> None:  # type: ignore[no-untyped-def]
    spans = _ner_spans(
        engine, "About 300 doctors from Chilean aid groups protested against Bolivia on Monday."
    )
    assert ("S", "About 300 doctors from Chilean aid groups") in spans, spans
