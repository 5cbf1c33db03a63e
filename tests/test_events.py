"""The coder on sentences we wrote: one or more per CAMEO root, and the dependency logic."""

from __future__ import annotations

import pytest

from eventwire.dictcheck import pattern_problems
from eventwire.events import load_cameo, load_patterns, quad_class
from eventwire.events.coder import CONSTRUCTION_WORDS
from eventwire.events.patterns import PatternBook, parse_patterns

from .conftest import code_text

# (sentence, expected root, source code, target code)
ROOT_CASES = [
    (
        "The French foreign minister told Germany that the border would stay open.",
        "01",
        "FRAGOV",
        "DEU",
    ),
    ("Iraq urged Turkey to withdraw its troops.", "02", "IRQ", "TUR"),
    ("Japan pledged aid to the Philippines.", "03", "JPN", "PHL"),
    (
        "The Indian prime minister met the Australian prime minister on Friday.",
        "04",
        "INDGOV",
        "AUSGOV",
    ),
    ("Argentina praised Chile for its help.", "05", "ARG", "CHL"),
    ("Kenya signed a security agreement with Ethiopia.", "05", "KEN", "ETH"),
    ("The German navy conducted joint exercises with the Polish navy.", "06", "DEUMIL", "POLMIL"),
    ("Norway sent humanitarian aid to Sudan.", "07", "NOR", "SDN"),
    ("Colombian rebels released three hostages.", "08", "COLREB", "COLCVL"),
    ("Kenya investigated Uganda over the border incident.", "09", "KEN", "UGA"),
    ("Brazil demanded an apology from Paraguay.", "10", "BRA", "PRY"),
    ("Egypt condemned Ethiopia over the dam.", "11", "EGY", "ETH"),
    ("Poland rejected the proposal from Belarus.", "12", "POL", "BLR"),
    ("Russia threatened Ukraine with sanctions.", "13", "RUS", "UKR"),
    ("Students in Lima protested against Chile.", "14", "PEREDU", "CHL"),
    ("Turkey mobilized troops along the border with Syria.", "15", "TUR", "SYR"),
    ("Venezuela expelled the Spanish ambassador.", "16", "VEN", "ESP"),
    ("Police arrested dozens of protesters in Nairobi.", "17", "KENCOP", "KENCVL"),
    ("Rebels abducted two Italian engineers.", "18", "REB", "ITA"),
    ("Israeli troops shelled Lebanese villages.", "19", "ISRMIL", "LBN"),
    ("Sudanese militias committed genocide against Darfur villagers.", "20", "SDNUAF", "SDNCVL"),
]


@pytest.mark.parametrize(("sentence", "root", "src", "tgt"), ROOT_CASES)
def test_root_examples(engine, sentence: str, root: str, src: str, tgt: str) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, sentence)
    coded = [
        (e.root, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in result.events
    ]
    assert any(r == root and s == src and (t or "").startswith(tgt) for r, s, t in coded), coded


def test_every_root_has_a_sentence() -> None:
    assert {root for _, root, _, _ in ROOT_CASES} == {f"{i:02d}" for i in range(1, 21)}


def test_every_root_has_patterns() -> None:
    book = load_patterns()
    roots = {p.code[:2] for p in book.patterns}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_cameo_table() -> None:
    table = load_cameo()
    assert len(table) >= 250
    assert table["036"].quad_class == 1 and table["190"].quad_class == 4
    assert all(-10 <= c.goldstein <= 10 for c in table.values())
    assert quad_class("0874") == 2 and quad_class("112") == 3
    with pytest.raises(ValueError):
        quad_class("210")


def _first(result, root: str):  # type: ignore[no-untyped-def]
    hits = [e for e in result.events if e.root == root]
    assert hits, [(e.cameo, e.modality) for e in result.events]
    return hits[0]


def test_modality(engine) -> None:  # type: ignore[no-untyped-def]
    assert _first(code_text(engine, "Japan will meet China next week."), "04").modality == "planned"
    assert _first(code_text(engine, "Japan is scheduled to meet China."), "04").modality == "planned"
    assert _first(code_text(engine, "Japan did not meet China."), "04").modality == "negated"
    assert _first(code_text(engine, "Japan could meet China."), "04").modality == "hypothetical"
    assert (
        _first(code_text(engine, "If Japan meets China, prices will fall."), "04").modality == "hypothetical"
    )
    assert _first(code_text(engine, "Japan met China on Monday."), "04").modality == "asserted"
    reported = _first(code_text(engine, "Officials in Seoul said Japan attacked China."), "19")
    assert reported.modality == "reported"


def test_passive_agent_is_the_source(engine) -> None:  # type: ignore[no-untyped-def]
    e = _first(code_text(engine, "Syria was attacked by Turkey on Sunday."), "19")
    assert (e.source.country, e.target.country) == ("TUR", "SYR")


def test_coordinated_subjects_symmetric(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Peru and Bolivia met on Monday.")
    pairs = {(e.source.country, e.target.country) for e in result.events if e.root == "04"}
    assert pairs == {("PER", "BOL"), ("BOL", "PER")}


def test_evidence_offsets_point_into_text(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(
        engine, "Headline-free first paragraph.\n\nNorway sent humanitarian aid to Sudan on Monday."
    )
    text = result.article.text
    assert [e.evidence.sentence for e in result.events] == [
        "Norway sent humanitarian aid to Sudan on Monday."
    ]
    for e in result.events:
        t = e.evidence.trigger
        assert text[t.start : t.end] == t.text
        assert text[e.evidence.start : e.evidence.end] == e.evidence.sentence
        assert text[e.source.start : e.source.end] == e.source.text
        assert e.rule and 0 < e.confidence <= 1


def _codes(result) -> list[tuple[str, str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [
        (e.cameo, e.modality, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in result.events
    ]


def test_announced_cooperation_is_an_intent(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Japan agreed to send food aid to Nepal."))
    assert ("033", "asserted", "JPN", "NPL") in coded, coded
    # a bare future meeting stays a planned meeting (the seed's summit), not an intent
    assert _first(code_text(engine, "Japan will meet China next week."), "04").modality == "planned"


def test_refusal_to_cooperate_is_a_rejection(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Chile refused to release the prisoners."))
    assert any(c == "1243" and m == "asserted" and s == "CHL" for c, m, s, _ in coded), coded
    coded = _codes(code_text(engine, "The Dutch government said it would not lift the ban on the party."))
    assert any(c == "1241" and m == "reported" for c, m, _, _ in coded), coded


def test_announced_force_or_sanction_is_a_threat(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Russia will impose sanctions on Georgia."))
    assert ("1312", "asserted", "RUS", "GEO") in coded, coded
    coded = _codes(code_text(engine, "Sweden could cut aid to Uganda."))
    assert any(c.startswith("131") and s == "SWE" and t == "UGA" for c, _, s, t in coded), coded
    # a condition on the act itself keeps it hypothetical, not a threat
    e = _first(code_text(engine, "If Peru attacks Chile, prices will rise."), "19")
    assert e.modality == "hypothetical"


def test_violence_without_a_named_perpetrator(engine) -> None:  # type: ignore[no-untyped-def]
    e = _first(code_text(engine, "Three Kenyan soldiers were killed in an ambush on Tuesday."), "19")
    assert e.source is None and e.target is not None and e.target.country == "KEN"
    assert e.rule.endswith("+no-source")
    # no victim named either: no event
    assert not [x for x in code_text(engine, "Somebody was killed.").events if x.root == "19"]


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Two Chilean tourists were killed by a roadside bomb outside the Bolivian city of Potosi.", "BOL"),
        ("Four Kenyan policemen were killed in a blast in a crowded market of central Nairobi.", "KEN"),
        ("A car bomb near the town of Kisumu killed two Ugandan traders on Monday.", "KEN"),
    ],
)
def test_an_unnamed_perpetrator_is_placed_where_the_act_happened(  # type: ignore[no-untyped-def]
    engine, sentence: str, country: str
) -> None:
    e = _first(code_text(engine, sentence), "19")
    assert e.source is not None and e.source.country == country and e.source.sector == "UAF", e
    assert e.source.code == f"{country}UAF"
    assert e.rule.endswith("+place-source")


def test_weapon_modifier_names_the_attacker(engine) -> None:  # type: ignore[no-untyped-def]
    e = _first(code_text(engine, "Turkish air strikes killed two Syrian soldiers."), "19")
    assert e.source is not None and (e.source.country, e.target.country) == ("TUR", "SYR")


def test_named_group_before_a_generic_noun(engine) -> None:  # type: ignore[no-untyped-def]
    e = _first(code_text(engine, "The militant Hezbollah movement rejected the proposal from Egypt."), "12")
    assert e.source is not None and e.source.code == "LBNREB"


def test_target_inside_an_infinitive_after_an_unresolved_object(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "The Hamas leadership in Qatar threatened to deliver heavy blows to Egypt.")
    e = _first(result, "13")
    assert e.target is not None and e.target.country == "EGY", _codes(result)


def test_light_verb_with_a_compound_noun_trigger(engine) -> None:  # type: ignore[no-untyped-def]
    text = "The Norwegian foreign minister launched a mediation effort between Sudan and Chad."
    coded = _codes(code_text(engine, text))
    assert any(c.startswith("04") and (s or "").startswith("NOR") and t == "SDN" for c, _, s, t in coded), (
        coded
    )


def test_nationality_of_a_conflict_noun_is_the_source(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Chilean protests against Bolivia grew on Sunday."))
    assert any(c.startswith("14") and (s or "").startswith("CHL") and t == "BOL" for c, _, s, t in coded), (
        coded
    )


@pytest.mark.parametrize(
    ("sentence", "code", "src"),
    [
        ("The Kenyan government allowed opposition leaders to hold a rally in Nairobi.", "080", "KENGOV"),
        ("Thai soldiers forced out hundreds of Cambodian villagers.", "174", "THAMIL"),
        ("Burmese troops captured part of a rebel camp near the Thai border.", "192", "MMRMIL"),
    ],
)
def test_round_three_patterns(engine, sentence: str, code: str, src: str) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(c == code and s == src for c, _, s, _ in coded), coded


def test_lifting_a_curfew_concedes_like_the_rest_of_081() -> None:
    table = load_cameo()
    assert {table[c].plover for c in ("081", "0811", "0812", "0813", "0814")} == {"CONCEDE"}


def test_statement_with_no_addressee_is_a_statement(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "The Chilean foreign minister said on Monday that the harvest had been poor.")
    e = _first(result, "01")
    assert e.source is not None and e.source.code == "CHLGOV" and e.target is None
    assert e.rule.endswith("+no-addressee") and e.confidence < 0.9


def test_statement_to_reporters_has_no_media_target(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "The Peruvian president told reporters that the harvest had been poor.")
    e = _first(result, "01")
    assert e.target is None and e.rule.endswith("+no-addressee"), _codes(result)


def test_a_statement_does_not_outrank_the_act_it_reports(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.evaluation.common import main_event

    result = code_text(
        engine, "The Chilean foreign minister said Chile had expelled the Bolivian ambassador."
    )
    e = main_event(result.events)
    assert e is not None and e.root == "16", _codes(result)


@pytest.mark.parametrize(
    ("sentence", "src", "tgt"),
    [
        ("The Kenyan president spoke at a rally in Mombasa on Sunday.", "KENGOV", None),
        ("The Dutch prime minister delivered a speech to the Belgian parliament.", "NLDGOV", "BELLEG"),
        ("The Mexican president gave an interview to a Spanish newspaper.", "MEXGOV", None),
        ("The Ghanaian finance minister pointed out that prices had risen.", "GHAGOV", None),
        ("The Danish government admitted that the scheme had failed.", "DNKGOV", None),
    ],
)
def test_statement_verbs(engine, sentence: str, src: str, tgt: str | None) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(c == "010" and s == src and t == tgt for c, _, s, t in coded), coded


@pytest.mark.parametrize(
    ("sentence", "root", "src", "tgt"),
    [
        # the place the act happens, even in the source's own country
        ("Brazilian teachers went on strike in Brazil.", "14", "BRAEDU", "BRA"),
        # the owner of what is acted upon
        ("Bolivia rejected a Chilean proposal on Monday.", "12", "BOL", "CHL"),
        # ... through a noun compound, before the place the act happens
        ("Chile rejected the Bolivian Senate peace plan in Peru.", "12", "CHL", "BOL"),
        # the trigger's own clause before a clause with its own subject
        (
            "Serbia eased restrictions in Montenegro province as Croatia closed its border.",
            "08",
            "SRB",
            "MNE",
        ),
        # the owner of what a noun trigger is directed against
        ("Colombian protests against Venezuelan border policies grew on Sunday.", "14", "COL", "VEN"),
        # the reporting clause names no target
        ("Somali rebels attacked a convoy near the border, sources in Kenya said.", "19", "SOMREB", None),
    ],
)
def test_fallback_target_in_the_triggers_clause(
    engine, sentence: str, root: str, src: str, tgt: str | None
) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(c[:2] == root and s == src and t == tgt for c, _, s, t in coded), coded


@pytest.mark.parametrize(
    ("sentence", "code", "src"),
    [
        ("Dockworkers in Chile struck on Monday.", "143", "CHLLAB"),
        ("Thousands of Greek teachers began a nationwide strike on Monday.", "143", "GRCEDU"),
        ("Israeli jets struck Gaza on Monday.", "190", "ISR"),
        ("The Kenyan opposition charged that the government had rigged the vote.", "112", "KENOPP"),
        ("Egyptian police charged three journalists with espionage.", "173", "EGYCOP"),
    ],
)
def test_labour_strikes_and_charges_that(engine, sentence: str, code: str, src: str) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(c == code and s == src for c, _, s, _ in coded), coded


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Norway halted its mediation efforts between the two Sri Lankan parties.", "165"),
        ("Canada suspended part of its military aid programme for Haiti.", "162"),
        ("The Peruvian president received a team of observers from the OAS.", "0862"),
    ],
)
def test_a_framing_object_stands_for_its_inner_noun(engine, sentence: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert any(c.startswith(code) for c, _, _, _ in _codes(code_text(engine, sentence))), _codes(
        code_text(engine, sentence)
    )


def test_the_object_s_own_head_word_outranks_a_framed_one(engine) -> None:  # type: ignore[no-untyped-def]
    # "a delegation of observers" is a visit received (043): the head word "delegation" fits
    coded = _codes(code_text(engine, "The Kenyan president received a delegation of observers from Uganda."))
    assert any(c == "043" for c, _, _, _ in coded), coded


def test_a_statement_s_participle_clause_is_said_by_its_author(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(
        code_text(
            engine,
            "Chilean miners issued a statement demanding that the Peruvian government free the workers.",
        )
    )
    assert any(c.startswith("10") and (s or "").startswith("CHL") for c, _, s, _ in coded), coded


@pytest.mark.parametrize(
    ("sentence", "code", "src", "tgt"),
    [
        ("Syria received weapons from Russia last year.", "072", "RUS", "SYR"),
        ("Kenya got a loan from China.", "071", "CHN", "KEN"),
        ("Haiti accepted food aid from Canada.", "070", "CAN", "HTI"),
    ],
)
def test_a_receiving_verb_codes_the_giver_as_source(
    engine, sentence: str, code: str, src: str, tgt: str
) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(c == code and s == src and t == tgt for c, _, s, t in coded), coded


def test_a_recipient_without_a_named_giver_is_no_event(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Syria received new weapons last year."))
    assert not any(c.startswith("07") for c, _, _, _ in coded), coded


def test_reverse_patterns_are_checked() -> None:
    good, bad = parse_patterns(
        '{"id": "r1", "lemma": "receive", "code": "070", "target": ["prep:from"], "reverse": true}\n'
        '{"id": "r2", "pos": "noun", "lemma": "gift", "code": "070", "symmetric": true, "reverse": true}',
        "test",
    )
    assert pattern_problems(good) == []
    assert len(pattern_problems(bad)) == 3
    with pytest.raises(ValueError, match="reverse"):
        parse_patterns('{"id": "r3", "lemma": "get", "code": "070", "reverse": "yes"}', "test")


@pytest.mark.parametrize(
    ("sentence", "code", "src", "tgt"),
    [
        ("Kenya helped Somalia with food and medicine.", "070", "KEN", "SOM"),
        ("France helped Mali fight the insurgents.", "070", "FRA", "MLI"),
    ],
)
def test_help_is_aid_to_the_helped(engine, sentence: str, code: str, src: str, tgt: str) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert coded and coded[0][0] == code and coded[0][2] == src and coded[0][3] == tgt, coded


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway sent engineers to Chad to help rebuild the bridges.",
        "The bank will help finance a new port in Ghana.",
    ],
)
def test_help_framing_another_act_is_no_aid_event(engine, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(e.rule.startswith("help") for e in code_text(engine, sentence).events)


@pytest.mark.parametrize(
    ("sentence", "code", "src", "tgt"),
    [
        ("Pakistan announced a suspension of air links with India.", "161", "PAK", "IND"),
        ("Japan announced a freeze of aid to Myanmar.", "162", "JPN", "MMR"),
        ("Chad ordered a halt to the shelling of rebel positions.", "087", "TCD", None),
    ],
)
def test_an_issued_nominal_is_coded_as_its_verb(
    engine, sentence: str, code: str, src: str, tgt: str | None
) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(c == code and s == src and (tgt is None or t == tgt) for c, _, s, t in coded), coded


def test_a_nominal_needs_an_object_its_verb_pattern_names(engine) -> None:  # type: ignore[no-untyped-def]
    # "a suspension of the coach" fits no pattern of "suspend": no sanction is coded
    coded = _codes(code_text(engine, "Peru announced the suspension of the coach."))
    assert not any(c.startswith("16") for c, _, _, _ in coded), coded


def test_a_passive_arrest_is_by_the_state_it_happens_in(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "A Chilean engineer was arrested in Bolivia for spying."))
    assert any(c == "173" and s == "BOL" and (t or "").startswith("CHL") for c, _, s, t in coded), coded
    # an act that is no state's own keeps no source
    coded = _codes(code_text(engine, "A Chilean engineer was praised in Bolivia."))
    assert not any(s == "BOL" for _, _, s, _ in coded), coded


@pytest.mark.parametrize(
    ("sentence", "tgt"),
    [
        ("Farmers in Ghana demanded that President Mahama lower fuel prices.", "GHAGOV"),
        ("Amnesty International demanded that the Chadian army stop the evictions.", "TCDMIL"),
    ],
)
def test_a_demand_is_made_of_the_subject_of_its_clause(engine, sentence: str, tgt: str) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(c == "100" and t == tgt for c, _, _, t in coded), coded


def test_a_fallback_target_brings_its_conjuncts(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Brazil agreed on Monday to a plan for Haiti and Cuba."))
    targets = {t for c, _, s, t in coded if c == "030" and s == "BRA"}
    assert {"HTI", "CUB"} <= targets, coded


@pytest.mark.parametrize(
    ("sentence", "code", "src", "tgt"),
    [
        (
            "Bolivian miners blocked the highway in protest against a ban by Chilean authorities.",
            "144",
            "BOL",
            "CHL",
        ),
        (
            "A group of Bolivian refugees are continuing a hunger strike in protest of the Chilean "
            "government's refusal to admit them.",
            "140",
            "BOL",
            "CHL",
        ),
        ("Kenyan students protested at the expulsion of Ugandan traders.", "140", "KEN", "UGA"),
    ],
)
def test_what_is_done_in_protest_is_against_the_protested_act(  # type: ignore[no-untyped-def]
    engine, sentence: str, code: str, src: str | None, tgt: str
) -> None:
    coded = _codes(code_text(engine, sentence))
    assert any(
        c.startswith(code) and (src is None or (s or "").startswith(src)) and (t or "").startswith(tgt)
        for c, _, s, t in coded
    ), coded


@pytest.mark.parametrize(
    ("sentence", "code", "src", "tgt"),
    [
        ("The Kenyan president faces pressure from Uganda to close the border.", "100", "UGA", "KEN"),
        ("The Kenyan government faced sharp criticism from Uganda over the arrests.", "111", "UGA", "KEN"),
        ("Chile provided support to Bolivia after the floods.", "070", "CHL", "BOL"),
    ],
)
def test_facing_pressure_is_from_its_author_and_support_is_aid(  # type: ignore[no-untyped-def]
    engine, sentence: str, code: str, src: str, tgt: str
) -> None:
    coded = _codes(code_text(engine, sentence))
    assert any(
        c == code and (s or "").startswith(src) and (t or "").startswith(tgt) for c, _, s, t in coded
    ), coded


def test_a_call_for_someone_to_act_is_made_of_them(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Chile called for Bolivia to hold new elections."))
    assert ("020", "asserted", "CHL", "BOL") in coded, coded
    # a clause not introduced by "for" is no call for anyone
    coded = _codes(code_text(engine, "Chile called Bolivia's offer a trick."))
    assert not any(c == "020" for c, _, _, _ in coded), coded


@pytest.mark.parametrize(
    ("sentence", "code", "src", "tgt"),
    [
        ("Bolivian miners blocked the road in defiance of Chilean authorities.", "144", "BOL", "CHL"),
        ("Bolivian miners blocked the road in protest against Chile's new tariffs.", "144", "BOL", "CHL"),
    ],
)
def test_an_act_s_author_is_its_actor(engine, sentence: str, code: str, src: str, tgt: str) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, sentence))
    assert any(
        c.startswith(code) and (s or "").startswith(src) and (t or "").startswith(tgt) for c, _, s, t in coded
    ), coded


def test_an_acted_on_thing_is_its_owner_s(engine) -> None:  # type: ignore[no-untyped-def]
    events = code_text(engine, "Chile imposed sanctions on Peru's exports.").events
    assert [(e.cameo, e.target.code if e.target else None, e.rule) for e in events] == [
        ("163", "PER", "impose.sanctions.on")
    ]


@pytest.mark.parametrize(
    ("sentence", "code", "tgt"),
    [
        (
            "Bolivian miners began a hunger strike to protest against Chile's new tariffs on copper.",
            "143",
            "CHL",
        ),
        ("Egyptian police opened fire to disperse Sudanese marchers near the border.", "193", "SDN"),
        # one's own demands or anger are no target: the place the act happens is
        ("Kenyan students blocked a road in Uganda to voice their anger.", "144", "UGA"),
    ],
)
def test_an_act_of_protest_or_force_is_aimed_at_the_target_of_its_purpose(  # type: ignore[no-untyped-def]
    engine, sentence: str, code: str, tgt: str
) -> None:
    events = code_text(engine, sentence).events
    assert events[0].cameo == code and events[0].target is not None, events
    assert events[0].target.code == tgt, events


def test_an_infinitive_of_purpose_on_a_strike_is_the_strikers_act(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(
        code_text(engine, "Bolivian miners began a hunger strike to protest against Chile's tariffs.")
    )
    assert ("140", "asserted", "BOLLAB", "CHL") in coded, coded


@pytest.mark.parametrize(
    ("sentence", "code", "tgt"),
    [
        # acting on a rally acts on those who stage it
        ("Kenyan police broke up a rally staged by Ugandan students in Nairobi.", "175", "UGAEDU"),
        # what is done by someone stands for its author
        ("Kenya launched an investigation into crimes committed by Ugandan soldiers.", "090", "UGAMIL"),
    ],
)
def test_a_thing_done_by_someone_stands_for_its_author(  # type: ignore[no-untyped-def]
    engine, sentence: str, code: str, tgt: str
) -> None:
    coded = _codes(code_text(engine, sentence))
    assert any(c == code and t == tgt for c, _, _, t in coded), coded


def test_a_threat_is_aimed_at_the_target_of_the_threatened_act(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Chile threatened to impose import curbs on Peruvian wine."))
    assert ("130", "asserted", "CHL", "PER") in coded, coded


def test_what_is_done_despite_pressure_is_against_its_author(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(
        code_text(engine, "The Kenyan minister refused to resign despite pressure from Ugandan traders.")
    )
    assert ("1231", "asserted", "KENGOV", "UGABUS") in coded, coded


@pytest.mark.parametrize(
    ("sentence", "code", "tgt"),
    [
        ("The Chilean president met the Peruvian foreign minister in Bolivia.", "04", "PERGOV"),
        ("Chilean envoys held talks in Bolivia on Monday.", "04", None),
        ("The Chilean president said in Bolivia that talks would go on.", "01", None),
        ("Chilean troops shelled rebel positions in Bolivia.", "19", "BOL"),
        # what is discussed there is a topic, not a host
        ("Chilean envoys held talks in Argentina on the unrest in Bolivia.", "04", "BOL"),
        # who goes to a meeting abroad visits the host state
        ("The Chilean president will attend a summit in Bolivia next week.", "04", "BOL"),
        ("The Chilean president travelled to talks in Bolivia on Monday.", "04", "BOL"),
    ],
)
def test_a_place_is_a_target_only_of_acts_aimed_at_its_state(  # type: ignore[no-untyped-def]
    engine, sentence: str, code: str, tgt: str | None
) -> None:
    """A meeting or a statement in a place is no act toward the place's state; force is."""
    coded = [(c, t) for c, _, _, t in _codes(code_text(engine, sentence)) if c.startswith(code)]
    assert coded, sentence
    if tgt is None:
        assert all(t is None or not t.startswith("BOL") for _, t in coded), coded
    else:
        assert any(t is not None and t.startswith(tgt) for _, t in coded), coded


@pytest.mark.parametrize(
    ("sentence", "code", "target"),
    [
        # a phrase inside the verb's phrase
        ("The Kenyan president reneged on his commitment to the Ugandan farmers.", "120", "UGAAGR"),
        # a complaint is against what it is over
        ("Kenya complained to the United Nations over Ugandan border raids.", "114", "UGA"),
        # a preposition the parser left without an object takes the noun after it ("to | officers
        # holed up": the officers parsed as the subject of the participle clause)
        (
            "Chile has granted diplomatic asylum to four Bolivian army officers holed up in a diplomatic"
            " residence since last week's coup, the Chilean embassy said on Monday.",
            "075",
            "BOLMIL",
        ),
        # a demand to withdraw is aimed at who withdraws
        (
            "The African Union demanded the withdrawal of Ugandan troops from Kenya on Monday.",
            "1056",
            "UGAMIL",
        ),
        # hacking into a thing is aimed at its owner
        ("Chile has tried to hack into the computers of Bolivian army officers.", "176", "BOLMIL"),
    ],
)
def test_a_target_found_in_a_phrase_of_the_verbs_phrase(  # type: ignore[no-untyped-def]
    engine, sentence: str, code: str, target: str
) -> None:
    coded = _codes(code_text(engine, sentence))
    assert any(c == code and t == target for c, _, _, t in coded), coded


def test_ordering_someone_to_act_is_a_demand(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(
        code_text(engine, "A Chilean judge ordered the Bolivian consul to appear in court on Monday.")
    )
    assert any(c == "100" and s == "CHLJUD" and (t or "").startswith("BOL") for c, _, s, t in coded), coded
    # a pattern of "order" keeps its own code
    coded = _codes(code_text(engine, "Chile ordered the arrest of the Bolivian consul."))
    assert not any(c == "100" for c, _, _, _ in coded), coded


def test_an_object_the_parser_hung_elsewhere_is_still_the_target(engine) -> None:  # type: ignore[no-untyped-def]
    # after an "as" phrase, parsed as its apposition
    result = code_text(
        engine, "Peru on Friday denounced as an ugly crime Chile's suppression of the Mapuche unrest."
    )
    e = _first(result, "11")
    assert e.target is not None and e.target.country == "CHL" and e.rule == "denounce", _codes(result)
    # before the infinitive of an object-control verb, parsed as the subject of a clause
    text = (
        "The Kenyan rebels refused to allow African Union planes to land and evacuate their wounded fighters."
    )
    coded = _codes(code_text(engine, text))
    assert any(c == "120" and t == "IGOAFRAFU" for c, _, _, t in coded), coded


def test_a_named_possessor_is_the_author_of_the_act(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Peru condemned Chile's arrest of Bolivian fishermen."))
    assert ("111", "asserted", "PER", "CHL") in coded, coded
    # but the source's own act is aimed at its "of" object
    coded = _codes(code_text(engine, "Israel mounted its invasion of Lebanon on Monday."))
    assert any(c.startswith("19") and t == "LBN" for c, _, _, t in coded), coded


def test_force_against_things_in_a_named_place_is_against_its_country(engine) -> None:  # type: ignore[no-untyped-def]
    e = _first(
        code_text(engine, "Bolivian tanks fired three shells at targets in Arica, witnesses said."), "19"
    )
    assert e.target is not None and e.target.country == "CHL" and e.target.sector is None, e


def test_launching_fire_against_someone_is_an_attack(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(
        code_text(engine, "Chilean forces launched artillery and rocket fire against Bolivian army camps.")
    )
    assert any(c == "190" and s == "CHLMIL" and (t or "").startswith("BOL") for c, _, s, t in coded), coded


@pytest.mark.parametrize(
    ("sentence", "src", "tgt"),
    [
        ("Hundreds of Bolivian students gathered for a rally in Cochabamba on Monday.", "BOLEDU", "BOL"),
        ("Thousands of Kenyan farmers took part in a demonstration in Mombasa on Friday.", "KENAGR", "KEN"),
    ],
)
def test_who_gathers_for_a_protest_protests_against_the_state_it_is_held_in(  # type: ignore[no-untyped-def]
    engine, sentence: str, src: str, tgt: str
) -> None:
    e = _first(code_text(engine, sentence), "14")
    assert e.source is not None and e.source.code == src, e
    assert e.target is not None and e.target.country == tgt and e.rule.endswith("+place-target"), e


def test_a_protest_is_aimed_at_what_its_purpose_shows_anger_at(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Chilean students blocked a highway in Santiago to show their anger at Bolivia's gas policy."
    coded = _codes(code_text(engine, text))
    assert ("144", "asserted", "CHLEDU", "BOL") in coded, coded


def test_a_force_of_no_country_stands_for_the_country_it_is_stationed_in(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Chile is ready to contribute 500 troops to an international peacekeeping force in Haiti."
    e = _first(code_text(engine, text), "03")
    assert e.target is not None and e.target.country == "HTI", e


def test_saying_something_is_out_of_the_question_is_a_rejection(engine) -> None:  # type: ignore[no-untyped-def]
    coded = _codes(code_text(engine, "Chile said a new round of talks with Bolivia was out of the question."))
    assert ("120", "asserted", "CHL", "BOL") in coded, coded
    # a place one goes out of is no refusal
    coded = _codes(code_text(engine, "The Chilean minister said he went out of the house."))
    assert not [c for c, _, _, _ in coded if c.startswith("12")], coded


def test_the_book_knows_every_word_that_may_trigger_a_pattern() -> None:
    # the coder skips a token whose lemma and form are in no pattern, construction or nominal
    book = PatternBook(
        parse_patterns(
            '{"id": "a", "lemma": "Rebuke", "code": "111"}\n'
            '{"id": "b", "pos": "noun", "lemma": "boycott", "code": "1242"}',
            "test",
        )
    )
    assert book.trigger_words == frozenset({"rebuke", "boycott"})
    assert {"say", "charge", "out", "help", "suspension"} <= CONSTRUCTION_WORDS


def test_a_capitalised_trigger_is_not_skipped(engine) -> None:  # type: ignore[no-untyped-def]
    # a sentence-initial trigger noun: its lemma may keep the capital, its lower-case form counts
    coded = _codes(code_text(engine, "Talks between Chile and Bolivia ended on Monday."))
    plain = _codes(code_text(engine, "The talks between Chile and Bolivia ended on Monday."))
    assert ("046", "asserted", "CHL", "BOL") in coded, coded
    assert coded == plain


def test_coordinated_parties_of_a_joint_act_are_each_others_party_not_its_topic(engine) -> None:  # type: ignore[no-untyped-def]
    for topic in ("how to bring progress on North Korea's missile programme", "how to end Syria's civil war"):
        text = f"The Japanese envoy and his Chinese counterpart discussed {topic}."
        coded = [(c, s, t) for c, _, s, t in _codes(code_text(engine, text)) if c.startswith("04")]
        pairs = {(s[:3] if s else None, t[:3] if t else None) for _, s, t in coded}
        assert pairs == {("JPN", "CHN"), ("CHN", "JPN")}, coded
