"""One table (bot/domain/coverage_terms.py) decides which agency handles which plan; bot/domain/coverage.py
reads it for the eligibility check, and bot/domain/denial_routing.py routes with the same reading."""
from __future__ import annotations

import pytest

from bot.domain import coverage_terms
from bot.eligibility import answers
from bot.domain.coverage import coverage_of_names, read_coverage
from bot.domain.denial_routing import DMHC_PATH, needs_regulator_check, response_for_denial
from bot.eligibility.rules import Coverage

C = Coverage


@pytest.mark.parametrize("text, entities, expected", [
    # Medicare Advantage plans go to Medicare, not a DMHC IMR (rules.md §3.1, R1)
    ("kaiser senior advantage", [], C.MEDICARE),
    ("Kaiser Senior Advantage", ["Kaiser Senior Advantage"], C.MEDICARE),
    ("my senior advantage plan", [], C.MEDICARE),
    ("SCAN health plan", [], C.MEDICARE),
    ("SCAN", [], C.MEDICARE),
    ("Medicare Advantage through Blue Shield", ["Medicare Advantage", "Blue Shield"], C.MEDICARE),
    ("a medicare hmo", [], C.MEDICARE),
    # PPO/EPO: the regulator depends on the product (DMHC or CDI): never "DMHC-regulated"
    ("Blue Shield PPO", ["Blue Shield"], C.UNKNOWN),
    ("Anthem Blue Cross PPO", ["Anthem Blue Cross"], C.UNKNOWN),
    ("aetna epo", [], C.UNKNOWN),
    ("UnitedHealthcare PPO", [], C.UNKNOWN),
    ("it's a ppo from the department of insurance", [], C.CDI),
    # all HMOs are DMHC plans (rules.md §3.1)
    ("kaiser hmo", ["kaiser"], C.DMHC),
    ("Kaiser or another HMO", ["Kaiser"], C.DMHC),
    ("cigna hmo", [], C.DMHC),
    ("calpers hmo", [], C.DMHC),
    ("Kaiser denied my CT SCAN", ["Kaiser"], C.DMHC),
    # what the coverage is not does not count
    ("no, not medi-cal, kaiser through my husbands job", ["medi-cal", "kaiser"], C.DMHC),
    ("a policy from the dept of insurance, not an HMO", [], C.CDI),
    ("we are no longer on medi-cal, it's a blue shield hmo now", ["medi-cal", "blue shield"], C.DMHC),
    ("not in a plan, just medi-cal", ["medi-cal"], C.MEDI_CAL_FFS),
    # carriers whose plans are often self-funded or CDI policies: the name alone does not tell
    ("cigna", [], C.UNKNOWN),
    ("aetna through work", [], C.UNKNOWN),
    ("UHC", ["UHC"], C.UNKNOWN),
    ("calpers", [], C.UNKNOWN),  # CalPERS HMOs are DMHC; its self-funded PPO is not (rules.md §3.2)
    ("blue cross blue shield", [], C.UNKNOWN),
    # Medi-Cal managed care plans
    ("medi-cal through LA Care", ["medi-cal", "LA Care"], C.MEDI_CAL_MANAGED),
    ("I told you its medi-cal", [], C.MEDI_CAL_MANAGED),
    ("Health Net Medi-Cal", ["Health Net", "Medi-Cal"], C.MEDI_CAL_MANAGED),
    ("Molina medi-cal", [], C.MEDI_CAL_MANAGED),
    ("L.A. Care", ["L.A. Care"], C.MEDI_CAL_MANAGED),
    ("iehp", [], C.MEDI_CAL_MANAGED),
    ("I'm on medical", [], C.MEDI_CAL_MANAGED),
    ("regular medi-cal, no plan", [], C.MEDI_CAL_FFS),
    ("medicare and medi-cal", [], C.DUAL),
    ("IEHP DualChoice", [], C.DUAL),
    ("i am dual eligible", [], C.DUAL),
    ("GEHA through my federal job", [], C.FEHB),
    ("dual, i have both", [], C.DUAL),
    # other agencies
    ("covered california", [], C.DMHC),
    ("TRICARE", [], C.TRICARE), ("VA", ["VA"], C.VA), ("I'm a veteran", [], C.VA),
    ("workers comp", [], C.WORKERS_COMP), ("FEHB", [], C.FEHB),
    ("Job plan that is self-funded", [], C.SELF_FUNDED),
    # nothing named
    ("my medical records", [], None), ("purple", [], None),
])
def test_read_coverage(text, entities, expected):
    assert read_coverage(text, entities) == expected


def test_entity_values_alone_are_enough():
    assert read_coverage("that one", ["Kaiser Senior Advantage"]) is C.MEDICARE
    assert coverage_of_names(["SCAN"]) is C.MEDICARE
    assert coverage_of_names(["Anthem", "Medi-Cal"]) is C.MEDI_CAL_MANAGED
    assert coverage_of_names([]) is None


def test_answers_reads_coverage_through_the_table_and_adds_not_sure():
    assert answers.read_coverage("Blue Shield PPO", []) is C.UNKNOWN
    assert answers.read_coverage("kaiser senior advantage", []) is C.MEDICARE
    assert answers.read_coverage("Not sure", []) is C.UNKNOWN
    for table in ("_COVERAGE_WORDS", "_CANONICAL_COVERAGE", "_CARRIERS"):
        assert not hasattr(answers, table), f"a second coverage table: answers.{table}"


def test_every_name_and_word_means_a_known_coverage():
    values = {c.value for c in Coverage}
    for term in coverage_terms.TERMS:
        assert term.coverage is None or term.coverage in values, term
    for word in coverage_terms.WORDS:
        assert word.coverage in values, word


_OTHER_AGENCY_RESPONSES = {
    C.MEDICARE: "utter_faq/agency_medicare", C.DUAL: "utter_faq/agency_medicare",
    C.MEDI_CAL_MANAGED: "utter_faq/agency_medi_cal", C.MEDI_CAL_FFS: "utter_faq/agency_medi_cal",
    C.SELF_FUNDED: "utter_faq/agency_self_funded", C.CDI: "utter_faq/agency_cdi",
    C.FEHB: "utter_faq/agency_federal_employee", C.TRICARE: "utter_faq/agency_tricare",
    C.VA: "utter_faq/agency_va", C.WORKERS_COMP: "utter_faq/agency_workers_comp",
}


@pytest.mark.parametrize("term", coverage_terms.TERMS, ids=lambda t: t.canonical)
def test_denial_routing_and_the_eligibility_check_read_each_name_the_same_way(term):
    for spelling in term.spellings:
        if spelling in coverage_terms.AMBIGUOUS:
            continue
        written = coverage_terms.CASE_SENSITIVE.get(spelling, (spelling,))[0]
        coverage = read_coverage(written, [written])
        assert coverage == (Coverage(term.coverage) if term.coverage else None), written
        assert response_for_denial([written]) == _OTHER_AGENCY_RESPONSES.get(coverage, DMHC_PATH), written
        assert needs_regulator_check([written]) == (coverage is C.UNKNOWN)
