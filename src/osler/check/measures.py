"""Vital signs and laboratory values in free text ('RR 32', 'SpO2 88%', 'BP 80/50', 'potassium 2.9').

Each reading becomes a quantity in the units the knowledge pack's `measure` attributes use (for example
`temperature_c`, `glucose_mg_dl`); readings written in other common units are converted. A reading needs a word
naming what was measured, so 'over 38 degrees for days' (the weather) is not a temperature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from osler.check.text import fold

# quantity -> words that name it (longest first within the pattern)
QUANTITY_WORDS: dict[str, tuple[str, ...]] = {
    "temperature_c": ("temperature", "temp", "fever of", "fever", "t"),
    "heart_rate": ("heart rate", "pulse rate", "pulse", "hr", "heart rate of"),
    "respiratory_rate": ("respiratory rate", "resp rate", "breathing rate", "rr", "resps"),
    "spo2": (
        "oxygen saturation",
        "oxygen sats",
        "oxygen level",
        "o2 sats",
        "o2 sat",
        "spo2",
        "sao2",
        "sats",
        "sat",
    ),
    "glucose_mg_dl": ("blood glucose", "blood sugar", "glucose", "sugar level", "sugars", "bm", "cbg"),
    "potassium_mmol_l": ("potassium", "k+", "k"),
    "sodium_mmol_l": ("sodium", "na+", "na"),
    "magnesium_mg_dl": ("magnesium",),
    "calcium_mg_dl": ("corrected calcium", "calcium", "ca"),
    "ck_u_l": ("creatine kinase", "creatine phosphokinase", "cpk", "ck"),
    "alt_u_l": ("alanine aminotransferase", "alt", "sgpt"),
    "lipase_u_l": ("serum lipase", "lipase"),
    "amylase_u_l": ("serum amylase", "amylase"),
    "tsh_miu_l": ("tsh",),
    "b12_pg_ml": ("vitamin b12", "b12"),
    "ferritin_ng_ml": ("ferritin",),
    "hemoglobin_g_dl": ("hemoglobin", "haemoglobin", "hgb", "hb"),
    "hba1c_percent": ("hba1c", "a1c"),
    "creatinine_mg_dl": ("creatinine", "cr"),
    "platelets_10e9_l": ("platelet count", "platelets", "plt"),
    "abi": (
        "ankle brachial pressure index",
        "ankle-brachial pressure index",
        "ankle brachial index",
        "ankle-brachial index",
        "abpi",
        "abi",
    ),
    "inr": ("inr",),
    "peak_flow_percent": ("peak flow",),
    "ketones_mmol_l": ("blood ketones", "capillary ketones", "ketones", "bhb", "beta-hydroxybutyrate"),
    "lactate_mmol_l": ("lactate", "lactic acid"),
    "ph": ("ph",),
    "bicarbonate_mmol_l": ("bicarbonate", "bicarb", "hco3"),
    "gcs": ("glasgow coma scale", "gcs"),
    "troponin_ng_l": (
        "high-sensitivity troponin",
        "hs-troponin t",
        "hs-troponin i",
        "hs-troponin",
        "hs troponin",
        "troponin t",
        "troponin i",
        "troponin",
        "trop",
        "hs-tnt",
        "hs-tni",
        "tnt",
        "tni",
    ),
    "wbc_10e9_l": (
        "white blood cell count",
        "white cell count",
        "white count",
        "leukocytes",
        "leucocytes",
        "wbc",
        "wcc",
    ),
    "crp_mg_l": ("c-reactive protein", "c reactive protein", "crp"),
}

_FILLER = r"(?:\s*(?:is|was|of|at|=|:|reading|reads|level|count|measured|now|about|around|approximately|only|just|over|under|below|above|up to|down to|right|left|rt|lt|r|l)\s*)*"
_NUMBER = r"(-?\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|-?\d{1,6}(?:\.\d+)?)"
"""A number, with or without thousands separators ('CK 38,000')."""
_UNIT = r"\s*(°\s*[cf]|degrees?\s*[cf]?|[cf]\b|%|mmol|umol|µmol|pmol|g/l|mg/dl|mg|bpm|/min)?"


def _quantity_pattern() -> re.Pattern[str]:
    words = sorted({w for ws in QUANTITY_WORDS.values() for w in ws}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # a number followed by '+' is a graded result ('leucocytes 2+' on a urine dipstick), not a measurement
    return re.compile(rf"\b({alternatives})(?!\w){_FILLER}\s*{_NUMBER}(?!\d|\.\d|\s*\+){_UNIT}")


_PATTERN = _quantity_pattern()
_WORD_TO_QUANTITY = {w: q for q, ws in QUANTITY_WORDS.items() for w in ws}
_BP = re.compile(r"\b(?:bp|blood pressure)\b[^0-9]{0,30}?(\d{2,3})s?\s*(?:/|over)\s*(\d{2,3})s?")
_BARE_TEMPERATURE = re.compile(r"\b(\d{2,3}(?:\.\d)?)\s*°\s*([cf])\b")


@dataclass(frozen=True)
class Reading:
    """One measured value, converted to the pack's units, with the text it came from."""

    quantity: str
    value: float
    text: str


def _convert(quantity: str, value: float, unit: str) -> float | None:
    unit = unit.replace(" ", "")
    if quantity == "temperature_c":
        if value > 45 or unit.endswith("f"):
            value = (value - 32) * 5 / 9
        return round(value, 2) if 25 <= value <= 45 else None
    if quantity == "glucose_mg_dl" and (unit == "mmol" or value < 35):
        return value * 18.0
    if quantity == "calcium_mg_dl" and (unit == "mmol" or value < 4.5):
        value *= 4.008
    if quantity == "calcium_mg_dl" and not 3 <= value <= 25:
        return None  # 'breast Ca 2016' is a cancer and a year
    if quantity == "magnesium_mg_dl" and unit == "mmol":
        return value * 2.43
    if quantity == "hemoglobin_g_dl" and (unit == "g/l" or value > 25):
        return value / 10
    if quantity == "creatinine_mg_dl" and (unit in ("umol", "µmol") or value > 20):
        return value / 88.4
    if quantity == "b12_pg_ml" and unit == "pmol":
        return value * 1.355
    if quantity == "hba1c_percent" and (unit == "mmol" or value > 20):
        # IFCC mmol/mol to NGSP/DCCT per cent (the IFCC-NGSP master equation)
        return round(0.0915 * value + 2.15, 2)
    if quantity == "wbc_10e9_l" and value > 300:
        return value / 1000  # cells per microlitre
    if quantity == "crp_mg_l" and unit == "mg/dl":
        return value * 10
    if quantity == "troponin_ng_l" and not unit and value < 1:
        return value * 1000  # a value below 1 is in micrograms per litre (0.5 ug/L = 500 ng/L)
    if quantity == "ph" and not 6.5 <= value <= 8.0:
        return None
    if quantity == "gcs" and not 3 <= value <= 15:
        return None
    if quantity == "spo2" and not 40 <= value <= 100:
        return None
    if quantity in ("heart_rate", "respiratory_rate") and not 3 <= value <= 300:
        return None
    return value


FAST_BREATHING_BY_AGE: tuple[tuple[float, float], ...] = ((2 / 12, 60.0), (1.0, 50.0), (5.0, 40.0))
"""Young children breathe faster: WHO's fast-breathing rates (breaths a minute) below 2 months, 2-11 months and
12-59 months of age (WHO IMCI; e.g. PAHO's pneumonia page, and the Malawi guideline table in PLOS One
2016;11:e0168126)."""
ADULT_FAST_BREATHING = 22.0
"""The adult fast-breathing rate the pack's `tachypnea` finding uses; a child's rate is put on this scale."""


def on_adult_scale(quantity: str, value: float, age: float | None) -> float:
    """A young child's breathing rate rescaled so that WHO's fast rate for the age meets the adult one (52 a
    minute at 4 months is fast, 30 at 3 years is not); other quantities and ages are returned as they are."""
    if quantity != "respiratory_rate" or age is None:
        return value
    for below, fast in FAST_BREATHING_BY_AGE:
        if age < below and not (age == 0 and below < 1):  # age 0 (months unknown): the 2-11 month rate
            return round(value * ADULT_FAST_BREATHING / fast, 1)
    return value


def find_readings(text: str) -> list[Reading]:
    """Every vital sign or laboratory reading written in the text, in order of appearance."""
    folded = fold(text).replace("\u00b0", "°")
    found: list[tuple[int, Reading]] = []
    for m in _BP.finditer(folded):
        found.append((m.start(), Reading("systolic_bp", float(m.group(1)), m.group(0))))
        found.append((m.start() + 1, Reading("diastolic_bp", float(m.group(2)), m.group(0))))
    for m in _PATTERN.finditer(folded):
        word, number, unit = m.group(1), m.group(2), (m.group(3) or "")
        quantity = _WORD_TO_QUANTITY[word]
        if word == "t" and not unit and not ("." in number and 34 <= float(number) <= 43):
            continue
        if quantity == "systolic_bp":
            continue
        value = _convert(quantity, float(number.replace(",", "")), unit)
        if value is not None:
            found.append((m.start(), Reading(quantity, value, m.group(0))))
    taken = {r.quantity for _, r in found}
    if "temperature_c" not in taken:
        for m in _BARE_TEMPERATURE.finditer(folded):
            value = _convert("temperature_c", float(m.group(1)), m.group(2))
            if value is not None:
                found.append((m.start(), Reading("temperature_c", value, m.group(0))))
    found.sort(key=lambda pair: pair[0])
    return [reading for _, reading in found]


def in_range(measure: dict[str, float], value: float) -> bool:
    """True when a value falls in a finding's measure range [low, high)."""
    low = measure.get("low")
    high = measure.get("high")
    if low is not None and value < float(low):
        return False
    if high is not None and value >= float(high):
        return False
    return True
