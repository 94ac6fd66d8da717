"""Plans and programs named in a message are found by the spaCy pipeline and routed right."""
from __future__ import annotations

import pytest
import spacy

from bot.domain.coverage_terms import CASE_SENSITIVE, ENTITY_LABELS, TERMS, canonical
from bot.domain.denial_routing import DMHC_PATH, response_for_denial
from bot.nlu.spacy_pipeline import build


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return build()


@pytest.mark.parametrize("text, expected", [
    ("Kaiser denied my MRI", [("Kaiser", "health_plan", "kaiser")]),
    ("I have Medi-Cal through L.A. Care", [("Medi-Cal", "program", "medi_cal"), ("L.A. Care", "health_plan", "la_care")]),
    ("my Medicare Advantage plan said no", [("Medicare Advantage plan", "program", "medicare_advantage")]),
    ("it's a self-insured plan from my job", [("self-insured", "program", "self_funded")]),
    ("the VA denied it", [("VA", "program", "va")]),
    ("an EPO regulated by the Department of Insurance", [("Department of Insurance", "agency", "cdi")]),
    ("I'm on workers' comp", [("workers' comp", "program", "workers_comp")]),
    ("va a llover", []),
    ("my Kaiser Senior Advantage plan said no", [("Kaiser Senior Advantage", "program", "medicare_advantage")]),
    ("SCAN Health Plan denied it", [("SCAN Health Plan", "health_plan", "scan")]),
    ("Kaiser denied my CT SCAN", [("Kaiser", "health_plan", "kaiser")]),
    ("SCAN wont pay for my moms hospital bed", [("SCAN", "health_plan", "scan")]),
    ("I have Cigna through CalPERS", [("Cigna", "health_plan", "cigna"), ("CalPERS", "program", "calpers")]),
])
def test_pipeline_finds_plans_programs_and_agencies(nlp, text, expected):
    assert [(e.text, e.label_, e.ent_id_) for e in nlp(text).ents] == expected


def test_every_term_has_a_known_label_and_is_found_by_the_pipeline(nlp):
    for term in TERMS:
        assert term.label in ENTITY_LABELS
        spelling = CASE_SENSITIVE.get(term.spellings[0], term.spellings)[0]
        found = {e.ent_id_ for e in nlp(f"my plan is {spelling} and it denied my care").ents}
        assert term.canonical in found, term


@pytest.mark.parametrize("values, response", [
    ([], DMHC_PATH),
    (["Kaiser"], DMHC_PATH),
    (["Blue Shield"], DMHC_PATH),
    (["Medicare"], "utter_faq/agency_medicare"),
    (["medicare advantage"], "utter_faq/agency_medicare"),
    (["Anthem", "Medi-Cal"], "utter_faq/agency_medi_cal"),
    (["self-insured"], "utter_faq/agency_self_funded"),
    (["Department of Insurance"], "utter_faq/agency_cdi"),
    (["TRICARE"], "utter_faq/agency_tricare"),
    (["VA"], "utter_faq/agency_va"),
    (["workers comp"], "utter_faq/agency_workers_comp"),
    (["FEHB"], "utter_faq/agency_federal_employee"),
    (["something unknown"], DMHC_PATH),
    (["Kaiser Senior Advantage"], "utter_faq/agency_medicare"),
    (["Kaiser", "Medicare"], "utter_faq/agency_medicare"),
    (["SCAN Health Plan"], "utter_faq/agency_medicare"),
    (["L.A. Care"], "utter_faq/agency_medi_cal"),
    (["IEHP"], "utter_faq/agency_medi_cal"),
    (["Health Net", "Medi-Cal"], "utter_faq/agency_medi_cal"),
    (["Cigna"], DMHC_PATH),  # depends on the product; the check says how to confirm
    (["CalPERS"], DMHC_PATH),
    (["Covered California"], DMHC_PATH),
])
def test_response_for_denial(values, response):
    assert response_for_denial(values) == response


def test_canonical_ignores_case_and_punctuation():
    assert canonical("L.A. Care") == canonical("la care") == "la_care"
    assert canonical("Workers' Comp") == "workers_comp"
    assert canonical("nothing") is None
