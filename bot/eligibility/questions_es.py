"""The eligibility questions in Spanish: the twin of QUESTIONS in bot/eligibility/questions.py.

Same slots, the same number of buttons in the same order (so a Spanish button maps back to the
English one at its place), the same figures. Plain Spanish with "usted"; the DMHC's names keep
their English name beside them the first time, as in domain.yml's Spanish responses.
"""
from __future__ import annotations

from typing import Dict

from bot.domain.contacts import line
from bot.eligibility.questions import Question

NOT_SURE = "No estoy seguro"
YES_NO_UNSURE = ("Sí", "No", NOT_SURE)

QUESTIONS: Dict[str, Question] = {
    "coverage": Question(
        "¿Qué tipo de cobertura de salud tiene?",
        ("Kaiser u otra HMO", "Medi-Cal", "Medicare", "Plan de trabajo autofinanciado", NOT_SURE),
        "Distintas agencias atienden distintos tipos de planes, así que esto me dice quién puede "
        "revisar su caso.",
        "Por ejemplo: Kaiser, Blue Shield, Anthem, un plan de Covered California, Medi-Cal, "
        "Medicare, TRICARE, el VA o la compensación de trabajadores (workers' comp). Basta con el "
        "nombre que aparece en su tarjeta de miembro.",
    ),
    "problem": Question(
        "¿Qué le dijo su plan, o cuál es el problema?",
        ("No es médicamente necesario", "Experimental", "Mi plan no lo cubre", "Una factura", NOT_SURE),
        "Una negación porque la atención \"no es médicamente necesaria\" o es \"experimental\" "
        "puede ir a una Revisión Médica Independiente (IMR); otros problemas van a una Queja del "
        "Consumidor (Consumer Complaint).",
        "Mire la carta del plan: ¿dice que la atención no es médicamente necesaria, que es "
        "experimental o que no es un beneficio cubierto? ¿O es una factura, una demora o un "
        "problema con el servicio?",
    ),
    "urgent": Question(
        "¿Es urgente? ¿Esperar podría poner su salud en grave riesgo, como un dolor fuerte o un "
        "riesgo para su vida o para una función importante del cuerpo?",
        YES_NO_UNSURE,
        "Los casos urgentes no tienen que esperar los 30 días de siempre, así que necesito saber si "
        "debe llamar ahora.",
        "Responda sí si esperar a su plan podría dañar gravemente su salud, o no si puede esperar "
        "unas semanas.",
    ),
    "serious_condition": Question(
        "¿La enfermedad amenaza la vida o es gravemente debilitante?",
        YES_NO_UNSURE,
        "Si el plan dice que un tratamiento es experimental y la enfermedad amenaza la vida o es "
        "gravemente debilitante, puede pedir una Revisión Médica Independiente (IMR) sin presentar "
        "antes una queja formal (grievance) ante su plan.",
        "Responda sí si su médico dice que la enfermedad podría ser mortal o causar un daño grave y "
        "duradero.",
    ),
    "state_hearing": Question(
        "¿Ya pidió o tuvo una Audiencia Estatal (State Hearing) de Medi-Cal sobre esto?",
        YES_NO_UNSURE,
        "Una vez que pide una Audiencia Estatal, no puede obtener una Revisión Médica Independiente "
        "(IMR) sobre el mismo asunto, así que esto cambia sus opciones.",
        "Una Audiencia Estatal es una audiencia ante un juez del estado sobre una decisión de "
        "Medi-Cal. Responda sí si la pidió, aunque todavía no se haya hecho; no, si no la ha pedido.",
    ),
    "filed_grievance": Question(
        "¿Presentó una queja formal (grievance) o apelación ante su plan de salud sobre esto?",
        YES_NO_UNSURE,
        "Por lo general, el plan debe tener primero la oportunidad de resolverlo: el DMHC interviene "
        "después de la respuesta del plan, o después de 30 días sin respuesta.",
        "Una queja formal es una queja o apelación que usted hizo ante su plan sobre esto, por "
        "ejemplo en su formulario, por carta o en su sitio web.",
    ),
    "plan_answered": Question(
        "¿Su plan le envió su decisión por escrito sobre su queja formal?",
        YES_NO_UNSURE,
        "Su plazo se cuenta desde la decisión por escrito del plan, y si no ha respondido en 30 "
        "días, puede presentar su solicitud de todos modos.",
        "Responda sí si recibió una carta de su plan que responde a su queja formal o apelación.",
    ),
    "grievance_date": Question(
        "¿Más o menos cuándo presentó la queja formal? (Por ejemplo: 5 de octubre, o hace 3 "
        "semanas.)",
        (NOT_SURE,),
        "Su plan tiene 30 días para responder, así que la fecha me dice cuándo puede presentar su "
        "solicitud.",
        "Una fecha aproximada está bien: \"a principios de octubre\", \"el martes pasado\" o "
        "\"hace como un mes\".",
    ),
    "decision_date": Question(
        "¿Qué fecha tiene la carta de decisión del plan? (Por ejemplo: 5 de octubre, o 10/05/2026 "
        "en el orden mes/día/año.)",
        (NOT_SURE,),
        "Sus plazos se cuentan desde la fecha de esa carta, así que puedo decirle los suyos.",
        "Mire la parte de arriba de la carta del plan. Una fecha aproximada está bien, como \"a "
        "principios de septiembre\" o \"hace 2 meses\".",
    ),
}

HELP_CENTER_OFFER = (
    f"También puede llamar al Centro de Ayuda al {line('help_center')} y le ayudarán en español."
)
DATE_PROBLEMS = {
    "future": "Parece que esa fecha todavía no ha llegado. ¿Cuándo pasó?",
    "unreadable": "Lo siento, no pude entender esa fecha.",
    "too_old": "Esa fecha es de hace más de diez años. ¿Puede revisarla?",
}
