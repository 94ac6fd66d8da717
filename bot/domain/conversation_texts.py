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


def which_topic(titles: Sequence[str], language: str = "en") -> str:
    """The question asked when two FAQ topics are about as likely ("Is this about A or B?")."""
    word = " o " if language == "es" else " or "
    listed = ", ".join(titles[:-1]) + f"{word}{titles[-1]}" if len(titles) > 1 else "".join(titles)
    if language == "es":
        return (f"Quiero estar seguro de responder bien. ¿Su pregunta es sobre {listed}? También "
                f"puede llamar al Centro de Ayuda al {line('help_center')}; le atienden en español.")
    return (f"I want to be sure I answer the right question. Is this about {listed}? You can "
            f"also call the Help Center at {line('help_center')}.")


def human_handoff(summary: Sequence[str] = (), language: str = "en") -> List[str]:
    """Where to reach a person, and what to have ready (with the answers given so far)."""
    if language == "es":
        first = (
            "Soy un asistente automático y no puedo transferirle, pero puede hablar con una "
            f"persona en el Centro de Ayuda del DMHC: llame al {line('help_center')} (TDD "
            f"{line('help_center_tdd')} si es sordo o tiene problemas de audición). Le atienden "
            "en español y en muchos otros idiomas."
        )
        ready = ("Tenga a mano: su tarjeta de miembro, las cartas de su plan (como la negación) y "
                 "las fechas en que presentó su queja o recibió respuesta.")
        intro = " También puede decirles lo que me dijo a mí:\n"
    else:
        first = (
            "I'm an automated assistant and I can't transfer you, but you can talk with a person "
            f"at the DMHC Help Center: call {line('help_center')} (TDD {line('help_center_tdd')} "
            "if you are deaf or hard of hearing). They can help in many languages."
        )
        ready = ("Have ready: your member ID card, any letters from your plan (like the denial), "
                 "and the dates you filed or heard back.")
        intro = " You can also tell them what you told me:\n"
    if summary:
        ready += intro + "\n".join(f"• {s}" for s in summary)
    return [first, ready]


PRIVATE_DETAILS = (
    "Please don't share ID numbers, phone numbers or other personal details in this chat. I "
    "can't look up your records, and no one will call you back from here. I can still explain "
    "your options."
)
PRIVATE_DETAILS_ES = (
    "Por favor, no comparta números de identificación, números de teléfono ni otros datos "
    "personales en este chat. No puedo ver sus expedientes y nadie le llamará desde aquí. Aun "
    "así, puedo explicarle sus opciones."
)


def private_details(language: str = "en") -> str:
    return PRIVATE_DETAILS_ES if language == "es" else PRIVATE_DETAILS


def dated_deadline(topic: Optional[str], said_date: Optional[date],
                   language: str = "en") -> Optional[str]:
    """A deadline as a date when the person gave the date of a plan's letter with a deadline
    question ("the denial letter is dated October 20"). The dates are worked out once; only
    the words differ between the languages."""
    if said_date is None:
        return None
    spanish = language == "es"
    letter = say_date(said_date, language)
    if topic == "faq/medi_cal_deadlines":
        by = say_date(add_days(said_date, MEDI_CAL_PLAN_APPEAL_DAYS), language)
        hearing = say_date(medi_cal_hearing_deadline(said_date), language)
        if spanish:
            return (f"Si el aviso de su plan tiene fecha del {letter}, apele ante su plan a más "
                    f"tardar el {by} ({MEDI_CAL_PLAN_APPEAL_DAYS} días). Si esa carta es la "
                    "respuesta del plan a su apelación, pida una Audiencia Estatal (State Hearing) "
                    f"a más tardar el {hearing}.")
        return (f"If your plan's notice is dated {letter}, appeal to your plan by "
                f"{by} ({MEDI_CAL_PLAN_APPEAL_DAYS} days). If that letter is instead "
                f"the plan's answer to your appeal, ask for a State Hearing by {hearing}.")
    if topic in ("faq/deadline", "faq/late_filing"):
        apply_by = say_date(imr_deadline(said_date), language)
        if spanish:
            return (f"Si la decisión por escrito de su plan tiene fecha del {letter}, envíe su "
                    f"formulario de IMR/Queja a más tardar el {apply_by}.")
        return (f"If your plan's written decision is dated {letter}, send your "
                f"IMR/Complaint form by {apply_by}.")
    return None


CHECK_REGULATOR = (
    "One thing to check first: for this kind of plan (like a PPO or EPO, or Cigna, Aetna or "
    "UnitedHealthcare), who reviews a denial depends on the plan. Look at your member card or "
    "your plan's handbook (the Evidence of Coverage), or call the Help Center at "
    f"{line('help_center')} to confirm. If the Department of Insurance regulates it, call them "
    f"at {line('cdi')}."
)
CHECK_REGULATOR_ES = (
    "Algo que revisar primero: en este tipo de plan (como un PPO o EPO, o Cigna, Aetna o "
    "UnitedHealthcare), quién revisa una negación depende del plan. Vea su tarjeta de miembro o "
    "el manual de su plan (la Evidencia de Cobertura), o llame al Centro de Ayuda al "
    f"{line('help_center')} para confirmarlo. Si lo regula el Departamento de Seguros, llámeles "
    f"al {line('cdi')}."
)


def check_regulator(language: str = "en") -> str:
    """For a plan whose regulator depends on the product: how to find out who reviews it."""
    return CHECK_REGULATOR_ES if language == "es" else CHECK_REGULATOR
