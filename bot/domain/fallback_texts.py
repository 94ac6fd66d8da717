"""What the assistant says when it does not understand (the two stages of the fallback)."""
from __future__ import annotations

from bot.domain.contacts import line

ASK_REPHRASE = (
    "Sorry, I didn't quite get that. Could you say it another way? For example: "
    '"My plan denied my surgery" or "How do I file a complaint?"'
)
GIVE_UP = (
    "Sorry, I still don't understand. Please call the DMHC Help Center at "
    f"{line('help_center')} (TDD {line('help_center_tdd')}). They can help in many languages."
)

# Said first when the message was unclear but might be a crisis or an emergency.
SAFETY_JUST_IN_CASE = (
    f"If you or someone with you is in danger right now, call {line('emergency')}. If you are "
    f"thinking about hurting yourself, call or text {line('crisis')} any time."
)


ASK_REPHRASE_ES = (
    "Perdone, no le entendí bien. ¿Puede decirlo de otra forma? Por ejemplo: "
    '"Mi plan negó mi cirugía" o "¿Cuánto cuesta una IMR?"'
)
GIVE_UP_ES = (
    "Perdone, todavía no le entiendo. Llame al Centro de Ayuda del DMHC al "
    f"{line('help_center')} (TDD {line('help_center_tdd')}). Le atienden en español."
)
SAFETY_JUST_IN_CASE_ES = (
    f"Si usted o alguien con usted está en peligro ahora mismo, llame al {line('emergency')}. "
    f"Si está pensando en hacerse daño, llame o envíe un mensaje de texto al {line('crisis')} "
    "a cualquier hora (hay ayuda en español)."
)


def did_you_mean(title: str, language: str = "en") -> str:
    """The first-stage question, naming the topic in plain words."""
    if language == "es":
        return f"No estoy seguro de haberle entendido. ¿Quiso decir: {title}?"
    return f"I'm not sure I understood. Did you mean: {title}?"


def ask_rephrase(language: str = "en") -> str:
    return ASK_REPHRASE_ES if language == "es" else ASK_REPHRASE


def give_up(language: str = "en") -> str:
    return GIVE_UP_ES if language == "es" else GIVE_UP


def safety_just_in_case(language: str = "en") -> str:
    return SAFETY_JUST_IN_CASE_ES if language == "es" else SAFETY_JUST_IN_CASE


FALLBACK_REPLIES = (ASK_REPHRASE, GIVE_UP, did_you_mean("a topic"), SAFETY_JUST_IN_CASE,
                    ASK_REPHRASE_ES, GIVE_UP_ES, did_you_mean("un tema", "es"),
                    SAFETY_JUST_IN_CASE_ES)
