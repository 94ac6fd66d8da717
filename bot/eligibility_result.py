"""Write an eligibility Outcome as the messages a person reads: the path and why, the steps,
the dates, a case summary to paste into the form, and the phone lines.

Messages are kept short for a phone screen; numbers come from bot/contacts.py.
"""
from __future__ import annotations

from typing import List

from bot.contacts import PHONE_LINES
from bot.dates import say_date
from bot.eligibility import Case, Outcome, Route, case_summary

# Routes where a summary for the IMR/Complaint form helps.
_FORM_ROUTES = {Route.IMR, Route.IMR_LATE, Route.COMPLAINT, Route.MEDI_CAL_BOTH, Route.URGENT}


def result_messages(case: Case, outcome: Outcome) -> List[str]:
    """The result as a few short messages, ending with "anything else?"."""
    messages = [f"{outcome.title}\n{outcome.reason}"]
    steps = "\n".join(f"• {step}" for step in outcome.steps)
    messages.append(f"What to do next:\n{steps}")
    if outcome.dates:
        messages.append("Your dates:\n" + "\n".join(
            f"• {label}: {say_date(day)}" for label, day in outcome.dates))
    if outcome.route in _FORM_ROUTES:
        messages.append("A short summary you can paste into the form:\n\"" + case_summary(case, outcome) + "\"")
    phones = "\n".join(f"• {PHONE_LINES[key].name}: {PHONE_LINES[key].number}"
                       for key in outcome.phones if key in PHONE_LINES)
    messages.append(f"Phone numbers:\n{phones}")
    messages.append("Is there anything else I can help you with?")
    return messages
