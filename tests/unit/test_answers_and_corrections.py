"""Short answers people type to the eligibility questions, and corrections to the summary."""
from __future__ import annotations

from datetime import date

import pytest

from bot.eligibility import answers
from bot.eligibility.answers import (answers_in, date_in_story, date_phrase, find_date, last_date_in,
                                     mentions_decision,
                                     mentions_grievance, polarity, read_coverage, read_problem,
                                     states_reason, topics_named)
from bot.eligibility.corrections import ASK_WHICH, CHANGED, CHANGE_PREFIX, CONFIRMED, UNCLEAR, read_confirmation
from bot.eligibility.rules import Coverage, Problem
from bot.eligibility.questions import QUESTIONS

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize("ranking, slot, expected", [
    ([("affirm", 0.9)], "urgent", "yes"), ([("deny", 0.8)], "urgent", "no"),
    ([("unsure", 0.7)], "filed_grievance", "unsure"),
    ([("nlu_fallback", 0.45), ("deny", 0.41)], "urgent", "no"),  # hesitant but clear
    ([("deny", 0.2)], "urgent", "no"),
    ([("faq", 1.0), ("deny", 0.0)], "urgent", "no"),  # "no, it's just a bill": an answer is expected
    ([("out_of_scope", 0.5), ("greet", 0.2), ("thank", 0.1), ("affirm", 0.05)], "urgent", None),
    ([("describe_denial", 0.9)], "plan_answered", "yes"),  # "they denied it again"
    ([("describe_denial", 0.9)], "urgent", None),
    ([("describe_urgent_problem", 0.8)], "urgent", "yes"),
    ([], "urgent", None),
    ([("thank", 0.99), ("affirm", 0.003)], "filed_grievance", None),  # "thanks" is not a yes
    ([("hold_on", 0.6), ("deny", 0.25)], "urgent", None),  # "wait" is not a no
])
def test_polarity_comes_from_the_classifier(ranking, slot, expected):
    assert polarity(slot, ranking) == expected


@pytest.mark.parametrize("slot, said, text, value, others", [
    ("urgent", "no", "It is not urgent", "no", {}),
    ("urgent", "no", "no, it was months ago", "no", {}),
    ("urgent", "no", "we haven't appealed yet", None, {"filed_grievance": "no"}),
    ("urgent", "no", "not urgent and we never appealed", "no", {"filed_grievance": "no"}),
    ("filed_grievance", "no", "We did not appeal to the plan", "no", {}),
    ("plan_answered", "no", "They did not send anything", "no", {}),
    ("state_hearing", "yes", "I asked for a hearing", "yes", {}),
    ("coverage", "unsure", "I don't know if it's urgent", None, {"urgent": "unsure"}),
    ("urgent", None, "purple", None, {}),
])
def test_an_answer_goes_to_the_question_it_names(slot, said, text, value, others):
    assert answers_in(slot, said, text) == (value, others)


@pytest.mark.parametrize("text, expected", [
    ("no, it was months ago", "no"), ("yes, she is in a lot of pain", "yes"), ("No", "no"),
    ("nothing yet", None), ("not sure", None), ("purple", None), ("yesterday", None),
    # Spanish: "si" is also "if", so only a "si" before a pause is a yes; fillers are skipped
    ("sí ya apelé", "yes"), ("si, el doctor dice que no puede esperar", "yes"), ("pos si", "yes"),
    ("pues la verdad si, ya no aguanta", "yes"), ("si espero se pone peor", None),
    ("si no me dan la cita me muero del dolor", None), ("nel, nunca", "no"), ("pues no", "no"),
    ("pues no sé", None), ("la verdad no me acuerdo", None), ("simplemente no sé", None),
    ("nelson me ayudó", None), ("pues", None), ("sinceramente no", None),
    # typed long: "siii" is "sí", "nooo" is "no"; words that only look stretched are not answers
    ("siii, ya me contestaron", "yes"), ("Nooo!", "no"), ("yesss they did", "yes"),
    ("noon appointment", None), ("see you", None),
    # "simón" is Mexican slang for yes (as "nel" is for no), but only before a pause: a name else
    ("simón, ya apelamos", "yes"), ("simon", "yes"), ("Simón me ayudó con la carta", None),
])
def test_a_bare_yes_or_no_at_the_start_counts_when_the_model_names_no_answer(text, expected):
    assert polarity("urgent", [("faq", 0.99), ("case_status", 0.0), ("ask_why", 0.0)], text) == expected


@pytest.mark.parametrize("text, ranking, expected", [
    # the model unsure and leaning the other way: the opening word decides
    ("no he is fine otherwise, it's only for his sleep", [("affirm", 0.23), ("deny", 0.17)], "no"),
    ("no we didn't, i had no idea we could", [("unsure", 0.5), ("deny", 0.47)], "no"),
    # the model sure: it decides ("no wait, yes we did")
    ("no wait, yes we did", [("affirm", 0.8)], "yes"),
    # "no idea" is not a no, nor is a "no" that opens "not sure" in so many words
    ("no idea", [("unsure", 0.4)], "unsure"),
    ("no me acuerdo", [("unsure", 0.45), ("deny", 0.3)], "unsure"),
    ("no estoy segura, el consultorio iba a apelar", [("unsure", 0.4), ("deny", 0.35)], "unsure"),
    ("no sabría decirle", [("unsure", 0.3), ("deny", 0.5)], "unsure"),
    ("yes", [("affirm", 0.99)], "yes"),
])
def test_a_reply_that_opens_with_yes_or_no_means_it_unless_the_model_is_sure(text, ranking, expected):
    assert polarity("serious_condition", ranking, text) == expected


def test_topics_are_named_by_their_nouns_not_by_other_words():
    assert topics_named("I sent them an appeal letter") == {"filed_grievance"}
    assert topics_named("kaiser hmo") == frozenset()


@pytest.mark.parametrize("text, entities, expected", [
    ("kaiser hmo", ["kaiser"], Coverage.DMHC),
    ("Kaiser or another HMO", ["Kaiser"], Coverage.DMHC),
    ("blue shield", ["blue shield"], Coverage.DMHC),
    ("Medi-Cal", ["Medi-Cal"], Coverage.MEDI_CAL_MANAGED),
    ("medi-cal through LA Care", ["medi-cal", "LA Care"], Coverage.MEDI_CAL_MANAGED),
    ("regular medi-cal, no plan", [], Coverage.MEDI_CAL_FFS),
    ("Medicare", ["Medicare"], Coverage.MEDICARE),
    ("i have medicare and medi-cal", [], Coverage.DUAL),
    ("Job plan that is self-funded", [], Coverage.SELF_FUNDED),
    ("it's a ppo from the department of insurance", [], Coverage.CDI),
    ("TRICARE", [], Coverage.TRICARE), ("VA", ["VA"], Coverage.VA),
    ("workers comp", [], Coverage.WORKERS_COMP), ("covered california", [], Coverage.DMHC),
    ("Not sure", [], Coverage.UNKNOWN), ("purple", [], None),
    # the one table (bot/domain/coverage_terms.py): products and plan names decide the regulator
    ("kaiser senior advantage", [], Coverage.MEDICARE),
    ("SCAN health plan", [], Coverage.MEDICARE),
    ("Blue Shield PPO", ["Blue Shield"], Coverage.UNKNOWN),
    ("Anthem Blue Cross PPO", ["Anthem Blue Cross"], Coverage.UNKNOWN),
    ("I told you its medi-cal", [], Coverage.MEDI_CAL_MANAGED),
    ("cigna", [], Coverage.UNKNOWN), ("aetna through work", [], Coverage.UNKNOWN),
    ("I don't know, it's blue shield", [], Coverage.UNKNOWN),
    # Spanish: "medical" is what many call Medi-Cal; accents do not change a word
    ("el medical me lo da molina", [], Coverage.MEDI_CAL_MANAGED),
    ("las dos, medicare y medical", [], Coverage.DUAL),
    ("el medical group me lo negó", [], None),
    ("medi-cal del condado, sin ninguna compania", [], Coverage.MEDI_CAL_FFS),
    ("medi-cal pero no estoy en ningún plan", [], Coverage.MEDI_CAL_FFS),
    ("medi-cal pero no estoy en ningun plan", [], Coverage.MEDI_CAL_FFS),
])
def test_coverage(text, entities, expected):
    assert read_coverage(text, entities) == expected


@pytest.mark.parametrize("text, expected", [
    ("Not medically necessary", Problem.NOT_NECESSARY), ("they said I don't need it", Problem.NOT_NECESSARY),
    ("Experimental", Problem.EXPERIMENTAL), ("it's investigational", Problem.EXPERIMENTAL),
    ("Not covered by my plan", Problem.NOT_COVERED), ("A bill", Problem.BILLING),
    ("they won't pay my ER bill", Problem.EMERGENCY_CLAIM),
    ("can't get an appointment", Problem.SERVICE), ("Not sure", Problem.UNKNOWN), ("hmm", None),
    ("They want to discharge my mom too early", Problem.SERVICE),
    ("they said he doesn't need the therapy", Problem.NOT_NECESSARY),
])
def test_problem(text, expected):
    assert read_problem(text) == expected


@pytest.mark.parametrize("intents, expected", [
    # the intent reader says it is a denial story: the kind is read among the answers
    ([("describe_denial", 0.71), ("faq", 0.18)], Problem.NOT_NECESSARY),
    ([("nlu_fallback", 0.45), ("describe_urgent_problem", 0.6)], Problem.NOT_NECESSARY),
    # anything else: "none" stands, and nothing else names a problem
    ([("faq", 0.8), ("describe_denial", 0.1)], None),
    ([], None),
])
def test_a_denial_story_is_an_answer_even_when_the_kind_reader_calls_it_none(intents, expected):
    kinds = [("none", 0.56), ("not_medically_necessary", 0.25), ("emergency_claim", 0.12)]
    assert read_problem("me negaron la endoscopia q pidio el gastro", None, kinds, intents) == expected


def test_a_denial_story_split_between_kinds_is_asked_again():
    kinds = [("none", 0.5), ("service", 0.2), ("not_medically_necessary", 0.2), ("billing", 0.1)]
    assert read_problem("xyz", None, kinds, [("describe_denial", 0.9)]) is None


@pytest.mark.parametrize("text, unsure", [
    ("no sé", True), ("no se", True), ("pues no se, puede q si", True), ("no se si era eso", True),
    ("no se de q tipo", True), ("no me acuerdo", True), ("no sabria decirte", True),
    # the reflexive "se" is not "I don't know"
    ("ya no se levanta de la cama", False), ("no se puede", False), ("no se mueve", False),
])
def test_not_sure_in_so_many_words_in_spanish(text, unsure):
    assert answers.looks_unsure(text) is unsure


def test_the_models_topic_answers_when_no_words_do():
    assert read_problem("the letter says it's still being studied", "faq/experimental") == Problem.EXPERIMENTAL
    assert read_problem("They want to discharge my mom too early", "faq/bill_for_care") == Problem.SERVICE


@pytest.mark.parametrize("text, gives_reason", [
    ("Kaiser denied my MRI", False), ("my plan said no to my surgery", False),
    ("they said the MRI is not medically necessary", True), ("the drug is experimental", True),
])
def test_only_a_stated_reason_is_taken_from_a_first_message(text, gives_reason):
    assert states_reason(text) is gives_reason


def test_every_coverage_and_problem_button_is_readable():
    """Yes/No/Not sure buttons are read by the model (tests/e2e); these by name."""
    readers = {"coverage": lambda t: read_coverage(t, []), "problem": read_problem}
    for slot, reader in readers.items():
        for button in QUESTIONS[slot].buttons:
            assert reader(button) is not None, (slot, button)


@pytest.mark.parametrize("text, phrase", [
    ("no, the decision came in May", "May"), ("the letter was dated Oct 3", "Oct 3"),
    ("3 weeks ago", "3 weeks ago"), ("I filed it on Oct 5", "Oct 5"),
])
def test_date_phrase(text, phrase):
    assert date_phrase(text) == phrase


SLOTS = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
         "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-10-05"}


@pytest.mark.parametrize("text, said, kind, updates", [
    ("Yes", "yes", CONFIRMED, {}), ("yes that's right", "yes", CONFIRMED, {}),
    ("yes, that's what the letter said", "yes", CONFIRMED, {}),
    ("no, the decision came in May", "no", CHANGED, {"decision_date": "2026-05-01"}),
    ("the letter was dated Oct 3", None, CHANGED, {"decision_date": "2026-10-03"}),
    ("actually it's Medi-Cal", None, CHANGED, {"coverage": "medi_cal_managed"}),
    ("change the urgent answer", None, CHANGED, {"urgent": None}),
    (CHANGE_PREFIX + "plan_answered", None, CHANGED, {"plan_answered": None}),
    ("Change an answer", None, ASK_WHICH, {}), ("no", "no", ASK_WHICH, {}),
    ("purple", None, UNCLEAR, {}),
])
def test_confirmation_replies(text, said, kind, updates):
    reply = read_confirmation(text, SLOTS, TODAY, said=said)
    assert (reply.kind, reply.updates) == (kind, updates)


@pytest.mark.parametrize("text, expected", [
    ("yes we appealed in september", date(2026, 9, 1)),
    ("they denied it again last month", date(2026, 10, 29)),
    ("yes", None), ("we appealed", None),
])
def test_a_date_said_along_with_an_answer(text, expected):
    assert find_date(text, TODAY) == expected


@pytest.mark.parametrize("text, about, expected", [
    # the date first, in the middle or last, in either language
    ("yesterday i sent it through their website", mentions_grievance, date(2026, 11, 28)),
    ("ayer en la noche la mandé por correo", mentions_grievance, date(2026, 11, 28)),
    ("antier me llamaron para decirme", mentions_decision, date(2026, 11, 27)),
    ("el 3 de mayo, lo sé porque era el día de la madre", mentions_grievance, date(2026, 5, 3)),
    ("el día 9 de junio la tengo en un sobre", mentions_decision, date(2026, 6, 9)),
    ("el 2 de febrero del 2026 la mandé yo misma", mentions_grievance, date(2026, 2, 2)),
    ("October 2nd, right after my surgery", mentions_grievance, date(2026, 10, 2)),
    ("we mailed it on november 3 with all the papers", mentions_grievance, date(2026, 11, 3)),
    ("la carta llegó hace 6 días diciendo que no otra vez", mentions_decision, date(2026, 11, 23)),
    # how long something lasted, or a month alone, is not the day asked for
    ("she was in the hospital two weeks and then we appealed on oct 20", mentions_grievance,
     date(2026, 10, 20)),
    ("estuvo internado un mes, la queja la pusimos hace 10 días", mentions_grievance, date(2026, 11, 19)),
    # two days named: the one in the part about the grievance, or the decision
    ("the plan said no on sept 4, but i filed the appeal 3 weeks ago", mentions_grievance, date(2026, 11, 8)),
    ("apelé el 1 de octubre y la carta con la decisión llegó hace 5 días", mentions_decision,
     date(2026, 11, 24)),
    # two days and nothing says which: asked again rather than guessed
    ("oct 1 or maybe oct 15", mentions_grievance, None),
    # "and a half" is not cut off, nor "treinta y uno" (days in words are read only as a whole answer)
    ("the plan said no a month and a half ago", mentions_decision, None),
    ("la mandé el treinta y uno de octubre, creo", mentions_grievance, None),
    ("we sent it on october 5 of last year after the surgery", mentions_grievance, None),
    # no date, or a verb that is also a month
    ("may i send it again?", mentions_grievance, None), ("no me acuerdo, mi esposo lo hizo", mentions_grievance, None),
    ("la mandé por correo", mentions_grievance, None), ("in september sometime", mentions_grievance, None),
])
def test_a_date_anywhere_in_an_answer_told_as_a_story(text, about, expected):
    assert date_in_story(text, TODAY, about) == expected


@pytest.mark.parametrize("text, expected", [
    ("appealed in october, they said no on nov 20, what now", date(2026, 11, 20)),
    ("apelé en octubre y me contestaron el 20 de noviembre", date(2026, 11, 20)),
    # one date, not cut at its "and" / "y": "a month" alone would be a different day
    ("we appealed a month and a half ago", None), ("apelamos hace un mes y medio", None),
])
def test_the_last_date_of_a_story_is_read_whole(text, expected):
    assert last_date_in(text, TODAY) == expected


def test_ok_confirms_the_summary():
    assert read_confirmation("ok", SLOTS, TODAY).kind == CONFIRMED



@pytest.mark.parametrize("text, kinds, expected", [
    ("we appealed and they said no again on november 20", [("answered", 0.9)],
     {"filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-11-20"}),
    ("appealed in october, they said no on nov 20, so what now", [("answered", 0.9)],
     {"filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-11-20"}),
    ("we appealed and they upheld it", [("answered", 0.8)],
     {"filed_grievance": "yes", "plan_answered": "yes"}),
    ("i filed a grievance on october 1 and nothing yet", [("waiting", 0.9)],
     {"filed_grievance": "yes", "plan_answered": "no", "grievance_date": "2026-10-01"}),
    ("we never appealed", [("not_filed", 0.95)], {"filed_grievance": "no"}),
    ("kaiser denied my mri", [("unstated", 0.9)], {}),
    # not sure enough: the check asks
    ("they sort of answered i guess", [("answered", 0.55), ("waiting", 0.4)], {}),
    ("hello", [], {}),
])
def test_the_appeal_stage_a_story_gives_fills_the_grievance_questions(text, kinds, expected):
    assert answers.read_appeal_stage(text, kinds, TODAY) == expected
