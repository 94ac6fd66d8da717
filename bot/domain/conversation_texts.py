"""What the assistant says around the answers: asking which topic was meant, a person to talk
to, an honest "I can't see your case", and deadlines worked out from a date the person gave.

Pure text and dates (no Rasa), so each reply can be tested by reading it.
"""
from __future__ import annotations

from datetime import date
from typing import List, Optional, Sequence

from bot.domain.contacts import line
from bot.domain.dates import add_days, imr_deadline, medi_cal_hearing_deadline, say_date

MEDI_CAL_PLAN_APPEAL_DAYS = 60  # rules.md §2.1 [V]: appeal within 60 days of the Notice of Action


def which_topic(titles: Sequence[str]) -> str:
    """The question asked when two FAQ topics are about as likely ("Is this about A or B?")."""
    listed = ", ".join(titles[:-1]) + f" or {titles[-1]}" if len(titles) > 1 else "".join(titles)
    return f"I want to be sure I answer the right question. Is this about {listed}?"


def human_handoff(summary: Sequence[str] = ()) -> List[str]:
    """Where to reach a person, and what to have ready (with the answers given so far)."""
    first = (
        "I'm an automated assistant and I can't transfer you, but you can talk with a person at "
        f"the DMHC Help Center: call {line('help_center')} (TDD {line('help_center_tdd')} if you "
        "are deaf or hard of hearing). They can help in many languages."
    )
    ready = ("Have ready: your member ID card, any letters from your plan (like the denial), "
             "and the dates you filed or heard back.")
    if summary:
        ready += " You can also tell them what you told me:\n" + "\n".join(f"• {s}" for s in summary)
    return [first, ready]


PRIVATE_DETAILS = (
    "Please don't share ID numbers, phone numbers or other personal details in this chat. I "
    "can't look up your records, and no one will call you back from here. I can still explain "
    "your options."
)


def dated_deadline(topic: Optional[str], said_date: Optional[date]) -> Optional[str]:
    """A deadline as a date when the person gave the date of a plan's letter with a deadline
    question ("the denial letter is dated October 20")."""
    if said_date is None:
        return None
    if topic == "faq/medi_cal_deadlines":
        by = add_days(said_date, MEDI_CAL_PLAN_APPEAL_DAYS)
        hearing = medi_cal_hearing_deadline(said_date)
        return (f"If your plan's notice is dated {say_date(said_date)}, appeal to your plan by "
                f"{say_date(by)} ({MEDI_CAL_PLAN_APPEAL_DAYS} days). If that letter is instead "
                f"the plan's answer to your appeal, ask for a State Hearing by {say_date(hearing)}.")
    if topic in ("faq/deadline", "faq/late_filing"):
        return (f"If your plan's written decision is dated {say_date(said_date)}, send your "
                f"IMR/Complaint form by {say_date(imr_deadline(said_date))}.")
    return None
CHECK_REGULATOR = (
    "One thing to check first: for this kind of plan (like a PPO or EPO, or Cigna, Aetna or "
    "UnitedHealthcare), who reviews a denial depends on the plan. Look at your member card or "
    "your plan's handbook (the Evidence of Coverage), or call the Help Center at "
    f"{line('help_center')} to confirm. If the Department of Insurance regulates it, call them "
    f"at {line('cdi')}."
)
