"""The words of the eligibility results in Spanish: the twin of bot/eligibility/texts.py.

Same names, same structures and the same facts, figures and date rules as the English, said in
plain Latin-American Spanish with "usted". The DMHC's own names keep their English name beside
them (Revisión Médica Independiente (IMR), Queja del Consumidor (Consumer Complaint), Audiencia
Estatal (State Hearing), queja formal (grievance)), as in the Spanish responses of domain.yml.
Phone numbers come only from bot.domain.contacts; dates are said with say_date(d, "es").
tests/unit/test_eligibility_spanish.py checks that every English name has its Spanish twin here
and that both carry the same numbers.
"""
from __future__ import annotations

from datetime import date
from typing import Dict, Optional

from bot.domain import contacts
from bot.domain.dates import say_date
from bot.eligibility.texts import AgencyText


def _say(d: date) -> str:
    return say_date(d, "es")


# --- Jargon, said once in plain words ------------------------------------------------------

IMR_MEANS = (
    "Una Revisión Médica Independiente (IMR, por sus siglas en inglés) es una revisión gratuita "
    "hecha por médicos que no son parte de su plan."
)
COMPLAINT_MEANS = (
    "Una Queja del Consumidor (Consumer Complaint) le pide al DMHC que investigue su problema con "
    "el plan."
)
STATE_HEARING = "una Audiencia Estatal (State Hearing, una audiencia ante un juez del estado)"

# --- Applying to the DMHC ------------------------------------------------------------------

FORM = (
    f"Envíe el formulario gratuito IMR/Complaint en línea en {contacts.ONLINE_FORM_URL} (la forma "
    "más rápida), o por correo o fax. El Centro de Ayuda puede ayudarle por teléfono a llenarlo."
)
EITHER_TRACK = (
    "El Centro de Ayuda decide si su caso es una Revisión Médica Independiente (IMR) o una Queja "
    "del Consumidor (Consumer Complaint); un solo formulario sirve para las dos."
)
COVERAGE_DISPUTE = (
    "Un desacuerdo sobre si su plan cubre un servicio es una Queja del Consumidor (Consumer "
    "Complaint): el DMHC revisa su problema con el plan."
)
EMERGENCY_TRACK = (
    "Si el plan negó atención de emergencia por no ser médicamente necesaria, puede pedir una IMR "
    "(una revisión por médicos independientes); una factura por más de su parte habitual es una "
    "Queja del Consumidor (Consumer Complaint). Un solo formulario sirve para las dos."
)
GATHER_MEDICAL = (
    "Reúna la decisión escrita del plan, su queja formal, sus expedientes médicos y una carta de su "
    "médico que diga por qué necesita la atención. No espere si le falta algún papel."
)
GATHER_EXPERIMENTAL = (
    "Reúna la negación por escrito del plan y sus expedientes médicos. Pida a su médico una carta "
    "que diga que los tratamientos comunes no han funcionado, no son adecuados para usted o "
    "ayudarían menos que el que usted pidió."
)
GATHER_COMPLAINT = (
    "Reúna la decisión escrita del plan, su queja formal y las facturas o cartas sobre el problema. "
    "No espere si le falta algún papel."
)
GATHER_EMERGENCY = (
    "Reúna la decisión escrita del plan, su queja formal, la factura o el reclamo, y sus "
    "expedientes de la visita de emergencia."
)
IMR_TIMING = (
    "Una IMR suele decidirse dentro de 30 días después de que califica y llegan todos los "
    "expedientes; si sale a su favor, el plan debe aprobar la atención dentro de cinco días hábiles."
)
URGENT_IMR_TIMING = (
    "Una IMR urgente (Revisión Médica Independiente, hecha por médicos fuera de su plan) suele "
    "decidirse en unos 7 días después de que califica."
)

# --- The plan's grievance first ------------------------------------------------------------

FILE_GRIEVANCE = (
    "Presente una queja formal (grievance) o apelación ante su plan: el sitio web del plan o "
    "servicios para miembros (el número está en su tarjeta) tiene el formulario. Guarde una copia "
    "y la fecha en que la envió."
)
FILE_GRIEVANCE_BILL = (
    "Si no está de acuerdo con la factura, presente una queja formal (grievance) o apelación ante "
    "su plan y adjunte una copia de la factura. Guarde una copia y la fecha en que la envió."
)
PLAN_HAS_30_DAYS = (
    "Su plan tiene 30 días para responder. Si sigue diciendo que no, o no responde en 30 días, "
    "entonces puede presentar su solicitud al DMHC."
)
CHECK_FILED = "Pregunte a su plan si tiene registrada una queja formal suya, y cuándo la recibió."
IF_URGENT_LATER = "Si su salud empeora y se vuelve urgente, llame de inmediato al Centro de Ayuda."
URGENT_CHECK = (
    "Si esperar podría dañar gravemente su salud, llame ahora al Centro de Ayuda: los casos "
    "urgentes no esperan 30 días."
)
CHECK_MAIL = (
    "Revise su correo: si el plan sí le envió una decisión por escrito, los seis meses para "
    "presentar su solicitud cuentan desde la fecha de esa carta."
)

# --- Bills ---------------------------------------------------------------------------------

BILL_EXPLAIN = (
    "Llame a la oficina de cobros que le envió la factura y pida que se la expliquen. "
    "Normalmente, un proveedor de la red de su plan solo puede cobrarle su deducible, copago o "
    "coseguro."
)
SURPRISE_BILL = (
    "Si la factura es por atención de emergencia, o de un médico fuera de la red en un hospital o "
    "centro quirúrgico de la red, normalmente solo debe su parte de la red: no pague más, y pida "
    "a la oficina de cobros que pause el cobro."
)
EMERGENCY_BILL = (
    "Por atención de emergencia, normalmente solo debe su parte de la red (su deducible, copago o "
    "coseguro de siempre): no pague más, y pida a la oficina de cobros que pause el cobro."
)

# --- Experimental treatment ----------------------------------------------------------------

NO_GRIEVANCE_NEEDED = "No necesita presentar primero una queja formal (grievance) ante su plan."
EXPERIMENTAL_NOT_SERIOUS = (
    "Si su enfermedad no amenaza su vida ni es gravemente debilitante, primero va la queja formal "
    "(grievance) ante su plan; después, el Centro de Ayuda decide si su caso califica para una "
    "Revisión Médica Independiente."
)
EXPERIMENTAL_MAYBE_SERIOUS = (
    "Si su enfermedad amenaza su vida o es gravemente debilitante, tal vez pueda saltarse la queja "
    "formal (grievance) y pedir de inmediato una Revisión Médica Independiente (IMR); el Centro de "
    "Ayuda puede confirmarlo. Mientras tanto, presentar la queja formal es lo más seguro."
)

# --- Medi-Cal managed care -----------------------------------------------------------------

MEDI_CAL_ORDER = (
    "El orden importa: una vez que pide una Audiencia Estatal (State Hearing), no puede obtener una "
    "IMR sobre el mismo asunto. Si quiere las dos, haga primero la IMR, y actúe rápido: el plazo de "
    "la Audiencia Estatal es más corto."
)
MEDI_CAL_COUNTY = (
    "Algunos planes de Medi-Cal del condado quizás no tengan licencia del DMHC; el Centro de Ayuda "
    "puede confirmarlo, y la Audiencia Estatal (State Hearing) es posible en todo caso."
)
MEDI_CAL_APPEAL_WINDOW = (
    "En un plan de Medi-Cal, apele dentro de 60 días desde la fecha de la carta de negación del plan "
    "(llamada Aviso de Acción, o Notice of Action)."
)
HEARING_MAYBE = (
    "¿Ya pidió o tuvo una Audiencia Estatal (State Hearing) sobre esto? Entonces no puede obtener "
    "una Revisión Médica Independiente; el Ombudsman de Atención Administrada de Medi-Cal puede "
    "averiguarlo."
)
MEDI_CAL_NO_ANSWER = (
    f"Tras 30 días sin respuesta también puede pedir {STATE_HEARING}, pero si la pide ya no podrá "
    "obtener una IMR sobre el mismo asunto: si quiere las dos, haga primero la IMR."
)
MEDI_CAL_LATE = "El Ombudsman de Atención Administrada de Medi-Cal también puede explicarle sus opciones."


def medi_cal_appeal_by(deadline: date) -> str:
    return (f"Apele a más tardar el {_say(deadline)}: los planes de Medi-Cal aceptan apelaciones "
            "dentro de 60 días desde la fecha de su carta de negación (llamada Aviso de Acción, o "
            "Notice of Action).")


def medi_cal_appeal_ended(deadline: date) -> str:
    return (f"Los 60 días para apelar ante su plan de Medi-Cal terminaron el {_say(deadline)}. Llame "
            "al Ombudsman de Atención Administrada de Medi-Cal o al Centro de Ayuda para conocer sus "
            "opciones.")


def hearing_by(deadline: date) -> str:
    return (f"O pida {STATE_HEARING} a más tardar el {_say(deadline)}, 120 días después de la "
            "decisión del plan.")


def hearing_ended(deadline: date) -> str:
    return (f"Los 120 días para pedir una Audiencia Estatal (State Hearing) terminaron el "
            f"{_say(deadline)}; el Ombudsman de Atención Administrada de Medi-Cal puede explicarle "
            "sus opciones.")


MEDI_CAL_BOTH_NO_DATE = (
    f"Presente su solicitud de IMR dentro de seis meses, y pida {STATE_HEARING} dentro de 120 días, "
    "desde la fecha de la carta de decisión del plan."
)

# --- Dates -----------------------------------------------------------------------------------


def apply_by(deadline: date, letter: str = "decisión por escrito") -> str:
    return f"Presente su solicitud a más tardar el {_say(deadline)}, seis meses después de la {letter} del plan."


def apply_within(letter: str = "decisión por escrito") -> str:
    return f"Presente su solicitud dentro de seis meses desde la fecha de la {letter} del plan."


def late_step(deadline: date) -> str:
    return (
        f"Los seis meses terminaron el {_say(deadline)}, pero presente su solicitud de todos modos y "
        "explique qué le impidió presentarla a tiempo."
    )


def plan_answers_by(day_30: date) -> str:
    return (f"Su plan tiene hasta el {_say(day_30)} para responder (30 días después de que usted "
            "presentó su queja formal). Si no ha respondido para entonces, puede presentar su "
            f"solicitud al DMHC el {_say(day_30)}.")


PLAN_ANSWERS_WITHIN = (
    "Su plan tiene 30 días para responder desde que recibió su queja formal (grievance). Si ya "
    "pasaron 30 días sin respuesta, puede presentar su solicitud al DMHC ahora."
)
IF_PLAN_ANSWERS = "Si el plan responde antes y usted no está de acuerdo, puede presentar su solicitud de inmediato."

# --- Titles: the path first, with its date --------------------------------------------------

_APPLY = {
    "imr": "Pida una Revisión Médica Independiente (IMR)",
    "complaint": "Presente una Queja del Consumidor (Consumer Complaint)",
    "either": "Presente su solicitud al DMHC",
}


def apply_title(track: str, deadline: Optional[date] = None, late: bool = False, now: bool = False) -> str:
    """ "Pida una Revisión Médica Independiente (IMR) a más tardar el 5 de abril de 2027", ..."""
    lead = _APPLY[track]
    if late:
        return f"{lead} ahora, aunque ya pasaron seis meses"
    if deadline is not None:
        return f"{lead} a más tardar el {_say(deadline)}"
    if now:
        return f"{lead} ahora"
    return f"{lead} dentro de seis meses desde la decisión del plan"


def wait_title(day_30: Optional[date]) -> str:
    if day_30 is None:
        return "Espere la respuesta de su plan (hasta 30 días)"
    return f"Puede presentar su solicitud al DMHC el {_say(day_30)}"


def plan_first_title(medi_cal_deadline: Optional[date] = None) -> str:
    if medi_cal_deadline is not None:
        return f"Primero, apele ante su plan a más tardar el {_say(medi_cal_deadline)}"
    return "Primero, presente una queja formal (grievance) o apelación ante su plan"


def medi_cal_both_title(imr: Optional[date]) -> str:
    if imr is None:
        return ("Sus opciones: una Revisión Médica Independiente (IMR), una Audiencia Estatal "
                "(State Hearing) o las dos")
    return f"Pida una Revisión Médica Independiente (IMR) a más tardar el {_say(imr)}"


# --- Reasons (one sentence each) ------------------------------------------------------------
# Each may follow REASON_UNSURE_REGULATOR with its first letter in lower case.

REASON_PLAN_FIRST = "El DMHC revisa un caso después de que su plan tuvo la oportunidad de resolverlo."
REASON_WAIT = (
    "Su plan tiene 30 días para responder una queja formal (grievance) antes de que usted pueda "
    "acudir al DMHC."
)
REASON_FILE_NOW = (
    "Ya pasaron al menos 30 días desde que presentó su queja formal (grievance), así que puede "
    "presentar su solicitud al DMHC ahora."
)
REASON_AFTER_DECISION = (
    "Usted terminó la queja formal (grievance) con su plan, así que ahora puede pedir al DMHC que "
    "revise su caso."
)
REASON_LATE = (
    "Ya pasaron más de seis meses desde la decisión del plan, pero el DMHC todavía podría aceptar "
    "una solicitud tardía si circunstancias especiales le impidieron presentarla a tiempo."
)
REASON_EXPERIMENTAL = (
    "Cuando un plan dice que un tratamiento es experimental para una enfermedad que amenaza la vida "
    "o es gravemente debilitante, usted puede pedir de inmediato una revisión independiente al DMHC."
)
REASON_MEDI_CAL_BOTH = (
    "Como miembro de un plan de atención administrada de Medi-Cal, puede pedir una Revisión Médica "
    "Independiente, una Audiencia Estatal (State Hearing) o las dos."
)
REASON_UNSURE_REGULATOR = "Si su plan está bajo el DMHC, "

# --- Urgent, emergency, unknown plan, State Hearing -----------------------------------------

URGENT_TITLE = "Urgente: llame ahora al Centro de Ayuda"
URGENT_REASON = (
    "Como su salud corre un riesgo grave, puede acudir al DMHC de inmediato sin esperar a su plan."
)
URGENT_STEPS = (
    "Llame ahora al Centro de Ayuda y diga que es urgente.",
    "Pida también a su plan una queja formal (grievance) urgente (rápida): el plan debe responder "
    "dentro de 3 días.",
    "No tiene que esperar 30 días a su plan.",
)

EMERGENCY_TITLE = f"Emergencia: llame ahora al {contacts.line('emergency')}"
EMERGENCY_REASON = "Esto parece una emergencia, y la atención de emergencia va primero."
EMERGENCY_STEPS = (
    f"Llame al {contacts.line('emergency')} o vaya ahora a la sala de emergencias más cercana.",
    "No necesita la aprobación de su plan antes de recibir atención de emergencia.",
    "Cuando esté a salvo, el Centro de Ayuda puede ayudarle con cualquier problema con su plan.",
)

FIND_REGULATOR = (
    "Averigüe quién supervisa su plan: su tarjeta de miembro (¿dice HMO o PPO?) o su folleto para "
    "miembros (llamado Evidencia de Cobertura, o Evidence of Coverage) debería decirlo, o el Centro "
    "de Ayuda puede confirmarlo."
)
REGULATOR_UNKNOWN_TITLE = "Primero, averigüe quién atiende su plan"
REGULATOR_UNKNOWN_REASON = "Quién atiende su apelación depende del tipo de plan de salud que tiene."
REGULATOR_UNKNOWN_STEPS = (
    FIND_REGULATOR,
    "Llame al Centro de Ayuda con el nombre de su plan; le pueden decir a dónde ir después.",
)

HEARING_TITLE = "Su Audiencia Estatal (State Hearing) es el camino para esto"
HEARING_REASON = (
    "Una vez que pide una Audiencia Estatal de Medi-Cal, no puede obtener una Revisión Médica "
    "Independiente sobre el mismo asunto."
)
HEARING_STEPS = (
    "Llame al Ombudsman de Atención Administrada de Medi-Cal sobre su audiencia y sus opciones.",
    "El Centro de Ayuda todavía puede ayudarle con otros problemas con su plan.",
)

# --- Other agencies -------------------------------------------------------------------------

HELP_CENTER_TOO = "El Centro de Ayuda del DMHC todavía puede orientarle si no sabe a dónde ir."

AGENCIES: Dict[str, AgencyText] = {
    "medicare": AgencyText(
        "Medicare atiende su apelación",
        "Las apelaciones sobre la cobertura de Medicare, incluidos los planes Medicare Advantage, "
        "pasan por Medicare, no por una revisión del DMHC.",
        (
            "Apele primero con el proceso de apelación de su plan y luego con las apelaciones de "
            "Medicare.",
            f"Llame al {contacts.PHONE_LINES['medicare'].name} para conocer los pasos, o a HICAP "
            "para recibir asesoría gratuita sobre Medicare.",
            HELP_CENTER_TOO,
        ),
        "Medicare",
    ),
    "medicare_medi_cal": AgencyText(
        "Medicare y Medi-Cal: llame al Centro de Ayuda para aclararlo",
        "Si tiene Medicare y Medi-Cal, quién revisa una negación depende de qué programa cubre el "
        "servicio.",
        (
            "Si Medi-Cal cubre el servicio, tal vez pueda pedir al DMHC una Revisión Médica "
            "Independiente después de la apelación ante su plan.",
            "Si solo Medicare lo cubre, la apelación pasa por Medicare; HICAP da asesoría gratuita "
            "sobre Medicare.",
            "Llame al Centro de Ayuda para confirmar qué camino corresponde a su negación.",
        ),
        None,
    ),
    "medi_cal_ffs": AgencyText(
        "Pida una Audiencia Estatal (State Hearing) de Medi-Cal dentro de 90 días",
        "Las decisiones de Medi-Cal regular (sin plan de salud) se revisan en una Audiencia Estatal "
        "(una audiencia ante un juez del estado), no en el DMHC.",
        (
            "Pida una Audiencia Estatal al Departamento de Servicios Sociales de California (CDSS) "
            "dentro de 90 días desde la fecha del aviso sobre la decisión.",
            "La Línea de Ayuda para Miembros de Medi-Cal puede responder sus preguntas sobre "
            "Medi-Cal.",
            HELP_CENTER_TOO,
        ),
        "Audiencias Estatales del CDSS",
    ),
    "self_funded": AgencyText(
        "Apele ante el plan de su trabajo y luego pida una revisión externa federal",
        "Los planes de trabajo autofinanciados (self-funded) siguen reglas federales, y el "
        "Departamento de Trabajo de EE. UU. (EBSA) ayuda a las personas con sus apelaciones.",
        (
            "Primero use la apelación de su propio plan (su apelación interna).",
            "Si sigue diciendo que no, pida una revisión externa federal: una revisión hecha por "
            "revisores que no son parte de su plan.",
            "Llame a EBSA para recibir ayuda gratuita con los pasos.",
            "Los planes del gobierno y de iglesias (como un plan autofinanciado de CalPERS) siguen "
            "otras reglas: pregunte al administrador de su plan o al Centro de Ayuda.",
            "¿No sabe si su plan es autofinanciado? Pregunte en la oficina de Recursos Humanos o "
            "llame al Centro de Ayuda.",
        ),
        "Departamento de Trabajo de EE. UU. (EBSA)",
    ),
    "fehb": AgencyText(
        "Plan de empleados federales: pregunte a su plan y luego a la OPM",
        "Los planes de empleados federales (FEHB) tienen sus propias apelaciones, que revisa la "
        "Oficina de Administración de Personal de EE. UU. (OPM).",
        (
            "Pida a su plan que reconsidere su decisión; el folleto de su plan explica los pasos y "
            "los plazos.",
            "Si sigue diciendo que no, pida a la OPM que la revise dentro de 90 días desde la "
            "respuesta del plan.",
            HELP_CENTER_TOO,
        ),
        "Oficina de Administración de Personal de EE. UU. (OPM)",
    ),
    "tricare": AgencyText(
        "Apelaciones de TRICARE: llame a TriWest",
        "TRICARE tiene sus propias apelaciones, que en California atiende TriWest.",
        ("Llame a TriWest sobre una apelación de TRICARE.", HELP_CENTER_TOO),
        "TRICARE (TriWest)",
    ),
    "va": AgencyText(
        "Atención médica del VA: llame al VA",
        "El VA decide sobre la atención médica del VA.",
        ("Llame a la línea de atención médica del VA sobre su decisión.", HELP_CENTER_TOO),
        "VA",
    ),
    "workers_comp": AgencyText(
        "Compensación de trabajadores (workers' comp): pida su propia revisión dentro de 30 días",
        "La atención por una lesión de trabajo pasa por la compensación de trabajadores, que tiene "
        "su propia revisión.",
        (
            "Pida a la División de Compensación de Trabajadores del estado su Revisión Médica "
            "Independiente (un programa distinto al del DMHC) en dir.ca.gov.",
            "Por lo general debe pedirla dentro de 30 días desde la decisión sobre la solicitud de "
            "tratamiento de su médico (llamada revisión de utilización, o utilization review).",
            HELP_CENTER_TOO,
        ),
        "División de Compensación de Trabajadores",
    ),
    "cdi": AgencyText(
        "El Departamento de Seguros atiende su apelación",
        "Su póliza está regulada por el Departamento de Seguros de California (CDI), que tiene su "
        "propia revisión.",
        (
            "Termine primero la apelación con su aseguradora y luego pida al CDI su Revisión Médica "
            "Independiente o presente una queja.",
            "Presente su solicitud dentro de seis meses desde la decisión final por escrito de la "
            "aseguradora.",
            HELP_CENTER_TOO,
        ),
        "Departamento de Seguros de California",
    ),
}

# --- Phone lines: their names in Spanish, and what each one is for --------------------------

PHONE_NAMES: Dict[str, str] = {
    "help_center": "Centro de Ayuda del DMHC",
    "help_center_tdd": "Centro de Ayuda del DMHC, TDD",
    "help_center_fax": "Fax del Centro de Ayuda del DMHC",
    "hca": "Health Consumer Alliance (Alianza de Consumidores de Salud)",
    "crisis": f"Línea {contacts.line('crisis')} de Prevención del Suicidio y Crisis",
    "emergency": "Servicios de emergencia",
    "medicare": contacts.PHONE_LINES["medicare"].name,
    "hicap": "HICAP (asesoría gratuita sobre Medicare)",
    "cdss_hearings": "Audiencias Estatales del CDSS (State Hearings)",
    "cdss_public_inquiry": "CDSS, Consultas Públicas (Public Inquiry and Response)",
    "medi_cal_helpline": "Línea de Ayuda para Miembros de Medi-Cal",
    "medi_cal_ombudsman": "Ombudsman de Atención Administrada de Medi-Cal",
    "ebsa": "Departamento de Trabajo de EE. UU., EBSA",
    "cdi": "Departamento de Seguros de California (CDI)",
    "triwest": "TriWest (TRICARE West)",
    "va": "Atención médica del VA",
    "covered_ca": "Covered California",
}
PHONE_NOTES = {
    "hca": "ayuda gratuita y personal con la queja formal o el formulario",
    "help_center_fax": "para enviar el formulario por fax",
}

# --- Case summary to paste into the form (first person) -------------------------------------

SUMMARY_PROBLEM = {
    "not_medically_necessary": "Mi plan de salud negó, cambió o retrasó un servicio o tratamiento "
                               "porque dijo que no era médicamente necesario.",
    "experimental": "Mi plan de salud negó un tratamiento porque dijo que es experimental o de "
                    "investigación.",
    "emergency_claim": "Tengo un problema con el pago de mi plan de salud por atención de emergencia "
                       "o de urgencia.",
    "not_covered": "Mi plan de salud dijo que un servicio o tratamiento que necesito no es un "
                   "beneficio cubierto.",
    "billing": "Me cobraron por atención médica y no estoy de acuerdo con la cantidad.",
    "service": "Tengo un problema con el servicio de mi plan de salud, como demoras, acceso o "
               "calidad de la atención.",
    "unknown": "No estoy de acuerdo con una decisión que mi plan de salud tomó sobre mi atención.",
}
SUMMARY_COVERAGE = {
    "dmhc": "Mi cobertura es un plan de salud regulado por el DMHC.",
    "medi_cal_managed": "Mi cobertura es un plan de atención administrada de Medi-Cal.",
    "medi_cal_ffs": "Mi cobertura es Medi-Cal regular (pago por servicio).",
    "medicare": "Mi cobertura es Medicare.",
    "medicare_medi_cal": "Tengo Medicare y Medi-Cal.",
    "self_funded": "Mi cobertura es un plan autofinanciado (self-funded) de mi trabajo.",
    "cdi": "Mi cobertura es una póliza de seguro regulada por el Departamento de Seguros.",
    "fehb": "Mi cobertura es un plan de empleados federales (FEHB).",
    "tricare": "Mi cobertura es TRICARE.",
    "va": "Mi cobertura es la atención médica del VA.",
    "workers_comp": "Se trata de atención por una lesión de trabajo (compensación de trabajadores).",
    "unknown": "No estoy seguro de qué agencia regula mi plan de salud.",
}
SUMMARY_ASKS = {
    "imr": "Pido una Revisión Médica Independiente (IMR).",
    "complaint": "Pido al DMHC que revise mi queja.",
    "either": "Pido al DMHC que revise mi caso.",
}
SUMMARY_SAYS = {
    "serious": "Tengo una enfermedad que amenaza mi vida o es gravemente debilitante.",
    "urgent": "Mi situación es urgente: esperar pone mi salud en grave riesgo.",
    "no_hearing": "No he pedido ni tenido una Audiencia Estatal (State Hearing) de Medi-Cal sobre "
                  "este asunto.",
    "filed": "Presenté una queja formal (grievance) o apelación ante mi plan{when}.",
    "filed_on": " el {date}",
    "decided": "El plan me envió su decisión por escrito{when}.",
    "decided_on": " con fecha del {date}",
    "no_decision": "El plan no me ha enviado una decisión por escrito.",
    "not_filed": "No he presentado una queja formal (grievance) ante mi plan.",
    "late": "Presento esta solicitud más de seis meses después de la decisión del plan porque: "
            "(explique qué le impidió presentarla antes).",
}
