"""What the bot says about past IMR decisions, in English and Spanish, from counts the store made.

Why these words: the data counts only cases the independent reviewers decided, so its rate
(43.9% overall) is not the "about 60%" the DMHC gives, which also counts plans that reversed
their own denial (rules.md: never present the data's rate as the chance of getting the
service). Every answer says what was counted, the years, and where the data comes from; small
counts get a warning (fewer than 30 decisions) or no rate at all (fewer than 10).
Pure: no Rasa import; every figure comes from an Outcome.
"""
from __future__ import annotations

from typing import List, Optional

from bot.domain.contacts import line
from bot.imr.store import Coverage, Filters, Outcome

AGE_ENTITY = "imr_age"  # the entity of the age buttons' payloads
FEW = 30  # below this, the rate is given with a warning
TOO_FEW = 10  # below this, no rate at all

TYPE_WORDS = {
    "en": {"Medical Necessity": "medical necessity reviews",
           "Experimental/Investigational": "reviews of treatments called experimental",
           "Urgent Care": "urgent reviews"},
    "es": {"Medical Necessity": "revisiones de necesidad médica",
           "Experimental/Investigational": "revisiones de tratamientos llamados experimentales",
           "Urgent Care": "revisiones urgentes"},
}
GENDER_WORDS = {"en": {"Female": "women and girls", "Male": "men and boys"},
                "es": {"Female": "mujeres y niñas", "Male": "hombres y niños"}}


def percent(outcome: Outcome) -> str:
    """The overturn rate as a whole percent: 204 of 550 -> "37%"."""
    return f"{round(100 * outcome.overturned / outcome.total)}%" if outcome.total else ""


def _ages(ranges: tuple, language: str) -> str:
    if not ranges:
        return ""
    lows = [r.split("-")[0].rstrip("+") for r in ranges]
    last = ranges[-1]
    top = "+" if last.endswith("+") else last.split("-")[1]
    span = f"{lows[0]}+" if top == "+" else f"{lows[0]}-{top}"
    return f"ages {span}" if language == "en" else f"edades {span}"


def subject(filters: Filters, language: str = "en") -> str:
    """What was counted, in the data's own words: "MRI, for women, ages 41-50, 2010-2016"."""
    parts: List[str] = []
    for category in (filters.treatment, filters.diagnosis):
        if category is not None:
            parts.append(category.name)
    if filters.review_type:
        parts.append(TYPE_WORDS[language][filters.review_type])
    if filters.gender:
        parts.append(("for " if language == "en" else "para ") + GENDER_WORDS[language][filters.gender])
    if filters.age_ranges:
        parts.append(_ages(filters.age_ranges, language))
    if filters.years:
        low, high = filters.years
        parts.append(str(low) if low == high else f"{low}-{high}")
    if not parts:
        return "all reviews" if language == "en" else "todas las revisiones"
    return ", ".join(parts)


def _source(coverage: Coverage, language: str) -> str:
    early = coverage.layout == "2001-2016 export"
    if language == "es":
        return ("Fuente: decisiones de IMR publicadas por el DMHC (datos abiertos de California"
                + (", una copia temprana" if early else "") + f", {coverage.first_year}-{coverage.last_year}).")
    return ("Source: the DMHC's published IMR decisions (California open data"
            + (", an early copy" if early else "") + f", {coverage.first_year}-{coverage.last_year}).")


def figures(outcome: Outcome, filters: Filters, language: str = "en") -> str:
    """The counts, with the small-number rules applied."""
    what = subject(filters, language)
    years = (f"{outcome.first_year}-{outcome.last_year}" if outcome.first_year != outcome.last_year
             else str(outcome.first_year))
    es = language == "es"
    if outcome.total == 0:
        return (f"No encontré decisiones de IMR para: {what}." if es
                else f"I found no IMR decisions for: {what}.")
    if outcome.total < TOO_FEW:
        count_es = "1 decisión" if outcome.total == 1 else f"{outcome.total:,} decisiones"
        count_en = ("is only 1 decision" if outcome.total == 1
                    else f"are only {outcome.total:,} decisions")
        return (f"Para {what}: solo hay {count_es} ({years}): {outcome.overturned:,} "
                f"anuladas y {outcome.upheld:,} confirmadas. Son muy pocas para dar un porcentaje justo."
                if es else
                f"For {what}: there {count_en} ({years}): {outcome.overturned:,} "
                f"overturned and {outcome.upheld:,} upheld. That is too few to give a fair rate.")
    text = (f"Para {what}: {outcome.total:,} decisiones de IMR ({years}). Los revisores independientes "
            f"anularon la negación del plan en {outcome.overturned:,} ({percent(outcome)}) y la "
            f"confirmaron en {outcome.upheld:,}."
            if es else
            f"For {what}: {outcome.total:,} IMR decisions ({years}). The independent reviewers "
            f"overturned the plan's denial in {outcome.overturned:,} ({percent(outcome)}) and upheld "
            f"it in {outcome.upheld:,}.")
    if outcome.total < FEW:
        text += (" Son pocas decisiones, así que el porcentaje puede variar mucho." if es
                 else " That is a small number of decisions, so the rate can change a lot.")
    return text


def what_it_counts(language: str = "en") -> str:
    if language == "es":
        return ("Esto cuenta solo los casos que decidieron los revisores. La cifra del DMHC de "
                "\"cerca del 60%\" mide otra cosa: también cuenta los planes que cambiaron su "
                "propia decisión antes. Los casos pasados no dicen cómo saldrá el suyo.")
    return ("This counts only cases the reviewers decided. The DMHC's \"about 60%\" is a different "
            "figure: it also counts plans that reversed their own denial first. Past cases can't "
            "tell you how yours will turn out.")


def reply(outcome: Outcome, filters: Filters, coverage: Coverage, language: str = "en",
          wider: Optional[Outcome] = None, wider_filters: Optional[Filters] = None) -> str:
    """The whole answer: figures, what they count, and the source."""
    parts = [figures(outcome, filters, language)]
    if wider is not None and wider_filters is not None and wider.total >= TOO_FEW:
        parts.append(figures(wider, wider_filters, language))
    if outcome.total == 0:
        parts.append((f"Los datos cubren {coverage.first_year}-{coverage.last_year}." if language == "es"
                      else f"The data covers {coverage.first_year}-{coverage.last_year}."))
    parts.append(what_it_counts(language))
    parts.append(_source(coverage, language))
    return " ".join(parts)


def sms_line(outcome: Outcome, filters: Filters, coverage: Coverage, language: str = "en") -> str:
    """One text message: the figure, the years and what it counts."""
    what = subject(filters, language)
    span = f"{coverage.first_year}-{coverage.last_year}"
    es = language == "es"
    if outcome.total < TOO_FEW:
        return (f"IMR {what}: solo {outcome.total:,} decisiones ({span}), muy pocas para un porcentaje. "
                f"Centro de Ayuda: {line('help_center')}" if es else
                f"IMR {what}: only {outcome.total:,} decisions ({span}), too few for a rate. "
                f"Help Center: {line('help_center')}")
    few = (" (pocas)" if es else " (few cases)") if outcome.total < FEW else ""
    return (f"IMR {what}: los revisores anularon {outcome.overturned:,} de {outcome.total:,} negaciones "
            f"({percent(outcome)}){few}, {span}, datos del DMHC. No incluye planes que cambiaron su decisión."
            if es else
            f"IMR {what}: reviewers overturned {outcome.overturned:,} of {outcome.total:,} denials "
            f"({percent(outcome)}){few}, {span}, DMHC data. Doesn't count plans that reversed themselves.")


def ask_which(language: str = "en") -> str:
    """When a question names no treatment or condition."""
    if language == "es":
        return ("Puedo buscar cómo salieron las IMR pasadas para un tratamiento o una condición. "
                "¿Cuál? Por ejemplo: \"resonancia magnética\", \"terapia ABA\" o \"cáncer de mama\".")
    return ("I can look up how past IMRs turned out for a treatment or a condition. Which one? For "
            "example: \"MRI\", \"ABA therapy\" or \"breast cancer\".")


def ask_age(language: str = "en") -> str:
    """When someone says "for someone my age" without an age."""
    if language == "es":
        return "Si me dice la edad del paciente en años, lo busco para esa edad."
    return "If you tell me the patient's age in years, I can look it up for that age."


def unavailable(language: str = "en") -> str:
    """When the store cannot be read: the person still gets somewhere."""
    if language == "es":
        return ("No puedo consultar las decisiones de IMR pasadas en este momento. El Centro de "
                f"Ayuda puede ayudarle: {line('help_center')}.")
    return ("I can't look up past IMR decisions right now. The Help Center can help: "
            f"{line('help_center')}.")


def offer(category_name: str, language: str = "en") -> str:
    """After the check's result, when the person named a treatment earlier."""
    if language == "es":
        return f"¿Quiere ver cómo salieron las IMR pasadas para {category_name}?"
    return f"Would you like to see how past IMRs turned out for {category_name}?"


def age_payload(age: str) -> str:
    """The payload of one age button: a fixed string per age range of the data."""
    return '/imr_outcomes{"%s":"%s"}' % (AGE_ENTITY, age)
