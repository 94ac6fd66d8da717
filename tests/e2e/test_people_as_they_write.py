"""Issue 7 over REST against the real servers: each reply a person gets for the messages and
conversations that went wrong, read for what they must and must not say.

A turn is (what the person types, patterns the reply must contain, patterns it must not).
"""
from __future__ import annotations

import re
from datetime import date
from typing import List, Sequence, Tuple

import pytest

from bot.domain.contacts import line
from bot.domain.dates import add_days, say_date, today_in_california
from bot.eligibility.questions import QUESTIONS
from bot.domain.conversation_texts import PRIVATE_DETAILS

HC = re.escape(line("help_center"))
TDD = re.escape(line("help_center_tdd"))
Q = {slot: re.escape(q.text) for slot, q in QUESTIONS.items()}
SUMMARY = r"Here is what I understood"
EMERGENCY_LINE = r"\b911\b"
CRISIS_LINE = r"\b988\b"
Turn = Tuple[str, List[str], List[str]]


def talk(bot, person: str, turns: Sequence[Turn]) -> None:
    for message, must, must_not in turns:
        reply = bot.say(person, message)
        for pattern in must:
            assert re.search(pattern, reply, re.I), f"after {message!r}: /{pattern}/ not in:\n{reply}"
        for pattern in must_not:
            assert not re.search(pattern, reply, re.I), f"after {message!r}: /{pattern}/ in:\n{reply}"


@pytest.mark.parametrize("message, must, must_not", [
    # Safety that does not cry wolf
    ("My plan has been unresponsive to my grievance for 45 days", [r"30 days|IMR|Independent Medical Review"], [EMERGENCY_LINE]),
    ("I had to call an ambulance last month and now they won't pay", [HC], [EMERGENCY_LINE]),
    # Told that it is not urgent, with nothing asked yet: never "This sounds urgent"
    ("it is not urgent, he can wait a couple weeks", [], [r"sounds urgent", EMERGENCY_LINE]),
    ("no es urgente, mi papá puede esperar un mes sin problema", [], [r"parece urgente", EMERGENCY_LINE]),
    ("My daughter has a seizure disorder and the plan denied her medication", [r"grievance"], [EMERGENCY_LINE]),
    # Spanish crisis and emergency get the line in Spanish
    ("ya no quiero vivir", [CRISIS_LINE, r"oprima el 2|AYUDA"], [r"Is there anything else"]),
    ("tengo un dolor en el pecho muy fuerte ahora mismo", [EMERGENCY_LINE, r"emergencia"], []),
    # Stories and requests go to the right path, not a random FAQ
    ("My mother is in critical need of life-saving surgery that has already been postponed three "
     "times and the surgeon says she cannot wait much longer", [r"urgent|grievance|Help Center"], [r"It's free"]),
    # Not yet answered outright: the model is unsure and confirms the denial path first.
    ("I want to appeal a denial", [r"grievance|check where your case goes|Let's check"],
     [r"916-255-5241"]),
    ("my HMO denied my sleep study, can I get an independent review?", [r"grievance|IMR|Independent Medical Review"],
     [r"reviewers are not your plan's doctors"]),
    # A complaint about an agent, not a denial; never Covered California.
    ("an insurance agent pocketed the premiums I paid him", [r"[Cc]omplaint"], [r"Covered California"]),
    # A person, a case we cannot see, private details
    ("transfer me to a live agent", [HC, TDD], [r"didn't quite get that"]),
    ("operator", [HC], [r"didn't quite get that"]),
    ("can I talk to a person instead?", [HC, TDD], [r"Authorized Assistant"]),
    ("I already filed an IMR, what's the status of my case?", [r"can't see your case", HC], [r"six months"]),
    ("Kaiser denied my knee surgery. My member ID is 123456789 and my phone is 916-555-0142",
     [re.escape(PRIVATE_DETAILS[:40]), r"grievance"], []),
    # Answers that were never said
    ("I'm deaf, how do I reach the Help Center?", [TDD], []),
    ("what are the help center's hours", [r"24 hours"], []),
    ("can I get an IMR for my son's autism therapy", [r"autism|ABA"], []),
    ("if I skip the IMR can I still sue my plan", [r"sue|court"], []),
    ("my daughter wants to file the complaint for me", [r"Authorized Assistant Form"], []),
])
def test_first_message(bot, sender, message, must, must_not):
    talk(bot, sender(), [(message, must, must_not)])


def test_medi_cal_appeal_deadline_is_said_as_a_date(bot, sender):
    today = today_in_california()
    letter = date(today.year if (today.month, today.day) >= (10, 20) else today.year - 1, 10, 20)
    talk(bot, sender(), [(
        "how many days do I have to appeal to my medi-cal plan? the denial letter is dated october 20",
        [r"60 days", re.escape(say_date(add_days(letter, 60)))], [])])


CONVERSATIONS = {
    "typed negations are read as no": [
        ("can you check if i qualify for an imr", [Q["coverage"]], []),
        ("I get a Kaiser HMO from my employer", [Q["problem"]], []),
        ("they said it is not medically necessary", [Q["urgent"]], []),
        ("It is not urgent", [Q["filed_grievance"]], [CRISIS_LINE, EMERGENCY_LINE]),
        ("We did not appeal to the plan", [SUMMARY, r"Grievance filed with the plan: no"], [Q["plan_answered"]]),
        ("yes", [r"grievance", r"30 days"], []),
    ],
    "the plan never answered": [
        ("check my case", [Q["coverage"]], []),
        ("blue shield hmo", [Q["problem"]], []),
        ("not medically necessary", [Q["urgent"]], []),
        ("no it's not", [Q["filed_grievance"]], []),
        ("yes", [Q["plan_answered"]], []),
        ("They did not send anything", [Q["grievance_date"]], [Q["decision_date"]]),
    ],
    "discharge is not a bill": [
        ("check my case", [Q["coverage"]], []),
        ("kaiser", [Q["problem"]], []),
        ("They want to discharge my mom too early", [], [r"bill", r"payment problem"]),
    ],
    "a reply to the summary that agrees keeps the date": [
        ("check my case", [Q["coverage"]], []),
        ("kaiser hmo", [Q["problem"]], []),
        ("not medically necessary", [Q["urgent"]], []),
        ("no", [Q["filed_grievance"]], []),
        ("yes", [Q["plan_answered"]], []),
        ("yes they denied it again", [Q["decision_date"]], []),
        ("two weeks ago", [SUMMARY], []),
        ("yes, that's what the letter said", [r"Independent Medical Review|IMR"], [Q["decision_date"]]),
    ],
    "clicking yes after a denial does not ask the plan again": [
        ("Kaiser denied my MRI", [r"check where your case goes"], []),
        ("/check_eligibility", [Q["problem"]], [Q["coverage"]]),
    ],
    "a hedge about urgency is not a crisis": [
        ("check my case", [Q["coverage"]], []),
        ("kaiser hmo", [Q["problem"]], []),
        ("they said he doesn't need the therapy", [Q["urgent"]], []),
        ("i'm not sure, he is having more meltdowns without it but nobody is in danger",
         [Q["filed_grievance"]], [CRISIS_LINE, EMERGENCY_LINE]),
    ],
    "words of suicide mid-check pause it, then it goes on": [
        ("check my case", [Q["coverage"]], []),
        ("kaiser hmo", [Q["problem"]], []),
        ("i just want to kill myself", [CRISIS_LINE, r"go on"], []),
        ("yes", [Q["problem"]], []),
    ],
    "thanks, wait and a person mid-check": [
        ("check my case", [Q["coverage"]], []),
        ("thanks", [r"welcome", Q["coverage"]], [r"didn't catch"]),
        ("hold on let me grab my card", [r"take your time"], [r"didn't catch"]),
        ("kaiser hmo", [Q["problem"]], []),
        ("can i talk to a real person", [HC, TDD, r"Kaiser|HMO", Q["problem"]], []),
    ],
    "a dated letter answers the decision date too": [
        ("check my case", [Q["coverage"]], []),
        ("kaiser hmo", [Q["problem"]], []),
        ("not medically necessary", [Q["urgent"]], []),
        ("no", [Q["filed_grievance"]], []),
        ("yes", [Q["plan_answered"]], []),
        ("they said no in a letter on september 15", [SUMMARY], [Q["decision_date"]]),
    ],
    "an appeal the story already tells is not asked again": [
        ("Kaiser turned down my sons MRI, we appealed in october and they said no again in a "
         "letter dated november 20", [r"check where your case goes"], []),
        ("/check_eligibility", [Q["problem"]], [Q["coverage"]]),
        ("not medically necessary", [Q["urgent"]], []),
        ("no", [SUMMARY, r"Grievance filed with the plan: yes", r"November 20"],
         [Q["filed_grievance"], Q["plan_answered"], Q["decision_date"]]),
    ],
    "medicare advantage by its product name": [
        ("check my case", [Q["coverage"]], []),
        ("kaiser senior advantage", [SUMMARY, r"Medicare"], [r"HMO or other plan under the DMHC"]),
    ],
    "no loop after an urgent problem": [
        ("they keep delaying my dad's surgery and he is getting worse", [r"urgent"], []),
        ("yes it is urgent", [r"Let's check"], [r"This sounds urgent"]),
    ],
    "yes check starts the check": [
        ("Health Net denied my CT scan", [r"check where your case goes"], []),
        ("yes check", [r"Let's check"], []),
    ],
    "yes to anything else asks what, not the same question": [
        ("no thanks", [r"anything else"], []),
        ("yes", [r"What would you like help with"], [r"Is there anything else"]),
    ],
}


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_conversation(bot, sender, name):
    talk(bot, sender(), CONVERSATIONS[name])
