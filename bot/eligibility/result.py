"""Write an eligibility Outcome as the messages a person reads on a phone, at most three:

1. the path and its date first ("Apply for an IMR by April 5, 2027"), why, and what to do;
2. what to gather and how long it takes, and a case summary to paste into the form;
3. the phone numbers (and where to mail the form), then "anything else?".

Numbers come from bot/domain/contacts.py; the words from the Outcome, which
bot.eligibility.rules.decide says in the conversation's language (texts.py, or texts_es.py for "es").
"""
from __future__ import annotations

from typing import Dict, List

from bot.domain.contacts import MAIL_ADDRESS, PHONE_LINES
from bot.eligibility.rules import Case, Outcome, Route
from bot.eligibility.texts import case_summary, words

MAX_MESSAGES = 3
# The words around the result, in each language.
RESULT_WORDS: Dict[str, Dict[str, str]] = {
    "en": {
        "good_to_know": "Good to know:",
        "summary": "A short summary you can paste into the form:",
        "phones": "Phone numbers:",
        "mail": "Mail the form to:",
        "anything_else": "Is there anything else I can help you with?",
    },
    "es": {
        "good_to_know": "Para tener en cuenta:",
        "summary": "Un resumen corto que puede pegar en el formulario:",
        "phones": "Teléfonos:",
        "mail": "Envíe el formulario por correo a:",
        "anything_else": "¿Hay algo más en que pueda ayudarle?",
    },
}
ANYTHING_ELSE = RESULT_WORDS["en"]["anything_else"]

# Routes where a summary for the IMR/Complaint form helps.
_FORM_ROUTES = {Route.IMR, Route.IMR_LATE, Route.COMPLAINT, Route.MEDI_CAL_BOTH, Route.URGENT}
# Routes where the person sends the form now (so where to mail it is useful).
_SENDS_FORM = _FORM_ROUTES - {Route.URGENT}


def _language(language: str) -> str:
    return "es" if language == "es" else "en"


def _bullets(lines) -> str:
    return "\n".join(f"• {line}" for line in lines)


def phone_name(key: str, language: str = "en") -> str:
    """A phone line's name as the person reads it ("DMHC Help Center", "Centro de Ayuda del DMHC")."""
    if _language(language) == "es":
        return words("es").PHONE_NAMES[key]
    return PHONE_LINES[key].name


def _phone(key: str, language: str = "en") -> str:
    notes = words(language).PHONE_NOTES
    name = phone_name(key, language)
    # "Health Consumer Alliance (Alianza de Consumidores de Salud), ayuda gratuita ...": one pair of brackets
    note = "" if key not in notes else f", {notes[key]}" if name.endswith(")") else f" ({notes[key]})"
    return f"• {name}{note}: {PHONE_LINES[key].number}"


def result_messages(case: Case, outcome: Outcome, language: str = "en") -> List[str]:
    """The result as at most three short messages, ending with "anything else?".

    The outcome must be decided in the same language (decide(case, today, language)): its texts
    are said as they are, and only the words around them, the summary and phone names come from here.
    """
    language = _language(language)
    said = RESULT_WORDS[language]
    messages = [f"{outcome.title}\n{outcome.reason}\n{_bullets(outcome.steps)}"]
    middle = []
    if outcome.details:
        middle.append(f"{said['good_to_know']}\n" + _bullets(outcome.details))
    if outcome.route in _FORM_ROUTES:
        middle.append(f"{said['summary']}\n\"" + case_summary(case, outcome, language) + "\"")
    if middle:
        messages.append("\n\n".join(middle))
    last = f"{said['phones']}\n" + "\n".join(_phone(k, language) for k in outcome.phones if k in PHONE_LINES)
    if outcome.route in _SENDS_FORM:
        last += f"\n{said['mail']} {MAIL_ADDRESS}"
    messages.append(f"{last}\n\n{said['anything_else']}")
    return messages
