"""The FAQ answers in domain.yml say the facts in ../shared/domain/rules.md, and nothing they must not.

Each test reads the answer text as the bot sends it (whitespace folded) and checks one fact.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List

import pytest
import yaml

from bot.domain.contacts import line
from bot.domain.topics import TOPICS

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
FAQ: Dict[str, str] = {  # the English variation (the Spanish one has a condition)
    key[len("utter_faq/"):]: " ".join(next(v for v in variations if not v.get("condition"))["text"].split())
    for key, variations in DOMAIN["responses"].items()
    if key.startswith("utter_faq/")
}

HC = line("help_center")
TDD = line("help_center_tdd")
HCA = line("hca")


def answer(name: str) -> str:
    assert name in FAQ, f"utter_faq/{name} is missing"
    return FAQ[name]


def sentences(text: str) -> List[str]:
    return [s for s in re.split(r"(?<=[.!?:;])\s+|\s*•\s*", text) if s.strip()]


def has(text: str, pattern: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


# ---- 1. Medi-Cal: order of State Hearing and IMR, and the deadlines -------------------------

def test_medi_cal_asking_for_a_state_hearing_first_rules_out_the_imr():
    text = answer("agency_medi_cal")
    assert has(text, r"if you ask for a State Hearing first, you can't get an IMR")
    assert has(text, r"IMR first[^.]*still ask for a State Hearing")
    # Not only *having* the hearing first (rules.md 2.5: starting the process rules out the IMR).
    assert not has(text, r"have the State Hearing first|can't get an IMR after it")


def test_medi_cal_answer_gives_the_plan_appeal_and_hearing_deadlines():
    text = answer("agency_medi_cal")
    assert has(text, r"appeal to your plan within 60 days")
    assert has(text, r"120 days of the plan's appeal decision")
    assert has(text, r"fee-for-service\)? Medi-Cal: State Hearing within 90 days")
    assert line("cdss_hearings") in text and line("medi_cal_ombudsman") in text and HC in text


def test_medi_cal_deadlines_answer():
    text = answer("medi_cal_deadlines")
    assert has(text, r"appeal to your plan within 60 days of its notice")
    assert has(text, r"decides in 30 days \(72 hours if urgent\)")
    assert has(text, r"State Hearing: ask within 120 days of the plan's appeal decision")
    assert has(text, r"IMR[^.]*within six months")
    assert has(text, r"fee-for-service\)? Medi-Cal: ask for a State Hearing within 90 days")
    assert has(text, r"if you ask for a State Hearing first, you can't get an IMR")
    assert HC in text


# ---- 2. Self-funded plans: EBSA helps, the plan and federal external review decide ----------

def test_self_funded_ebsa_helps_and_does_not_handle_the_appeal():
    text = answer("agency_self_funded")
    assert has(text, r"no DMHC IMR")
    assert has(text, r"internal appeal") and has(text, r"federal external review")
    assert has(text, r"Department of Labor \(EBSA\) can help")
    assert line("ebsa") in text
    assert not has(text, r"(EBSA|Department of Labor|agency)[^.]*handles?\b")
    assert not has(text, r"handles? (your )?appeals?")


# ---- 3. How to file: online, mail, fax; the phone is for help with the form -----------------

def test_how_to_file_offers_online_mail_and_fax_but_not_filing_by_phone():
    text = answer("how_to_file")
    assert has(text, r"Online at www\.HealthHelp\.ca\.gov \(the fastest way\)")
    assert has(text, r"By mail") and has(text, r"By fax to " + re.escape(line("help_center_fax")))
    assert not has(text, r"by phone|over the phone")
    assert has(text, r"help with the form, call the Help Center at " + re.escape(HC))


# ---- 4. Bills: "don't pay more than in-network" only for surprise and emergency bills -------

def test_bill_for_care_does_not_give_the_surprise_bill_rule_to_everyone():
    text = answer("bill_for_care")
    assert not has(text, r"don't pay more|do not pay more|in-network cost")
    assert has(text, r"deductible, co-pay or co-insurance")


def test_bill_for_care_routes_balance_bills_to_complaints_and_necessity_denials_to_imr():
    text = answer("bill_for_care")
    assert has(text, r"Consumer Complaint[^.]*balance bills[^.]*emergency or ambulance[^.]*wrong co-pays")
    assert has(text, r"emergency care as not medically necessary, that can go to an IMR")


def test_surprise_bill_keeps_the_in_network_cost_sharing_rule():
    text = answer("surprise_bill")
    assert has(text, r"in-network hospital") and has(text, r"out-of-network doctor")
    assert has(text, r"emergency care, you also owe only your in-network cost-sharing")
    assert has(text, r"Don't pay more than your plan says you owe")


# ---- 5. Experimental denials: no plan grievance only for very serious conditions ------------

def test_experimental_skips_the_grievance_only_for_serious_conditions():
    text = answer("experimental")
    skip = [s for s in sentences(text) if has(s, r"(do not|don't) need to file a grievance")]
    assert skip, text
    assert all(has(s, r"^If your condition is life-threatening or seriously debilitating") for s in skip)
    assert has(text, r"Otherwise, file a grievance with your plan first")


def test_plan_first_says_the_experimental_exception_conditionally():
    text = answer("plan_first")
    assert has(text, r"experimental and your condition is life-threatening or seriously debilitating, "
                     r"you may not need the plan step")


# ---- 6. Which plans: only some PPOs/EPOs; never name a PPO as DMHC-regulated ----------------

@pytest.mark.parametrize("name", ["which_plans", "what_dmhc_does"])
def test_only_some_ppos_and_the_way_to_check(name):
    text = answer(name)
    assert has(text, r"only some PPOs and EPOs")
    assert has(text, r"member card or Evidence of Coverage")
    assert HC in text


@pytest.mark.parametrize("name", sorted(FAQ))
def test_no_answer_calls_a_blue_shield_or_anthem_ppo_dmhc_regulated(name):
    assert not has(FAQ[name], r"(Blue Shield|Anthem|Blue Cross)[^.]{0,40}\b(PPO|EPO)")


# ---- 7. IMR or Consumer Complaint ----------------------------------------------------------

@pytest.mark.parametrize("name", ["imr_or_complaint", "what_is_imr"])
def test_imr_is_for_necessity_experimental_and_emergency_and_coverage_is_a_complaint(name):
    text = answer(name)
    assert has(text, r"not medically necessary")
    assert has(text, r"experimental")
    assert has(text, r"emergency care [^.]*not necessary")
    assert has(text, r"not a covered benefit")
    assert has(text, r"Consumer Complaint")
    assert has(text, r"one (IMR/Complaint )?form")
    assert has(text, r"DMHC decides")


# ---- New answers ---------------------------------------------------------------------------

def test_tdd_answer():
    text = answer("tdd")
    assert has(text, r"deaf or hard of hearing")
    assert TDD in text and HC in text


def test_hours_answer_is_careful():
    text = answer("hours")
    assert has(text, r"is described as open 24 hours a day")
    assert not has(text, r"24/7|is open 24 hours")
    assert HC in text and TDD in text


def test_what_qualifies_answer():
    text = answer("what_qualifies")
    for pattern in (r"prescription drugs \(if your plan covers drugs\)", r"mental health",
                    r"substance use", r"autism", r"ABA", r"surgeries", r"tests",
                    r"not medically necessary", r"experimental, for a life-threatening or "
                    r"seriously debilitating", r"Emergency care [^.]*not needed",
                    r"not a covered benefit[^.]*Consumer Complaint"):
        assert has(text, pattern), pattern
    assert HC in text


def test_right_to_sue_answer():
    text = answer("right_to_sue")
    assert has(text, r"skip the IMR, you may give up your right to sue your plan over that service")
    assert has(text, r"can't give legal advice")
    assert HC in text and HCA in text


def test_file_for_someone_names_the_authorized_assistant_form():
    assert "Authorized Assistant Form" in answer("file_for_someone")


def test_case_status_is_not_an_faq_answer():
    """Someone else owns the case_status intent; there must be no faq/case_status answer."""
    assert "case_status" not in FAQ


# ---- Form: short answers, each with a topic whose sample question is trained ----------------

@pytest.mark.parametrize("name", sorted(FAQ))
def test_faq_answers_are_short(name):
    assert len(FAQ[name].split()) <= 95, len(FAQ[name].split())


def _examples(intent: str) -> List[str]:
    found: List[str] = []
    for path in sorted((ROOT / "data" / "nlu").glob("faq_*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if block.get("intent") == intent:
                found += [l.strip()[2:].strip() for l in block["examples"].splitlines() if l.strip()]
    return found


@pytest.mark.parametrize("name", ["tdd", "hours", "what_qualifies", "right_to_sue", "medi_cal_deadlines"])
def test_new_faq_topics_have_enough_examples_and_a_trained_sample_question(name):
    intent = f"faq/{name}"
    examples = _examples(intent)
    assert len({e.lower() for e in examples}) >= 30
    assert TOPICS[intent].sample_question in examples


def test_file_for_someone_is_trained_on_a_relative_filing_for_the_member():
    examples = [e.lower() for e in _examples("faq/file_for_someone")]
    assert sum(bool(re.search(r"\bmy (son|daughter|wife|grandson|niece|kids)\b.*\bfor me\b", e))
               for e in examples) >= 5
