"""Whole conversations in Spanish (eleven) over REST, against the real Rasa and action servers
(issue 10): each reaches the right path, with its dates said in Spanish.

The turns are typed the way people write and click; the replies are checked for the Spanish
question asked next, the path and the dates the bot must give. Dates are relative to today in
California, as the bot computes them. How well the Spanish reader understands what people write
is measured on tests/heldout/es_*.yml; these show that every part speaks Spanish end to end.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import List, Sequence, Tuple

import pytest

from bot.domain.contacts import line
from bot.domain.dates import (earliest_filing_after_grievance, imr_deadline,
                              medi_cal_hearing_deadline, say_date, today_in_california)
from bot.eligibility.questions import question
from tests.e2e.test_eligibility_conversations import talk

TODAY = today_in_california()
HC = re.escape(line("help_center"))
Q = {slot: re.escape(question(slot, "es").text) for slot in (
    "coverage", "problem", "urgent", "serious_condition", "state_hearing", "filed_grievance",
    "plan_answered", "grievance_date", "decision_date")}
SUMMARY = r"Esto es lo que entendí"
CHECK = r"¿Quiere que revise a dónde va su caso\?"
MORE = r"¿Hay algo más en que pueda ayudarle\?"
Turns = Sequence[Tuple[str, List[str]]]


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def es(d: date) -> str:
    return re.escape(say_date(d, "es"))


def no_english(reply: str) -> None:
    assert not re.search(r"\b(the|your|you|please|Here is what I understood)\b", reply), reply


CONVERSATIONS = {
    "no sabe qué hacer ante la oferta tras una negación: empieza la revisión": [
        ("Kaiser me negó la cirugía de la rodilla", [CHECK]),
        ("la verdad no sé qué hacer", [r"Veamos", Q["problem"]]),
    ],
    "\"tal vez después\" ante la oferta no empieza la revisión y dice cómo empezarla": [
        ("Health Net no me quiere aprobar el estudio del sueño", [CHECK]),
        ("ahorita no puedo, tal vez más tarde", [r"revisar mi caso", HC]),
        ("revisar mi caso", [r"Veamos", Q["coverage"]]),
    ],
    "Kaiser niega una resonancia; apeló y el plan contestó hace 45 días: IMR con fecha límite": [
        ("Kaiser negó la resonancia magnética que pidió mi doctor", [r"queja formal", CHECK]),
        ("Sí, revisar mi caso", [r"Veamos", Q["problem"]]),
        ("No es médicamente necesario", [Q["urgent"]]),
        ("no, puede esperar unas semanas", [Q["filed_grievance"]]),
        ("sí, ya apelé", [Q["plan_answered"]]),
        ("sí, ya me contestaron que no otra vez", [Q["decision_date"]]),
        ("hace 45 días", [SUMMARY, es(days_ago(45))]),
        ("Sí, es correcto", [r"Revisión Médica Independiente", es(imr_deadline(days_ago(45))),
                             r"resumen corto", HC, MORE]),
    ],
    "pide revisar su caso y tiene Medicare: Medicare atiende la apelación": [
        ("quiero saber si califico para una revisión independiente", [Q["coverage"]]),
        ("Medicare", [SUMMARY, r"Medicare"]),
        ("Sí, es correcto", [r"Medicare atiende su apelación", re.escape(line("medicare")), HC]),
    ],
    "Medi-Cal con LA Care, sin audiencia, decisión hace tres semanas: IMR o Audiencia Estatal": [
        ("quiero revisar mi caso", [Q["coverage"]]),
        ("Medi-Cal con LA Care", [Q["problem"]]),
        ("dijeron que no es médicamente necesario", [Q["urgent"]]),
        ("No", [Q["state_hearing"]]),
        ("no, nunca pedí una audiencia", [Q["filed_grievance"]]),
        ("sí, apelé con el plan", [Q["plan_answered"]]),
        ("sí", [Q["decision_date"]]),
        ("hace tres semanas", [SUMMARY, r"Medi-Cal", es(days_ago(21))]),
        ("Sí, es correcto", [es(imr_deadline(days_ago(21))), r"Audiencia Estatal",
                             es(medi_cal_hearing_deadline(days_ago(21)))]),
    ],
    "tratamiento experimental para un cáncer: IMR sin queja formal previa": [
        ("quiero ver si califico para una IMR", [Q["coverage"]]),
        ("Blue Shield HMO", [Q["problem"]]),
        ("dicen que el tratamiento es experimental", [Q["urgent"]]),
        ("no", [Q["serious_condition"]]),
        ("sí, es cáncer y puede ser mortal", [Q["decision_date"]]),
        ("hace 10 días", [SUMMARY, r"experimental", es(days_ago(10))]),
        ("Sí, es correcto", [r"de inmediato", es(imr_deadline(days_ago(10)))]),
    ],
    "quimio negada y es urgente: llamar ahora al Centro de Ayuda": [
        ("Health Net no aprueba la quimio de mi papá", [CHECK]),
        ("Sí, revisar mi caso", [Q["problem"]]),
        ("No es médicamente necesario", [Q["urgent"]]),
        ("sí, es urgente, tiene mucho dolor", [SUMMARY, r"Urgente: sí"]),
        ("Sí, es correcto", [r"Urgente: llame ahora al Centro de Ayuda", r"3 días", HC]),
    ],
    "queja formal puesta hace dos semanas sin respuesta: la fecha en que puede acudir al DMHC": [
        ("Anthem no me quiere autorizar la terapia física", [CHECK]),
        ("Sí, revisar mi caso", [Q["problem"]]),
        ("No es médicamente necesario", [Q["urgent"]]),
        ("no", [Q["filed_grievance"]]),
        ("sí, puse la queja", [Q["plan_answered"]]),
        ("no, todavía no me contestan", [Q["grievance_date"]]),
        ("hace 2 semanas", [SUMMARY, es(days_ago(14))]),
        ("Sí, es correcto", [es(earliest_filing_after_grievance(days_ago(14))), r"30 días"]),
    ],
    "plan de trabajo autofinanciado: apelación del plan y revisión externa federal": [
        ("¿puedo pedir una IMR?", [Q["coverage"]]),
        ("Plan de trabajo autofinanciado", [SUMMARY, r"autofinanciado"]),
        ("Sí, es correcto", [r"revisión externa federal", re.escape(line("ebsa")), HC]),
    ],
    "una factura de Kaiser sin queja formal: primero la queja con el plan": [
        ("quiero revisar mi caso", [Q["coverage"]]),
        ("Kaiser", [Q["problem"]]),
        ("Una factura", [Q["filed_grievance"]]),
        ("no", [SUMMARY, r"factura"]),
        ("Sí, es correcto", [r"Primero, presente una queja formal", re.escape(line("hca"))]),
    ],
    "corrige la fecha de la carta en el resumen: la fecha límite cambia con ella": [
        ("quiero revisar mi caso", [Q["coverage"]]),
        ("Kaiser", [Q["problem"]]),
        ("No es médicamente necesario", [Q["urgent"]]),
        ("no", [Q["filed_grievance"]]),
        ("sí", [Q["plan_answered"]]),
        ("sí", [Q["decision_date"]]),
        ("hace un mes", [SUMMARY]),
        ("Cambiar una respuesta", [r"¿Qué respuesta debo cambiar\?"]),
        ("no, la carta llegó hace 20 días", [SUMMARY, es(days_ago(20))]),
        ("Sí, es correcto", [es(imr_deadline(days_ago(20)))]),
    ],
    "una pregunta y un '¿por qué?' a mitad de la revisión, y después sigue donde iba": [
        ("quiero revisar mi caso", [Q["coverage"]]),
        ("¿cuánto cuesta una IMR?", [r"gratis", Q["coverage"]]),
        ("Kaiser", [Q["problem"]]),
        ("¿por qué me pregunta eso?", [r"Queja del Consumidor", Q["problem"]]),
        ("No es médicamente necesario", [Q["urgent"]]),
        ("gracias", [Q["urgent"]]),
        ("no estoy seguro", [Q["filed_grievance"]]),
    ],
}


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_spanish_conversation(bot, sender, name):
    talk(bot, sender(), CONVERSATIONS[name])


def test_a_spanish_result_has_no_english_sentences(bot, sender):
    person = sender()
    for message, _ in CONVERSATIONS["pide revisar su caso y tiene Medicare: Medicare atiende la apelación"]:
        no_english(bot.say(person, message))
