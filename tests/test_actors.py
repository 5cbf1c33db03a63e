from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import load_dictionary
from eventwire.dictcheck import lookup, validate_all

from .conftest import code_text


@pytest.fixture(scope="module")
def d():  # type: ignore[no-untyped-def]
    return load_dictionary()


def one(name: str, day: str) -> dict:  # type: ignore[type-arg]
    found = lookup(name, day)
    assert found, name
    return found[0]


def test_dictionary_validates() -> None:
    errors, summary = validate_all([])
    assert errors == [], errors[:10]
    assert summary.startswith("ok")


def test_time_aware_people() -> None:
    trump18 = one("Donald Trump", "2018-09-11")
    assert (trump18["country"], trump18["sector"]) == ("USA", "GOV")
    trump22 = one("Donald Trump", "2022-06-01")
    assert trump22["country"] == "USA" and trump22["sector"] != "GOV"
    assert one("Boris Johnson", "2020-06-01")["code"] == "GBRGOV"
    mayor = one("Boris Johnson", "2015-06-01")  # Mayor of London: government, at the local level
    assert mayor["code"] == "GBRGOV" and "local government" in mayor["reason"]
    assert one("Boris Johnson", "2018-12-01")["code"] == "GBRLEG"  # a backbench MP between offices
    assert one("Boris Johnson", "2024-01-01")["code"] == "GBRELI"
    assert one("Moon Jae-in", "2018-09-11")["code"] == "KORGOV"
    assert one("Kim Jong Un", "2018-09-11")["code"] == "PRKGOV"


def test_time_aware_groups() -> None:
    assert one("Taliban", "2020-01-01")["code"] == "AFGREB"
    assert one("Taliban", "2022-01-01")["code"] == "AFGGOV"


def test_countries_and_metonyms(d) -> None:  # type: ignore[no-untyped-def]
    kinds = {
        (m.text, m.entry.key, m.kind)
        for m in d.find("Pyongyang and the White House said North Korean troops")
    }
    assert ("Pyongyang", "country:PRK", "metonym") in kinds
    assert ("North Korean", "country:PRK", "adjective") in kinds
    assert any(k[0] == "White House" for k in kinds)


def test_office_holder(d) -> None:  # type: ignore[no-untyped-def]
    holder = d.office_holder("PRK", "head_of_state", date(2018, 9, 11))
    assert holder is not None and holder.name == "Kim Jong Un"


def test_titles_apposition_and_surnames(engine) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Interior spokesman Tomas Verlin said on Monday that the talks had stalled.\n\n"
        "Anna Brekke, Norway's chief negotiator, met Verlin on Tuesday in Oslo.\n\n"
        "Verlin later said he was hopeful."
    )
    result = code_text(engine, text)
    by_text = {(a.text, a.code) for a in result.actors}
    assert ("Anna Brekke", "NORGOV") in by_text
    verlin = [a for a in result.actors if a.text == "Verlin"]
    assert verlin and all(a.name == "Tomas Verlin" and a.sector == "GOV" for a in verlin)
    assert all("surname" in a.resolved_by for a in verlin)


def test_the_leader_of_a_country_on_the_date(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "The North Korean leader met the Chinese president in Beijing.", "2019-06-21")
    names = {a.name for a in result.actors}
    assert "Kim Jong Un" in names and "Xi Jinping" in names


def test_user_layer_wins(tmp_path, engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors import load_dictionary

    layer = tmp_path / "mine.jsonl"
    layer.write_text(
        '{"key": "demo-mayor", "type": "person", "name": "Ola Nordmann", "aliases": ["Ola Nordmann"],'
        ' "short": ["Nordmann"], "gender": "m", "periods": [{"start": "2020-01-01", "end": null,'
        ' "country": "NOR", "sector": "GOV", "office": "other", "title": "Mayor of Oslo"}]}\n'
        '{"key": "my-taliban", "type": "group", "name": "Taliban (my coding)", "aliases": ["Taliban"],'
        ' "periods": [{"start": null, "end": null, "country": "AFG", "sector": "INS"}]}\n',
        encoding="utf-8",
    )
    d = load_dictionary([layer])
    hits = {(m.text, m.entry.key) for m in d.find("Ola Nordmann met the Taliban.")}
    assert ("Ola Nordmann", "demo-mayor") in hits
    taliban = [m for m in d.find("the Taliban said") if m.text == "Taliban"]
    assert taliban[0].entry.key == "my-taliban"
    found = lookup("Ola Nordmann", "2024-01-01")
    assert found == []  # lookup without the layer does not know him


def _codes(result, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {a.code for a in result.actors if a.text.endswith(text)}


def test_nouns_without_a_country_take_the_story_country(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "The rebels attacked an army post on Monday, Malian officials said.")
    assert _codes(result, "rebels") == {"MLIREB"}
    placed = code_text(engine, "Police in Peru arrested twenty students after a march, a Chilean paper said.")
    assert _codes(placed, "Police") == {"PERCOP"}  # the country it is placed in, not the nearest one


def test_foreign_and_named_groups_keep_no_country(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Foreign troops attacked a village in Chad on Monday.")
    assert _codes(result, "troops") == {"MIL"}
    qaeda = code_text(engine, "Senior al-Qaeda fighters attacked a base in Yemen.")
    assert not any(a.country == "YEM" for a in qaeda.actors if "fighters" in a.text)


def test_titled_unknown_person_takes_the_story_country(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "President Anton Velescu said Moldova would hold talks with its neighbours.")
    assert ("Anton Velescu", "MDAGOV") in {(a.text, a.code) for a in result.actors}


def resolve_word(engine, text: str, word: str, published: str = "2024-03-05", places: bool = True):  # type: ignore[no-untyped-def]
    """Who the resolver says the argument headed by ``word`` is (one-paragraph story), with
    the engine's place gazetteer unless ``places`` is false."""
    from eventwire.actors import DocActors
    from eventwire.clean import clean_article
    from eventwire.nlp import parse_articles
    from eventwire.records import Article, RawArticle

    raw = RawArticle(source="<test>", body=text, fmt="text", title="", published=published)
    article = clean_article(raw, (), None)
    assert isinstance(article, Article)
    [(article, paras)] = list(parse_articles(engine.nlp, [article]))
    gazetteer = engine.gazetteer if places else None
    actors = DocActors(engine.dictionary, article.text, paras, date.fromisoformat(published), gazetteer)
    for para in paras:
        for tok in para.doc:
            if tok.text == word:
                found = actors.resolve(para, tok)
                return found[0] if found else None
    raise AssertionError(word)


def test_peoples_live_where_the_story_puts_them(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Ethnic Hungarians in Romania protested against the new language law."
    assert resolve_word(engine, text, "Hungarians").code == "ROMCVL"  # CAMEO code
    assert resolve_word(engine, "Ethnic Uzbeks clashed with police in Kyrgyzstan.", "Uzbeks").country == "KGZ"
    assert resolve_word(engine, "Bosnian Croats boycotted the vote.", "Croats").country == "BIH"
    assert resolve_word(engine, "Hungarians voted on Sunday.", "Hungarians").code == "HUNCVL"


def test_stance_words_and_named_owners(engine) -> None:  # type: ignore[no-untyped-def]
    text = "A prominent anti-Iran columnist was arrested in Bahrain."
    assert resolve_word(engine, text, "columnist").code == "BHRMED"
    wing = resolve_word(engine, "The Hezbollah military wing attacked a post.", "wing")
    assert wing is not None and wing.code == "LBNREB"
    body = resolve_word(engine, "The Nepal Electricity Authority raised prices.", "Authority")
    assert body is not None and body.country == "NPL"
    rights = resolve_word(engine, "A human rights group accused Malaysian police of abuses.", "group")
    assert rights.code == "NGOHRI"


def test_country_word_names_the_group_in_a_compound(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Ghanaian army trucks blocked the road to the border."
    assert resolve_word(engine, text, "Ghanaian").code == "GHAMIL"
    former = resolve_word(engine, "A former defence minister criticised the plan in Lima.", "minister")
    assert former.sector == "ELI"


def test_towns_and_regions_place_actors(engine) -> None:  # type: ignore[no-untyped-def]
    """Places the actor dictionary does not know: the gazetteer gives their country."""
    text = "Residents of Tyumen complained about the water supply."
    assert resolve_word(engine, text, "Residents").country == "RUS"
    assert resolve_word(engine, text, "Residents", places=False).country is None
    police = resolve_word(engine, "The government of Sindh province sent more police.", "government")
    assert police.code == "PAKGOV"
    text = "Soldiers imposed a curfew in the town of Kirkuk after the riots."
    town = resolve_word(engine, text, "Kirkuk")
    assert (town.country, town.sector) == ("IRQ", "CVL")
    assert resolve_word(engine, text, "Kirkuk", places=False) is None
    farmers = resolve_word(engine, "Farmers in West Darfur State lost their cattle.", "Farmers")
    assert farmers.country == "SDN"
    teacher = resolve_word(engine, "A teacher from Calgary was detained in Lebanon.", "teacher")
    assert teacher.country == "CAN"


def test_people_and_dateline_are_no_places(engine) -> None:  # type: ignore[no-untyped-def]
    text = "GAZA CITY, Palestinian Territories: Two men were hurt in a blast."
    assert resolve_word(engine, text, "CITY") is None
    assert resolve_word(engine, "Two men were hurt in a blast in Gaza City.", "City").country == "PSE"
    assert resolve_word(engine, "Kurds demonstrated on Sunday.", "Kurds").country is None


def test_a_capital_named_as_a_place_is_the_city(engine) -> None:  # type: ignore[no-untyped-def]
    city = resolve_word(engine, "The army imposed a curfew in Nairobi after the riots.", "Nairobi")
    assert city.code == "KENCVL"
    seat = resolve_word(engine, "Nairobi rejected the proposal on Monday.", "Nairobi")
    assert seat.code == "KENGOV"


def test_names_beside_their_nouns(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Zambia's government closed the opposition newspaper Daily Tribune on Monday."
    paper = resolve_word(engine, text, "Tribune")
    assert (paper.country, paper.sector) == ("ZMB", "MED")
    union = resolve_word(engine, "The Zambia Cotton Growers Association called a strike.", "Association")
    assert union.country == "ZMB"


def test_conjoined_countries_each_keep_their_group(engine) -> None:  # type: ignore[no-untyped-def]
    result = code_text(engine, "Kenyan and Ugandan officials signed a border agreement in Kampala.")
    found = {(a.text, a.code) for a in result.actors}
    assert ("Kenyan and Ugandan officials", "KENGOV") in found
    assert ("Ugandan officials", "UGAGOV") in found


def test_victims_do_not_take_the_attackers_country(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Near Mogadishu on Friday, Ethiopian soldiers killed six herders."
    assert resolve_word(engine, text, "herders").country == "SOM"
    alone = resolve_word(engine, "Kenyan police arrested forty protesters on Friday.", "protesters")
    assert alone.country == "KEN"  # no other country named: the story's country still


def test_gold_span_takes_the_conjoined_actor_it_overlaps() -> None:
    from eventwire.evaluation.actors import _overlap
    from eventwire.records import Actor

    text = "Greek and Turkish diplomats met in Vienna."
    whole = Actor(text[:26], "", "GRCGOV", "GRC", "GOV", None, 0, 26, "")
    second = Actor(text[10:26], "", "TURGOV", "TUR", "GOV", None, 10, 26, "")
    turkish = (10, 26)  # the gold actor "Turkish diplomats"
    assert max((whole, second), key=lambda a: _overlap(a, turkish)) is second
    assert max((whole, second), key=lambda a: _overlap(a, (0, 26))) is whole  # the whole phrase: the first


def test_red_cross_and_northern_ireland(engine) -> None:  # type: ignore[no-untyped-def]
    red = resolve_word(engine, "Red Cross workers delivered food to the camp on Monday.", "workers")
    assert red.code == "NGOIRC"
    text = "Police in Northern Ireland arrested two men after the riot."
    assert resolve_word(engine, text, "Police").country == "GBR"


def test_titles_inside_and_after_names(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Chile President Ramon Ortega Ul Vidal rejected the offer from Peru."
    ortega = resolve_word(engine, text, "Vidal")
    assert (ortega.country, ortega.sector) == ("CHL", "GOV")
    tom = resolve_word(engine, "British Defence Secretary Tom Kingsley flew to Oman.", "Kingsley")
    assert (tom.country, tom.sector) == ("GBR", "GOV")  # 'Defence Secretary' is no part of his name
    sec = resolve_word(engine, "The US Secretary of State arrived in Cairo on Tuesday.", "Secretary")
    assert (sec.country, sec.sector) == ("USA", "GOV")


def test_members_and_unknown_bodies(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Members of the Association of Andean Farmers visited the prison in Lima."
    members = resolve_word(engine, text, "Members")
    assert (members.code, members.country) == ("NGO", None)
    assert members.text == "Members of the Association of Andean Farmers"
    forum = resolve_word(engine, "The Global Water Forum called for new dams.", "Forum")
    assert forum.code == "NGO"
    experts = resolve_word(engine, "A committee of experts visited the prison in Lima.", "committee")
    assert experts is None or experts.code != "NGO"  # not a name
    named = resolve_word(engine, "The Zambia Cotton Growers Association called a strike.", "Association")
    assert named.country == "ZMB"


def test_a_story_naming_no_country_is_its_groups_country(engine) -> None:  # type: ignore[no-untyped-def]
    text = "President Ngozi Abara rejected demands from the Movement for Democratic Change."
    abara = resolve_word(engine, text, "Abara")
    assert (abara.country, abara.sector) == ("ZWE", "GOV")
    alone = resolve_word(engine, "President Ngozi Abara rejected the demands on Monday.", "Abara")
    assert alone.country is None


def test_a_continent_adjective_names_no_country(engine) -> None:  # type: ignore[no-untyped-def]
    leaders = resolve_word(engine, "African leaders met in Nairobi on Monday.", "leaders")
    assert (leaders.country, leaders.sector) == (None, "GOV")  # not Kenya's, where they met
    police = resolve_word(engine, "South African police arrested ten men in Durban.", "police")
    assert police.country == "ZAF"


def test_their_is_the_people_as_placed(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Bosnian Croats said on Tuesday that their forces had left the town."
    forces = resolve_word(engine, text, "forces")
    assert forces.country == "BIH"  # the Bosnian Croats', not Croatia's
    plain = resolve_word(engine, "Croats said on Tuesday that their forces had left the town.", "forces")
    assert plain.country == "HRV"


def test_a_capital_that_is_also_a_town_of_the_story_country(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen fought rival militias in Tripoli as shells hit the north Lebanese port."
    assert resolve_word(engine, text, "militias").country == "LBN"
    libya = "Libyan officials said gunmen fought rival militias in Tripoli on Sunday."
    assert resolve_word(engine, libya, "militias").country == "LBY"
    kabul = "Pakistani troops said rebels shelled Kabul on Sunday."
    assert resolve_word(engine, kabul, "Kabul").country == "AFG"  # no namesake in Pakistan


def test_a_titled_person_does_not_take_a_foreign_counterparts_country(engine) -> None:  # type: ignore[no-untyped-def]
    text = "President Jean Dubois gave a warm welcome on Thursday to South African leader Piet Botha."
    dubois = resolve_word(engine, text, "Dubois")
    assert (dubois.country, dubois.sector) == (None, "GOV")
    judge = "Judge Ana Ruiz opened investigations against 28 Chilean government officials."
    assert resolve_word(engine, judge, "Ruiz").country == "CHL"  # a group of her own country


def test_a_surname_glued_to_a_hyphenated_word_is_no_one(d) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors import DocActors

    def keys(text: str) -> set[str]:
        return {m.entry.key for m in DocActors(d, text, [], date(2024, 6, 1)).matches}

    assert not keys("Crowds joined the Shan-e-Mustafa rally in the city.")
    assert keys("Crowds cheered Prime Minister Mustafa in the city.")


def test_jewish_settlers_are_israelis_wherever_they_live(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Jewish settlers in the West Bank town of Nablus burned a Palestinian olive grove."
    settlers = resolve_word(engine, text, "settlers")
    assert (settlers.country, settlers.sector) == ("ISR", "CVL")
    arrivals = "Protesters in Ramallah denounced the housing of Ethiopian Jewish immigrants on the hill."
    immigrants = resolve_word(engine, arrivals, "immigrants")
    assert (immigrants.country, immigrants.sector) == ("ISR", "CVL")  # not Ethiopian


def test_a_minority_lives_where_the_story_puts_it(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Troops in Moldova attacked the Ukrainian minority of the province, observers said."
    assert resolve_word(engine, text, "minority").country == "MDA"
    abroad = "The Lebanese community in Australia protested outside the embassy."
    assert resolve_word(engine, abroad, "community").country == "AUS"
    home = "The Lebanese community held a vigil on Sunday."
    assert resolve_word(engine, home, "community").country == "LBN"  # no other country named
    local = "The local community mourned on Sunday, Lebanese officials told Syrian reporters."
    assert resolve_word(engine, local, "community").country == "LBN"  # not named by an origin


def test_older_spellings_of_capitals(d) -> None:  # type: ignore[no-untyped-def]
    found = {(m.text, m.entry.key) for m in d.find("Katmandu, Peking, Rangoon, Teheran and Bonn replied.")}
    assert found >= {
        ("Katmandu", "country:NPL"),
        ("Peking", "country:CHN"),
        ("Rangoon", "country:MMR"),
        ("Teheran", "country:IRN"),
        ("Bonn", "country:DEU"),
    }


def test_leaders_of_the_late_cold_war() -> None:
    assert one("François Mitterrand", "1990-06-01")["code"] == "FRAGOV"
    assert one("Francois Mitterand", "1990-06-01")["code"] == "FRAGOV"  # a frequent misspelling
    assert one("Francois Mitterrand", "1999-06-01")["code"] == "FRAELI"  # out of office
    assert one("F.W. de Klerk", "1991-03-01")["code"] == "ZAFGOV"
    assert one("Mikhail Gorbachev", "1988-05-01")["code"] == "RUSGOV"
    assert one("Yitzhak Shamir", "1985-01-01")["code"] == "ISRGOV"
    assert one("John Garang", "1995-01-01")["code"] == "SDNREB"


def test_west_germany_is_germany(d) -> None:  # type: ignore[no-untyped-def]
    found = {(m.text, m.entry.key) for m in d.find("West German officials met West Germany's allies.")}
    assert found >= {("West German", "country:DEU"), ("West Germany", "country:DEU")}


def test_a_titled_surname_names_the_leader(engine) -> None:  # type: ignore[no-untyped-def]
    text = "President Mitterrand welcomed the visiting delegation on Thursday."
    leader = resolve_word(engine, text, "Mitterrand", published="1990-06-01")
    assert (leader.country, leader.sector, leader.key) == ("FRA", "GOV", "francois-mitterrand")


def test_a_state_before_its_independence_is_part_of_the_older_one(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Government troops shelled Juba overnight, a spokesman for the rebels said."
    before = resolve_word(engine, text, "Juba", published="2004-03-01")
    assert (before.country, before.sector) == ("SDN", "CVL")  # a southern town, no government yet
    after = resolve_word(engine, text, "Juba", published="2016-03-01")
    assert after.country == "SSD"
    adjective = "South Sudanese villagers fled the fighting, aid workers said."
    assert resolve_word(engine, adjective, "villagers", published="2004-03-01").country == "SDN"


def test_independence_needs_the_former_state(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors.dictionary import DictionaryError

    layer = tmp_path / "extra.jsonl"
    layer.write_text(
        '{"iso3": "XAA", "name": "Testland", "aliases": ["Testland"], "independence": "2001-01-01"}\n',
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError):
        load_dictionary([layer])
    layer.write_text(
        '{"iso3": "XAA", "name": "Testland", "aliases": ["Testland"], "independence": "2001-01-01",'
        ' "formerly_part_of": "XBB"}\n',
        encoding="utf-8",
    )
    with pytest.raises(DictionaryError):
        load_dictionary([layer])  # no such country


def test_a_pronoun_shares_the_identity_of_the_group_noun_it_refers_to(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors import DocActors
    from eventwire.clean import clean_article
    from eventwire.nlp import parse_articles
    from eventwire.records import Article, RawArticle

    def actors_of(text: str) -> tuple[DocActors, list]:  # type: ignore[type-arg]
        raw = RawArticle(source="<test>", body=text, fmt="text", title="", published="2024-03-05")
        article = clean_article(raw, (), None)
        assert isinstance(article, Article)
        [(article, paras)] = list(parse_articles(engine.nlp, [article]))
        return DocActors(engine.dictionary, article.text, paras, date(2024, 3, 5), engine.gazetteer), paras

    def word(para, text: str):  # type: ignore[no-untyped-def]
        return next(t for t in para.doc if t.text == text)

    actors, [para] = actors_of("The rebel movement said it would free the hostages.")
    [movement] = actors.resolve(para, word(para, "movement"))
    [it] = actors.resolve(para, word(para, "it"))
    named = [a for a in actors.all_mentions() if a.key == it.key and not a.resolved_by.startswith("pronoun")]
    assert movement.key is None and it.key is not None
    assert [a.text for a in named] == ["rebel movement"]
    actors, [para] = actors_of("The rebel movement said their leaders would attend.")
    actors.resolve(para, word(para, "movement"))
    [their] = actors.resolve(para, word(para, "their"))
    assert their.key is None  # 'their leaders' are not the movement itself


def test_a_group_after_its_last_period_is_what_it_last_was(tmp_path) -> None:  # type: ignore[no-untyped-def]
    layer = tmp_path / "extra.jsonl"
    layer.write_text(
        '{"key": "test-front", "type": "group", "name": "Test Front", "aliases": ["Test Front"],'
        ' "periods": [{"start": null, "end": "1990-01-01", "country": "LBR", "sector": "REB"}]}\n'
        '{"key": "test-man", "type": "person", "name": "Test Man", "aliases": ["Test Man"],'
        ' "periods": [{"start": null, "end": "1990-01-01", "country": "LBR", "sector": "GOV"}]}\n',
        encoding="utf-8",
    )
    d = load_dictionary([layer])
    group, _ = d.entries["test-front"].period_on(date(2000, 1, 1))
    assert group is not None and (group.country, group.sector) == ("LBR", "REB")  # not an elite
    man, _ = d.entries["test-man"].period_on(date(2000, 1, 1))
    assert man is not None and (man.country, man.sector) == ("LBR", "ELI")  # a person out of office


def test_a_surname_after_another_given_name_is_someone_else(d) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors import DocActors

    def keys(text: str) -> list[str]:
        return [
            m.entry.key for m in DocActors(d, text, [], date(1990, 6, 1)).matches if m.entry.type == "person"
        ]

    assert keys("Nelson Mandela spoke first. Later Winnie Mandela addressed the crowd.") == ["nelson-mandela"]
    assert keys("Nelson Mandela spoke first. Later Mandela addressed the crowd.") == ["nelson-mandela"] * 2
    assert keys("Crowds cheered when Mrs Thatcher arrived.") == ["margaret-thatcher"]
    assert keys("When Thatcher arrived, crowds cheered.") == ["margaret-thatcher"]


def test_the_red_crescent_named_alone_is_the_movement(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Volunteers handed blankets to the Red Crescent in Kerman on Monday."
    crescent = resolve_word(engine, text, "Crescent")
    assert (crescent.country, crescent.sector, crescent.key) == (None, "NGO", "ifrc")  # not the town's people
    national = "The Iranian Red Crescent sent tents to Kerman."
    assert resolve_word(engine, national, "Crescent").country == "IRN"


def test_irish_republican_guerrillas_are_the_ira(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Irish republican guerrillas fired mortars at a police station in Newry, police said."
    fighters = resolve_word(engine, text, "guerrillas")
    assert (fighters.country, fighters.sector, fighters.key) == ("GBR", "REB", "ira")  # not IRL


def test_merged_subject_spans_answer_as_the_spans_do() -> None:
    from eventwire.actors.resolve import _inside, _merged

    spans = [(10, 20), (15, 30), (40, 41), (41, 45), (50, 50), (60, 90), (65, 70), (0, 3)]
    starts, ends = _merged(spans)
    assert (starts, ends) == ([0, 10, 40, 60], [3, 30, 45, 90])
    for pos in range(-2, 100):
        assert _inside(starts, ends, pos) == any(a <= pos < b for a, b in spans), pos
    assert not _inside([], [], 5)


def _find_by_scan(d, text: str) -> list[tuple[int, int, str, str]]:  # type: ignore[no-untyped-def]
    """The dictionary lookup done the slow way: every candidate form of the first token tried."""
    from eventwire.actors.dictionary import _fold, tokenize

    toks = tokenize(text)
    folded = [_fold(t) for t, _, _ in toks]
    out = []
    i = 0
    while i < len(toks):
        fits = [
            (form, e, k)
            for form, e, k in d._index.get(folded[i], ())
            if tuple(folded[i : i + len(form)]) == form
        ]
        if not fits:
            i += 1
            continue
        n = max(len(f) for f, _, _ in fits)
        start, end = toks[i][1], toks[i + n - 1][2]
        out.extend((start, end, e.key, k) for f, e, k in fits if len(f) == n)
        i += n
    return out


def test_indexed_find_matches_a_full_scan(d) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The South Korean foreign minister met North Korea's envoy in Seoul on Tuesday, while "
        "Kim and President Putin spoke by phone. Moon Jae-in told the United Nations Security "
        "Council that the United States and the European Union would help; Hamas and the Taliban "
        "said nothing. Washington and Beijing, Paris and Kyiv, the Kremlin and the Pentagon."
    )
    ours = [(m.start, m.end, m.entry.key, m.kind) for m in d.find(text)]
    assert ours == _find_by_scan(d, text)
    assert len({(s, e) for s, e, _, _ in ours}) >= 15


def test_token_rows_agree_with_the_tokens(engine) -> None:  # type: ignore[no-untyped-def]
    from spacy.symbols import PROPN

    from eventwire.actors.resolve import _token_rows

    doc = engine.nlp("South Korea's envoy Lee Do-hoon met rebels, and police said they fled.")
    rows = _token_rows(doc)
    strings = doc.vocab.strings
    assert len(rows) == len(doc)
    for tok, (pos, dep, orth, space) in zip(doc, rows, strict=True):
        assert (pos == PROPN) == (tok.pos_ == "PROPN")
        assert strings[dep] == tok.dep_ and strings[orth] == tok.text
        assert bool(space) == bool(tok.whitespace_)
    assert any(strings[dep] == "nsubj" for _, dep, _, _ in rows)


def test_sector_terms_looked_up_once_per_token_agree_with_a_fresh_lookup(engine) -> None:  # type: ignore[no-untyped-def]
    from eventwire.actors import DocActors
    from eventwire.nlp import ParsedParagraph

    text = "The Egyptian foreign minister met riot police and opposition lawmakers in Cairo."
    doc = engine.nlp(text)
    actors = DocActors(engine.dictionary, text, [ParsedParagraph(0, 0, doc, len(text))], date(2024, 3, 5))
    tokens = list(doc)
    found = {}
    for i in range(len(doc)):
        hit = actors._sector_at(doc, i)
        assert hit == actors._sector_at(doc, i) == actors._sector_in(tokens, i)
        if hit is not None:
            found[doc[i].text] = (hit[0].term, hit[1])
    assert found["minister"] == ("foreign minister", 2)
    assert found["police"][1] >= 1 and found["lawmakers"][1] >= 1


def _resolve_after(engine, text: str, word: str, published: str):  # type: ignore[no-untyped-def]
    """Who the resolver says ``word`` is where it first stands after 'the' (one-paragraph story)."""
    from eventwire.actors import DocActors
    from eventwire.clean import clean_article
    from eventwire.nlp import parse_articles
    from eventwire.records import Article, RawArticle

    raw = RawArticle(source="<test>", body=text, fmt="text", title="", published=published)
    article = clean_article(raw, (), None)
    assert isinstance(article, Article)
    [(article, paras)] = list(parse_articles(engine.nlp, [article]))
    actors = DocActors(
        engine.dictionary, article.text, paras, date.fromisoformat(published), engine.gazetteer
    )
    for para in paras:
        for tok in para.doc:
            if tok.text == word and tok.i > 0 and para.doc[tok.i - 1].lower_ == "the":
                found = actors.resolve(para, tok)
                return found[0] if found else None
    raise AssertionError(word)


def test_the_north_and_the_south_are_the_halves_the_story_names(engine) -> None:  # type: ignore[no-untyped-def]
    korea = "South Korea and North Korea held talks. Seoul said progress on the North's arms cuts was slow."
    north = _resolve_after(engine, korea, "North", "2018-09-11")
    assert north is not None and (north.code, north.text) == ("PRK", "North")
    only = "North Korea fired a missile on Friday. The South condemned the launch."
    south = _resolve_after(engine, only, "South", "2018-09-11")
    assert south is not None and south.code == "KOR"  # the other half of the country named
    sudan = "Sudan and South Sudan signed a deal. The North will carry the oil of the South."
    assert _resolve_after(engine, sudan, "North", "2015-03-01").code == "SDN"
    assert _resolve_after(engine, sudan, "South", "2015-03-01").code == "SSD"
    weather = "Heavy snow fell in Ohio on Monday. The North was cut off for two days."
    assert _resolve_after(engine, weather, "North", "2018-09-11") is None  # no divided country, no place
    macedonia = "North Macedonia joined NATO. The North celebrated."
    assert _resolve_after(engine, macedonia, "North", "2020-04-01") is None  # no South Macedonia
    sea = "North Korea sent ships into the South China Sea."
    assert _resolve_after(engine, sea, "South", "2018-09-11") is None  # part of a longer name


def test_the_president_is_the_last_president_named(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Donald Trump spoke with Shinzo Abe by phone. Aides said the president wanted a deal."
    who = resolve_word(engine, text, "president", "2018-09-11")
    assert who is not None and (who.name, who.code) == ("Donald Trump", "USAGOV")
    # a prime minister named last is no president
    other = "Donald Trump wrote to Shinzo Abe. Aides said the prime minister wanted a deal."
    pm = resolve_word(engine, other, "minister", "2018-09-11")
    assert pm is not None and (pm.name, pm.text) == ("Shinzo Abe", "prime minister")


def test_a_title_word_names_only_a_holder_with_that_title(engine) -> None:  # type: ignore[no-untyped-def]
    pres = resolve_word(engine, "The North Korean president visited a farm.", "president", "2018-09-11")
    assert pres is not None and pres.code == "PRKGOV" and pres.name != "Kim Jong Un"
    leader = resolve_word(engine, "The North Korean leader visited a farm.", "leader", "2018-09-11")
    assert leader is not None and leader.name == "Kim Jong Un"


def test_reporters_told_something_are_the_speakers_press(engine) -> None:  # type: ignore[no-untyped-def]
    text = "North Korea tested a rocket. Shinzo Abe told reporters that the test was a threat."
    press = resolve_word(engine, text, "reporters", "2018-09-11")
    assert press is not None and press.code == "JPNMED"  # not the story's North Korea
    spoke = resolve_word(
        engine, "North Korea tested a rocket. He said to journalists it failed.", "journalists"
    )
    assert spoke is not None and spoke.code == "PRKMED"  # no speaker known: the story's country


def test_the_two_countries_and_their_leaders(engine) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chile sent a letter to Peru on Monday. The two countries have argued over fishing rights "
        "since their leaders met in Lima."
    )
    pair = resolve_word(engine, text, "countries", "2018-09-11")
    assert pair is not None and pair.country in {"CHL", "PER"}
    leaders = {a.code for a in code_text(engine, text, "2018-09-11").actors if a.text == "their leaders"}
    assert leaders & {"CHLGOV", "PERGOV"}
    events = code_text(engine, text, "2018-09-11").events
    met = {
        (e.source.code, e.target.code) for e in events if e.source and e.target and e.cameo.startswith("04")
    }
    # "their leaders met": the leaders of both, met with each other
    assert {("CHLGOV", "PERGOV"), ("PERGOV", "CHLGOV")} <= met, met


def test_the_president_is_never_someone_out_of_office(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Aides recalled the plans of Shinzo Abe. The prime minister said the plans would stay."
    pm = resolve_word(engine, text, "minister", "2024-03-05")
    assert pm is None or pm.name != "Shinzo Abe"  # out of office (and dead) on the story's day
