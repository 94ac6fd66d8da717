"""The check's own words around the questions, in English and Spanish: starting, "why do you
ask?" with no question pending, the summary shown before the result and its buttons, and the
short replies when an answer was not understood.

The English texts are the ones actions/eligibility_dialogue.py and actions/eligibility_form.py
say today, word for word, so those actions can take them from here with the conversation's
language.
"""
from __future__ import annotations

from typing import Dict, Sequence, Tuple

# (title, payload) of the buttons under the summary. A Spanish button sends its own title;
# bot.eligibility.questions.english_button reads it as the English payload.
Buttons = Tuple[Tuple[str, str], ...]

_TEXTS: Dict[str, Dict[str, str]] = {
    "en": {
        "start": "Let's check where your problem goes. I'll ask a few short questions; you can say "
                 "\"stop the check\" or \"start over\" at any time.",
        "why_general": "I ask only what I need to tell you where your problem goes.",
        "confirm": "Here is what I understood:\n{lines}\nIs that right?",
        "which_answer": "Which answer should I change? Tap one, or type the right answer "
                        "(for example: \"the decision came in May\").",
        "confirm_unclear": "Sorry, I didn't catch that. Is the summary right?",
        "not_caught": "Sorry, I didn't catch that.",
        "noted": "Thanks, I noted that.",
    },
    "es": {
        "start": "Veamos a dónde va su problema. Le haré unas preguntas cortas; puede decir "
                 "\"parar la revisión\" o \"empezar de nuevo\" en cualquier momento.",
        "why_general": "Solo pregunto lo que necesito para decirle a dónde va su problema.",
        "confirm": "Esto es lo que entendí:\n{lines}\n¿Es correcto?",
        "which_answer": "¿Qué respuesta debo cambiar? Toque una, o escriba la respuesta correcta "
                        "(por ejemplo: \"la decisión llegó en mayo\").",
        "confirm_unclear": "Lo siento, no le entendí. ¿El resumen es correcto?",
        "not_caught": "Lo siento, no le entendí.",
        "noted": "Gracias, lo anoté.",
    },
}
CONFIRM_BUTTONS: Dict[str, Buttons] = {
    "en": (("Yes, that's right", "Yes"), ("Change an answer", "Change an answer")),
    "es": (("Sí, es correcto", "Sí, es correcto"), ("Cambiar una respuesta", "Cambiar una respuesta")),
}


def _language(language: str) -> str:
    return "es" if language == "es" else "en"


def text(key: str, language: str = "en") -> str:
    """One of the texts above ("start", "why_general", "which_answer", "confirm_unclear",
    "not_caught", "noted") in the conversation's language."""
    return _TEXTS[_language(language)][key]


def confirm_summary(lines: Sequence[str], language: str = "en") -> str:
    """ "Here is what I understood: • ... Is that right?" around the summary lines."""
    bullets = "\n".join(f"• {line}" for line in lines)
    return _TEXTS[_language(language)]["confirm"].format(lines=bullets)


def confirm_buttons(language: str = "en") -> Buttons:
    """The (title, payload) buttons under the summary."""
    return CONFIRM_BUTTONS[_language(language)]
