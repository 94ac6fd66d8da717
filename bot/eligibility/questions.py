"""The eligibility questions in plain words: how each is asked, its buttons, why we ask it, and
a second way to explain it when an answer could not be read.

Buttons send their own title as plain text, which bot/eligibility/answers.py reads like any typed answer.
The Spanish questions are in bot/eligibility/questions_es.py; the accessors below take the
conversation's language, and english_button() reads a clicked Spanish button as its English title.
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType
from typing import Dict, NamedTuple, Optional, Tuple

from bot.domain.contacts import line
from bot.eligibility import dialogue_texts
from bot.text import fold_accents

YES_NO_UNSURE = ("Yes", "No", "Not sure")


class Question(NamedTuple):
    text: str
    buttons: Tuple[str, ...]
    why: str
    rephrase: str


QUESTIONS: Dict[str, Question] = {
    "coverage": Question(
        "What kind of health coverage do you have?",
        ("Kaiser or another HMO", "Medi-Cal", "Medicare", "Job plan that is self-funded", "Not sure"),
        "Different agencies handle different kinds of plans, so this tells me who can review your case.",
        "For example: Kaiser, Blue Shield, Anthem, a Covered California plan, Medi-Cal, Medicare, "
        "TRICARE, the VA, or workers' comp. The name on your member card is enough.",
    ),
    "problem": Question(
        "What did your plan say, or what is the problem?",
        ("Not medically necessary", "Experimental", "Not covered by my plan", "A bill", "Not sure"),
        "A denial because care is \"not medically necessary\" or \"experimental\" can go to an "
        "Independent Medical Review; other problems go to a Consumer Complaint.",
        "Look at the plan's letter: does it say the care is not medically necessary, experimental, "
        "or not a covered benefit? Or is it a bill, a delay, or a service problem?",
    ),
    "urgent": Question(
        "Is this urgent? Could waiting put your health at serious risk, like severe pain or a risk "
        "to your life or a major body function?",
        YES_NO_UNSURE,
        "Urgent cases skip the usual 30-day wait, so I need to know if you should call now.",
        "Answer yes if waiting for your plan could seriously harm your health, no if it can wait "
        "a few weeks.",
    ),
    "serious_condition": Question(
        "Is the condition life-threatening or seriously disabling?",
        YES_NO_UNSURE,
        "If the plan calls a treatment experimental and the condition is life-threatening or "
        "seriously disabling, you can apply for an Independent Medical Review without a plan "
        "grievance first.",
        "Answer yes if your doctor says the illness could be fatal or cause major lasting harm.",
    ),
    "state_hearing": Question(
        "Have you already asked for or had a Medi-Cal State Hearing about this?",
        YES_NO_UNSURE,
        "Once you ask for a State Hearing, you can't get an Independent Medical Review on the same "
        "issue, so this changes your options.",
        "A State Hearing is a hearing with a state judge about a Medi-Cal decision. Answer yes if "
        "you have asked for one, even if it has not happened yet; no if you have not.",
    ),
    "filed_grievance": Question(
        "Have you filed a grievance (an appeal) with your health plan about this?",
        YES_NO_UNSURE,
        "Usually the plan must get a chance to fix it first: the DMHC steps in after the plan's "
        "answer, or after 30 days with no answer.",
        "A grievance is a complaint or appeal you made to your plan about this, for example on its "
        "form, in a letter or on its website.",
    ),
    "plan_answered": Question(
        "Has your plan sent you its written decision on your grievance?",
        YES_NO_UNSURE,
        "Your deadline counts from the plan's written decision, and if it has not answered in "
        "30 days you can apply anyway.",
        "Answer yes if you got a letter from your plan answering your grievance or appeal.",
    ),
    "grievance_date": Question(
        "About when did you file the grievance? (For example: Oct 5, or 3 weeks ago.)",
        ("Not sure",),
        "Your plan has 30 days to answer, so the date tells me when you can apply.",
        "A rough date is fine: \"early October\", \"last Tuesday\", or \"about a month ago\".",
    ),
    "decision_date": Question(
        "What date is on the plan's decision letter? (For example: Oct 5, or 10/05/2026.)",
        ("Not sure",),
        "Your deadlines count from the date on that letter, so I can tell you yours.",
        "Look at the top of the plan's letter. A rough date is fine, like \"early September\" or "
        "\"2 months ago\".",
    ),
}

HELP_CENTER_OFFER = f"You can also call the Help Center at {line('help_center')} and they will help."
DATE_PROBLEMS = {
    "future": "That date seems to be in the future. When did it happen?",
    "unreadable": "Sorry, I couldn't read that date.",
    "too_old": "That date is more than ten years ago. Could you check it?",
}


# --- In the conversation's language ----------------------------------------------------------


def _spanish() -> ModuleType:
    """bot/eligibility/questions_es.py, imported on first use since it takes Question from here."""
    from bot.eligibility import questions_es
    return questions_es


def questions(language: str = "en") -> Dict[str, Question]:
    """All questions, by slot, in "en" or "es"."""
    return _spanish().QUESTIONS if language == "es" else QUESTIONS


def question(slot: str, language: str = "en") -> Question:
    """One question: its text, buttons, "why do you ask" and second explanation."""
    return questions(language)[slot]


def help_center_offer(language: str = "en") -> str:
    """Said after the second explanation: the Help Center's number."""
    return _spanish().HELP_CENTER_OFFER if language == "es" else HELP_CENTER_OFFER


def date_problem(problem: Optional[str], language: str = "en") -> str:
    """Why a date could not be used ("future", "unreadable", "too_old"); for any other answer
    that could not be read, "Sorry, I didn't catch that."."""
    problems = _spanish().DATE_PROBLEMS if language == "es" else DATE_PROBLEMS
    return problems.get(problem or "", dialogue_texts.text("not_caught", language))


# --- Spanish buttons read as the English ones --------------------------------------------------


def _fold(text: str) -> str:
    """Case, accents, spacing and end punctuation aside: "¡Sí!" -> "si", "No estoy  seguro." -> "no estoy seguro"."""
    return re.sub(r"\s+", " ", fold_accents(text)).strip(" \t\n.,;:!?¡¿").casefold()


@lru_cache(maxsize=1)
def _spanish_buttons() -> Dict[str, Dict[str, str]]:
    """For each question (and "confirm_answers", the summary's buttons), folded Spanish title ->
    what the English button sends (its title; for the summary's buttons, their payload)."""
    spanish = _spanish().QUESTIONS
    table = {slot: {_fold(es): en for es, en in zip(spanish[slot].buttons, QUESTIONS[slot].buttons)}
             for slot in QUESTIONS}
    table["confirm_answers"] = {
        _fold(es_title): en_payload
        for (es_title, _), (_, en_payload) in zip(dialogue_texts.confirm_buttons("es"),
                                                  dialogue_texts.confirm_buttons("en"))}
    return table


def english_button(text: str, slot: Optional[str] = None) -> Optional[str]:
    """The English button a clicked Spanish one stands for ("Sí" or "si" -> "Yes", "No estoy
    seguro" -> "Not sure"), so the English answer readers read it as the English click; None
    for anything else.

    A format reading of our own button titles only, whole and exact but for case, accents,
    spacing and end punctuation: free text ("sí, creo que sí") is left to the readers. `slot`
    limits it to that question's buttons.
    """
    folded = _fold(text or "")
    tables = _spanish_buttons()
    for name in ([slot] if slot else list(tables)):
        found = tables.get(name, {}).get(folded)
        if found is not None:
            return found
    return None
