"""The answers shown before the result ("Here is what I understood"), in the conversation's language.

English comes from bot/eligibility/slots.py unchanged; this module adds the Spanish words for
the same answers and slots, so the summary and the "which answer should I change?" buttons can
be said in Spanish.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping

from bot.domain.dates import say_date
from bot.eligibility import slots
from bot.eligibility.rules import Coverage, Problem

COVERAGE_NAMES: Dict[Coverage, str] = {
    Coverage.DMHC: "una HMO u otro plan bajo el DMHC",
    Coverage.MEDI_CAL_MANAGED: "un plan de atención administrada de Medi-Cal",
    Coverage.MEDI_CAL_FFS: "Medi-Cal sin plan (pago por servicio)",
    Coverage.MEDICARE: "Medicare o un plan Medicare Advantage",
    Coverage.DUAL: "Medicare y Medi-Cal",
    Coverage.SELF_FUNDED: "un plan de trabajo autofinanciado (self-funded)",
    Coverage.CDI: "una póliza de seguro bajo el Departamento de Seguros",
    Coverage.FEHB: "un plan de empleados federales",
    Coverage.TRICARE: "TRICARE",
    Coverage.VA: "atención médica del VA",
    Coverage.WORKERS_COMP: "compensación de trabajadores (workers' comp)",
    Coverage.UNKNOWN: "no sabe quién supervisa el plan (el Centro de Ayuda puede confirmarlo)",
}
PROBLEM_NAMES: Dict[Problem, str] = {
    Problem.NOT_NECESSARY: "atención negada, cambiada o retrasada por no ser médicamente necesaria",
    Problem.EXPERIMENTAL: "tratamiento negado por ser experimental o de investigación",
    Problem.EMERGENCY_CLAIM: "un problema con el pago de atención de emergencia",
    Problem.NOT_COVERED: "el plan dice que no está cubierto",
    Problem.BILLING: "una factura o un problema de pago",
    Problem.SERVICE: "un problema con el servicio (demoras, acceso o calidad)",
    Problem.UNKNOWN: "no está seguro",
}
LABELS: Dict[str, str] = {
    "coverage": "Su cobertura", "problem": "El problema", "urgent": "Urgente",
    "serious_condition": "Amenaza la vida o es gravemente debilitante",
    "state_hearing": "Pidió o tuvo una Audiencia Estatal (State Hearing)",
    "filed_grievance": "Presentó una queja formal (grievance) ante el plan",
    "plan_answered": "Recibió la decisión por escrito del plan",
    "grievance_date": "Fecha de la queja formal", "decision_date": "Fecha de la decisión del plan",
}
ANSWER_WORDS: Dict[str, str] = {"yes": "sí", "no": "no", "unsure": "no está seguro"}
UNKNOWN_DATE_WORDS = "no está seguro"


def describe(slot: str, value: Any, language: str = "en") -> str:
    """An answer in words ("Your coverage: a Medi-Cal managed care plan" /
    "Su cobertura: un plan de atención administrada de Medi-Cal")."""
    if language != "es":
        return slots.describe(slot, value)
    if slot == "coverage":
        words = COVERAGE_NAMES.get(slots.stored_enum(Coverage, value), str(value))
    elif slot == "problem":
        words = PROBLEM_NAMES.get(slots.stored_enum(Problem, value), str(value))
    elif slot.endswith("_date"):
        day = slots.stored_date(value)
        words = say_date(day, "es") if day else UNKNOWN_DATE_WORDS
    else:
        words = ANSWER_WORDS.get(str(value), str(value))
    return f"{LABELS[slot]}: {words}"


def summary_lines(slot_values: Mapping[str, Any], language: str = "en") -> List[str]:
    """One line per answer that matters, in the order they are asked."""
    return [describe(s, v, language) for s, v in slots.asked_path(slot_values).items()]


def label(slot: str, language: str = "en") -> str:
    """A question's short name, for the "which answer should I change?" buttons."""
    return LABELS[slot] if language == "es" else slots.label(slot)
