"""The events stage: lexicons, morphology, frame filling, modality, merging, notes, articles.

Unit tests build a Doc up to the sentences stage and add the spans of the other stages by hand
(numbers, dates, places), so they test the events stage alone; article tests run the whole
pipeline; the last test scores the dev wire report with the shared scorer.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from typing import Any

import pytest

from conftest import DEV, SHARED
from rasd.arabic.morph import noun_forms, phrase_forms, verb_forms
from rasd.doc import Doc, Span
from rasd.events.lexicon import lexicons
from rasd.events.notes import KIND_EN, fmt_quantity, transliterate
from rasd.lexicons import read_tsv
from rasd.pipeline import read
from rasd.stages.events import candidates, events

PUBLISHED = "2024-03-05"

PLACES: dict[str, dict[str, Any]] = {
    "بغداد": {"geonameid": 98182, "name": "Baghdad", "country": "IQ", "admin1": None, "kind": "city"},
    "حمص": {"geonameid": 169577, "name": "Homs", "country": "SY", "admin1": None, "kind": "city"},
    "حماة": {"geonameid": 170017, "name": "Hama", "country": "SY", "admin1": None, "kind": "city"},
    "العراق": {"geonameid": 99237, "name": "Iraq", "country": "IQ", "admin1": None, "kind": "country"},
    "صنعاء": {"geonameid": 71137, "name": "Sanaa", "country": "YE", "admin1": None, "kind": "city"},
}


def _annotate(doc: Doc, surface: str, label: str, nth: int = 0, **data: Any) -> None:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(surface, start + 1)
    doc.add(label, Span(start, start + len(surface), label, data))


def coded(
    text: str, numbers: dict[str, tuple[float, str]] | None = None, dates: dict[str, str] | None = None
) -> list[dict]:
    """The events of ``text`` with hand-made place, number and date spans."""
    doc = read(text, published=PUBLISHED, until="sentences")
    for name, data in PLACES.items():
        # whole words only, after an optional clitic (بغداد، وبغداد، ببغداد; not العراقية)
        for m in re.finditer(rf"(?<![\u0621-\u064a]){{0}}(?:[وفبل]?){name}(?![\u0621-\u064a])", text):
            start = m.end() - len(name)
            doc.add("place", Span(start, m.end(), "place", dict(data, lat=None, lon=None)))
    for surface, (value, qualifier) in (numbers or {}).items():
        _annotate(doc, surface, "number", value=value, qualifier=qualifier, ordinal=False)
    for surface, value in (dates or {}).items():
        precision = {10: "day", 7: "month", 4: "year"}[len(value)]
        _annotate(doc, surface, "date", value=value, precision=precision, relative=False, role=None)
    return [s.data["event"] for s in events(doc).get("event")]


def read_events(text: str, published: str = PUBLISHED) -> list[dict]:
    """The events the whole pipeline reads in ``text``."""
    return [s.data["event"] for s in read(text, published=published).get("event")]


def only(evs: list[dict]) -> dict:
    assert len(evs) == 1, [(e["type"], e["mode"], e["evidence"]["text"]) for e in evs]
    return evs[0]


# ---------------------------------------------------------------- lexicons and morphology
def test_taxonomy_has_every_plover_type_and_mode() -> None:
    modes = {
        "CONSULT": "visit third-party multilateral phone",
        "RETREAT": "withdraw release disarm ceasefire access resign",
        "REQUEST": "assist change yield meet",
        "REJECT": "assist change yield meet",
        "ACCUSE": "disapprove investigate allege",
        "THREATEN": "restrict arrest relations expel territory violence",
        "PROTEST": "demo riot strike hunger boycott obstruct vandalize",
        "SANCTION": "convict expel withdraw discontinue",
        "MOBILIZE": "troops weapons police militia",
        "COERCE": "seize restrict censor curfew martial-law arrest deport withhold misinformation cyber",
        "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives "
        "suicide-attack aerial drone heavy-weapons crowd-control unconventional",
    }
    tax = lexicons().taxonomy
    types = {t for t, _ in tax}
    assert len(types) == 16
    for t, ms in modes.items():
        for m in ms.split():
            assert (t, m) in tax, (t, m)
    for info in tax.values():
        assert len(info.cameo) == 2 and info.cameo.isdigit()


def test_every_trigger_row_names_a_known_type_and_mode() -> None:
    tax = lexicons().taxonomy
    for row in read_tsv("triggers.tsv"):
        if row["type"] == "NONE":
            continue
        mode = None if row["mode"] in ("", "-") else row["mode"]
        assert (row["type"], mode) in tax, row["lemma"]
        assert row["pos"] in ("verb", "noun", "fixed"), row["lemma"]
    for row in read_tsv("mode_cues.tsv"):
        mode = None if row["mode"] in ("", "-") else row["mode"]
        assert (row["type"], mode) in tax, row["cue"]
        to_type = row["type"] if row["to_type"] in ("", "-") else row["to_type"]
        assert (to_type, row["to"]) in tax, row["cue"]


def test_actor_kinds_and_argument_cue_roles_are_known() -> None:
    kinds = {r["kind"] for r in read_tsv("actor_terms.tsv")}
    assert {"communal", "site", "suspects", "police", "protesters"} <= kinds
    assert kinds <= set(KIND_EN) | {"prisoners", "refugees", "unknown"}
    roles = {r["role"] for r in read_tsv("argument_cues.tsv")}
    assert roles == {
        "partitive",
        "spokesman",
        "agent",
        "resumptive",
        "membership",
        "pronoun",
        "own_forces",
        "claim",
        "demonstrative",
        "contraband",
        "similar",
    }
    for r in read_tsv("argument_cues.tsv"):
        assert all(a.strip() for a in r["cue"].split("|")), r["cue"]


@pytest.mark.parametrize(
    ("lemma", "present", "forms"),
    [
        ("اعتقل", "", ["اعتقلت", "اعتقلوا", "يعتقل", "تعتقل", "يعتقلون", "اعتقلا"]),
        ("قتل", "", ["قتلت", "قتلوا", "يقتل", "تقتلان"]),
        ("تظاهر", "", ["تظاهرت", "تظاهروا", "يتظاهرون", "تتظاهر"]),
        ("ألقى", "لقي", ["القي", "القت", "القوا", "يلقي", "يلقون"]),
        ("أقال", "قيل", ["اقال", "اقالت", "يقيل"]),
    ],
)
def test_verb_forms(lemma: str, present: str, forms: list[str]) -> None:
    got = verb_forms(lemma, present)
    for f in forms:
        assert f in got, f


def test_verb_without_present_and_noun_forms() -> None:
    assert "يضرب" not in verb_forms("أضرب", "-")
    assert {"مظاهرات", "مظاهرتان"} <= noun_forms("مظاهرة")
    assert "اعتقالات" in noun_forms("اعتقال")
    assert "اطلقوا النار" in phrase_forms("أطلق النار", "verb")


def test_notes_helpers() -> None:
    assert fmt_quantity(4266, "exact") == "4,266"
    assert fmt_quantity(1000, "thousands") == "thousands"
    assert fmt_quantity(50, "about") == "about 50"
    assert transliterate("بغداد") == "Bghdad"


def test_a_note_names_a_described_party_as_subject_and_object() -> None:
    ev = only(coded("اعتقلت الشرطة المتظاهرين في بغداد."))
    assert ev["note"].startswith("Police arrested protesters in Baghdad")


# ---------------------------------------------------------------- frame filling
def test_arrest_frame() -> None:
    ev = only(coded("اعتقلت الشرطة 12 شخصا في بغداد.", numbers={"12": (12, "exact")}))
    assert (ev["type"], ev["mode"]) == ("COERCE", "arrest")
    assert ev["actor"]["text"] == "الشرطة" and ev["actor"]["kind"] == "police"
    assert ev["counts"]["arrested"]["value"] == 12
    assert ev["place"]["name"] == "Baghdad" and ev["country"] == "IQ"
    assert ev["target"] is None
    assert ev["acled"] == {"event_type": "Strategic developments", "sub_event_type": "Arrests"}
    assert ev["cameo"] == "17"
    assert ev["date"] == PUBLISHED and ev["date_precision"] == "day"
    assert ev["note"] == "Police arrested 12 people in Baghdad, Iraq (2024-03-05)"


@pytest.mark.parametrize(
    ("text", "type_", "mode", "actor", "target"),
    [
        ("واعتقلت قوات الأمن العراقية ناشطين في بغداد.", "COERCE", "arrest", "قوات الأمن", "ناشطين"),
        ("قتل ثلاثة مدنيين برصاص قوات الأمن في بغداد.", "ASSAULT", "firearms", "قوات الأمن", None),
        ("اندلعت اشتباكات بين الجيش والمسلحين في حمص.", "ASSAULT", None, "الجيش والمسلحين", None),
        ("تظاهر المحتجون في بغداد ضد الحكومة.", "PROTEST", "demo", None, None),
        ("وتم اعتقال ناشطين في بغداد من قبل الشرطة.", "COERCE", "arrest", "الشرطة", None),
        ("شنت الطائرات الحربية غارات على حمص.", "ASSAULT", "aerial", "الطائرات الحربية", None),
        (
            "أطلقت الشرطة الغاز المسيل للدموع لتفريق المحتجين في بغداد.",
            "ASSAULT",
            "crowd-control",
            "الشرطة",
            "المحتجين",
        ),
        ("فرضت السلطات حظر التجول في بغداد.", "COERCE", "curfew", "السلطات", None),
        ("أضرب عمال النفط في بغداد.", "PROTEST", "strike", None, None),
        ("سد المحتجون الطريق السريع في بغداد.", "PROTEST", "obstruct", None, None),
        ("أغلق المحتجون الطرق في بغداد.", "PROTEST", "obstruct", None, None),
    ],
)
def test_frames(text: str, type_: str, mode: str | None, actor: str | None, target: str | None) -> None:
    ev = only(coded(text))
    assert (ev["type"], ev["mode"]) == (type_, mode)
    if actor is not None:
        assert ev["actor"] is not None and ev["actor"]["text"] == actor
    if target is not None:
        assert ev["target"] is not None and ev["target"]["text"] == target
    assert ev["evidence"]["text"] in text


def test_counts_bind_to_their_nouns() -> None:
    text = "أسفر القصف على حمص عن مقتل 5 مدنيين وإصابة 20 آخرين."
    ev = only(coded(text, numbers={"5": (5, "exact"), "20": (20, "exact")}))
    assert ev["type"] == "ASSAULT"
    assert ev["counts"]["killed"]["value"] == 5
    assert ev["counts"]["injured"]["value"] == 20


def test_dual_nouns_count_two() -> None:
    ev = only(coded("قتل شخصان في انفجار في بغداد."))
    assert ev["counts"]["killed"] == {
        "value": 2,
        "qualifier": "exact",
        "evidence": ev["counts"]["killed"]["evidence"],
    }


def test_clause_date_beats_report_date() -> None:
    ev = only(coded("تظاهر الآلاف في صنعاء يوم الجمعة.", dates={"يوم الجمعة": "2024-03-01"}))
    assert ev["date"] == "2024-03-01" and ev["place"]["name"] == "Sanaa"


# ---------------------------------------------------------------- modality
def test_negation_is_flagged() -> None:
    ev = only(coded("لم تعتقل الشرطة أي متظاهر في بغداد."))
    assert ev["negated"] is True
    ev = only(coded("نفت وزارة الداخلية اعتقال صحفيين في بغداد."))
    assert ev["type"] == "COERCE" and ev["negated"] is True


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("هدد الجيش بقصف حمص.", [("THREATEN", "violence")]),
        ("طالبت المنظمة بالإفراج عن المعتقلين في بغداد.", [("REQUEST", "yield")]),
        ("تعتزم الحكومة فرض حظر التجول في بغداد.", []),
        ("ستعتقل الشرطة المتظاهرين في بغداد.", []),
        ("في حال استمرت الاحتجاجات ستفرض السلطات حالة الطوارئ في بغداد.", []),
        ("وصلت قوات الأمن إلى بغداد.", []),
        ("لا يزال الجيش يقصف حمص.", [("ASSAULT", "heavy-weapons")]),
        # seeking to do it is a plan, not the action
        ("يسعى الاتحاد الأوروبي إلى فرض عقوبات جديدة على إيران.", []),
        ("وتسعى الحكومة اليمنية إلى نشر قوات إضافية في عدن.", []),
        ("تسعى الشرطة لاعتقال المشتبه بهم في مدينة وهران.", []),
    ],
)
def test_threats_demands_plans_are_not_actions(text: str, types: list[tuple[str, str | None]]) -> None:
    evs = coded(text)
    assert [(e["type"], e["mode"]) for e in evs] == types
    assert all(not e["negated"] for e in evs)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # bans, shutdowns and seizures the state announces
        ("وعلقت السلطات خدمة الإنترنت عبر الهاتف المحمول في إسلام آباد.", [("COERCE", "censor")]),
        (
            "وأعلنت الولاية حظر جميع المظاهرات والتجمعات في مدينة فان لمدة عشرة أيام.",
            [("COERCE", "restrict")],
        ),
        ("وأعلنت سلطة الطيران المدني تعليق الرحلات في بغداد.", [("COERCE", "restrict")]),
        ("حجزت مفرزة لحرس الحدود 3 قناطير من الكيف المعالج في تلمسان.", [("COERCE", "seize")]),
        ("حجز المواطنون تذاكر السفر إلى تونس.", []),
        # closing roads is obstruction when protesters do it, a restriction when the state does
        ("وأغلقت السلطات الطرق المؤدية إلى إسلام آباد بالحاويات.", [("COERCE", "restrict")]),
        ("أغلق المحتجون الطرق المؤدية إلى إسلام آباد.", [("PROTEST", "obstruct")]),
    ],
)
def test_state_restrictions(text: str, types: list[tuple[str, str | None]]) -> None:
    assert [(e["type"], e["mode"]) for e in coded(text) if not e["negated"]] == types


def test_a_denial_of_any_arrests_is_a_negation_not_a_hypothesis() -> None:
    ev = only(coded("نفت وزارة التربية وجود أي اعتقالات في صفوف المحتجين في الرباط."))
    assert (ev["type"], ev["negated"]) == ("COERCE", True)


def test_attribution() -> None:
    ev = only(coded("وقالت وزارة الداخلية إن الشرطة اعتقلت 5 أشخاص في بغداد.", numbers={"5": (5, "exact")}))
    assert ev["attributed_to"]["text"] == "وزارة الداخلية"
    ev = only(coded("تظاهر المئات في بغداد، بحسب وكالة الأنباء."))
    assert ev["attributed_to"]["text"] == "وكالة الأنباء"


def test_governed_actions_are_dropped_but_seen() -> None:
    doc = read("هدد الجيش بقصف حمص.", published=PUBLISHED, until="sentences")
    _, cands = candidates(doc)
    assert [(c.type, c.dropped) for c in cands] == [("THREATEN", ""), ("ASSAULT", "governed")]


# ---------------------------------------------------------------- merging
def test_mentions_of_one_action_merge_keeping_the_precise_count() -> None:
    text = "أعلنت الوزارة احتجاز أكثر من 4 آلاف شخص. وقالت إن الشرطة اعتقلت 4120 شخصا."
    ev = only(coded(text, numbers={"أكثر من 4 آلاف": (4000, "more_than"), "4120": (4120, "exact")}))
    assert ev["counts"]["arrested"] == {
        "value": 4120,
        "qualifier": "exact",
        "evidence": ev["counts"]["arrested"]["evidence"],
    }
    assert ev["actor"]["text"] == "الشرطة"


def test_damage_told_after_a_strike_is_that_strike() -> None:
    text = "شنت طائرات حربية غارات جوية على مواقع للمسلحين في حمص. وقال الجيش إن القوات دمرت 23 هدفا."
    evs = [e for e in coded(text, numbers={"23": (23, "exact")}) if e["type"] == "ASSAULT"]
    assert len(evs) == 1, [(e["mode"], e["evidence"]) for e in evs]
    assert evs[0]["mode"] == "aerial"
    assert evs[0]["actor"]["kind"] == "military"


def test_separate_places_and_counts_are_separate_events() -> None:
    evs = coded("تظاهر المئات في حمص وحماة.")
    assert sorted(e["place"]["name"] for e in evs) == ["Hama", "Homs"]
    text = "اعتقلت الشرطة 30 شخصا في بغداد. واعتقلت الشرطة 7 أشخاص في صنعاء."
    evs = coded(text, numbers={"30": (30, "exact"), "7": (7, "exact")})
    assert [e["counts"]["arrested"]["value"] for e in evs] == [30, 7]


# ---------------------------------------------------------------- whole articles (all stages)
ARTICLES = [
    (
        "بغداد (رويترز) - قالت مصادر أمنية إن قوات الأمن العراقية اعتقلت 15 شخصا في بغداد يوم "
        "الأحد بعد اشتباكات مع محتجين غاضبين أسفرت عن مقتل متظاهر وإصابة 20 آخرين.\n"
        "وأطلقت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين الذين أغلقوا الطريق المؤدي إلى "
        "المطار. وطالب المحتجون بإقالة المحافظ.",
        {("COERCE", "arrest"), ("ASSAULT", None), ("ASSAULT", "crowd-control")},
        {("REQUEST", None), ("REQUEST", "yield"), ("SANCTION", None)},
    ),
    (
        "دمشق - قتل سبعة مدنيين وأصيب آخرون في غارة جوية استهدفت سوقا شعبية في مدينة إدلب "
        "شمال غربي سوريا أمس. وقال الدفاع المدني إن الغارة دمرت عددا من المحلات. وهددت فصائل "
        "المعارضة بالرد على القصف.",
        {("ASSAULT", "aerial"), ("THREATEN", "violence")},
        {("PROTEST", "demo"), ("COERCE", "arrest")},
    ),
    (
        "الرباط - نظم مئات الأساتذة المتعاقدين وقفة احتجاجية أمام البرلمان في الرباط يوم "
        "الثلاثاء للمطالبة بالإدماج في الوظيفة العمومية، فيما نفت وزارة التربية وجود أي "
        "اعتقالات في صفوف المحتجين.",
        {("PROTEST", "demo")},
        {("REQUEST", None), ("REQUEST", "change"), ("ASSAULT", None)},
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), ARTICLES)
def test_articles(text: str, wanted: set, unwanted: set) -> None:
    doc = read(text, published=PUBLISHED)
    evs = [s.data["event"] for s in doc.get("event")]
    positive = {(e["type"], e["mode"]) for e in evs if not e["negated"]}
    assert wanted <= positive, positive
    assert not (unwanted & positive), positive
    for e in evs:
        assert doc.text[e["evidence"]["start"] : e["evidence"]["end"]] == e["evidence"]["text"]
        assert 0 <= e["confidence"] <= 1 and e["note"]


def test_negated_arrests_in_a_denial_are_flagged() -> None:
    doc = read(ARTICLES[2][0], published=PUBLISHED)
    arrests = [s.data["event"] for s in doc.get("event") if s.data["event"]["mode"] == "arrest"]
    assert arrests and all(e["negated"] for e in arrests)


# ---------------------------------------------------------------- the dev wire report, scored
EVENT_F1_FLOOR = 0.85


def test_dev_wire_report_scores(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = DEV / "kazakhstan-2022-01-08.txt"
    scorer = SHARED / "tools" / "score.py"
    gold_path = DEV / "gold.jsonl"
    if not (path.exists() and scorer.exists() and gold_path.exists()):
        pytest.skip("the shared dev corpus is not here")
    import rasd

    text = path.read_text(encoding="utf-8")
    report = rasd.extract(text, published="2022-01-08", id=path.stem).to_dict()
    gold = [ln for ln in gold_path.read_text(encoding="utf-8").splitlines() if f'"{path.stem}"' in ln]
    (tmp_path / "p.jsonl").write_text(json.dumps(report, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "g.jsonl").write_text(gold[0] + "\n", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"id": path.stem, "text": text}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    out = subprocess.run(
        [
            sys.executable,
            str(scorer),
            str(tmp_path / "p.jsonl"),
            str(tmp_path / "g.jsonl"),
            "--articles",
            str(tmp_path / "a.jsonl"),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    metrics = json.loads(out.stdout)
    assert metrics["offsets_ok"] == 1.0
    assert metrics["event_f1"] >= EVENT_F1_FLOOR, metrics


# ---------------------------------------------------------------- round two: coding rules (all stages)
# (sentence, a (type, mode) that must be coded, (type, mode)s that must not be)
RULES = [
    # split triggers: the subject between the verb and the rest of the phrase
    ("أفرجت السلطات المغربية عن 40 معتقلا بمناسبة العيد.", ("RETREAT", "release"), set()),
    ("فتحت النيابة العامة في تونس تحقيقا في وفاة سجين.", ("ACCUSE", "investigate"), set()),
    ("قطع المحتجون الطريق السريع بين المدينتين بالحجارة.", ("PROTEST", "obstruct"), {("COERCE", "restrict")}),
    (
        "علقت نقابة المعلمين في الأردن إضرابها بعد اتفاق مع الحكومة.",
        ("CONCEDE", None),
        {("PROTEST", "strike")},
    ),
    # who acts decides the type: protesters smashing, burning; a court convicting
    ("حطم متظاهرون واجهات عدد من المصارف في بيروت.", ("PROTEST", "vandalize"), {("ASSAULT", "destroy")}),
    (
        "أدانت محكمة في الجزائر صحفيا بتهمة نشر أخبار كاذبة.",
        ("SANCTION", "convict"),
        {("ACCUSE", "disapprove")},
    ),
    ("أدانت وزارة الخارجية القطرية الهجوم على المسجد.", ("ACCUSE", "disapprove"), {("SANCTION", "convict")}),
    # clashes of protesters with the police: a riot unless someone is killed
    ("اندلعت مواجهات بين عشرات المحتجين والشرطة في مدينة قفصة.", ("PROTEST", "riot"), {("ASSAULT", None)}),
    ("أسفرت اشتباكات بين المحتجين وقوات الأمن في البصرة عن مقتل متظاهر.", ("ASSAULT", None), set()),
    # طالبة "a student" is no طالبه "demanded him"
    ("خطف مسلحون 25 طالبة من مدرسة في بلدة ماغا.", ("ASSAULT", "abduct"), {("REQUEST", None)}),
    # stones as the instrument of a blockade or a riot are no attack of their own; protesters
    # stoning the police riot; youths attacking migrants assault them
    (
        "وأغلقوا بالحجارة والإطارات المشتعلة ملتقى طرق مدريد لساعات.",
        ("COERCE", "restrict"),
        {("ASSAULT", "primitive")},
    ),
    (
        "ورشق بعض المحتجين عناصر الشرطة بالحجارة في ساحة الجمهورية.",
        ("PROTEST", "riot"),
        {("ASSAULT", "primitive")},
    ),
    ("هاجم شبان مهاجرين بالعصي والحجارة في صفاقس.", ("ASSAULT", None), {("PROTEST", "riot")}),
    # a figure of things is no crowd: burning 2,830 hectares is no riot
    (
        "أحرقت البالونات الحارقة أكثر من 2830 هكتارا من الغابات في إسرائيل.",
        ("ASSAULT", "destroy"),
        {("PROTEST", "riot")},
    ),
    # a demolition by the authorities is coercion; summoning an ambassador is a protest (ACCUSE),
    # recalling one's own is a sanction
    ("هدمت جرافات الاحتلال صباح اليوم مسكنين في خربة الفخيت.", ("COERCE", None), {("ASSAULT", "destroy")}),
    (
        "استدعت الخارجية العراقية السفير التركي احتجاجا على القصف.",
        ("ACCUSE", "disapprove"),
        {("SANCTION", "withdraw")},
    ),
    ("واستدعت الجزائر سفيرها في باريس للتشاور.", ("SANCTION", "withdraw"), {("ACCUSE", "disapprove")}),
    # دعا ... إلى with its object between
    ("ودعا والي إزمير العمال إلى عدم جعل المدينة رهينة.", ("REQUEST", None), set()),
    # "to protest" after a summons, the reason of an arrest and a ceasefire called for are not
    # events of their own
    (
        "واستدعت الخارجية المالية السفير الجزائري في باماكو للاحتجاج على القصف.",
        ("ACCUSE", "disapprove"),
        {("PROTEST", "demo")},
    ),
    (
        "وقالت الشرطة إنها أوقفت 12 شخصا بتهمة مهاجمة عناصر الدرك في الزرقاء.",
        ("COERCE", "arrest"),
        {("ACCUSE", "allege")},
    ),
    (
        "وأكد الرئيس ضرورة الوقف الفوري والمستدام لإطلاق النار في غزة.",
        ("RETREAT", "ceasefire"),
        {("ASSAULT", "firearms")},
    ),
    # weapons seized, made or supplied are things, not attacks
    (
        "وقالت الشرطة إنها اعتقلت ثلاثة أشخاص وضبطت بحوزتهم قنابل يدوية.",
        ("COERCE", "arrest"),
        {("ASSAULT", "explosives")},
    ),
    # a participle of state only after a comma: اعتقلت متهما is an arrest of a suspect
    ("وقال المتحدث إن المفاوضات مستمرة، متهما الحوثيين بعرقلة تبادل الأسرى.", ("ACCUSE", "allege"), set()),
    ("واعتقلت الشرطة متهما في القضية في بغداد.", ("COERCE", "arrest"), {("ACCUSE", "allege")}),
    # signing an agreement is AGREE; an air bridge and aid convoys are AID
    (
        "ووقع الجانبان في ختام الزيارة مذكرة تفاهم لتعزيز التعاون الأمني في طهران.",
        ("AGREE", None),
        {("SUPPORT", None)},
    ),
    ("ووصلت إلى مراكش أمس أولى طائرات الجسر الجوي السعودي محملة بالمساعدات.", ("AID", None), set()),
    # a threatened sit-in has not happened
    (
        "وقال الحزب في بيان إن السلطات تجاهلت مطالبه، مهددا بتنظيم اعتصام مفتوح.",
        ("THREATEN", None),
        {("PROTEST", "demo")},
    ),
    # the attack the arrested are suspected of is told in passing
    (
        "وقالت الشرطة إنها اعتقلت خمسة أشخاص يشتبه في تورطهم بالهجوم على الكنيسة.",
        ("COERCE", "arrest"),
        {("ASSAULT", None)},
    ),
    # a denial of a link is not a denial of the attack; "none but" is not a negation
    ("نفى تنظيم داعش أي علاقة له بالانفجار الذي وقع في كركوك.", ("ASSAULT", "explosives"), set()),
    ("لم يشارك في المسيرة سوى عشرات الطلاب في وهران.", ("PROTEST", "demo"), set()),
    # a trigger at the start of a sentence that an entity swallowed is still an action
    ("تجمع المئات أمام مقر البرلمان في الكويت.", ("PROTEST", "demo"), set()),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), RULES)
def test_coding_rules(text: str, wanted: tuple, unwanted: set) -> None:
    doc = read(text, published=PUBLISHED)
    positive = {
        (e["type"], e["mode"]) for e in (s.data["event"] for s in doc.get("event")) if not e["negated"]
    }
    assert wanted in positive, positive
    assert not (unwanted & positive), positive


# sentences that report no event: a topic, a match, a disaster, a comment
NOT_EVENTS = [
    "عرضت قناة محلية فيلما وثائقيا عن الاغتيالات في الجزائر خلال التسعينيات.",
    "شن لاعب الوداد هجوما خطيرا على مرمى الرجاء في المباراة.",
    "ضرب زلزال قوي شمال المغرب وأسفر عن مقتل 20 شخصا.",
    "لم يصدر أي تعليق رسمي من الحكومة اللبنانية.",
    # any attack, an attack feared or to be repelled: none has happened
    "وأكد المتحدث أن أي هجوم ينطلق من أراضي البلاد سيعد خرقا للاتفاق.",
    "وعززت الشرطة انتشارها حول السفارات تحسبا لهجمات جديدة.",
    # stalling over an action: it has not happened
    "وقالت الأسر إن السلطات ما زالت تماطل في الإفراج عن المعتقلين.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_events(text: str) -> None:
    doc = read(text, published=PUBLISHED)
    assert [s.data["event"]["type"] for s in doc.get("event") if not s.data["event"]["negated"]] == []


def test_background_cause_and_old_dates_are_kept_apart() -> None:
    doc = read(
        "خرج المئات في مسيرة بمدينة صفاقس تنديدا باغتيال ناشط حقوقي. "
        "ويذكر أن إضراب عمال الميناء عام 1985 شل المدينة. وأضرب عمال الميناء اليوم.",
        published=PUBLISHED,
    )
    evs = [s.data["event"] for s in doc.get("event")]
    assert ("ASSAULT", "targeted") not in {(e["type"], e["mode"]) for e in evs}
    strikes = sorted(e["date"] or "" for e in evs if e["type"] == "PROTEST" and e["mode"] == "strike")
    assert strikes == ["1985", PUBLISHED], strikes


def test_split_trigger_takes_its_subject_and_drops_its_tail() -> None:
    ctx, cands = candidates(read("رفعت السلطات الأردنية حظر التجول عن مدينة معان.", published=PUBLISHED))
    kept = [c for c in cands if not c.dropped]
    assert [(c.type, c.tail is not None) for c in kept] == [("CONCEDE", True)]
    assert kept[0].actor is not None and kept[0].actor.kind == "government"


# ---------------------------------------------------------------- counts of things, actions and time
@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("نفذت الطائرات الحربية ثلاث غارات على بلدة في ريف إدلب.", {"killed", "injured", "person"}),
        ("اعتصم العمال أمام مقر الشركة في صفاقس لمدة ثلاثة أيام.", {"participants"}),
        ("أغلق المحتجون الطريق رقم 49 قرب مدينة القصرين.", {"participants"}),
    ],
)
def test_quantities_of_things_are_not_counts_of_people(text: str, unwanted: set) -> None:
    doc = read(text, published=PUBLISHED)
    evs = [s.data["event"] for s in doc.get("event")]
    assert evs, "the action itself is still coded"
    for ev in evs:
        assert not (unwanted & set(ev["counts"])), ev["counts"]


def test_the_dateline_city_is_a_fallback_not_a_rival() -> None:
    # reported from Cairo: the protest happened in Alexandria, the arrests had no place of their own
    doc = read(
        "القاهرة (رويترز) - تظاهر المئات في الإسكندرية اليوم. واعتقلت الشرطة عشرة أشخاص.",
        published=PUBLISHED,
    )
    evs = {e["type"]: e for e in (s.data["event"] for s in doc.get("event"))}
    assert evs["PROTEST"]["place"]["name"] == "Alexandria"
    assert evs["COERCE"]["place"] is not None


# ---------------------------------------------------------------- counts bound across clauses and sentences
@pytest.mark.parametrize(
    ("text", "etype", "counts"),
    [
        # a singular noun of one person after a count word is a count of 1 (Levantine, Iraqi)
        (
            "قتل مدني وأصيب ثلاثة آخرون بجروح جراء قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب.",
            "ASSAULT",
            {"killed": 1, "injured": 3},
        ),
        (
            "أسفر الهجوم عن مقتل شرطي وإصابة أربعة مدنيين في مدينة الموصل.",
            "ASSAULT",
            {"killed": 1, "injured": 4},
        ),
        (
            "لقي شاب حتفه وأصيب اثنان آخران برصاص مجهولين في مدينة طرابلس شمال لبنان.",
            "ASSAULT",
            {"killed": 1, "injured": 2},
        ),
        # a verb joined by و counts what follows it, not the number before it
        (
            "اندلعت اشتباكات بين عشائر متناحرة في محافظة ميسان، قتل فيها شخص واحد وأصيب سبعة آخرون.",
            "ASSAULT",
            {"killed": 1, "injured": 7},
        ),
        # the verb after the counted people decides (Gulf, Maghrebi, Syrian wording)
        (
            "أعلنت وزارة الداخلية البحرينية أن 12 شخصا على الأقل أصيبوا في مواجهات بين محتجين وقوات الأمن في قرية الدراز.",
            "PROTEST",
            {"injured": 12},
        ),
        (
            "أفادت مصادر طبية بأن ثلاثة متظاهرين أصيبوا بجروح خلال تفريق الشرطة مسيرة احتجاجية في مدينة الحسيمة.",
            "PROTEST",
            {"injured": 3},
        ),
        ("قال مسعفون إن 9 أشخاص على الأقل قتلوا في قصف على مدينة حماة.", "ASSAULT", {"killed": 9}),
        # the subject and a date between the verb and its count (Algerian)
        ("أوقفت الشرطة الجزائرية، فجر اليوم الثلاثاء، 14 شخصا في ولاية ورقلة.", "COERCE", {"arrested": 14}),
        # Tunisian إيقاف is an arrest of people
        ("تم إيقاف 18 شخصا إثر أعمال شغب في حي التضامن بالعاصمة تونس.", "COERCE", {"arrested": 18}),
        # the toll in the next sentence, with no action of its own (Yemeni)
        (
            "شنت طائرات حربية غارات على مدينة مأرب اليمنية. وأفاد مسعفون بسقوط ثلاثة قتلى و9 جرحى.",
            "ASSAULT",
            {"killed": 3, "injured": 9},
        ),
        # looting kills no one: the wounded of a riot are the riot's
        (
            "اندلعت أعمال شغب ونهب في حي الكرم بالعاصمة تونس، وأصيب فيها 11 عنصرا أمنيا.",
            "PROTEST",
            {"injured": 11},
        ),
        # a revised toll replaces the first one; each figure of a toll after إلى takes its noun
        (
            "قتل سبعة فلسطينيين في غارة على خيمة في المواصي. ولاحقا ارتفعت حصيلة الغارة إلى تسعة شهداء.",
            "ASSAULT",
            {"killed": 9},
        ),
        (
            "قتل 21 شخصا في هجوم انتحاري على مطعم في مقديشو. وارتفع عدد القتلى في الهجوم إلى 37 والمصابين إلى 212.",
            "ASSAULT",
            {"killed": 37, "injured": 212},
        ),
        # a crowd counted in hundreds takes part in the protest of its sentence, refugees too
        (
            "نظم مئات المحاضرين المجانيين، صباح اليوم، وقفة أمام وزارة التعليم في بغداد.",
            "PROTEST",
            {"participants": 100},
        ),
        ("تظاهر عشرات اللاجئين الأفغان أمام مكتب المفوضية في إسلام آباد.", "PROTEST", {"participants": 10}),
        # another one (ثالث، آخر) and a relative (طفلها) are one person each
        (
            "قُتل شابان وأصيب ثالث، مساء أمس، جراء انفجار عبوة ناسفة في درعا.",
            "ASSAULT",
            {"killed": 2, "injured": 1},
        ),
        ("قُتلت امرأة وأصيب طفلها برصاص قناص في تعز.", "ASSAULT", {"killed": 1, "injured": 1}),
        # a toll that opens the story belongs to the action told right after it
        (
            "لقي أربعة أشخاص مصرعهم وأصيب ستة آخرون في قرية بيت علام. وقالت المصادر إن مشادة تطورت "
            "إلى تبادل لإطلاق النار بالأسلحة الآلية.",
            "ASSAULT",
            {"killed": 4, "injured": 6},
        ),
        # one named person suffering the action counts 1; smugglers are people
        ("قُتل المعارض البارز يحيى ديلو في هجوم على مقر حزبه في انجامينا.", "ASSAULT", {"killed": 1}),
        ("اعتقلت الشرطة الناشط أحمد ماهر في القاهرة.", "COERCE", {"arrested": 1}),
        ("وأوقفت مفرزة مشتركة للجيش 20 مهربا في تمنراست.", "COERCE", {"arrested": 20}),
        # protesters counted by an arrest are the arrested
        ("اعتقلت الشرطة الكينية 12 متظاهرا في نيروبي.", "COERCE", {"arrested": 12}),
        ("قتلت قوات الأمن ثلاثة محتجين في مدينة زاهدان.", "ASSAULT", {"killed": 3}),
    ],
)
def test_counts_bind_across_clauses(text: str, etype: str, counts: dict[str, int]) -> None:
    doc = read(text, published=PUBLISHED)
    evs = [s.data["event"] for s in doc.get("event") if s.data["event"]["type"] == etype]
    got = [{k: v["value"] for k, v in ev["counts"].items()} for ev in evs]
    assert any(all(g.get(k) == v for k, v in counts.items()) for g in got), got


def test_a_toll_told_next_joins_the_latest_attack() -> None:
    # the count after a new attack belongs to it, not to an older attack told before
    doc = read(
        "وكان تفجير سابق قد استهدف مسجدا في القطيف الشهر الماضي. واستهدف تفجير انتحاري اليوم حسينية في الدمام. "
        "أسفر عن مقتل 7 أشخاص.",
        published=PUBLISHED,
    )
    evs = [s.data["event"] for s in doc.get("event")]
    by_mode = {e["mode"]: e for e in evs}
    assert by_mode["suicide-attack"]["counts"]["killed"]["value"] == 7
    assert "killed" not in by_mode["explosives"]["counts"]


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("اندلعت صدامات بين شبان وقوات الأمن في حي التضامن بالعاصمة تونس.", {"PROTEST"}, set()),
        ("تجدد القتال بين الجيش وقوات الدعم السريع في مدينة الأبيض.", {"ASSAULT"}, set()),
        # asking not to be named is no demand, and does not govern the attack
        (
            "أفاد مصدر أمني، طالبا عدم الكشف عن هويته، بأن مسلحين هاجموا نقطة تفتيش في مدينة العريش.",
            {"ASSAULT"},
            {"REQUEST"},
        ),
        # the name of a channel is no march and no drone
        ("وقالت قناة المسيرة التابعة للحوثيين إن غارة استهدفت العاصمة صنعاء.", {"ASSAULT"}, {"PROTEST"}),
        # a place named like a mode cue (Taraz) does not turn protests into drones
        ("امتدت الاحتجاجات إلى مدينة طراز المجاورة.", {"PROTEST"}, {"ASSAULT"}),
        # participles of threats and demands (Yemeni, Moroccan)
        (
            "أعلنت جماعة الحوثيين أن الغارات لن تمر دون رد، متوعدة باستهداف مزيد من السفن في البحر الأحمر.",
            {"THREATEN"},
            set(),
        ),
        ("خرج مئات المحتجين في مسيرة وسط الرباط، مطالبين بالإفراج عن المعتقلين.", {"PROTEST"}, {"RETREAT"}),
        # إيقاف of things is no arrest
        ("أعلنت الحكومة إيقاف الصادرات إلى تركيا.", set(), {"COERCE"}),
        # licences and nationality withdrawn, camps dismantled, eviction and demolition orders
        ("وسحبت سلطة الاتصالات رخصة إذاعة محلية في مدينة نواكشوط.", {"COERCE"}, set()),
        ("وقررت السلطات سحب الجنسية من 120 شخصا.", {"COERCE"}, set()),
        ("وفككت قوات الأمن مخيمات عشوائية للمهاجرين قرب مدينة صفاقس.", {"COERCE"}, set()),
        ("وأصدر جيش الاحتلال أوامر إخلاء لسكان بلدة عبسان شرقي خان يونس.", {"COERCE"}, set()),
        # rescue teams are no dispersal; a pattern of attacks is no attack
        ("وقال الدفاع المدني إن فرقه انتشلت جثث الضحايا من تحت الأنقاض.", set(), {"ASSAULT"}),
        ("وقالت البلدية إن فرق الإسعاف نقلت المصابين إلى مستشفى المدينة.", set(), {"ASSAULT"}),
        ("ويشهد ريف المحافظة هجمات متكررة لخلايا التنظيم منذ سنوات.", set(), {"ASSAULT"}),
        # مسيرة is a drone after ب, after a verb of striking or before its maker; a gathering
        # struck is the target
        ("وقتل ثلاثة أشخاص بمسيرة استهدفت سيارة قرب مدينة كادقلي.", {"ASSAULT"}, {"PROTEST"}),
        ("واستهدفت مسيرات أوكرانية مصفاة نفط في مقاطعة كراسنودار.", {"ASSAULT"}, {"PROTEST"}),
        ("وقصفت مسيرة تابعة للجيش سوقا في بلدة الكومة.", {"ASSAULT"}, {"PROTEST"}),
        ("واستهدفت غارة تجمعا للمواطنين قرب دوار النابلسي.", {"ASSAULT"}, {"PROTEST"}),
        ("وخرجت مسيرة حاشدة وسط مدينة صفاقس للمطالبة بالتشغيل.", {"PROTEST"}, {"ASSAULT"}),
        # accords signed or reached, courts upholding sentences, envoys recalled, partnerships
        # suspended, aid provided
        ("ويأتي ذلك في إطار اتفاق سلام وقعته الحكومة والمتمردون في جوبا عام 2020.", {"AGREE"}, set()),
        ("وشهد الرئيسان توقيع مذكرة تفاهم في مجال الطاقة في الرياض.", {"AGREE"}, set()),
        ("وأيدت محكمة النقض حكما بسجن الصحفي خمس سنوات.", {"SANCTION"}, {"SUPPORT"}),
        ("وأعلنت الرباط استدعاء سفيرها لدى باريس للتشاور.", {"SANCTION"}, {"ACCUSE"}),
        ("وأعلن الاتحاد الأوروبي تعليق شراكته مع حكومة النيجر.", {"SANCTION"}, set()),
        ("ووصلت إلى بورتسودان، أمس، شحنة أدوية قدمتها الكويت.", {"AID"}, set()),
        # deaths in the collapse of a building in two earthquakes are no attack
        (
            "وحكمت المحكمة على خمسة مقاولين في قضية انهيار مجمع سكني خلال زلزالي فبراير، ما أسفر عن مقتل 96 شخصا.",
            set(),
            {"ASSAULT"},
        ),
        # a weapons cache found is no attack
        ("وعثرت دورية على كدس للعتاد يضم قذائف هاون في قرية البوعيثة.", set(), {"ASSAULT"}),
        # a breach is cyber only when accounts, sites or systems are breached
        ("اخترق قراصنة حسابات وزارة الداخلية على مواقع التواصل.", {"COERCE"}, set()),
        ("واخترق المحتجون الطوق الأمني حول مجمع البرلمان في نيروبي.", set(), {"COERCE"}),
        ("ويُعد الاتفاق أبرز اختراق في العلاقات بين البلدين.", set(), {"COERCE"}),
    ],
)
def test_trigger_breadth_and_look_alikes(text: str, wanted: set[str], unwanted: set[str]) -> None:
    doc = read(text, published=PUBLISHED)
    types = {s.data["event"]["type"] for s in doc.get("event")}
    assert wanted <= types and not (unwanted & types), types


# (published, text, [(type, mode, date, place)]): every event of the text, whole pipeline.
# Dates and places of actions told without their own: the story's (the lead's date, the one
# place of the action before); a night from one day to the next; a date of a state (منذ) or of
# the report (بحسب ما أفادت ... اليوم) does not date the action.
ARGUMENTS = [
    (
        # a town placed by a bearing from a city (بيتا جنوب نابلس): the town, not its landmark
        "2024-05-18",
        "وفي بلدة عصيرة جنوب جنين، أصيب ثلاثة شبان برصاص الجيش أمس.",
        [("ASSAULT", "firearms", "2024-05-17", "عصيرة")],
    ),
    (
        "2024-05-18",
        "وأغلقت القوات حاجز زعترة جنوب نابلس أمس أمام حركة المركبات.",
        [("COERCE", "restrict", "2024-05-17", "حاجز زعترة")],
    ),
    (
        # the most specific of places chained in one phrase (a town in its state)
        "2024-05-18",
        "خطف مسلحون 25 طالبة من مدرسة في بلدة ماغا بولاية كيبي أمس.",
        [("ASSAULT", "abduct", "2024-05-17", "ماغا")],
    ),
    (
        # في وقت سابق: a time, not a new clause ("while")
        "2024-05-18",
        "وكانت الشرطة قد اعتقلت في وقت سابق من الشهر الجاري 20 ناشطا في العاصمة أديس أبابا.",
        [("COERCE", "arrest", "2024-05", "أديس أبابا")],
    ),
    (
        "2023-05-12",
        "قتل ثلاثة أشخاص، مساء أمس الخميس، في هجوم مسلح على سوق بمدينة الموصل. وقالت الشرطة إن "
        "قواتها قتلت اثنين من المهاجمين واعتقلت ثالثا.",
        [
            ("ASSAULT", "firearms", "2023-05-11", "الموصل"),
            ("ASSAULT", None, "2023-05-11", "الموصل"),
            ("COERCE", "arrest", "2023-05-11", "الموصل"),
        ],
    ),
    (
        "2023-03-08",
        "قالت الشرطة إن قواتها داهمت فجر اليوم حيا في مدينة كراتشي، واعتقلت أربعة متهمين بينهم "
        "قيادي فار من العدالة منذ عام 2016.",
        [("COERCE", "arrest", "2023-03-08", "كراتشي")],
    ),
    (
        "2023-03-11",
        "قتل خمسة مدنيين ليلة الجمعة السبت في قصف على مدينة حماة.",
        [("ASSAULT", "heavy-weapons", "2023-03-10", "حماة")],
    ),
    (
        "2024-03-21",
        "اعتقلت الشرطة ستة صحفيين في ولاية كسلا، بحسب ما أفادت نقابة الصحفيين اليوم الخميس. وقالت "
        "النقابة إن عناصر من الشرطة داهموا مكتبا في مدينة كسلا يوم الاثنين الماضي واعتقلوا الصحفيين.",
        [("COERCE", "arrest", "2024-03-18", "كسلا")],
    ),
    (
        "2023-06-04",
        "عمان - داهمت قوات الأمن، فجر اليوم، منازل في مدينة الزرقاء واعتقلت خمسة مطلوبين. وأضاف "
        "البيان أن القوة ضبطت خلال العملية أسلحة وذخائر.",
        [("COERCE", "arrest", "2023-06-04", "الزرقاء"), ("COERCE", "seize", "2023-06-04", "الزرقاء")],
    ),
    (
        "2023-06-04",
        "باماكو - قتل جنديان في كمين قرب مدينة غاو، أمس السبت. وقال الجيش إن المهاجمين أحرقوا "
        "عربتين عسكريتين قبل أن يفروا.",
        [("ASSAULT", None, "2023-06-03", "غاو"), ("ASSAULT", "destroy", "2023-06-03", "غاو")],
    ),
    (
        # a district no gazetteer knows is the place of its own action; the actions told after it
        # without a place of their own take the town it is named with
        "2023-07-02",
        "أصيب أربعة شرطيين في مواجهات ليلية في حي الكرامة ببلدة تلعفر أمس. واعتقلت الشرطة سبعة أشخاص.",
        [("ASSAULT", None, "2023-07-01", "الكرامة"), ("COERCE", "arrest", "2023-07-01", "تلعفر")],
    ),
]


def test_a_statement_is_made_where_it_is_reported_from_not_where_it_is_about() -> None:
    doc = read(
        "عمّان - اتهم وزير الخارجية أيمن الصفدي إسرائيل بارتكاب جرائم حرب في قطاع غزة.",
        published=PUBLISHED,
    )
    accuse = [s.data["event"] for s in doc.get("event") if s.data["event"]["type"] == "ACCUSE"]
    assert [(e["country"], e["place"] and e["place"]["text"]) for e in accuse] == [("JO", "عمّان")]


def _statements(text: str, outlet: str | None = None) -> list[tuple[str, str | None, str | None]]:
    doc = read(text, published=PUBLISHED, outlet=outlet)
    evs = [s.data["event"] for s in doc.get("event")]
    return [(e["type"], e["country"], e["place"] and e["place"]["text"]) for e in evs]


def test_a_sentence_opened_by_a_place_sets_its_statements_there() -> None:
    text = (
        "القاهرة - دخلت قافلة مساعدات إلى قطاع غزة.\n"
        "وفي الدوحة، بحث سمو الشيخ محمد بن عبدالرحمن آل ثاني مع نظيره التركي هاكان فيدان التطورات."
    )
    assert ("CONSULT", "QA", "الدوحة") in _statements(text)


def test_a_known_figure_speaks_for_his_country_unless_the_article_never_names_it() -> None:
    saudi = (
        "الرياض - رحبت المملكة العربية السعودية بتبادل الأسرى في اليمن.\n"
        "من جهته، دعا رئيس مجلس القيادة الرئاسي رشاد العليمي الحوثيين إلى الإفراج عن بقية المحتجزين."
    )
    assert [(t, c) for t, c, _ in _statements(saudi, "واس") if t == "REQUEST"] == [("REQUEST", "YE")]
    # a namesake abroad: Colombia's defence minister is no Spanish prime minister
    colombia = "بوغوتا - اتهم وزير الدفاع بيدرو سانشيز فصيلا منشقا بتجنيد القاصرين."
    assert [(t, c) for t, c, _ in _statements(colombia) if t == "ACCUSE"] == [("ACCUSE", "CO")]


def test_a_deal_signed_in_a_named_city_is_set_in_that_citys_country() -> None:
    # the signatories' country does not outweigh the place the clause names
    text = "وقّعت مصر والسودان أمس في الخرطوم اتفاقية للتعاون العسكري بين البلدين."
    assert _statements(text) == [("AGREE", "SD", "الخرطوم")]
    # a statement with no place of its own keeps its speaker's country
    said = "القاهرة - اتهمت وزارة الخارجية الإثيوبية الحكومة المصرية بعرقلة المفاوضات."
    assert [(t, c) for t, c, _ in _statements(said) if t == "ACCUSE"] == [("ACCUSE", "ET")]
    # a sanction's place is the post recalled from: the state that recalls is its country
    recalled = "وأعلنت باكستان استدعاء سفيرها من طهران."
    assert [(t, c) for t, c, _ in _statements(recalled)] == [("SANCTION", "PK")]


def test_ways_to_deliver_aid_are_a_topic_not_aid() -> None:
    assert _statements("وبحث الوزيران سبل تسريع إدخال المساعدات إلى القطاع.") == [("CONSULT", None, None)]


def test_a_toll_and_its_strike_in_one_sentence_are_one_event_at_the_finer_place() -> None:
    text = (
        "وفي ولاية جنوب كردفان، قُتل ثلاثة أشخاص وأصيب سبعة آخرون، الأحد، في قصف مدفعي "
        "استهدف مخيم النور للنازحين قرب مدينة كادقلي."
    )
    evs = read_events(text)
    assert [(e["type"], e["place"]["text"], e["counts"]["killed"]["value"]) for e in evs] == [
        ("ASSAULT", "مخيم النور", 3)
    ]
    # فيما opens a second action: it stays apart
    two = "وفي الخرطوم، تجددت الاشتباكات حول معسكر المدرعات، فيما شن الطيران غارات على حي كافوري."
    assert len(read_events(two)) == 2


def test_the_town_of_a_later_sentence_is_the_one_told_before() -> None:
    text = (
        "اقتحمت قوات الاحتلال بلدة قباطية جنوب جنين فجر اليوم. "
        "واحتجز الجنود عشرات المواطنين في ساحة مدرسة البلدة. "
        "وسد المحتجون الطريق بين نابلس ورام الله، وأحرقوا الإطارات في المدينة."
    )
    evs = read_events(text)
    places = {(e["type"], e["mode"]): e["place"] and e["place"]["text"] for e in evs}
    assert places[("COERCE", "arrest")] == "قباطية"
    # a road between two towns is told from its first; the town after it is that one
    assert places[("PROTEST", "riot")] == "نابلس"
    # a landmark after a bearing is no setting: نحو مخيم زمزم جنوب المدينة
    flee = "اندلع القتال في الفاشر. وأدى القصف إلى نزوح آلاف الأسر نحو مخيم زمزم جنوب المدينة."
    assert {e.data["event"]["place"]["text"] for e in read(flee, published=PUBLISHED).get("event")} == {
        "الفاشر"
    }


def test_a_truce_talked_about_sets_no_scene_for_later_actions() -> None:
    text = (
        "الكويت - أكد الوزيران دعم جهود وقف إطلاق النار في غزة. وأعلنت وزارة الداخلية سحب الجنسية من 300 شخص."
    )
    evs = read_events(text)
    coerce = [e for e in evs if e["type"] == "COERCE"]
    assert [(e["country"], (e["place"] or {}).get("text")) for e in coerce] == [("KW", "الكويت")]


def test_a_world_region_is_an_event_place_only_when_nothing_finer_is_named() -> None:
    doc = read(
        "هاجم مسلحون قافلة تنقل مهاجرين إلى أوروبا قرب مدينة صفاقس أمس.",
        published=PUBLISHED,
    )
    places = [(s.data["event"]["place"] or {}).get("text") for s in doc.get("event")]
    assert places == ["صفاقس"]


def test_a_local_district_in_a_city_is_where_it_happened() -> None:
    text = "وخرج مئات المواطنين في احتجاجات غاضبة بمديريات المنصورة والشيخ عثمان وكريتر في عدن."
    evs = read_events(text)
    assert [(e["place"]["text"], bool(e["counts"])) for e in evs] == [
        ("المنصورة", True),
        ("الشيخ عثمان", False),
        ("كريتر", False),
    ]


def test_figures_joined_by_and_add_up_and_a_revised_toll_replaces_the_first() -> None:
    text = "قُتل جنديان وأربعة مسلحين أمس في اشتباك قرب بلدة ميرانشاه."
    (ev,) = read_events(text)
    assert ev["counts"]["killed"]["value"] == 6
    text = (
        "قُتل سبعة أشخاص في هجوم مسلح على قرية في ولاية زامفارا. "
        "وقال مسؤول محلي إن عدد القتلى ارتفع لاحقا إلى 13."
    )
    (ev,) = read_events(text)
    assert ev["counts"]["killed"]["value"] == 13


def test_one_figure_for_several_places_goes_on_the_first() -> None:
    doc = read("أسفرت الحملة عن القبض على 17 متهما في القاهرة والإسكندرية ودمياط.", published=PUBLISHED)
    arrests = [s.data["event"] for s in doc.get("event") if s.data["event"]["type"] == "COERCE"]
    assert [(e["place"] or {}).get("text") for e in arrests] == ["القاهرة", "الإسكندرية", "دمياط"]
    assert [e["counts"].get("arrested", {}).get("value") for e in arrests] == [17, None, None]


@pytest.mark.parametrize("published,text,expected", ARGUMENTS, ids=range(len(ARGUMENTS)))
def test_story_dates_and_places(published: str, text: str, expected: list) -> None:
    doc = read(text, published=published)
    got = [
        (e["type"], e["mode"], e["date"], (e["place"] or {}).get("text"))
        for e in (s.data["event"] for s in doc.get("event"))
    ]
    assert got == expected


# ---------------------------------------------------------------- actors and targets (all stages)
# (text, type, actor text or None for "no actor", actor kind, target text or None for "no target");
# "*" leaves an argument unchecked.
PARTIES = [
    # Iraq's riot police by their own name
    (
        "قوات حفظ القانون استخدمت خراطيم المياه لتفريق المحتجين في الناصرية.",
        "ASSAULT",
        "قوات حفظ القانون",
        "police",
        "*",
    ),
    # a partitive before the group: the group acts
    ("وأضرم عدد من المحتجين النار في مقر البلدية بمدينة قفصة.", "PROTEST", "المحتجين", "protesters", None),
    # على أيدي + a word that is no known description
    ("قتل راع على أيدي رعاة من قبيلة منافسة في ولاية جنوب دارفور.", "ASSAULT", "رعاة", "*", "*"),
    # communal violence: the sides after بين
    (
        "اندلعت أعمال عنف بين مسيحيين ومسلمين في قرية بمحافظة المنيا.",
        "ASSAULT",
        "مسيحيين ومسلمين",
        "communal",
        "*",
    ),
    # a verbal noun and its party after ل
    ("وشهدت العاصمة الأردنية عمان مظاهرة للمعلمين أمام مجلس النواب.", "PROTEST", "معلمين", "workers", None),
    ("فرقت الشرطة مظاهرة لأنصار المعارضة في كينشاسا.", "PROTEST", "أنصار", "protesters", "*"),
    # a title, its office and the country: one party
    (
        "وندد وزير الخارجية الكويتي بالهجوم على السفارة في الخرطوم.",
        "ACCUSE",
        "وزير الخارجية الكويتي",
        "government",
        "*",
    ),
    (
        "وبحث وزير الخارجية العماني مع نظيره الإيراني تطورات المنطقة في مسقط.",
        "CONSULT",
        "وزير الخارجية العماني",
        "government",
        "نظيره الإيراني",
    ),
    # a spokesman speaks for the government; the accused did what they are accused of
    (
        "واتهم المتحدث باسم الحكومة السودانية خالد الإعيسر قوات الدعم السريع بقصف مخيم للنازحين في الفاشر.",
        "ACCUSE",
        "المتحدث باسم الحكومة السودانية خالد الإعيسر",
        "government",
        "قوات الدعم السريع",
    ),
    # victims: a passive killing, a counted crowd, a site that is struck
    ("قتل متظاهر وأصيب آخرون في ساحة التحرير ببغداد.", "ASSAULT", None, "*", "متظاهر"),
    ("أسفر القصف عن مقتل أربعة مدنيين في بلدة سرمين بريف إدلب.", "ASSAULT", "*", "*", "مدنيين"),
    ("واستهدفت طائرة مسيرة سوقا شعبيا في مدينة الفاشر.", "ASSAULT", "*", "*", "سوقا"),
    ("وهاجم مسلحون حاجزا للجيش في ريف حماة.", "ASSAULT", "مسلحون", "militants", "حاجزا"),
    ("واعتقلت قوات الدرك عشرات الطلبة في مدينة تيزي وزو.", "COERCE", "قوات الدرك", "police", "الطلبة"),
    # the name before الذي was arrested, not the arrester
    (
        "وأعلنت عائلة الصحفي سامر علاوي، الذي اعتقل في كابول الأسبوع الماضي، أنه بخير.",
        "COERCE",
        None,
        "*",
        "الصحفي سامر علاوي",
    ),
    # the subject of a light verb before a verbal noun of protest
    ("ودخل عمال النظافة في إضراب مفتوح في الدار البيضاء.", "PROTEST", "عمال", "workers", None),
    # a name that swallowed the verb opening the sentence gives back its subject
    ("تجمع عشرات المتقاعدين أمام مقر الحكومة في بغداد.", "PROTEST", "المتقاعدين", "workers", None),
    # coordinated subjects are one party
    ("والمعارضة والحكومة اتفقتا على وقف إطلاق النار في جوبا.", "AGREE", "المعارضة والحكومة", "*", "*"),
    # the doer in the genitive, the object after ل
    (
        "وأدانت الخارجية الفلسطينية اقتحام مستوطنين لمدرسة في الخليل.",
        "ASSAULT",
        "مستوطنين",
        "militants",
        "مدرسة",
    ),
    # a verb whose pronoun stands for the action names who did it
    (
        "قتل ثلاثة مدنيين في غارات شنتها طائرات حربية على بلدة كفرنبل.",
        "ASSAULT",
        "طائرات حربية",
        "military",
        "مدنيين",
    ),
    (
        "أسقطت الدفاعات الجوية 22 طائرة مسيرة من أصل 27 أطلقتها روسيا خلال الليل.",
        "ASSAULT",
        "روسيا",
        "*",
        "*",
    ),
    # the group the arrested are said to belong to; a council and the bodies it addresses
    (
        "وأوقفت الشرطة الإسبانية خمسة مطلوبين في برشلونة يشتبه بانتمائهم إلى تنظيم داعش.",
        "COERCE",
        "الشرطة الإسبانية",
        "police",
        "تنظيم داعش",
    ),
    (
        "وطالب المجلس البلدي في مصراتة الحكومة ووزارة الداخلية بالتحقيق في الحادثة.",
        "REQUEST",
        "المجلس البلدي",
        "government",
        "الحكومة ووزارة الداخلية",
    ),
    # a subject before a light verb or before a bare verbal noun (SVO after إن/أن)
    (
        "وقال شهود إن الشرطة أطلقت الغاز المسيل للدموع على المحتجين في الخرطوم.",
        "ASSAULT",
        "الشرطة",
        "police",
        "*",
    ),
    (
        "وأكد الناطق العسكري أن الجيش قصف مواقع للمتمردين في ولاية النيل الأزرق.",
        "ASSAULT",
        "الجيش",
        "military",
        "*",
    ),
    # the spokesman, his ministry's nationality and his name: one party, not a target
    (
        "وأدان الناطق باسم الخارجية الأردنية سنان المجالي الهجوم على المصلين.",
        "ACCUSE",
        "الناطق باسم الخارجية الأردنية سنان المجالي",
        "government",
        "*",
    ),
    # a preposition keeps a named body out of the protest
    ("ونظمت مظاهرة أمام وزارة الصحة في الجزائر.", "PROTEST", None, "*", None),
    # warplanes are who strikes, not a strike of their own
    (
        "وقالت الوزارة إن المقاتلات التركية قصفت مواقع للمتمردين في العراق.",
        "ASSAULT",
        "المقاتلات التركية",
        "military",
        "*",
    ),
    ("وقصفت طائرات حربية سوقا شعبيا في حمص.", "ASSAULT", "طائرات حربية", "military", "*"),
    # من تنفيذ X: X did it
    (
        "وقتل 15 شخصا في هجوم قال بيان على الإنترنت إنه من تنفيذ تنظيم داعش.",
        "ASSAULT",
        "تنظيم داعش",
        "*",
        "*",
    ),
    # a dual subject before its verb, not the speaker who reports it
    (
        "وقالت الوزارة في بيان إن الوزيرين بحثا سبل تعزيز التعاون بين البلدين.",
        "CONSULT",
        "الوزيرين",
        "officials",
        "*",
    ),
    # a participle of state after the quote: what its speaker does
    (
        'وقال مسؤول نقابي إن "الحكومة لم تستجب لأي من مطالب الأطباء والممرضين منذ شهر أكتوبر الماضي رغم كل الوعود"، ملوحا بخطوات تصعيدية.',
        "THREATEN",
        "مسؤول",
        "officials",
        "*",
    ),
    # a protest told without its crowd, then the crowd acting in the same sentence
    (
        "وتجددت المظاهرات صباح الخميس أمام مبنى المحافظة في بغداد، وأحرق المتظاهرون إطارات السيارات.",
        "PROTEST",
        "المتظاهرون",
        "protesters",
        "*",
    ),
    # a family speaks for its dead
    ("وطالبت عائلة الضحية بفتح تحقيق في ملابسات وفاته.", "REQUEST", "عائلة", "civilians", "*"),
    # the speaker acts when the reported verb's subject is its pronoun or its own force
    ("وقالت الشرطة إنها اعتقلت خمسة أشخاص في مدينة ممباسا.", "COERCE", "الشرطة", "police", "*"),
    (
        "وأعلن الجيش الباكستاني أنه قد قتل ستة مسلحين في وزيرستان.",
        "ASSAULT",
        "الجيش الباكستاني",
        "military",
        "*",
    ),
    ("وقال الجيش في بيان إن طائراته قصفت مواقع للمتمردين في ولاية شان.", "ASSAULT", "الجيش", "military", "*"),
    ("وأكدت الوزارة أن قواتها ضبطت شحنة أسلحة في ميناء العقبة.", "COERCE", "الوزارة", "government", "*"),
    # a title of a named body, of a body and its field, or of a post abroad, and the name
    (
        "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف فوري لإطلاق النار في السودان.",
        "REQUEST",
        "الأمين العام للأمم المتحدة أنطونيو غوتيريش",
        "officials",
        "*",
    ),
    (
        "وأدان المفوض السامي لحقوق الإنسان فولكر تورك قصف المستشفى في الفاشر.",
        "ACCUSE",
        "المفوض السامي لحقوق الإنسان فولكر تورك",
        "officials",
        "*",
    ),
    (
        "وطالب المبعوث الخاص إلى ليبيا عبد الله باتيلي الأطراف بوقف التصعيد.",
        "REQUEST",
        "المبعوث الخاص إلى ليبيا عبد الله باتيلي",
        "officials",
        "*",
    ),
    # a title, its complements, a comma, a rank and the name: one party
    (
        "رفض وزير المصالحة الوطنية، العقيد إسماعيل واغي، في تصريح الدعوات إلى الحوار.",
        "REJECT",
        "وزير المصالحة الوطنية، العقيد إسماعيل واغي",
        "government",
        "*",
    ),
    # a nominative plural after a bare verb form is its subject
    ("خطف مسلحون 25 طالبة من مدرسة في بلدة ماغا بولاية كيبي.", "ASSAULT", "مسلحون", "militants", "*"),
    # artillery, settlers, a unit of a named force, a court that rules, a trade that strikes
    (
        "قصفت المدفعية التركية أمس محيط ناحية كاني ماسي في دهوك.",
        "ASSAULT",
        "المدفعية التركية",
        "military",
        "*",
    ),
    ("هاجم مستعمرون مساء أمس أطراف بلدة ترمسعيا.", "ASSAULT", "مستعمرون", "militants", "*"),
    ("اعتقلت قوة من الأسايش مساء الثلاثاء صحفيا في السليمانية.", "COERCE", "الأسايش", "security", "*"),
    ("قضت محكمة أمن الدولة يوم الأحد بسجن ثلاثة متهمين في عمان.", "SANCTION", "محكمة أمن الدولة", "*", "*"),
    ("وأضرب السائقون عن العمل في طهران.", "PROTEST", "السائقون", "workers", "*"),
    # a trigger phrase that holds the start of its subject; برصاص names the shooter after it
    (
        "أصدرت محكمة الجنايات العليا في أنطاكيا أحكاما بالسجن على 5 متهمين.",
        "SANCTION",
        "محكمة الجنايات العليا",
        "*",
        "*",
    ),
    (
        "أصيب ثلاثة شبان برصاص قوات الاحتلال الإسرائيلي في جنين.",
        "ASSAULT",
        "قوات الاحتلال الإسرائيلي",
        "military",
        "*",
    ),
    # a partitive crowd no lexicon names
    ("تظاهر عشرات من خريجي كليات الهندسة أمام مبنى المحافظة في السليمانية.", "PROTEST", "خريجي", "*", "*"),
    # a claim of responsibility names the doer of the attack told before it
    (
        "قتل 12 جنديا في هجوم على قاعدة عسكرية في ولاية بورنو. وأعلن تنظيم داعش مسؤوليته عن الهجوم.",
        "ASSAULT",
        "تنظيم داعش",
        "*",
        "*",
    ),
    (
        "قتل 5 أشخاص في تفجير سيارة مفخخة في مقديشو، وتبنت حركة الشباب التفجير.",
        "ASSAULT",
        "حركة الشباب",
        "*",
        "*",
    ),
    # warplanes, bulldozers and snipers with their nationality; an MP for a province and his name
    (
        "شنت مقاتلات أمريكية فجر اليوم سلسلة غارات على مديرية الحوك.",
        "ASSAULT",
        "مقاتلات أمريكية",
        "military",
        "*",
    ),
    ("هدمت جرافات إسرائيلية ثلاثة منازل في بلدة الخضر.", "COERCE", "جرافات إسرائيلية", "military", "*"),
    (
        "ونفذت القوة الجوية العراقية صباح اليوم ضربتين جويتين في وادي حوران.",
        "ASSAULT",
        "القوة الجوية العراقية",
        "military",
        "*",
    ),
    (
        "ودعا النائب عن محافظة البصرة عدي عواد الحكومة إلى التدخل.",
        "REQUEST",
        "النائب عن محافظة البصرة عدي عواد",
        "*",
        "*",
    ),
    # units and missions
    ("وأوقفت مفرزة مشتركة للجيش 20 مهربا في تمنراست.", "COERCE", "مفرزة مشتركة", "military", "*"),
    ("وطالبت البعثة بالإفراج الفوري عن الناشطات في كابول.", "REQUEST", "البعثة", "international", "*"),
    (
        "أمرت هيئة الاتصالات القنوات التلفزيونية بوقف البث المباشر في نيروبي.",
        "COERCE",
        "هيئة الاتصالات",
        "*",
        "*",
    ),
    # the subject of a voweled passive verb suffered it
    (
        "قُتل المعارض البارز يحيى ديلو في هجوم على مقر حزبه في انجامينا.",
        "ASSAULT",
        None,
        "*",
        "المعارض البارز يحيى ديلو",
    ),
    # a counted crowd no lexicon names protests (the noun, or the count standing alone)
    (
        "تظاهر آلاف الأشخاص مساء الأربعاء في ساحة الجمهورية في يريفان.",
        "PROTEST",
        "الأشخاص",
        "protesters",
        "*",
    ),
    ("نظم العشرات وقفة سلمية أمام مقر الولاية في نواكشوط.", "PROTEST", "العشرات", "protesters", "*"),
    ("وخرج مئات من الموالين للرئيس في مسيرة في العاصمة نيامي.", "PROTEST", "الموالين", "protesters", "*"),
    # participles of state: what the speaker of the sentence (or of the statement) does
    (
        'وقال المتحدث باسم الحكومة إن "المفاوضات تعثرت"، داعيا الأطراف إلى ضبط النفس.',
        "REQUEST",
        "المتحدث باسم الحكومة",
        "*",
        "*",
    ),
    (
        "وأصدرت وزارة الخارجية بيانا دانت فيه الهجوم، محملة الجماعة المسؤولية الكاملة.",
        "ACCUSE",
        "وزارة الخارجية",
        "*",
        "*",
    ),
    (
        "وقال الحزب في بيان إن السلطات تجاهلت مطالبه، مهددا بتنظيم اعتصام مفتوح.",
        "THREATEN",
        "الحزب",
        "*",
        "*",
    ),
    # who condemns a killing did not do it
    ("وأدان المفوض السامي فولكر تورك مقتل المدنيين في دارفور.", "ASSAULT", None, "*", "*"),
    # a participle of state with no speaker: the subject of the sentence's first statement
    (
        "اتهمت نقابة الأطباء الوزارة بإهمال المستشفيات، ملوحة بإضراب مفتوح.",
        "THREATEN",
        "نقابة الأطباء",
        "*",
        "*",
    ),
    # the subject of a light verb before قد: وكانت القوات قد شنت هجوما
    (
        "وكانت قوات الدعم السريع قد شنت يوم الأحد هجوما على مدينة بارا.",
        "ASSAULT",
        "قوات الدعم السريع",
        "*",
        "*",
    ),
    # SVO light verb with a time phrase between commas
    (
        "خفر السواحل أحبطت، خلال الأسبوع الماضي، تهريب شحنة أسلحة قرب ميناء الحديدة.",
        "COERCE",
        "خفر السواحل",
        "*",
        "*",
    ),
    # a drone is its own doer
    (
        "ألقت طائرة مسيّرة إسرائيلية قنبلة على أطراف بلدة الخيام.",
        "ASSAULT",
        "طائرة مسيّرة إسرائيلية",
        "military",
        "*",
    ),
    ("استهدفت مسيرة تركية سيارة في ريف القامشلي.", "ASSAULT", "مسيرة تركية", "military", "*"),
    # bare collective nouns of armed groups
    ("وقصفت الجماعة بالمدفعية أحياء سكنية في مدينة تعز.", "ASSAULT", "الجماعة", "militants", "*"),
    ("وأصيب طفلان برصاص عناصر من الميليشيا في حي الروضة.", "ASSAULT", "عناصر", "militants", "*"),
    ("هدمت جرافات الاحتلال ثلاثة منازل في قرية الولجة.", "COERCE", "جرافات الاحتلال", "military", "*"),
    # the subject after a verb whose preposition carries the object pronoun
    ("وأفرجت عنهم قوات الأمن بعد ساعات من التحقيق.", "RETREAT", "قوات الأمن", "*", "*"),
    ("وأطلق مسلحون النار على دورية للشرطة في بلدة الرامي.", "ASSAULT", "مسلحون", "*", "*"),
    # the party that organised, called or joined a protest told before
    ("ونفذ الأطباء إضرابا دعت إليه نقابة الأطباء المستقلة.", "PROTEST", "*", "*", "*"),
    ("وشهدت المدينة وقفة احتجاجية نظمها طلاب الجامعة أمام مبنى المحافظة.", "PROTEST", "طلاب", "*", "*"),
    ("وشهد الميناء إضرابا شارك فيه نحو ألف عامل.", "PROTEST", "عامل", "*", "*"),
    # a split trigger across a dated aside, or past a long name
    (
        "وقّع الأردن والعراق، أمس الاثنين، ثماني مذكرات تفاهم في مجال الطاقة.",
        "AGREE",
        "الأردن والعراق",
        "*",
        "*",
    ),
    (
        "وقع الصندوق السعودي للتنمية ثلاث اتفاقيات لتمويل مشاريع في مدينة المكلا.",
        "AGREE",
        "الصندوق السعودي للتنمية",
        "*",
        "*",
    ),
    ("وأفرجت السلطات عنهم بعد يومين من التحقيق في مدينة الزرقاء.", "RETREAT", "السلطات", "*", "*"),
    # دان is a verb: its subject follows it
    (
        "ودان الأمين العام لمنظمة التعاون الإسلامي الهجوم على المسجد.",
        "ACCUSE",
        "الأمين العام لمنظمة التعاون الإسلامي",
        "*",
        "*",
    ),
    # a capital that acts stands for its government; one acted on is a place, not a target
    ("وتتهم أنقرة بغداد بالتساهل مع مقاتلي الحزب.", "ACCUSE", "أنقرة", "government", "*"),
    ("وقصفت روسيا كييف بالصواريخ فجر اليوم.", "ASSAULT", "روسيا", "*", None),
    # a definite title takes no country as its genitive
    ("وحث الرئيس فرنسا على فرض عقوبات أكثر صرامة.", "REQUEST", "الرئيس", "*", "فرنسا"),
    # concern, complaints, protest notes, appeals and vows of revenge
    ("وأعربت الخارجية الكويتية عن قلقها البالغ إزاء التصعيد.", "ACCUSE", "الخارجية", "*", "*"),
    ("وتقدمت الحكومة بشكوى رسمية إلى مجلس الأمن ضد جارتها.", "ACCUSE", "الحكومة", "*", "*"),
    ("وسلمت الوزارة مذكرة احتجاج إلى السفير الإيراني.", "ACCUSE", "الوزارة", "*", "*"),
    (
        "ووجهت منظمة الصحة العالمية نداء عاجلا لجمع 20 مليون دولار.",
        "REQUEST",
        "منظمة الصحة العالمية",
        "*",
        "*",
    ),
    ("وتعهد الرئيس بملاحقة منفذي الهجوم أينما كانوا.", "THREATEN", "الرئيس", "*", "*"),
    ("ودعت مصر وقطر، في بيان مشترك، الطرفين إلى ضبط النفس.", "REQUEST", "مصر وقطر", "*", "*"),
    # a verb joined by و after a comma shares the subject, however long the object between
    (
        "وضبطت مفرزة للجيش 12 قنطارا من الكيف المعالج قرب الحدود الغربية للبلاد في ولاية تلمسان، وأوقفت 47 مهربا.",
        "COERCE",
        "مفرزة",
        "*",
        "*",
    ),
    # a verb that opens its sentence with no subject continues the subject of the sentence before
    (
        "اعتقلت قوات الأمن خمسة مطلوبين في الزرقاء. وصادرت أسلحة وذخائر في مخزن بالمدينة.",
        "COERCE",
        "قوات الأمن",
        "*",
        "*",
    ),
    # a suicide bomber, fighters in the construct state, who planted the mine, a light verb
    ("وفجر انتحاري حزامه الناسف في سوق بلدة كوندوغا.", "ASSAULT", "انتحاري", "militants", "*"),
    ("وقتل ستة جنود في هجوم شنه مقاتلو الحركة على قاعدة في بلدة عيل بور.", "ASSAULT", "مقاتلو", "*", "*"),
    ("وأصيب طفلان بانفجار لغم أرضي زرعته الجماعة في مديرية حيس.", "ASSAULT", "الجماعة", "*", "*"),
    (
        "عناصر التدخل السريع استعملت الهراوات لتفريق المحتجين في وجدة.",
        "ASSAULT",
        "عناصر التدخل السريع",
        "*",
        "*",
    ),
    # an armed party after من is the shooter of an attack noun; a beating suffered
    ("وتعرضت دورية للجيش لإطلاق نار من مسلحين في ريف درعا الغربي.", "ASSAULT", "مسلحين", "militants", "*"),
    (
        "وتعرض ثلاثة صحفيين للضرب على أيدي عناصر الشرطة أمام البرلمان.",
        "ASSAULT",
        "عناصر الشرطة",
        "police",
        "*",
    ),
    # a plural protest verb's crowd was named before it; a bare vague count is the crowd
    ("وكان مئات المتظاهرين قد تجمعوا مساء الاثنين في ساحة التحرير.", "PROTEST", "المتظاهرين", "*", "*"),
    ("وتظاهر آلاف يوم الجمعة في وسط مدينة الدار البيضاء.", "PROTEST", "آلاف", "protesters", "*"),
    # an armed party after ل is the doer of the attack noun
    ("وقتل خمسة مدنيين في غارة جوية للجيش على سوق بلدة الدمازين.", "ASSAULT", "جيش", "military", "*"),
]


@pytest.mark.parametrize(("text", "type_", "actor", "kind", "target"), PARTIES)
def test_actors_and_targets(text: str, type_: str, actor: str | None, kind: str, target: str | None) -> None:
    evs = read_events(text)
    ev = next((e for e in evs if e["type"] == type_), None)
    assert ev is not None, [(e["type"], e["mode"]) for e in evs]
    got_actor = ev["actor"]["text"] if ev["actor"] else None
    got_target = ev["target"]["text"] if ev["target"] else None
    if actor != "*":
        assert got_actor == actor, (got_actor, got_target)
    if kind != "*":
        assert ev["actor"]["kind"] == kind
    if target != "*":
        assert got_target == target, (got_actor, got_target)


# guards for the rules above: where the text names no party, none is made up
NO_PARTY = [
    # a light verb's subject is not the party of a protest noun inside a phrase
    "واستخدمت قوات الأمن في اليوم الثالث للاحتجاجات الرصاص الحي في البصرة.",
    # ل before a verbal noun, not a party
    "وخرجت تظاهرة للمطالبة بالإصلاح في مدينة الحسيمة.",
    # بنيران صديقة: no doer named after the agentive word
    "وقتل ثلاثة أشخاص بنيران صديقة في ولاية هلمند.",
    # الهجوم الذي استهدف: the relative verb's subject is the attack, not a party before it
    "(رويترز) - ارتفعت حصيلة ضحايا الهجوم الذي استهدف مطعما في العاصمة بغداد إلى 10 قتلى.",
    # who condemns an attack did not do it
    "وأدانت الحكومة بشدة تفجير المسجد في بغداد.",
]


@pytest.mark.parametrize("text", NO_PARTY)
def test_no_party_is_made_up(text: str) -> None:
    evs = read_events(text)
    assert evs
    for ev in evs:
        if ev["type"] in ("PROTEST", "ASSAULT") and ev["mode"] != "firearms":
            assert ev["actor"] is None, ev["actor"]


def test_an_action_told_far_after_another_is_not_set_at_its_place() -> None:
    text = (
        "تظاهر مئات في مدينة حلب أمس احتجاجا على انقطاع الكهرباء. وقال منظمو الاحتجاج في حلب إن "
        "المطالب معيشية. وكان تفجير قد استهدف سوق بلدة الشحيل الشهر الماضي. وقال مسؤول إن الوضع "
        "هادئ. وأضاف أن الأهالي غاضبون. وأشار إلى أن الخدمات متوقفة. وتابع أن الشرطة اعتقلت عشرة "
        "من المحتجين."
    )
    evs = read_events(text)
    places = {e["type"]: (e["place"] or {}).get("text") for e in evs}
    assert places == {"PROTEST": "حلب", "ASSAULT": "الشحيل", "COERCE": "حلب"}


def test_a_toll_in_the_countryside_and_its_clash_at_a_town_there_are_one_event() -> None:
    text = (
        "وفي ريف حلب الغربي، قُتل ثلاثة مقاتلين، فجر الأحد، في اشتباكات بين هيئة تحرير الشام "
        "وقوات النظام قرب بلدة الأتارب."
    )
    evs = read_events(text)
    assert [(e["type"], e["place"]["text"], e["counts"]["killed"]["value"]) for e in evs] == [
        ("ASSAULT", "الأتارب", 3)
    ]


def test_the_hospital_the_wounded_were_taken_to_is_not_where_they_were_hit() -> None:
    text = (
        "اقتحمت القوات بلدة طمون فجر اليوم. وأطلقت الرصاص صوب الشبان، ما أدى إلى إصابة ثلاثة "
        "نقلوا إلى مستشفى طوباس التركي."
    )
    evs = read_events(text)
    assert {e["place"]["text"] for e in evs if e["type"] == "ASSAULT"} == {"طمون"}
    struck = read_events("قصفت الطائرات مستشفى الشفاء في غزة.")
    assert [(e["type"], e["place"]["text"]) for e in struck] == [("ASSAULT", "مستشفى الشفاء")]


def test_a_demand_joined_to_a_condemnation_is_the_condemner_s_addressed_to_whom_it_names() -> None:
    text = "وأدانت وزارة الخارجية، في بيان، اقتحام المسجد، وطالبت المجتمع الدولي ومجلس الأمن بالتدخل العاجل."
    evs = {e["type"]: e for e in read_events(text)}
    assert evs["REQUEST"]["actor"]["text"] == "وزارة الخارجية"
    assert evs["REQUEST"]["target"]["text"] == "المجتمع الدولي ومجلس الأمن"
    # a new speaker named after its own verb keeps its place: واتفق الجانبان
    other = "ورحبت الوزارة بالاتفاق، واتفق الجانبان على مواصلة الحوار."
    agree = [e for e in read_events(other) if e["type"] == "AGREE"]
    assert [e["actor"]["text"] for e in agree] == ["الجانبان"]


def test_a_demand_after_a_denial_is_the_denier_s_and_not_denied() -> None:
    text = "ونفى وجهاء من جاسم، في بيان، أن يكون الموقوفون على صلة بالهجوم، وطالبوا بالإفراج عنهم."
    evs = read_events(text)
    request = [e for e in evs if e["type"] == "REQUEST"]
    assert [(e["negated"], e["actor"]["text"]) for e in request] == [(False, "وجهاء")]
    # what comes under the denial stays denied
    denied = "نفت الشرطة أن تكون قد اعتقلت أي متظاهر، أو أطلقت النار على المحتجين."
    assert all(e["negated"] for e in read_events(denied))


def test_a_road_between_two_towns_is_one_place_of_action() -> None:
    road = "قتل عنصران بانفجار عبوة ناسفة استهدفت سيارتهم على الطريق الواصل بين بلدتي جاسم وإنخل."
    evs = read_events(road)
    assert [(e["type"], e["place"]["text"]) for e in evs] == [("ASSAULT", "جاسم")]
    towns = read_events("تظاهر المئات في جاسم وإنخل.")
    assert [e["place"]["text"] for e in towns] == ["جاسم", "إنخل"]


@pytest.mark.parametrize(
    ("text", "mode", "arrested"),
    [
        ("ضبطت الأجهزة الأمنية فجر اليوم 45 مخالفاً خلال حملة تفتيشية.", "arrest", 45),
        ("وضبطت قوات خفر السواحل 27 متسللاً على متن قارب.", "arrest", 27),
        ("ضبطت الشرطة 12 شخصا بحوزتهم مخدرات.", "arrest", 12),
        ("ضبطت الشرطة 5 كيلوغرامات من المخدرات في المنفذ.", "seize", None),
    ],
)
def test_people_seized_are_people_arrested(text: str, mode: str, arrested: int | None) -> None:
    evs = read_events(text)
    assert [(e["type"], e["mode"]) for e in evs] == [("COERCE", mode)]
    assert (evs[0]["counts"].get("arrested") or {}).get("value") == arrested


def test_people_held_in_another_clause_do_not_make_a_seizure_an_arrest() -> None:
    text = (
        "وأوضح الوزير أن قوات الأمن ضبطت خلال المداهمات أسلحة غير مرخصة ووثائق تنظيمية، "
        "مضيفا أن 25 من الموقوفين أحيلوا إلى القضاء."
    )
    modes = [e["mode"] for e in read_events(text)]
    assert modes == ["seize"]


def test_a_hollow_passive_has_no_subject_before_it() -> None:
    # وأصيب 13 آخرون: أصيب is the passive of أصاب; the civilians killed before it are no doer
    text = "قُتل 44 مدنيا على الأقل وأصيب 13 آخرون بجروح، الجمعة، في هجوم شنه مسلحون على قرية."
    evs = read_events(text)
    assert [(e["type"], e["actor"]["text"]) for e in evs] == [("ASSAULT", "مسلحون")]
    active = read_events("أصاب مسلحون ثلاثة جنود بجروح.")
    assert [e["actor"]["text"] for e in active] == ["مسلحون"]


def test_a_counted_group_after_an_arrest_verb_is_taken_not_taking() -> None:
    evs = read_events("وضبطت ثلاثة عناصر إجرامية.")
    assert [(e["type"], e["actor"], e["target"]["text"]) for e in evs] == [("COERCE", None, "عناصر")]
    police = read_events("اعتقلت الشرطة 12 مسلحا.")
    assert [(e["actor"]["text"], e["target"]["text"]) for e in police] == [("الشرطة", "مسلحا")]


@pytest.mark.parametrize(
    "text",
    [
        "وأفاد أطباء في كلية دكا الطبية بأنهم استقبلوا 27 جثة على الأقل خلال ساعات.",
        "وقالت المصادر إن المستشفى استقبل جثة شاب في العشرينيات من عمره.",
        "وقصفت المقاومة بعد ظهر أمس تجمعا لجنود الاحتلال في محور نتساريم.",
        "وهو ما تمهد له القاهرة لقمة ثلاثية تجمع مصر والصومال وإريتريا.",
    ],
)
def test_weak_words_in_another_sense_are_no_visit_or_protest(text: str) -> None:
    types = {e["type"] for e in read_events(text)}
    assert not types & {"CONSULT", "PROTEST"}


def test_a_visit_and_a_rally_are_still_told() -> None:
    visit = "استقبل الرئيس عبد المجيد تبون وزير الخارجية الفرنسي في الجزائر."
    rally = "شارك مئات من أنصار المجلس العسكري، السبت، في تجمع بساحة الكونسرتاسيون تنديدا بالعقوبات."
    assert "CONSULT" in {e["type"] for e in read_events(visit)}
    assert "PROTEST" in {e["type"] for e in read_events(rally)}


def test_a_title_with_a_year_like_word_still_leads_to_its_name() -> None:
    # العام in المفوض العام is no year counted before an object
    text = "اتهم المفوض العام للوكالة فيليب لازاريني إسرائيل بعرقلة دخول المساعدات."
    evs = read_events(text)
    assert [(e["type"], e["actor"]["text"]) for e in evs] == [
        ("ACCUSE", "المفوض العام للوكالة فيليب لازاريني")
    ]


def test_a_title_s_body_after_li_does_not_hide_the_name_that_follows() -> None:
    text = "وأدان المفوض العام لأونروا فيليب لازاريني قصف المدرسة."
    evs = read_events(text)
    assert [(e["type"], e["actor"]["text"]) for e in evs] == [
        ("ACCUSE", "المفوض العام لأونروا فيليب لازاريني")
    ]


def test_demands_by_two_named_speakers_are_two_events_but_a_state_and_its_ministry_one() -> None:
    two = (
        "ودانت بعثة الأمم المتحدة للدعم في ليبيا التصعيد، ودعت إلى تحقيق في مقتل المدنيين. "
        "من جهته، حمّل المجلس الرئاسي الحكومة مسؤولية الفشل، ودعا إلى إعادة هيكلة الأجهزة الأمنية."
    )
    evs = read_events(two)
    assert [e["type"] for e in evs].count("REQUEST") == 2
    one = "وتوعدت روسيا بالرد على طرد دبلوماسييها. وقالت وزارة الخارجية الروسية إنها سترد على الخطوة."
    evs = read_events(one)
    assert [e["type"] for e in evs].count("THREATEN") == 1


def test_a_shepherd_kidnapped_after_a_light_verb_is_one_captive() -> None:
    text = "أقدم مسلحون مجهولون فجر السبت على اختطاف راعي أغنام في قرية البو حسن."
    evs = read_events(text)
    assert [(e["type"], e["mode"], e["actor"]["text"], e["counts"]["kidnapped"]["value"]) for e in evs] == [
        ("ASSAULT", "abduct", "مسلحون مجهولون", 1)
    ]


def test_a_recent_since_date_sets_the_story_day_for_the_actions_after_it() -> None:
    text = (
        "وكانت الشرطة قد أغلقت منذ فجر الإثنين الطرق المؤدية إلى وسط نيروبي بحواجز إسمنتية. "
        "وأطلقت الشرطة الغاز المسيل للدموع على المحتجين في حي كانغيمي."
    )
    evs = read_events(text, "2025-07-08")
    assert {e["date"] for e in evs} == {"2025-07-07"}


def test_the_party_between_kana_and_qad_is_the_subject() -> None:
    text = "وكانت الشرطة قد أغلقت منذ فجر الإثنين الطرق المؤدية إلى وسط نيروبي بحواجز إسمنتية."
    evs = read_events(text, "2025-07-08")
    assert [(e["type"], e["mode"], e["actor"]["text"]) for e in evs] == [("COERCE", "restrict", "الشرطة")]
    shelled = read_events("وكان الجيش قد قصف المدينة أمس.")
    assert [(e["type"], e["actor"]["text"]) for e in shelled] == [("ASSAULT", "الجيش")]


def test_then_dates_an_action_by_the_date_told_before_it() -> None:
    text = (
        "أدى هجوم في 20 تموز 2022 إلى مقتل تسعة سياح عراقيين في زاخو. "
        "واستدعت وزارة الخارجية العراقية حينها القائم بالأعمال التركي في بغداد."
    )
    evs = read_events(text, "2025-03-12")
    assert [(e["type"], e["date"]) for e in evs] == [("ASSAULT", "2022-07-20"), ("ACCUSE", "2022-07-20")]


def test_a_woman_official_or_commissioner_condemns_by_office() -> None:
    # دان is coded only with a party of its own: feminine offices are parties too
    for text in (
        "ودانت المسؤولة الأممية بأشد العبارات الهجمات على المدنيين.",
        "ودانت المسؤولة الأوروبية اعتقال الصحفيين.",
    ):
        ev = only([e for e in read_events(text) if e["type"] == "ACCUSE"])
        assert ev["mode"] == "disapprove" and ev["actor"] is not None, text


def test_a_statement_after_a_relative_pronoun_is_its_antecedents() -> None:
    text = "ورحب البيان بجهود قطر والسعودية، اللتين دعتا الطرفين إلى ضبط النفس وتغليب الحوار."
    ev = only([e for e in read_events(text) if e["type"] == "REQUEST"])
    assert ev["actor"]["text"] == "قطر والسعودية"
    evs = read_events("وأشاد الوزير بالنقابة التي طالبت الحكومة بزيادة الأجور.")
    ev = only([e for e in evs if e["type"] == "REQUEST"])
    assert (ev["type"], ev["actor"]["text"], ev["target"]["text"]) == ("REQUEST", "النقابة", "الحكومة")


def test_the_date_in_a_dateline_and_a_weekday_in_a_place_name_date_no_action() -> None:
    # the dateline's day is the report's; the toll was told for yesterday
    text = (
        "مقديشو 22 يناير (د ب أ)- قُتل ما لا يقل عن سبعة جنود وأصيب 12 آخرون، أمس السبت، "
        "في هجوم انتحاري بسيارة مفخخة استهدف قاعدة عسكرية."
    )
    ev = only(read_events(text, published="2023-01-22"))
    assert (ev["type"], ev["date"]) == ("ASSAULT", "2023-01-21")
    # Bab El Had square in Rabat: الأحد names the square, not Sunday
    text = "خاض آلاف المعلمين، صباح اليوم الخميس، مسيرة احتجاجية انطلقت من ساحة باب الأحد نحو البرلمان."
    ev = only(read_events(text, published="2023-10-26"))
    assert (ev["type"], ev["date"]) == ("PROTEST", "2023-10-26")


def test_a_toll_met_by_a_counted_subject_is_an_attack() -> None:
    # لقي ... مصرعهم: the counted dead stand between the verb and its noun
    text = "لقي أربعة أشخاص مصرعهم وأصيب ستة آخرون، مساء أمس الثلاثاء، في تجدد خصومة ثأرية بين عائلتين."
    ev = only(read_events(text, published="2026-10-14"))
    assert (ev["type"], ev["date"], ev["counts"]["killed"]["value"]) == ("ASSAULT", "2026-10-13", 4)


def test_one_official_killed_or_wounded_is_counted_and_is_no_doer() -> None:
    ev = only(read_events("قُتل والي ولاية غرب دارفور مساء الأربعاء في مدينة الجنينة."))
    assert ev["counts"]["killed"]["value"] == 1
    ev = only(read_events("وأصيب رئيس البلدية بجروح في الهجوم على مقر المجلس."))
    assert ev["counts"]["injured"]["value"] == 1
    # وقتل unvoweled is passive here: the one counted dead did not kill, nor set off the blast
    ev = only(read_events("وقتل رئيس الوزراء السابق في انفجار."))
    assert ev["actor"] is None and ev["target"]["text"] == "رئيس الوزراء"
    ev = only(read_events("وقتل الجيش ثلاثة مسلحين في اشتباك."))
    assert ev["actor"]["text"] == "الجيش"


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("وحذرت المنظمة من تفشي الكوليرا بين الأطفال.", False),
        ("وقالت الوكالة إن الوضع مأساوي، محذرة من أن المجاعة باتت وشيكة.", False),
        ("وحذر وزير الدفاع من أن أي هجوم جديد سيقابل برد أقوى.", True),
        ("ومن جهتها حذرت حماس إسرائيل من عواقب وخيمة.", True),
        ("وحذر الرئيس من أن بلاده لن تقف مكتوفة الأيدي.", True),
        ("وحذر الجيش من عواقب أي هجوم على مواقعه.", True),
    ],
)
def test_a_warning_of_a_danger_is_no_threat(text: str, threat: bool) -> None:
    assert any(e["type"] == "THREATEN" for e in read_events(text)) is threat


def test_a_title_of_a_body_in_the_construct_state_leads_to_its_name() -> None:
    ev = only(read_events("دان رئيس مفوضية الاتحاد الأفريقي موسى فقي محمد محاولة الانقلاب في مالي."))
    assert ev["type"] == "ACCUSE" and ev["actor"]["text"].endswith("موسى فقي محمد")


def test_tit_for_tat_expulsions_are_two_sanctions() -> None:
    text = (
        "براغ - أمرت روسيا، الأحد، 20 دبلوماسيا تشيكيا بمغادرة أراضيها، "
        "ردا على قرار براغ طرد 18 دبلوماسيا روسيا."
    )
    evs = read_events(text, published="2021-04-19")
    assert sorted(e["actor"]["text"] for e in evs if e["type"] == "SANCTION") == ["براغ", "روسيا"]
    # an order to leave is an expulsion only of diplomats or officials
    assert not [e for e in read_events("وأمر الرئيس الجيش بمغادرة الثكنات.") if e["type"] == "SANCTION"]


def test_the_night_between_two_days_is_dated_by_the_first() -> None:
    text = "شهدت عدة ولايات أعمال شغب خلال الليلة الفاصلة بين الأحد والاثنين."
    assert only(read_events(text, published="2021-01-18"))["date"] == "2021-01-17"


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الوزيران دعم البلدين لجهود وقف إطلاق النار في غزة.",  # a goal, not a truce
        "وقال إن الهجوم على البلدة انتهاك صارخ للهدنة.",  # a truce broken, not declared
    ],
)
def test_a_truce_worked_for_or_broken_is_no_ceasefire(text: str) -> None:
    assert not [e for e in read_events(text) if e["type"] == "RETREAT"]


def test_an_expulsion_and_sanctions_are_two_measures_and_suspensions_and_visa_bans_are_sanctions() -> None:
    evs = read_events("وأعلنت واشنطن طرد عشرة دبلوماسيين روس وفرض عقوبات على عشرات الكيانات والأفراد.")
    assert sorted(str(e["mode"]) for e in evs if e["type"] == "SANCTION") == ["None", "expel"]
    for text in (
        "وقررت المجموعة الاقتصادية تعليق عضوية مالي في هيئاتها.",
        "وأعلنت إستونيا فرض حظر دخول على 11 مسؤولا جورجيا.",
    ):
        assert [e["type"] for e in read_events(text)] == ["SANCTION"], text


def test_protesters_seizing_buildings_obstruct() -> None:
    ev = only(read_events("سيطر محتجون على مقرات إدارية ومراكز للشرطة في مدينة لفيف."))
    assert (ev["type"], ev["mode"]) == ("PROTEST", "obstruct")
    ev = only(read_events("وسيطر الجيش على بلدة خان شيخون."))
    assert (ev["type"], ev["mode"]) == ("COERCE", "seize")


def test_a_participle_of_state_with_no_verb_of_saying_is_the_sentence_subjects() -> None:
    text = "وكان المرشد علي خامنئي قد وصف المحتجين يوم الأحد بالأشرار، متهما أعداء البلاد بالوقوف وراء الاضطرابات."
    ev = only([e for e in read_events(text) if e["type"] == "ACCUSE"])
    assert ev["actor"]["text"].endswith("علي خامنئي")


def test_a_force_with_its_place_and_a_name_with_its_short_form_are_one_party() -> None:
    ev = only(read_events("اعتقلت شرطة هونغ كونغ، اليوم الإثنين، عشرات المحتجين في الجامعة."))
    assert (ev["actor"]["text"], ev["target"]["text"]) == ("شرطة هونغ كونغ", "المحتجين")
    ev = only(read_events("عقد حلف شمال الأطلسي (الناتو) الجمعة اجتماعا طارئا في بروكسل."))
    assert ev["actor"]["text"] == "حلف شمال الأطلسي"


def test_a_warrant_is_an_investigation_not_an_arrest_or_a_verdict() -> None:
    for text in (
        "وأصدر المدعي العام العسكري أوامر بالقبض على حفتر وعدد من قادته.",
        "وأصدرت المحكمة الجنائية الدولية مذكرة توقيف بحق الرئيس.",
    ):
        assert [(e["type"], e["mode"]) for e in read_events(text)] == [("ACCUSE", "investigate")], text


def test_an_action_across_the_country_is_set_in_the_country() -> None:
    text = (
        "كولومبو - قتل 290 شخصا في تفجيرات استهدفت كنيسة القديس أنطونيوس في سريلانكا. "
        "وأعلن الرئيس حالة الطوارئ في البلاد اعتبارا من منتصف الليل."
    )
    ev = only([e for e in read_events(text) if e["type"] == "COERCE"])
    assert (ev["place"]["text"], ev["country"]) == ("سريلانكا", "LK")


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("وقال السراج إن الهجوم محاولة انقلاب، متعهدا بالرد عليه بقوة وحزم.", True),
        ("وقال المتحدث إن التحالف سيتخذ إجراءات رادعة وحازمة ضد الحوثيين.", True),
        ("وحذرت الشرطة من أنها قد تلجأ إلى الذخيرة الحية.", True),
        ("وقالت الوزارة إنها ستتخذ إجراءات لتسهيل عودة النازحين.", False),
    ],
)
def test_pledges_of_retaliation_and_measures_against_a_party_are_threats(text: str, threat: bool) -> None:
    assert any(e["type"] == "THREATEN" for e in read_events(text)) is threat


def test_an_old_blast_and_the_toll_it_led_to_are_one_event() -> None:
    text = (
        "وأكد الوزير تورط ضباط روس في انفجار مستودع للذخيرة في بلدة شرقي البلاد عام 2014، أسفر عن مقتل شخصين."
    )
    ev = only(read_events(text, published="2021-04-19"))
    assert (ev["type"], ev["date"], ev["counts"]["killed"]["value"]) == ("ASSAULT", "2014", 2)


def test_the_violence_of_those_sanctioned_for_it_is_no_new_attack() -> None:
    text = "وقرر الاتحاد في اجتماعه في بروكسل فرض عقوبات على المسؤولين عن أعمال العنف."
    assert [e["type"] for e in read_events(text)] == ["SANCTION"]


def test_the_same_night_or_during_the_meeting_dates_an_action_by_the_occasion_told_before() -> None:
    text = (
        "أغلق محتجون الطريق العام بالإطارات المحترقة، الليلة الماضية، "
        "واعتقلت قوة أمنية ستة منهم في الموقع ذاته خلال الليلة نفسها."
    )
    ev = only([e for e in read_events(text, published="2023-11-06") if e["type"] == "COERCE"])
    assert ev["date"] == "2023-11-05"
    text = (
        "وعقد وزراء الخارجية العرب اجتماعا طارئا في عمان يوم السبت. "
        "وطالب الوزراء خلال الاجتماع الولايات المتحدة بالعمل من أجل وقف إطلاق النار."
    )
    ev = only([e for e in read_events(text, published="2023-11-06") if e["type"] == "REQUEST"])
    assert ev["date"] == "2023-11-04"


def test_an_internet_left_cut_is_censorship() -> None:
    ev = only(read_events("وبقيت خدمة الإنترنت مقطوعة لليوم الرابع على التوالي في العاصمة."))
    assert (ev["type"], ev["mode"]) == ("COERCE", "censor")


def test_a_split_trigger_reaches_past_a_name_in_quotes() -> None:
    text = (
        "وحمّل وزير الصحة والمتحدث باسم الحكومة راجيتا سيناراتني جماعة «التوحيد الوطنية» "
        "المحلية المسؤولية عن الهجمات."
    )
    assert [(e["type"], e["mode"]) for e in read_events(text)] == [("ACCUSE", "allege")]


def test_a_deadline_to_leave_after_a_break_of_relations_is_a_second_measure() -> None:
    text = "وأعلن مادورو قطع العلاقات الدبلوماسية مع كولومبيا، وأمهل دبلوماسييها 24 ساعة لمغادرة البلاد."
    assert sorted(str(e["mode"]) for e in read_events(text) if e["type"] == "SANCTION") == [
        "expel",
        "withdraw",
    ]


def test_closing_an_embassy_or_consulates_is_a_sanction() -> None:
    for text in (
        "وأمرت الحكومة بإغلاق القنصليتين الإثيوبيتين في المدينتين.",
        "وأغلقت الولايات المتحدة سفارتها في كابل.",
    ):
        assert [e["type"] for e in read_events(text)] == ["SANCTION"], text
    assert [e["type"] for e in read_events("وأغلقت الشرطة الطريق المؤدي إلى السفارة.")] == ["COERCE"]


def test_a_protest_noun_takes_the_crowd_named_next_to_it() -> None:
    text = (
        "تتواصل الاحتجاجات المستمرة في نيكاراغوا منذ خمسة أسابيع. "
        "ويطالب الطلبة برحيل الرئيس وإجراء انتخابات مبكرة."
    )
    ev = only([e for e in read_events(text) if e["type"] == "PROTEST"])
    assert ev["actor"]["text"] == "الطلبة"


def test_a_description_that_opens_with_a_partitive_is_the_subject() -> None:
    for text, actor in (
        ("أزالت وحدات من الحرس الوطني، صباح أمس، مخيما للمهاجرين قرب الميناء.", "وحدات من الحرس الوطني"),
        ("واعتقلت قوة من الشرطة ثلاثة مطلوبين في حي الزهور.", "قوة من الشرطة"),
    ):
        ev = only(read_events(text))
        assert ev["type"] == "COERCE" and ev["actor"]["text"] == actor, text


def test_an_armed_party_in_the_genitive_before_a_counted_object_does_the_action() -> None:
    ev = only(read_events("وأكد مصدر أمني اعتقال قوات الأمن المئات من الشبان في المدينة."))
    assert (ev["actor"]["text"], ev["target"]["text"]) == ("قوات الأمن", "الشبان")
    assert ev["counts"]["arrested"]["qualifier"] == "hundreds"


def test_a_curfew_told_with_tajwal_after_lam_is_a_curfew() -> None:
    ev = only(read_events("وفرضت قيادة عمليات بغداد حظراً للتجوال في قضاء الطارمية."))
    assert (ev["type"], ev["mode"]) == ("COERCE", "curfew")


def test_a_security_directorate_closing_a_road_restricts_it() -> None:
    ev = only(read_events("وأغلقت مديرية أمن الزاوية الطريق الساحلي المار بالمدينة."))
    assert (ev["type"], ev["mode"]) == ("COERCE", "restrict")


def test_an_action_pointed_back_to_is_the_one_told_before() -> None:
    text = (
        "اندلعت اشتباكات عنيفة في حي الأندلس بطرابلس أمس. "
        "وتعد هذه الاشتباكات الأعنف في طرابلس منذ أغسطس 2022."
    )
    ev = only(read_events(text, published="2024-05-01"))
    assert (ev["type"], ev["place"]["text"], ev["date"]) == ("ASSAULT", "الأندلس", "2024-04-30")
    text = "فرضت واشنطن حظر دخول على 11 مسؤولا. وقالت الحكومة إن تلك العقوبات غير قانونية."
    assert [e["type"] for e in read_events(text)] == ["SANCTION"]
    # with nothing told before, the action stands
    ev = only(read_events("وتعد هذه الاشتباكات الأعنف في طرابلس منذ أشهر."))
    assert ev["type"] == "ASSAULT"


def test_a_military_rank_between_a_title_and_a_name_joins_them() -> None:
    text = "ورحب رئيس المجلس العسكري الفريق أول عبد الفتاح البرهان بالمبادرة، وأعلن إطلاق سراح المعتقلين."
    speaker = "رئيس المجلس العسكري الفريق أول عبد الفتاح البرهان"
    assert {e["actor"]["text"] for e in read_events(text)} == {speaker}


def test_a_counted_crowd_that_holds_a_stand_or_closes_a_road_takes_part() -> None:
    ev = only(read_events("نظم العشرات وقفة سلمية أمام مقر الولاية صباح اليوم."))
    assert (ev["type"], ev["counts"]["participants"]["qualifier"]) == ("PROTEST", "tens")
    ev = only(read_events("أغلق عشرات من المعطلين عن العمل، لليوم الثالث على التوالي، الطريق الوطني."))
    assert (ev["type"], ev["mode"], ev["counts"]["participants"]["qualifier"]) == (
        "PROTEST",
        "obstruct",
        "tens",
    )
    # a count of actions is no crowd
    assert only(read_events("نفذت الطائرات ثلاث غارات على المدينة."))["counts"] == {}


def test_an_office_and_a_spokesmanship_before_one_name_are_one_speaker() -> None:
    text = "وحمّل وزير الصحة والمتحدث باسم الحكومة راجيتا سيناراتني جماعة التوحيد المسؤولية عن الهجمات."
    ev = only(read_events(text))
    assert ev["actor"]["text"] == "وزير الصحة والمتحدث باسم الحكومة راجيتا سيناراتني"


def test_the_far_end_of_a_road_is_no_place_of_its_closing() -> None:
    text = (
        "وفي قضاء الزبير غربي المحافظة، قطع عشرات المحتجين الطريق الرابط بين المدينة "
        "وميناء أم قصر لساعات صباح اليوم."
    )
    ev = only(read_events(text))
    assert (ev["type"], ev["place"]["text"]) == ("PROTEST", "قضاء الزبير")
    ev = only(read_events("وقطع محتجون الطريق الرابط بين البصرة وبغداد."))
    assert ev["place"]["text"] == "البصرة"


def test_a_hospital_the_wounded_were_taken_to_is_no_place_of_the_attack() -> None:
    text = (
        "قُتل أربعة مدنيين مساء اليوم عندما استهدفت مسيرة سيارتهم قرب بلدة عيترون، فيما أصيب "
        "سائق السيارة بجروح بالغة نُقل على أثرها إلى مستشفى صلاح غندور في بنت جبيل."
    )
    places = [e["place"]["text"] for e in read_events(text)]
    assert "عيترون" in places and "مستشفى صلاح غندور" not in places


def test_the_port_refers_back_to_the_port_town_told_before() -> None:
    text = (
        "وقال العاملون في أم قصر إن جميع العمليات قد توقفت صباح الخميس بعد أن سد المتظاهرون "
        "مدخل الميناء، وحال ذلك دون دخول الشاحنات. وسد المحتجون أيضا الطريق السريع بين البصرة وبغداد."
    )
    found = {(e["type"], e["place"]["text"]) for e in read_events(text)}
    assert found == {("PROTEST", "أم قصر"), ("PROTEST", "البصرة")}


def test_a_town_is_more_specific_than_the_province_it_lies_in() -> None:
    ev = only(read_events("وأحرق محتجون مركزا للشرطة في بلدة كيكويو بمقاطعة كيامبو في كينيا."))
    assert ev["place"]["text"] == "كيكويو"


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # the Tunisian word for a curfew
        (
            "وقررت السلطات الجهوية فرض حظر الجولان بمدينة بن قردان من الساعة السابعة مساء.",
            ("COERCE", "curfew"),
        ),
        # an inquiry set up, an interrogation begun
        ("ووجه الرئيس بتشكيل لجنة تحقيق عاجلة في الهجوم.", ("ACCUSE", "investigate")),
        ("وقال المحامي إن نيابة أمن الدولة بدأت التحقيق مع عشرات الموقوفين.", ("ACCUSE", "investigate")),
        # حجز: the Maghrebi word for a seizure
        ("وحجزت الوحدات الأمنية 4 قوارب حديدية ومحركات بحرية.", ("COERCE", "seize")),
    ],
)
def test_maghrebi_and_inquiry_words_are_coded(text: str, coded: tuple[str, str]) -> None:
    ev = only(read_events(text))
    assert (ev["type"], ev["mode"]) == coded


def test_trigger_flags_are_known() -> None:
    known = {"anchor", "adverbial", "people", "forces", "state", "goods"}
    for r in read_tsv("triggers.tsv"):
        for flag in filter(None, (r.get("flags") or "").split(",")):
            name = flag.split("=")[0]
            assert name in known | {"protest", "persons"}, (r["lemma"], flag)


def test_a_booking_by_citizens_is_no_seizure() -> None:
    assert read_events("حجز المواطنون تذاكر السفر إلى تونس.") == []
    ev = only(read_events("وحجزت الشرطة بنادق صيد في مدينة غرداية."))
    assert (ev["type"], ev["mode"]) == ("COERCE", "seize")


def test_protesters_holding_police_officers_take_hostages() -> None:
    ev = only(read_events("كما احتجز محتجون ستة من عناصر الشرطة لساعات في بلدة كايامبي."))
    assert (ev["type"], ev["mode"], ev["actor"]["text"]) == ("ASSAULT", "abduct", "محتجون")
    assert ev["counts"]["kidnapped"]["value"] == 6


def test_people_counted_before_a_plural_verb_of_arrest_are_arrested() -> None:
    text = "وقالت وزارة الداخلية إن 37 شخصا أوقفوا منذ بدء الإضراب الاثنين."
    ev = only([e for e in read_events(text, published="2022-06-15") if e["type"] == "COERCE"])
    assert ev["counts"]["arrested"]["value"] == 37


def test_describing_something_as_a_lie_or_laying_the_blame_are_accusations() -> None:
    text = "وقال الوزير إن الجيش قصف المدينة، واصفاً الرواية الإسرائيلية بأنها أكاذيب مكشوفة."
    assert ("ACCUSE", "disapprove") in {(e["type"], e["mode"]) for e in read_events(text)}
    text = "وأصدرت الحركة بيانا، محملة الحكومة الإسرائيلية المسؤولية عن إرهاب المستوطنين."
    assert [(e["type"], e["mode"]) for e in read_events(text)] == [("ACCUSE", "allege")]


def test_a_state_statement_voiced_by_its_named_official_is_the_official_s() -> None:
    text = "وقال وزير الخارجية الأمريكي أنتوني بلينكن إن الولايات المتحدة تدين العنف البغيض لقوات الأمن."
    ev = only(read_events(text))
    assert ev["actor"]["text"] == "وزير الخارجية الأمريكي أنتوني بلينكن"
    # another state named after إن is the subject of its own verb
    ev = only(read_events("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن روسيا هددت أوكرانيا."))
    assert (ev["actor"]["text"], ev["target"]["text"]) == ("روسيا", "أوكرانيا")


def test_a_threat_of_a_state_voiced_by_its_known_minister_is_his() -> None:
    text = "وقال وزير الخارجية مايك بومبيو إن الولايات المتحدة ستتخذ إجراءات ضد من يعارضون العودة السلمية للديمقراطية."
    ev = only(read_events(text))
    assert (ev["type"], ev["actor"]["text"]) == ("THREATEN", "وزير الخارجية مايك بومبيو")


def test_a_commissioner_with_her_body_and_its_adjective_before_her_name_is_one_speaker() -> None:
    text = "ودانت مفوضة الأمم المتحدة السامية لحقوق الإنسان ميشيل باشليه العنف، وطالبت بتحقيق مستقل."
    actors = {e["actor"]["text"] for e in read_events(text)}
    assert actors == {"مفوضة الأمم المتحدة السامية لحقوق الإنسان ميشيل باشليه"}


def test_supporters_holding_officers_with_a_counted_object_are_its_subject() -> None:
    ev = only(read_events("واحتجز أنصار الرئيس السابق ستة من عناصر القوات الخاصة."))
    assert (ev["type"], ev["actor"]["text"], ev["counts"]["kidnapped"]["value"]) == ("ASSAULT", "أنصار", 6)


def test_the_attack_a_statement_condemns_is_the_attack_told_before() -> None:
    text = (
        "قتل شخصان في هجوم بقنبلة على تجمع في ساحة مسقل بأديس أبابا أمس. "
        "ودانت سفارة الولايات المتحدة في أديس أبابا الهجوم."
    )
    types = [e["type"] for e in read_events(text, published="2018-06-24")]
    assert types.count("ASSAULT") == 1 and "ACCUSE" in types


def test_a_crowd_going_out_into_the_streets_protests_past_an_aside_on_who_they_are() -> None:
    for text in (
        "وخرج آلاف المحتجين إلى شوارع العاصمة.",
        "وخرج آلاف المحتجين، معظمهم من الشباب، إلى شوارع العاصمة انجامينا.",
    ):
        ev = only(read_events(text))
        assert (ev["type"], ev["counts"]["participants"]["qualifier"]) == ("PROTEST", "thousands"), text
    assert read_events("وخرج الرئيس من المستشفى إلى منزله.") == []


def test_an_agreement_signed_past_an_aside_on_who_attended() -> None:
    text = "وفي وقت لاحق الأحد، وقع زعماء القبيلتين، بحضور الوفد، اتفاق هدنة يقضي بوقف الاقتتال."
    assert "AGREE" in [e["type"] for e in read_events(text)]


def test_a_foreign_minister_s_call_is_made_in_his_country_not_at_the_story_s_place() -> None:
    text = (
        "وقال المتحدث باسم الخارجية الصينية غينغ شوانغ إن الحكومة تدعم شرطة هونغ كونغ. "
        "كما دعا وزير الخارجية البريطاني دومينيك راب السلطات إلى فتح تحقيق مستقل في تعامل الشرطة مع المحتجين."
    )
    ev = only([e for e in read_events(text, published="2019-11-18") if e["type"] == "REQUEST"])
    assert (ev["country"], ev["place"]) == ("GB", None)


def test_an_agreement_signed_past_two_asides_set_off_by_commas() -> None:
    text = "ووقع الرئيس سانتوس وزعيم فارك، المعروف باسم تيموشينكو، مساء الاثنين، اتفاق السلام."
    ev = only(read_events(text, published="2016-09-27"))
    assert (ev["type"], ev["date"]) == ("AGREE", "2016-09-26")


@pytest.mark.parametrize(
    "text",
    [
        "داهمت قوات الأمن منزلا في بلدة الرمثا واعتقلت شابين. وضبطت بحوزتهما ثلاثة مسدسات وكمية من الذخيرة.",
        "وأعلنت الشرطة توقيف أربعة أشخاص. وحجزت كميات من المخدرات ومبلغا ماليا.",
        "وتمكنت الوحدات من إحباط عملية هجرة سرية. وحجزت 4 قوارب ومحركات بحرية.",
    ],
)
def test_a_seizure_of_weapons_drugs_or_boats_needs_nothing_else(text: str) -> None:
    seizures = [e for e in read_events(text) if (e["type"], e["mode"]) == ("COERCE", "seize")]
    assert len(seizures) == 1, [e["evidence"]["text"] for e in read_events(text)]
    assert seizures[0]["evidence"]["text"].startswith(("وضبطت", "وحجزت"))


def test_a_bare_seizure_word_with_other_goods_stays_uncoded() -> None:
    evs = read_events("وأعلنت الشرطة توقيف أربعة أشخاص. وحجزت الأوراق والوثائق.")
    assert [(e["type"], e["mode"]) for e in evs] == [("COERCE", "arrest")]


def test_one_party_before_the_charge_is_the_accused() -> None:
    evs = read_events(
        "ودانت الخارجية السورية المجزرة في حمص. واتهمت الولايات المتحدة بتسهيل تنقل عناصر التنظيم."
    )
    ev = next(e for e in evs if e["mode"] == "allege")
    assert ev["target"]["text"] == "الولايات المتحدة"
    assert ev["actor"] is None or ev["actor"]["text"] != "الولايات المتحدة"
    assert ev["country"] == "SY"
    # two parties: the first accuses the second
    ev = next(e for e in read_events("واتهمت روسيا أوكرانيا بقصف محطة الكهرباء.") if e["type"] == "ACCUSE")
    assert (ev["actor"]["text"], ev["target"]["text"]) == ("روسيا", "أوكرانيا")


@pytest.mark.parametrize(
    "text",
    [
        "وقضت محكمة الجنايات يوم الأحد بسجن ثلاثة متهمين لمدة 15 عاماً، بعد إدانتهم بتهريب أسلحة ومتفجرات.",
        "وقالت المصادر إن محكمة الاستئناف أيدت الحكم على الناشط، بعد إدانته بالإساءة إلى دولة شقيقة.",
    ],
)
def test_a_conviction_of_the_one_named_by_a_pronoun_is_no_condemnation(text: str) -> None:
    assert [(e["type"], e["mode"]) for e in read_events(text)] == [("SANCTION", "convict")]


def test_a_condemnation_with_a_manner_stays_one() -> None:
    ev = only(read_events("وأعربت الوزارة عن إدانتها بشدة للاعتداء على السفارة."))
    assert (ev["type"], ev["mode"]) == ("ACCUSE", "disapprove")


@pytest.mark.parametrize(
    "text",
    [
        "توصلت الحكومة والحركة، يوم الأحد في الدوحة، إلى اتفاق لتبادل الأسرى.",
        "وتوصل الجيش وقادة العشائر إلى اتفاق ينهي الاشتباكات في المدينة.",
        "وأبرمت الحكومة والمتمردون اتفاقا لتقاسم السلطة في أديس أبابا.",
        "وأعلن الطرفان الاتفاق على تبادل جثامين القتلى في إسطنبول.",
    ],
)
def test_agreements_reached_or_concluded_past_their_parties(text: str) -> None:
    assert "AGREE" in [e["type"] for e in read_events(text)]


def test_an_agreement_asked_for_is_no_agreement() -> None:
    evs = read_events("ودعا وزير الخارجية الطرفين إلى التوصل إلى اتفاق في أسرع وقت.")
    assert [e["type"] for e in evs] == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "وعثرت القوة على كدس للعتاد يضم قذائف هاون وأحزمة ناسفة معدة للتفجير في قضاء الطارمية.",
        "وقالت الشرطة إن السيارة المستخدمة في الهجوم سرقت قبل أسبوع من مدينة الموصل.",
    ],
)
def test_weapons_made_ready_or_used_name_no_new_attack(text: str) -> None:
    assert [e for e in read_events(text) if e["type"] == "ASSAULT"] == []


def test_clashes_like_those_told_before_are_coded_as_they_were() -> None:
    text = (
        "اندلعت مواجهات عنيفة بين مئات المحتجين وقوات الأمن في مدينة القصرين مساء الأحد. "
        "كما سجلت مواجهات مماثلة في مدن سوسة وسليانة وبنزرت."
    )
    evs = read_events(text, published="2021-01-18")
    similar = [e for e in evs if "مماثلة" in e["evidence"]["text"]]
    assert len(similar) == 3
    assert {(e["type"], e["mode"]) for e in similar} == {("PROTEST", "riot")}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("وتجمع المئات أمام مبنى البلدية، فاستخدمت قوات الدرك الغاز المسيل للدموع لتفريقهم.", "قوات الدرك"),
        ("وتظاهر الآلاف في ساحة الجمهورية، فردت الشرطة بقنابل صوتية، ما أدى إلى إصابة 34 شخصا.", "الشرطة"),
    ],
)
def test_the_force_right_before_tear_gas_used_it(text: str, actor: str) -> None:
    ev = next(e for e in read_events(text) if e["mode"] == "crowd-control")
    assert ev["actor"]["text"] == actor


def test_things_found_are_a_seizure_only_when_they_are_contraband() -> None:
    ev = only(read_events("وعثرت القوة على كدس للعتاد يضم قذائف هاون في قضاء الطارمية."))
    assert (ev["type"], ev["mode"]) == ("COERCE", "seize")
    assert read_events("وعثرت فرق الإنقاذ على جثث ثلاثة أشخاص تحت الأنقاض في مدينة حلب.") == []
    assert read_events("وعثر الأهالي على الطفل المفقود في حي الكرادة ببغداد.") == []


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("وقال ناشطون إن عشرات المتظاهرين أصيبوا بالرصاص المطاطي في مدينة الكويت.", "crowd-control"),
        ("وأطلقت الشرطة الرصاص المطاطي على المحتجين في ساحة التحرير ببغداد.", "crowd-control"),
        ("وأعلنت الشرطة أن ثلاثة من عناصرها قتلوا ضرباً على أيدي محتجين في دكا.", "beat"),
    ],
)
def test_rubber_bullets_and_beatings_set_the_mode(text: str, mode: str) -> None:
    assert mode in [e["mode"] for e in read_events(text) if e["type"] == "ASSAULT"]


def test_prisoners_freed_by_protesters_are_part_of_their_riot() -> None:
    evs = read_events("اقتحم محتجون سجناً في مدينة نارسينغدي الجمعة وأطلقوا سراح مئات السجناء.")
    assert [(e["type"], e["mode"]) for e in evs] == [("PROTEST", "riot")]
    ev = only(read_events("وأفرجت السلطات عن مئات السجناء في بغداد."))
    assert (ev["type"], ev["mode"]) == ("RETREAT", "release")


def test_a_country_after_with_is_a_partner_not_the_place() -> None:
    ev = only(read_events("وأغلقت إيران منافذها البرية مع العراق أمام المسافرين."))
    assert (ev["type"], ev["country"]) == ("COERCE", "IR")


def test_martyrdom_is_a_killing_when_people_are_counted() -> None:
    ev = only(read_events("واستشهد ثلاثة فلسطينيين برصاص الاحتلال في مدينة جنين."))
    assert (ev["type"], ev["counts"]["killed"]["value"]) == ("ASSAULT", 3)
    ev = only(read_events("واستشهدت امرأة وأصيب خمسة آخرون في قصف على مدينة غزة."))
    assert ev["counts"]["killed"]["value"] == 1
    # استشهد ب: cited
    assert read_events("واستشهد المتحدث بتقرير للأمم المتحدة عن الوضع في غزة.") == []


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("استعادت فصائل المعارضة، أمس، السيطرة على مدينة سراقب بريف إدلب.", ("COERCE", "seize")),
        ("وأحكم الجيش السيطرة على بلدة القصير في ريف حمص.", ("COERCE", "seize")),
        ("عقد مجلس الأمن الدولي اليوم جلسة مشاورات مغلقة بشأن الوضع في ليبيا.", ("CONSULT", "multilateral")),
    ],
)
def test_control_regained_and_council_sessions(text: str, wanted: tuple[str, str]) -> None:
    assert wanted in [(e["type"], e["mode"]) for e in read_events(text)]


def test_a_court_session_is_no_consultation() -> None:
    assert [e["type"] for e in read_events("وعقدت المحكمة جلسة للنظر في القضية في بغداد.")] == []
