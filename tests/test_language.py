"""Language identification: texts written for these tests (plain news-like prose, our own words)."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.clean.language import SUPPORTED_LANGUAGES, Language, detect_language, is_english

# One short news paragraph per language, all about the same invented story (a fuel-tax rise).
SAMPLES: dict[str, str] = {
    "en": (
        "The government announced on Tuesday that it would raise taxes on fuel, a move that opposition "
        "leaders said would hurt families who are already struggling with the rising cost of food and rent. "
        "The finance minister defended the plan in parliament."
    ),
    "fr": (
        "Le gouvernement a annoncé mardi une hausse des taxes sur le carburant. Selon les dirigeants de "
        "l'opposition, cette mesure va pénaliser les familles qui ont déjà du mal à payer leur loyer et "
        "leurs courses. Le ministre des Finances a défendu son projet devant les députés."
    ),
    "de": (
        "Die Regierung hat am Dienstag angekündigt, die Steuern auf Kraftstoff zu erhöhen. Nach Ansicht der "
        "Opposition wird diese Maßnahme vor allem Familien treffen, die schon jetzt unter den steigenden "
        "Preisen für Lebensmittel und Mieten leiden. Der Finanzminister verteidigte den Plan im Parlament."
    ),
    "es": (
        "El gobierno anunció el martes que subirá los impuestos sobre el combustible. Según los líderes de "
        "la oposición, la medida perjudicará a las familias que ya tienen dificultades para pagar el "
        "alquiler y la comida. El ministro de Hacienda defendió el plan en el Congreso."
    ),
    "pt": (
        "O governo anunciou na terça-feira que vai aumentar os impostos sobre os combustíveis. Segundo os "
        "líderes da oposição, a medida vai prejudicar as famílias que já têm dificuldades para pagar o "
        "aluguel e a comida. O ministro da Fazenda defendeu o plano no Congresso."
    ),
    "it": (
        "Il governo ha annunciato martedì un aumento delle tasse sul carburante. Secondo i leader "
        "dell'opposizione, la misura colpirà soprattutto le famiglie che già faticano a pagare l'affitto e "
        "la spesa. Il ministro dell'Economia ha difeso il piano in Parlamento."
    ),
    "nl": (
        "De regering heeft dinsdag aangekondigd dat de belasting op brandstof omhoog gaat. Volgens de "
        "oppositie treft die maatregel vooral gezinnen die nu al moeite hebben om de huur en de "
        "boodschappen te betalen. De minister van Financiën verdedigde het plan in de Kamer."
    ),
    "sv": (
        "Regeringen meddelade på tisdagen att skatten på bränsle ska höjas. Enligt oppositionen kommer "
        "åtgärden att drabba familjer som redan har svårt att betala hyran och maten. Finansministern "
        "försvarade förslaget i riksdagen och sade att det inte finns något alternativ."
    ),
    "da": (
        "Regeringen meddelte tirsdag, at afgiften på brændstof skal hæves. Ifølge oppositionen vil det "
        "især ramme de familier, som i forvejen har svært ved at betale husleje og mad. Finansministeren "
        "forsvarede planen i Folketinget og sagde, at der ikke er noget alternativ."
    ),
    "no": (
        "Regjeringen kunngjorde tirsdag at avgiften på drivstoff skal økes. Ifølge opposisjonen vil det "
        "særlig ramme familier som allerede sliter med å betale husleie og mat. Finansministeren forsvarte "
        "planen på Stortinget og sa at det ikke finnes noe alternativ."
    ),
    "pl": (
        "Rząd ogłosił we wtorek, że podniesie podatki na paliwo. Według liderów opozycji ta decyzja uderzy "
        "przede wszystkim w rodziny, które już teraz mają problem z opłaceniem czynszu i jedzenia. Minister "
        "finansów bronił planu w Sejmie."
    ),
    "cs": (
        "Vláda v úterý oznámila, že zvýší daně z pohonných hmot. Podle představitelů opozice toto opatření "
        "nejvíce zasáhne rodiny, které už nyní mají potíže zaplatit nájem a jídlo. Ministr financí plán "
        "hájil ve sněmovně a řekl, že jiná možnost není."
    ),
    "ro": (
        "Guvernul a anunțat marți că va majora taxele pe carburanți. Potrivit liderilor opoziției, măsura "
        "va afecta mai ales familiile care deja au dificultăți să plătească chiria și mâncarea. Ministrul "
        "Finanțelor a apărat planul în Parlament."
    ),
    "tr": (
        "Hükümet salı günü akaryakıt vergilerinin artırılacağını açıkladı. Muhalefet liderlerine göre bu "
        "karar, zaten kira ve gıda masraflarını ödemekte zorlanan aileleri daha çok etkileyecek. Maliye "
        "Bakanı ise planı mecliste savundu ve başka bir seçenek olmadığını söyledi."
    ),
    "id": (
        "Pemerintah mengumumkan pada hari Selasa bahwa pajak bahan bakar akan dinaikkan. Menurut para "
        "pemimpin oposisi, kebijakan tersebut akan memberatkan keluarga yang sudah kesulitan membayar sewa "
        "rumah dan makanan. Menteri Keuangan membela rencana itu di depan parlemen."
    ),
    "ru": (
        "Правительство во вторник объявило о повышении налогов на топливо. По словам лидеров оппозиции, "
        "эта мера больнее всего ударит по семьям, которые уже с трудом платят за жильё и продукты. "
        "Министр финансов защитил этот план в парламенте."
    ),
    "uk": (
        "Уряд у вівторок оголосив про підвищення податків на пальне. За словами лідерів опозиції, цей "
        "крок найбільше вдарить по родинах, які вже насилу платять за житло та продукти. Міністр фінансів "
        "захищав цей план у парламенті."
    ),
    "ar": (
        "أعلنت الحكومة يوم الثلاثاء أنها سترفع الضرائب على الوقود. وقال قادة المعارضة إن هذا القرار "
        "سيضر بالأسر التي تعاني بالفعل من ارتفاع أسعار الغذاء والإيجار. ودافع وزير المالية عن الخطة "
        "أمام البرلمان."
    ),
    "fa": (
        "دولت روز سه‌شنبه اعلام کرد که مالیات بر سوخت را افزایش می‌دهد. به گفته رهبران مخالفان، این "
        "تصمیم به خانواده‌هایی که از پیش برای پرداخت اجاره و غذا مشکل دارند آسیب می‌زند. وزیر اقتصاد "
        "از این طرح در مجلس دفاع کرد."
    ),
    "hi": (
        "सरकार ने मंगलवार को घोषणा की कि ईंधन पर कर बढ़ाया जाएगा। विपक्ष के नेताओं का कहना है कि इस "
        "फैसले से उन परिवारों पर और बोझ पड़ेगा जो पहले से ही किराया और भोजन का खर्च उठाने में परेशान हैं।"
    ),
    "el": (
        "Η κυβέρνηση ανακοίνωσε την Τρίτη ότι θα αυξήσει τους φόρους στα καύσιμα. Σύμφωνα με την "
        "αντιπολίτευση, το μέτρο θα πλήξει τις οικογένειες που ήδη δυσκολεύονται να πληρώσουν το ενοίκιο "
        "και τα τρόφιμα."
    ),
    "he": (
        "הממשלה הודיעה ביום שלישי כי תעלה את המסים על הדלק. לדברי ראשי האופוזיציה, הצעד יפגע במשפחות "
        "שכבר מתקשות לשלם שכר דירה ולקנות מזון. שר האוצר הגן על התוכנית בכנסת."
    ),
    "zh": (
        "政府周二宣布将提高燃油税。反对派领导人表示，这一措施将给本已难以支付房租和食品费用的家庭带来"
        "更大压力。财政部长在议会为该计划进行了辩护。"
    ),
    "ja": (
        "政府は火曜日、燃料税を引き上げると発表した。野党の指導者らは、この措置が家賃や食費の支払いに"
        "すでに苦しんでいる家庭に打撃を与えると批判している。財務大臣は国会で計画を擁護した。"
    ),
    "ko": (
        "정부는 화요일 연료세를 인상하겠다고 발표했다. 야당 지도자들은 이 조치가 이미 집세와 식비를 "
        "내기 어려운 가정에 큰 타격을 줄 것이라고 비판했다. 재무장관은 국회에서 이 계획을 옹호했다."
    ),
}

# Languages beyond the main list: Latin-script neighbours, Cyrillic, Arabic and Devanagari scripts.
EXTRA_SAMPLES: dict[str, str] = {
    "sk": (
        "Vláda v utorok oznámila, že zvýši dane z pohonných látok. Podľa predstaviteľov opozície toto "
        "opatrenie najviac zasiahne rodiny, ktoré už teraz majú problém zaplatiť nájom a jedlo. Minister "
        "financií plán obhajoval v parlamente a povedal, že iná možnosť nie je."
    ),
    "hr": (
        "Vlada je u utorak najavila da će povećati poreze na gorivo. Prema riječima čelnika oporbe, ta će "
        "mjera najviše pogoditi obitelji koje već sada teško plaćaju najam i hranu. Ministar financija "
        "branio je plan u Saboru i rekao da druge mogućnosti nema."
    ),
    "fi": (
        "Hallitus ilmoitti tiistaina, että polttoaineveroa korotetaan. Opposition johtajien mukaan toimi "
        "iskee erityisesti perheisiin, joilla on jo nyt vaikeuksia maksaa vuokra ja ruoka. "
        "Valtiovarainministeri puolusti suunnitelmaa eduskunnassa ja sanoi, että muuta vaihtoehtoa ei ole."
    ),
    "hu": (
        "A kormány kedden bejelentette, hogy emeli az üzemanyag adóját. Az ellenzék vezetői szerint az "
        "intézkedés leginkább azokat a családokat sújtja, amelyek már most is nehezen fizetik a lakbért és "
        "az élelmiszert. A pénzügyminiszter a parlamentben megvédte a tervet."
    ),
    "vi": (
        "Chính phủ hôm thứ Ba thông báo sẽ tăng thuế nhiên liệu. Theo các lãnh đạo phe đối lập, biện pháp "
        "này sẽ ảnh hưởng nặng nề đến những gia đình vốn đã gặp khó khăn trong việc trả tiền thuê nhà và "
        "mua thực phẩm."
    ),
    "bg": (
        "Правителството обяви във вторник, че ще повиши данъците върху горивата. Според лидерите на "
        "опозицията мярката ще удари най-силно семействата, които и сега трудно плащат наема и храната. "
        "Финансовият министър защити плана в парламента."
    ),
    "ur": (
        "حکومت نے منگل کو اعلان کیا کہ ایندھن پر ٹیکس بڑھایا جائے گا۔ اپوزیشن رہنماؤں کا کہنا ہے کہ اس "
        "فیصلے سے ان خاندانوں پر مزید بوجھ پڑے گا جو پہلے ہی کرایہ اور کھانے کا خرچ اٹھانے میں مشکل کا "
        "سامنا کر رہے ہیں۔"
    ),
    "mr": (
        "सरकारने मंगळवारी इंधनावरील कर वाढवणार असल्याची घोषणा केली. विरोधी पक्षाच्या नेत्यांनी सांगितले "
        "की या निर्णयामुळे आधीच भाडे आणि अन्नाचा खर्च भागवताना अडचणीत असलेल्या कुटुंबांवर आणखी भार "
        "पडेल. अर्थमंत्र्यांनी विधानसभेत या योजनेचे समर्थन केले आणि दुसरा पर्याय नाही असे ते म्हणाले."
    ),
    "ne": (
        "सरकारले मंगलबार इन्धनमा कर बढाउने घोषणा गरेको छ। विपक्षी नेताहरूका अनुसार यो निर्णयले भाडा र "
        "खाना खर्च तिर्न पहिले नै संघर्ष गरिरहेका परिवारलाई थप भार पार्नेछ। अर्थमन्त्रीले संसदमा योजनाको "
        "बचाउ गरे र अर्को विकल्प नभएको बताए।"
    ),
    "th": (
        "รัฐบาลประกาศเมื่อวันอังคารว่าจะขึ้นภาษีน้ำมันเชื้อเพลิง ผู้นำฝ่ายค้านระบุว่ามาตรการนี้จะส่งผลกระทบ"
        "ต่อครอบครัวที่มีปัญหาค่าเช่าบ้านและค่าอาหารอยู่แล้ว"
    ),
}

ENGLISH_WITH_NAMES = (
    "President Emmanuel Macron met Chancellor Olaf Scholz and Prime Minister Giorgia Meloni in Brussels "
    "on Thursday, while Recep Tayyip Erdoğan and Volodymyr Zelenskyy joined the talks by video from Ankara "
    "and Kyiv. Officials from São Paulo, Kraków and Düsseldorf were also at the summit."
)
ENGLISH_WITH_FRENCH_QUOTE = (
    "Speaking to reporters in Paris, the minister said the pension reform would go ahead. « Nous ne "
    "reculerons pas devant la pression de la rue », she said, adding that the government had already met "
    "the unions twice this year and would publish the final text next month."
)
ENGLISH_WITH_SPANISH_QUOTE = (
    'The opposition leader told a rally in Madrid that the vote had been stolen. "No vamos a aceptar '
    'un resultado que nadie puede verificar", he said to cheers, before the electoral board rejected his '
    "complaint and confirmed the count late on Sunday night."
)
ENGLISH_BOX_SCORE = (
    "GIRLS SOCCER: Northside 3, Lakeview 1. Goals: Okafor 2, Lindqvist. Saves: Brennan 7. "
    "Westfield 2, Harbor Point 2 (OT). Goals: Nakamura, Delgado; Petrov, Mbeki. Records: Northside 5-1, "
    "Lakeview 2-4, Westfield 3-2-1, Harbor Point 1-4-1."
)
ENGLISH_WITH_CYRILLIC = (
    "Protesters in the city carried banners reading «Нет войне» and «Свободу политзаключённым», and "
    "police detained at least forty people before the march reached the square, according to a local "
    "monitoring group that has tracked arrests since the start of the war."
)
CHINESE_WITH_LATIN = (
    "苹果公司首席执行官Tim Cook周三在北京表示，iPhone在中国市场的销量今年有所回升，公司将继续扩大在华投资，"
    "并与本地供应商加强合作。"
)


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_identifies_each_language(code: str) -> None:
    lang = detect_language(SAMPLES[code])
    assert lang.code == code, lang
    assert lang.confidence >= 0.3, lang
    assert lang.reason


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_only_english_passes_the_gate(code: str) -> None:
    ok, lang = is_english(SAMPLES[code])
    assert ok is (code == "en"), lang
    assert lang.code == code
    if not ok:
        assert lang.reason.startswith("not English")


def test_supported_languages_cover_the_samples() -> None:
    assert set(SAMPLES) | set(EXTRA_SAMPLES) <= SUPPORTED_LANGUAGES
    assert len(SUPPORTED_LANGUAGES) >= 20


@pytest.mark.parametrize("code", sorted(EXTRA_SAMPLES))
def test_identifies_neighbouring_languages(code: str) -> None:
    lang = detect_language(EXTRA_SAMPLES[code])
    assert lang.code == code, lang
    assert is_english(EXTRA_SAMPLES[code])[0] is False


@pytest.mark.parametrize(
    "text",
    [ENGLISH_WITH_NAMES, ENGLISH_WITH_FRENCH_QUOTE, ENGLISH_WITH_SPANISH_QUOTE, ENGLISH_WITH_CYRILLIC],
    ids=["names", "fr", "es", "cyr"],
)
def test_english_with_foreign_material_is_english(text: str) -> None:
    assert detect_language(text).code == "en"
    ok, lang = is_english(text)
    assert ok, lang


def test_gate_passes_english_frame_around_a_long_quotation() -> None:
    text = (
        "The minister spoke briefly to reporters outside the Elysee. « Nous avons décidé de maintenir la "
        "réforme parce que le pays en a besoin, et nous ne reculerons pas devant la pression de la rue ni "
        "devant les menaces des syndicats », she said. Reporters then asked about the budget, and she left "
        "without answering."
    )
    ok, lang = is_english(text)
    assert ok, lang


def test_gate_passes_english_without_prose() -> None:
    ok, lang = is_english(ENGLISH_BOX_SCORE)
    assert ok, lang


def test_gate_rejects_foreign_text_with_english_loanwords() -> None:
    text = (
        "Das Start-up aus Berlin hat am Montag eine neue App für Online-Banking vorgestellt. Nach Angaben "
        "des CEO soll das Update im Herbst kommen, doch viele User sind skeptisch, ob der Service wirklich "
        "sicher ist und ob die Daten in der Cloud bleiben."
    )
    ok, lang = is_english(text)
    assert not ok and lang.code == "de", lang


def test_mixed_script_chinese_with_latin_names() -> None:
    lang = detect_language(CHINESE_WITH_LATIN)
    assert lang.code == "zh", lang
    assert is_english(CHINESE_WITH_LATIN)[0] is False


def test_mixed_script_is_reported() -> None:
    text = SAMPLES["en"] + " " + SAMPLES["ru"]
    lang = detect_language(text)
    assert lang.code in ("en", "ru")
    assert "mixed scripts" in lang.reason


@pytest.mark.parametrize("text", ["", "   ", "12 345 -- 2024", "Hello world", "Putin meets Xi in Beijing"])
def test_empty_and_short_text_is_undetermined(text: str) -> None:
    lang = detect_language(text)
    assert lang.code == "und"
    assert lang.confidence == 0.0
    assert lang.reason


def test_short_reason_names_the_guess() -> None:
    lang = detect_language("Le gouvernement annonce une hausse des taxes sur le carburant")
    assert lang.code == "und"
    assert "too short" in lang.reason and "best guess fr" in lang.reason


@pytest.mark.parametrize(
    "headline",
    [
        "Putin meets Xi in Beijing",
        "Earthquake kills 300 in eastern Turkey",
        "Macron says 'la France ne cédera pas' on pensions",
        "",
    ],
)
def test_gate_is_lenient_on_short_latin_text(headline: str) -> None:
    ok, lang = is_english(headline)
    assert ok, lang


@pytest.mark.parametrize(
    "headline", ["中国宣布新的经济刺激计划", "Путин встретился с Си Цзиньпином в Пекине"]
)
def test_gate_rejects_short_non_latin_text(headline: str) -> None:
    ok, lang = is_english(headline)
    assert not ok
    assert lang.code in ("zh", "ru")
    assert lang.reason.startswith("not English")


def test_turkish_and_romanian_cedillas() -> None:
    turkish = (
        "İSTANBUL'DA büyük bir yangın çıktı ve itfaiye ekipleri olay yerine geldi. Yetkililere göre "
        "yangında kimse yaralanmadı, ancak birçok ev zarar gördü ve bu nedenle sokak bu şekilde kapatıldı."
    )
    assert detect_language(turkish).code == "tr"
    # Romanian typed with the legacy cedilla letters (ş, ţ) instead of the comma-below ones.
    romanian = SAMPLES["ro"].replace("ș", "ş").replace("ț", "ţ")
    assert detect_language(romanian).code == "ro"


def test_min_words_is_adjustable() -> None:
    text = "Le gouvernement a annoncé mardi une hausse des taxes sur le carburant pour les familles"
    assert detect_language(text, min_words=10).code == "fr"
    assert detect_language(text).code == "und"


def test_language_is_frozen() -> None:
    lang = detect_language(SAMPLES["de"])
    assert isinstance(lang, Language)
    assert lang.name == "German"
    with pytest.raises(dataclasses.FrozenInstanceError):
        lang.code = "en"  # type: ignore[misc]
