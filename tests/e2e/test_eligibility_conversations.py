"""Full eligibility checks typed as a person would, over REST against the real servers.

Each turn is (what the person types, patterns the reply must contain). Dates are relative to
today in California, as the bot computes them.
"""
from __future__ import annotations

import re
from datetime import timedelta
from typing import List, Sequence, Tuple

import pytest

from bot.domain.contacts import line
from bot.domain.dates import (add_days, add_months, medi_cal_hearing_deadline, parse_past_date, say_date,
                       today_in_california)
from bot.eligibility.questions import QUESTIONS

TODAY = today_in_california()
HC = re.escape(line("help_center"))
Q = {slot: re.escape(q.text) for slot, q in QUESTIONS.items()}
SUMMARY = r"Here is what I understood"
Turns = Sequence[Tuple[str, List[str]]]


def days_ago(n: int):
    return TODAY - timedelta(days=n)


LAST_MONTH = parse_past_date("last month", TODAY).value

CONVERSATIONS = {
    "\"I don't know what to do\" at the offer after a denial starts the check": [
        ("Kaiser denied my knee surgery", [r"check where your case goes"]),
        ("honestly i don't know what to do", [r"Let's check", Q["problem"]]),
    ],
    "\"maybe later\" at the offer after a denial does not start the check, and says how to": [
        ("Blue Shield won't approve my sleep study", [r"check where your case goes"]),
        ("maybe later, i have to go to work", [r"check my case", HC]),
        ("check my case", [r"Let's check", Q["coverage"]]),
    ],
    "a cooperative person answering in plain words, dates inside the answers": [
        ("my daughter's therapist says she needs residential treatment but blue shield said it's "
         "not medically necessary", [r"check where your case goes"]),
        ("yes", [Q["urgent"]]),
        ("no, it can wait a few weeks", [Q["filed_grievance"]]),
        ("yes we appealed in september", [Q["plan_answered"]]),
        ("they denied it again last month", [SUMMARY, say_date(LAST_MONTH)]),
        ("yes", [r"Independent Medical Review", say_date(add_months(LAST_MONTH, 6))]),
    ],
    "kaiser denial from the first message to an IMR with its deadline": [
        ("Kaiser denied the MRI my doctor ordered", [r"grievance", r"check where your case goes"]),
        # Kaiser is known from the first message; the plan's reason was not said, so it is asked.
        ("yes please", [r"Let's check", Q["problem"]]),
        ("they said it's not medically necessary", [Q["urgent"]]),
        ("no", [Q["filed_grievance"]]),
        ("yeah i did", [Q["plan_answered"]]),
        ("yes, they said no again", [Q["decision_date"]]),
        ("45 days ago", [SUMMARY, r"Kaiser|HMO", say_date(days_ago(45))]),
        ("yes", [r"Independent Medical Review", say_date(add_months(days_ago(45), 6)),
                 r"paste into the form", HC, r"anything else"]),
    ],
    "explicit request, Medicare goes to Medicare": [
        ("do I qualify for an IMR?", [Q["coverage"]]),
        ("medicare", [SUMMARY, r"Medicare"]),
        ("yes", [r"1-800-633-4227", r"HICAP", HC]),
    ],
    "experimental treatment skips the grievance": [
        ("can you check my case", [Q["coverage"]]),
        ("blue shield", [Q["problem"]]),
        ("they said it's experimental", [Q["urgent"]]),
        ("no", [Q["serious_condition"]]),
        ("yes", [Q["decision_date"]]),
        ("Oct 5", [SUMMARY]),
        ("that's right", [r"Independent Medical Review", r"do not need|don't need|not needed|no (plan )?grievance"]),
    ],
    "grievance filed ten days ago: come back on day 30": [
        ("check if my complaint qualifies", [Q["coverage"]]),
        ("kaiser hmo", [Q["problem"]]),
        ("not medically necessary", [Q["urgent"]]),
        ("nope", [Q["filed_grievance"]]),
        ("yes", [Q["plan_answered"]]),
        ("not yet", [Q["grievance_date"]]),
        ("10 days ago", [SUMMARY]),
        ("yes", [say_date(add_days(days_ago(10), 30)), HC]),
    ],
    "no answer after 45 days: apply now": [
        ("am I eligible for an independent medical review", [Q["coverage"]]),
        ("Anthem", [Q["problem"]]),
        ("Not medically necessary", [Q["urgent"]]),
        ("No", [Q["filed_grievance"]]),
        ("Yes", [Q["plan_answered"]]),
        ("No", [Q["grievance_date"]]),
        ("45 days ago", [SUMMARY]),
        ("Yes, that's right", [r"Independent Medical Review", r"30 days", HC]),
    ],
    "no grievance yet: file with the plan first": [
        ("help me figure out where my problem goes", [Q["coverage"]]),
        ("health net", [Q["problem"]]),
        ("they said its not medically necessary", [Q["urgent"]]),
        ("no", [Q["filed_grievance"]]),
        ("no i haven't", [SUMMARY]),
        ("yes", [r"grievance", r"30 days", line("hca")]),
    ],
    "urgent: call now": [
        ("check my case please", [Q["coverage"]]),
        ("kaiser", [Q["problem"]]),
        ("not medically necessary", [Q["urgent"]]),
        ("yes it's urgent", [SUMMARY]),
        ("yes", [r"[Uu]rgent", HC, r"3 days"]),
    ],
    "decision eight months ago: apply anyway, late filing possible": [
        ("do i qualify for an imr", [Q["coverage"]]),
        ("Kaiser or another HMO", [Q["problem"]]),
        ("Not medically necessary", [Q["urgent"]]),
        ("No", [Q["filed_grievance"]]),
        ("Yes", [Q["plan_answered"]]),
        ("Yes", [Q["decision_date"]]),
        ("8 months ago", [SUMMARY]),
        ("Yes", [r"special circumstances", HC]),
    ],
    "a bill goes to a Consumer Complaint after the plan": [
        ("can you check where my complaint goes", [Q["coverage"]]),
        ("it's an hmo", [Q["problem"]]),
        ("A bill", [Q["filed_grievance"]]),
        ("no", [SUMMARY]),
        ("yes", [r"grievance", r"in-network|deductible|co-pay", HC]),
    ],
    "Medi-Cal managed care: IMR and State Hearing, order matters": [
        ("am i eligible for an imr", [Q["coverage"]]),
        ("medi-cal through LA Care", [Q["problem"]]),
        ("not medically necessary", [Q["urgent"]]),
        ("no", [Q["state_hearing"]]),
        ("no", [Q["filed_grievance"]]),
        ("yes", [Q["plan_answered"]]),
        ("yes", [Q["decision_date"]]),
        ("2 weeks ago", [SUMMARY]),
        ("yes", [r"State Hearing", say_date(medi_cal_hearing_deadline(days_ago(14)))]),
    ],
    "self-funded job plan goes to the Department of Labor": [
        ("can you check my case", [Q["coverage"]]),
        ("Job plan that is self-funded", [SUMMARY]),
        ("yes", [re.escape(line("ebsa")), HC]),
    ],
    "not sure of the plan type: how to find out": [
        ("do i qualify for independent review", [Q["coverage"]]),
        ("no idea", [Q["problem"]]),
        ("not medically necessary", [Q["urgent"]]),
        ("no", [Q["filed_grievance"]]),
        ("no", [SUMMARY]),
        ("yes", [r"Evidence of Coverage", HC]),
    ],
    "a question mid-way is answered, then the same question again; then a correction": [
        ("check my case", [Q["coverage"]]),
        ("kaiser", [Q["problem"]]),
        ("wait, does an IMR cost anything?", [r"free", Q["problem"]]),
        ("not medically necessary", [Q["urgent"]]),
        ("why do you ask?", [re.escape(QUESTIONS["urgent"].why), Q["urgent"]]),
        ("no", [Q["filed_grievance"]]),
        ("yes", [Q["plan_answered"]]),
        ("yes", [Q["decision_date"]]),
        ("last week", [SUMMARY]),
        ("no, the decision came in October", [SUMMARY, r"October"]),
        ("yes", [r"Independent Medical Review"]),
    ],
    "two bad answers get the question explained and the Help Center": [
        ("check my case", [Q["coverage"]]),
        ("purple", [r"didn't catch", Q["coverage"]]),
        ("purple again", [re.escape(QUESTIONS["coverage"].rephrase), HC]),
        ("stop", [r"stopped the check"]),
    ],
    "start over restarts the questions": [
        ("check my case", [Q["coverage"]]),
        ("kaiser", [Q["problem"]]),
        ("start over", [r"Let's check", Q["coverage"]]),
    ],
}


def talk(bot, person: str, turns: Turns) -> None:
    for message, patterns in turns:
        reply = bot.say(person, message)
        for pattern in patterns:
            assert re.search(pattern, reply), f"after {message!r}: /{pattern}/ not in:\n{reply}"


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_conversation(bot, sender, name):
    talk(bot, sender(), CONVERSATIONS[name])
