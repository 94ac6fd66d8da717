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


def did_you_mean(title: str) -> str:
    """The first-stage question, naming the topic in plain words."""
    return f"I'm not sure I understood. Did you mean: {title}?"


FALLBACK_REPLIES = (ASK_REPHRASE, GIVE_UP, did_you_mean("a topic"), SAFETY_JUST_IN_CASE)
