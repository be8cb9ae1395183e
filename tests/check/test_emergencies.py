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
