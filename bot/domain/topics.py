"""Plain-language names for what the assistant understood, used when it asks "Did you mean ...?".

Each topic has a title for the question and a sample question that the "Yes" button sends: the
sample is ordinary text the classifier answers confidently (tests/e2e check that), so the
two-stage fallback can resume with the right answer.
"""
from __future__ import annotations

from typing import Dict, NamedTuple, Optional


class Topic(NamedTuple):
    title: str
    sample_question: str


TOPICS: Dict[str, Topic] = {
    "describe_denial": Topic("your health plan denied a treatment", "My health plan denied a treatment"),
    "describe_urgent_problem": Topic("an urgent problem getting care", "My plan is delaying urgent care and I am getting worse"),
    "check_eligibility": Topic("whether you qualify for an IMR", "Do I qualify for an Independent Medical Review?"),
    "faq/imr_chances": Topic("your chances of getting the service with an IMR", "What are the odds of winning an IMR?"),
    "faq/imr_win": Topic("what happens after you win an IMR", "What does my plan have to do if I win the IMR?"),
    "faq/what_is_imr": Topic("what an IMR is", "What is an Independent Medical Review?"),
    "faq/who_reviews": Topic("who reviews an IMR", "Who are the doctors that review an IMR?"),
    "faq/what_is_complaint": Topic("what a Consumer Complaint is", "What does a Consumer Complaint cover?"),
    "faq/imr_or_complaint": Topic("IMR or Consumer Complaint", "Should I file an IMR or a complaint?"),
    "faq/how_to_file": Topic("how to file the IMR/Complaint form", "How do I send in the IMR/Complaint form?"),
    "faq/deadline": Topic("the deadline to apply", "What is the deadline to apply for an IMR?"),
    "faq/late_filing": Topic("applying after the deadline", "Can I still apply after the six month deadline?"),
    "faq/cost": Topic("what an IMR costs", "Does an IMR cost anything?"),
    "faq/how_long": Topic("how long a review takes", "How long does an IMR take to be decided?"),
    "faq/plan_first": Topic("filing with your plan first", "Do I need to file a grievance with my plan first?"),
    "faq/plan_no_answer": Topic("a plan that has not answered your grievance", "My plan never answered my grievance"),
    "faq/experimental": Topic("a treatment called experimental", "My plan says the treatment is experimental"),
    "faq/documents": Topic("what documents to send", "What documents should I send with the form?"),
    "faq/file_for_someone": Topic("filing for someone else", "Can I file an IMR for my mother?"),
    "faq/form_help": Topic("free help with the form", "Who can help me fill out the form for free?"),
    "faq/contact": Topic("how to reach the Help Center", "What is the Help Center phone number?"),
    "faq/what_dmhc_does": Topic("what the DMHC does", "What is the Department of Managed Health Care?"),
    "faq/which_plans": Topic("which plans the DMHC regulates", "Does the DMHC regulate my health plan?"),
    "faq/languages": Topic("help in other languages", "Can I get help in Spanish?"),
    "faq/is_bot": Topic("who you are talking to", "Am I talking to a real person?"),
    "faq/bill_for_care": Topic("a bill for care you received", "I got a bill for care I received"),
    "faq/surprise_bill": Topic("a surprise bill from an out-of-network doctor", "An out-of-network doctor at my in-network hospital sent me a bill"),
    "faq/report_problem": Topic("a complaint about your plan or provider", "I want to complain about my medical group"),
    "faq/agency_medicare": Topic("Medicare appeals", "How do I appeal with Medicare?"),
    "faq/agency_medi_cal": Topic("Medi-Cal appeals", "I have Medi-Cal. Where do I take my problem?"),
    "faq/agency_self_funded": Topic("self-funded employer plans", "My employer plan is self-funded"),
    "faq/agency_cdi": Topic("insurance regulated by the Department of Insurance", "My policy is regulated by the Department of Insurance"),
    "faq/agency_federal_employee": Topic("federal employee plans", "I have a federal employee health plan"),
    "faq/agency_tricare": Topic("TRICARE", "How do I appeal a TRICARE denial?"),
    "faq/agency_va": Topic("VA health care", "The VA denied my care"),
    "faq/agency_workers_comp": Topic("workers' compensation", "Workers comp denied treatment for my work injury"),
    "faq/covered_ca_enrollment": Topic("Covered California enrollment", "I have a problem with my Covered California enrollment"),
    "faq/tdd": Topic("the TDD line for deaf or hard of hearing callers", "what is the tdd line for deaf callers"),
    "faq/hours": Topic("the Help Center's hours", "what hours is the help center open"),
    "faq/what_qualifies": Topic("which services an IMR can review", "What kinds of services can an IMR review?"),
    "faq/right_to_sue": Topic("your right to sue your plan", "Do I lose my right to sue my plan if I skip the IMR?"),
    "faq/medi_cal_deadlines": Topic("Medi-Cal appeal deadlines", "What are the deadlines for a Medi-Cal appeal?"),
}


# The same topics in Spanish: the sample questions are what the Spanish "Sí" button sends, so
# they must read as Spanish and be understood (tests/e2e/test_spanish.py).
TOPICS_ES = {
    "describe_denial": Topic("que su plan de salud negó un tratamiento", "Mi plan de salud negó un tratamiento"),
    "describe_urgent_problem": Topic("un problema urgente para recibir atención médica", "Mi plan está retrasando la atención urgente y estoy empeorando"),
    "check_eligibility": Topic("si usted califica para una IMR", "¿Califico para una Revisión Médica Independiente?"),
    "faq/imr_chances": Topic("sus posibilidades de obtener el servicio con una IMR", "¿Qué posibilidades tengo de ganar una IMR?"),
    "faq/imr_win": Topic("qué pasa si usted gana una IMR", "¿Qué tiene que hacer mi plan si gano la IMR?"),
    "faq/what_is_imr": Topic("qué es una IMR", "¿Qué es una Revisión Médica Independiente?"),
    "faq/who_reviews": Topic("quién revisa una IMR", "¿Quiénes son los médicos que revisan una IMR?"),
    "faq/what_is_complaint": Topic("qué es una Queja del Consumidor", "¿Qué cubre una Queja del Consumidor?"),
    "faq/imr_or_complaint": Topic("elegir entre una IMR o una Queja del Consumidor", "¿Debo pedir una IMR o presentar una queja?"),
    "faq/how_to_file": Topic("cómo presentar el formulario de IMR/Queja", "¿Cómo envío el formulario de IMR/Queja?"),
    "faq/deadline": Topic("el plazo para presentar la solicitud", "¿Cuál es el plazo para pedir una IMR?"),
    "faq/late_filing": Topic("presentar la solicitud después del plazo", "¿Todavía puedo pedir una IMR después del plazo de seis meses?"),
    "faq/cost": Topic("el costo de una IMR", "¿Cuánto cuesta una IMR?"),
    "faq/how_long": Topic("cuánto tarda una revisión", "¿Cuánto tiempo tardan en decidir una IMR?"),
    "faq/plan_first": Topic("presentar primero una queja formal con su plan", "¿Tengo que presentar primero una queja formal con mi plan?"),
    "faq/plan_no_answer": Topic("un plan que no ha respondido a su queja formal", "Mi plan nunca respondió a mi queja formal"),
    "faq/experimental": Topic("un tratamiento que su plan llama experimental", "Mi plan dice que el tratamiento es experimental"),
    "faq/documents": Topic("qué documentos enviar", "¿Qué documentos debo enviar con el formulario?"),
    "faq/file_for_someone": Topic("presentar una solicitud por otra persona", "¿Puedo pedir una IMR para mi madre?"),
    "faq/form_help": Topic("ayuda gratis con el formulario", "¿Quién me puede ayudar gratis a llenar el formulario?"),
    "faq/contact": Topic("cómo comunicarse con el Centro de Ayuda", "¿Cómo me pongo en contacto con el Centro de Ayuda?"),
    "faq/what_dmhc_does": Topic("qué hace el DMHC", "¿A qué se dedica el DMHC?"),
    "faq/which_plans": Topic("qué planes regula el DMHC", "¿El DMHC regula mi plan de salud?"),
    "faq/languages": Topic("la ayuda en otros idiomas", "¿Puedo recibir ayuda en otros idiomas?"),
    "faq/is_bot": Topic("con quién está hablando", "¿Estoy hablando con una persona real?"),
    "faq/bill_for_care": Topic("una factura por atención médica que recibió", "Me llegó una factura por la atención médica que recibí"),
    "faq/surprise_bill": Topic("una factura sorpresa de un médico fuera de la red", "Un médico fuera de la red en mi hospital de la red me mandó una factura"),
    "faq/report_problem": Topic("una queja contra su plan o su proveedor", "Quiero poner una queja contra mi grupo médico"),
    "faq/agency_medicare": Topic("las apelaciones de Medicare", "¿Cómo apelo con Medicare?"),
    "faq/agency_medi_cal": Topic("las apelaciones de Medi-Cal", "Tengo Medi-Cal. ¿A dónde llevo mi problema?"),
    "faq/agency_self_funded": Topic("los planes autofinanciados del empleador", "El plan de mi empleador es autofinanciado"),
    "faq/agency_cdi": Topic("un seguro regulado por el Departamento de Seguros", "Mi seguro lo supervisa el Departamento de Seguros, ¿a quién acudo?"),
    "faq/agency_federal_employee": Topic("los planes de salud para empleados federales", "Tengo un plan de salud para empleados federales"),
    "faq/agency_tricare": Topic("TRICARE", "¿Cómo apelo si TRICARE me negó un servicio?"),
    "faq/agency_va": Topic("la atención médica del VA", "El VA me negó la atención médica"),
    "faq/agency_workers_comp": Topic("la compensación laboral (workers' comp)", "La compensación laboral (workers' comp) negó el tratamiento de mi lesión de trabajo"),
    "faq/covered_ca_enrollment": Topic("la inscripción en Covered California", "Tengo un problema con mi inscripción en Covered California"),
    "faq/tdd": Topic("la línea TDD para personas sordas o con problemas de audición", "¿Cuál es la línea TDD para personas sordas?"),
    "faq/hours": Topic("el horario del Centro de Ayuda", "¿Cuál es el horario del Centro de Ayuda?"),
    "faq/what_qualifies": Topic("qué servicios puede revisar una IMR", "¿Qué tipos de servicios puede revisar una IMR?"),
    "faq/right_to_sue": Topic("su derecho a demandar a su plan", "¿Pierdo mi derecho a demandar a mi plan si no pido una IMR?"),
    "faq/medi_cal_deadlines": Topic("los plazos para apelar en Medi-Cal", "¿Cuáles son los plazos para una apelación de Medi-Cal?"),
}


def topic_for(intent: Optional[str], language: str = "en") -> Optional[Topic]:
    """The topic to confirm for an intent (or full retrieval intent), if it has one."""
    return (TOPICS_ES if language == "es" else TOPICS).get(intent or "")
