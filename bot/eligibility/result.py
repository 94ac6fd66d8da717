"""Write an eligibility Outcome as the messages a person reads on a phone, at most three:

1. the path and its date first ("Apply for an IMR by April 5, 2027"), why, and what to do;
2. what to gather and how long it takes, and a case summary to paste into the form;
3. the phone numbers (and where to mail the form), then "anything else?".

Numbers come from bot/domain/contacts.py; the words from bot/eligibility/texts.py.
"""
from __future__ import annotations

from typing import List

from bot.domain.contacts import MAIL_ADDRESS, PHONE_LINES
from bot.eligibility.rules import Case, Outcome, Route, case_summary
from bot.eligibility.texts import PHONE_NOTES

MAX_MESSAGES = 3
ANYTHING_ELSE = "Is there anything else I can help you with?"

# Routes where a summary for the IMR/Complaint form helps.
_FORM_ROUTES = {Route.IMR, Route.IMR_LATE, Route.COMPLAINT, Route.MEDI_CAL_BOTH, Route.URGENT}
# Routes where the person sends the form now (so where to mail it is useful).
_SENDS_FORM = _FORM_ROUTES - {Route.URGENT}


def _bullets(lines) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _phone(key: str) -> str:
    line = PHONE_LINES[key]
    note = f" ({PHONE_NOTES[key]})" if key in PHONE_NOTES else ""
    return f"• {line.name}{note}: {line.number}"


def result_messages(case: Case, outcome: Outcome) -> List[str]:
    """The result as at most three short messages, ending with "anything else?"."""
    messages = [f"{outcome.title}\n{outcome.reason}\n{_bullets(outcome.steps)}"]
    middle = []
    if outcome.details:
        middle.append("Good to know:\n" + _bullets(outcome.details))
    if outcome.route in _FORM_ROUTES:
        middle.append("A short summary you can paste into the form:\n\"" + case_summary(case, outcome) + "\"")
    if middle:
        messages.append("\n\n".join(middle))
    last = "Phone numbers:\n" + "\n".join(_phone(k) for k in outcome.phones if k in PHONE_LINES)
    if outcome.route in _SENDS_FORM:
        last += f"\nMail the form to: {MAIL_ADDRESS}"
    messages.append(f"{last}\n\n{ANYTHING_ELSE}")
    return messages
