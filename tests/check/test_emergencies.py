"""Common emergencies, typical and atypical, in lay and clinical words: each is triaged as an emergency and the
condition is in the differential. The wording here is our own (not from evaluation sets)."""

from __future__ import annotations

import pytest

from osler.check import CaseInput

CASES = [
    (
        "myocardial-infarction",
        "Heavy pressure in the middle of my chest for 40 minutes going into my jaw, I'm clammy and feel sick",
        60,
        "male",
    ),
    (
        "myocardial-infarction",
        "71F diabetic, 1 day of breathlessness, nausea and unusual tiredness, no chest pain",
        71,
        "female",
    ),
    (
        "ischemic-stroke",
        "My husband's face suddenly dropped on one side and his arm went weak an hour ago",
        70,
        "male",
    ),
    ("ischemic-stroke", "Since this morning my words come out jumbled and slurred", 66, "female"),
    (
        "subarachnoid-hemorrhage",
        "Sudden thunderclap headache, the worst ever, came on in seconds, then I vomited",
        45,
        "female",
    ),
    (
        "bacterial-meningitis",
        "Fever, bad headache, stiff neck and bright light hurts my eyes, getting drowsy",
        20,
        "male",
    ),
    (
        "sepsis",
        "My dad has a chest infection and now he's confused, breathing fast, skin mottled and he hasn't peed all day",
        80,
        "male",
    ),
    (
        "pulmonary-embolism",
        "Sudden sharp chest pain when breathing in and short of breath, two weeks after a hip replacement",
        68,
        "female",
    ),
    (
        "appendicitis",
        "Pain started around my belly button and moved to the lower right side, worse when I walk or cough, off my food, low fever",
        19,
        "male",
    ),
    (
        "ectopic-pregnancy",
        "My period is 6 weeks late, I have sharp pain low on one side and some spotting, and I feel faint",
        28,
        "female",
    ),
    (
        "anaphylaxis",
        "After eating peanuts my lips and tongue swelled, I'm wheezing and covered in hives",
        15,
        "male",
    ),
    (
        "diabetic-ketoacidosis",
        "Type 1 diabetic, vomiting all day, tummy pain, breathing deep and fast, breath smells fruity",
        17,
        "female",
    ),
    (
        "aortic-dissection",
        "Sudden tearing pain between my shoulder blades going down my back, worst pain ever",
        65,
        "male",
    ),
    (
        "testicular-torsion",
        "Sudden severe pain in one testicle that woke me up, and I've been sick",
        15,
        "male",
    ),
    (
        "cauda-equina-syndrome",
        "Bad back pain with numbness between my legs and I can't pee properly since yesterday",
        45,
        "male",
    ),
    (
        "acute-liver-failure",
        "Yellow skin and eyes, confused and sleepy, bruising easily, INR 3",
        35,
        "female",
    ),
    (
        "hemolytic-uremic-syndrome",
        "My 4 year old had bloody diarrhoea last week, now he's pale, puffy and hardly peeing",
        4,
        "male",
    ),
    (
        "severe-asthma-exacerbation",
        "Asthma attack, can't finish a sentence, blue inhaler not working, lips going blue",
        30,
        "female",
    ),
    (
        "rocky-mountain-spotted-fever",
        "Fever, headache and a spotty rash on wrists and ankles a week after a tick bite in North Carolina",
        40,
        "male",
    ),
    (
        "malaria",
        "Back from Nigeria two weeks ago, fevers every couple of days with shaking chills and sweats",
        35,
        "male",
    ),
    (
        "opioid-overdose",
        "Found my brother unresponsive, breathing very slowly, tiny pupils, needles next to him",
        28,
        "male",
    ),
    (
        "heat-stroke",
        "Collapsed running a marathon in the heat, confused, hot dry skin, temperature 41",
        30,
        "male",
    ),
    (
        "carbon-monoxide-poisoning",
        "Whole family has headaches and feels sick at home, better when we go out, the boiler is old",
        40,
        "female",
    ),
    (
        "necrotizing-fasciitis",
        "Small cut on my leg, now the pain is way worse than it looks, skin going dusky, fever",
        55,
        "male",
    ),
    ("status-epilepticus", "He's been fitting for more than 5 minutes and not stopping", 30, "male"),
    (
        "intussusception",
        "My 9 month old has bouts of screaming and pulling up his legs, vomiting, and a red jelly poo",
        0.75,
        "male",
    ),
    (
        "epiglottitis",
        "Sudden high fever, drooling, can't swallow, muffled voice, sitting forward to breathe",
        6,
        "male",
    ),
    ("acetaminophen-overdose", "I took 30 paracetamol tablets last night", 22, "female"),
    ("hypoglycemia", "Diabetic on insulin, shaky, sweaty and confused, sugar 2.5", 60, "male"),
    (
        "kawasaki-disease",
        "My 3 year old has had fever for 6 days, red eyes, cracked red lips and a rash, swollen hands",
        3,
        "male",
    ),
    (
        "preeclampsia",
        "34 weeks pregnant with a severe headache, flashing lights and sudden swelling of my face",
        30,
        "female",
    ),
    (
        "ruptured-abdominal-aortic-aneurysm",
        "Sudden severe tummy and back pain, feel faint, pulsating lump in my belly",
        75,
        "male",
    ),
]

URGENT_AT_LEAST = {"malaria", "kawasaki-disease"}
"""Emergencies whose guidance is 'same day, now' rather than an ambulance: urgent or emergency both pass."""


@pytest.mark.parametrize(
    ("condition", "text", "age", "sex"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_emergency_is_triaged_and_listed(shipped_kb, shipped_checker, condition, text, age, sex):
    if condition not in shipped_kb.concepts:
        pytest.skip(f"the shipped pack has no '{condition}' yet")
    result = shipped_checker.check(CaseInput(text=text, age=age, sex=sex))
    allowed = {"emergency", "urgent"} if condition in URGENT_AT_LEAST else {"emergency"}
    assert result.level in allowed
    assert condition in [entry.id for entry in result.differential]


RULE_CASES = [
    # (rule, text, age, sex, fires): each safety rule fires on a typical story and stays quiet on a benign look-alike.
    (
        "shingles-near-eye-or-nose-tip",
        "Tingling on my forehead for two days and now shingles blisters around my eye",
        68,
        "female",
        True,
    ),
    (
        "shingles-near-eye-or-nose-tip",
        "Painful band of blisters round one side of my chest, I think it's shingles",
        64,
        "male",
        False,
    ),
    (
        "shingles-blisters-with-eye-symptoms",
        "Blisters on my forehead and my eye has gone red and sore",
        71,
        "male",
        True,
    ),
    ("shingles-blisters-with-eye-symptoms", "Blisters on my heel from new shoes", 30, "female", False),
    (
        "mono-left-upper-pain-possible-splenic-rupture",
        "Recovering from glandular fever and today a sharp pain under my left ribs",
        19,
        "male",
        True,
    ),
    (
        "mono-left-upper-pain-possible-splenic-rupture",
        "Pain under my left ribs after a big curry, lots of wind",
        45,
        "male",
        False,
    ),
    (
        "diverticulitis-peritonitis-or-shock",
        "Pain low on the left side of my tummy for three days, now my belly is rock hard and it hurts to move",
        67,
        "female",
        True,
    ),
    (
        "diverticulitis-peritonitis-or-shock",
        "Pain low on the left side of my tummy and constipation for two days, no fever",
        58,
        "female",
        False,
    ),
    (
        "diverticulitis-fever-with-vomiting-or-severe-pain",
        "Left lower belly pain with a temperature, and I keep being sick",
        62,
        "male",
        True,
    ),
    (
        "diverticulitis-fever-with-vomiting-or-severe-pain",
        "Pain low on the left side of my tummy and constipation for two days, no fever",
        58,
        "female",
        False,
    ),
    (
        "quinsy-trismus-or-muffled-voice",
        "Terrible sore throat on one side and I can barely open my mouth",
        24,
        "male",
        True,
    ),
    (
        "quinsy-trismus-or-muffled-voice",
        "Sore throat and a temperature for two days, still eating and drinking",
        27,
        "female",
        False,
    ),
    (
        "fever-drooling-with-throat-or-neck-symptoms",
        "Fever and drooling, his throat hurts and he won't swallow",
        5,
        "male",
        True,
    ),
    (
        "fever-drooling-with-throat-or-neck-symptoms",
        "My 8 month old is teething, dribbling a lot and has a slight temperature",
        0.7,
        "female",
        False,
    ),
    (
        "sore-throat-with-neck-swelling-and-fever",
        "Sore throat, fever, swollen glands and it hurts to swallow",
        17,
        "female",
        False,
    ),
    (
        "very-high-bp-no-symptoms",
        "My blood pressure reading was 150/125 and I have a headache",
        52,
        "male",
        True,
    ),
    ("very-high-bp-no-symptoms", "Blood pressure 160/95 at my check-up", 52, "male", False),
    ("dyspepsia-age-60-or-over", "Upper tummy pain and indigestion for a few weeks", 66, "male", True),
    ("dyspepsia-age-60-or-over", "Upper tummy pain and indigestion for a few weeks", 35, "male", False),
    (
        "upper-abdominal-pain-with-alarm-features",
        "Pain at the top of my stomach and I've lost weight without trying",
        50,
        "female",
        True,
    ),
    (
        "upper-abdominal-pain-with-alarm-features",
        "Upper tummy pain and indigestion for a few weeks",
        35,
        "male",
        False,
    ),
    ("hives-with-breathing-or-faint", "Hives all over after a wasp sting and I feel faint", 45, "male", True),
    (
        "hives-with-breathing-or-faint",
        "Itchy hives all over after eating shellfish, no lip or tongue swelling and no trouble breathing",
        28,
        "female",
        False,
    ),
    (
        "psychosis-late-pregnancy-or-after-birth",
        "My partner gave birth five days ago. Since yesterday she hardly sleeps and believes the nurses swapped "
        "our baby and that people on the TV are talking about her.",
        31,
        "female",
        True,
    ),
    (
        "psychosis-after-childbirth",
        "We had our baby six days ago and tonight my wife is convinced the neighbours send her messages "
        "through the TV.",
        30,
        "female",
        True,
    ),
    (
        "psychosis-after-childbirth",
        "I had my baby a week ago and I keep crying for no reason and feel overwhelmed, but I'm sleeping when "
        "the baby sleeps.",
        29,
        "female",
        False,
    ),
    (
        "palpitations-with-breathlessness",
        "My heart keeps racing and pounding and I get short of breath with it.",
        52,
        "male",
        True,
    ),
]
"""Safety rules added for ophthalmic shingles, splenic rupture, complicated diverticulitis, deep throat infections,
a diastolic blood pressure of 120 or more, dyspepsia alarm features and anaphylaxis; our own wording."""


@pytest.mark.parametrize(
    ("rule", "text", "age", "sex", "fires"),
    RULE_CASES,
    ids=[f"{c[0]}-{'fires' if c[4] else 'quiet'}-{i}" for i, c in enumerate(RULE_CASES)],
)
def test_safety_rule_fires_only_on_its_pattern(shipped_kb, shipped_checker, rule, text, age, sex, fires):
    if rule not in shipped_kb.rules:
        pytest.skip(f"the shipped pack has no '{rule}' rule yet")
    result = shipped_checker.check(CaseInput(text=text, age=age, sex=sex))
    assert (rule in {r["rule"] for r in result.red_flags}) is fires


def test_hives_alone_after_a_food_is_not_an_emergency(shipped_kb, shipped_checker):
    if "anaphylaxis" not in shipped_kb.concepts:
        pytest.skip("the shipped pack has no 'anaphylaxis' yet")
    text = "Itchy hives all over after eating shellfish, no lip or tongue swelling and no trouble breathing"
    result = shipped_checker.check(CaseInput(text=text, age=28, sex="female"))
    assert result.level != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Hives after eating peanuts and now my lips are swelling up",
        "Hives after eating shellfish and now I'm wheezy and short of breath",
        "Hives all over after a wasp sting and I feel faint",
    ],
)
def test_hives_with_a_second_system_stays_an_emergency(shipped_kb, shipped_checker, text):
    if "anaphylaxis" not in shipped_kb.concepts:
        pytest.skip("the shipped pack has no 'anaphylaxis' yet")
    assert shipped_checker.check(CaseInput(text=text, age=30, sex="male")).level == "emergency"
