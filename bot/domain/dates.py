"""Dates people type ("last Tuesday", "3 weeks ago", "Oct 5") and the DMHC deadlines built on them.

Pure logic, no Rasa import, so actions and tests can share it. Deadline rules come from
../shared/domain/rules.md: IMR / Consumer Complaint within 6 months of the plan's written
decision (§ deadlines table), IMR allowed once 30 days have passed since the plan grievance
(R12/R13), Medi-Cal State Hearing within 120 calendar days of the plan's appeal decision.

Parsing policy (why things are rejected):
* The answer must be the date itself ("Oct 5", "on Oct 5 I think"), not a whole story.
* ``dateparser`` is permissive ("5" -> May 1, "a" -> Jan 1, "may 32" -> 1932), so text must
  contain a cue: a month name, a weekday, a relative word (today, yesterday, ago, last,
  week/month/year) or a numeric date with a separator ("3/4", "2026-10-05"). Bare numbers and
  bare years ("2025") are "unreadable": they are too vague to count a deadline from.
* Anything that resolves after today is "future"; more than 10 years back is "too_old".
* Vague or fractional phrases ("a few weeks ago", "a week and a half ago", "last weekend",
  "last summer", holiday names) are "unreadable" so the bot asks for a clearer date instead of
  guessing a deadline.
* Spanish is read too ("el 5 de octubre", "hace tres semanas", "a mediados de septiembre",
  "el martes pasado", "antier"): known Spanish shapes are rewritten into the English ones above,
  so the same rules apply; "no sé" / "nunca" / "todavía no" and Spanish that fits no known shape
  are "unreadable" (see the Spanish section for why dateparser stays English-only).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Optional
from zoneinfo import ZoneInfo

import dateparser
import holidays

from bot.text import fold_accents

TZ = ZoneInfo("America/Los_Angeles")

FUTURE = "future"
UNREADABLE = "unreadable"
TOO_OLD = "too_old"
MAX_YEARS_BACK = 10


def today_in_california(now: Optional[datetime] = None) -> date:
    """Today's date in California: deadlines are counted in the Help Center's time zone, not the server's.

    ``now`` may be given for tests; a naive datetime is taken as UTC (server clocks, Rasa timestamps).
    """
    if now is None:
        return datetime.now(TZ).date()
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(TZ).date()


@dataclass(frozen=True)
class DateAnswer:
    """Result of reading a typed date: either ``value`` or a ``problem`` the bot can explain."""

    value: Optional[date]
    problem: Optional[str]  # "future" | "unreadable" | "too_old"; None when value is set

    @property
    def ok(self) -> bool:
        """True when a usable past date was read."""
        return self.problem is None


# --------------------------------------------------------------------------- calendar arithmetic


def add_days(d: date, days: int) -> date:
    """Calendar days (DMHC and CDSS deadlines are calendar days unless stated otherwise)."""
    return d + timedelta(days=days)


def add_months(d: date, months: int) -> date:
    """Same day-of-month ``months`` later, clamped to the month's end (Aug 31 + 6 months = Feb 28/29)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


# holidays 0.86, US + subdiv "CA", default "public" category (expand=True fills years on demand):
# federal: New Year's Day, MLK Day, Presidents' Day, Memorial Day, Juneteenth, Independence Day,
# Labor Day, Veterans Day, Thanksgiving, Christmas (with weekend "observed" days);
# California: Cesar Chavez Day (Mar 31, Sunday -> Monday), Day After Thanksgiving, and
# Susan B. Anthony Day (Feb 15, since 2014). Lincoln's Birthday only up to 2009, Columbus Day only
# up to 2008; no Native American Day. This is the package's list, not CalHR's, so treat
# business-day results as estimates.
CA_HOLIDAYS = holidays.country_holidays("US", subdiv="CA")


def is_business_day(d: date) -> bool:
    """Monday-Friday and not a California holiday as listed by the ``holidays`` package."""
    return d.weekday() < 5 and d not in CA_HOLIDAYS


def add_business_days(d: date, n: int) -> date:
    """``n`` working days after ``d`` (before it if negative), e.g. the plan's 5-working-day rule.

    ``d`` itself is never counted; with n == 0 ``d`` is returned unchanged.
    """
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    current = d
    while remaining:
        current += timedelta(days=step)
        if is_business_day(current):
            remaining -= 1
    return current


SPANISH_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "septiembre", "octubre", "noviembre", "diciembre")


def say_date(d: date, language: str = "en") -> str:
    """How the bot says a date: "May 14, 2027" (full month, no leading zero, US order), or in
    Spanish "14 de mayo de 2027" (month names spelled out, never locale-dependent)."""
    if language == "es":
        return f"{d.day} de {SPANISH_MONTHS[d.month - 1]} de {d.year}"
    return f"{calendar.month_name[d.month]} {d.day}, {d.year}"


def days_since(d: date, today: date) -> int:
    """Whole calendar days from ``d`` to ``today`` (negative if ``d`` is later)."""
    return (today - d).days


def imr_deadline(decision: date) -> date:
    """Last day to apply for IMR / file a Consumer Complaint: 6 months after the plan's written decision."""
    return add_months(decision, 6)


def earliest_filing_after_grievance(filed: date) -> date:
    """When DMHC can take the case if the plan has not answered: 30 days after the grievance was filed."""
    return add_days(filed, 30)


def medi_cal_hearing_deadline(decision: date) -> date:
    """Medi-Cal State Hearing request deadline: 120 calendar days after the plan's appeal decision."""
    return add_days(decision, 120)


# --------------------------------------------------------------------------- parsing

_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_MONTH_RE = (
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b"
)
_UNIT = r"(minute|hour|day|week|month|year)s?"
_WEEKDAY_RE = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_RELATIVE_CUE_RE = r"\b(today|yesterday|ago|last|week|weeks|month|months|year|years)\b"
_NUMERIC_DATE_RE = r"\d{1,4}[/.-]\d{1,2}([/.-]\d{2,4})?"

# Said before or after the date and carrying no date information. "in" is dropped only before
# a month/year ("in September"); "in 3 weeks" stays, since it points to the future.
_LEADING_FILLERS = (
    "i think", "i believe", "i guess", "i'm pretty sure", "im pretty sure", "pretty sure",
    "probably", "maybe", "perhaps", "approximately", "approx", "roughly", "about", "around",
    "like", "somewhere around", "sometime", "some time", "it was", "that was", "just",
    "back in", "since", "on",
)
_TRAILING_FILLERS = ("or so", "i think", "i believe", "maybe", "probably", "or something", "roughly")

# Parts of a month; "beginning"/"end" are literal, "early"/"late" pick a day inside the range.
_PART_OF_MONTH = {
    "beginning of": 1, "start of": 1, "early": 5, "mid": 15, "middle of": 15, "late": 25, "end of": -1,
}

_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "MDY",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def _normalize(text: str) -> str:
    """Lower-case, tidy punctuation, spell out numbers and abbreviations, drop filler words."""
    t = (text or "").lower().strip()
    t = t.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"[!?;:\"()]+", " ", t)
    t = re.sub(r"\s+", " ", t).strip(" .,")
    t = re.sub(r"\b(mid|early|late)-", r"\1 ", t)  # "mid-August"
    t = re.sub(r"(\d)\s*-?ish\b|\s*-?\bish\b", r"\1", t)  # "3ish weeks ago", "Oct 5-ish"
    t = re.sub(r"\b(a\s+)?couple( of)?\b", "2", t)
    # "forty five" / "forty-five" -> 45, then single number words -> digits
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    t = re.sub(rf"\b({tens})[\s-]({ones})\b",
               lambda m: str(_NUMBER_WORDS[m.group(1)] + _NUMBER_WORDS[m.group(2)]), t)
    t = re.sub(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", lambda m: str(_NUMBER_WORDS[m.group(1)]), t)
    t = re.sub(r"\b(a|an)\s+(?=" + _UNIT + r"\b)", "1 ", t)
    t = re.sub(r"\bwks?\b", "weeks", t)
    t = re.sub(r"\b(mos|mths?)\b", "months", t)
    t = re.sub(r"\byrs?\b", "years", t)
    t = re.sub(r"\b(" + _UNIT + r")\s+back\b", r"\1 ago", t)  # "2 weeks back"
    t = re.sub(r"'(\d{2})\b", r"20\1", t)  # "Oct '25"
    changed = True
    while changed:
        changed = False
        for filler in _LEADING_FILLERS:
            if t.startswith(filler + " "):
                t, changed = t[len(filler) + 1:].strip(" ,"), True
        if re.match(r"in (?!\d|the next)", t):  # "in September", not "in 3 weeks"
            t, changed = t[3:].strip(" ,"), True
        for filler in _TRAILING_FILLERS:
            if t.endswith(" " + filler):
                t, changed = t[: -len(filler) - 1].strip(" ,"), True
    return t


# --------------------------------------------------------------------------- Spanish
#
# Spanish answers are rewritten into the English shapes the readers below already understand
# ("hace tres semanas" -> "3 weeks ago", "el 5 de octubre" -> "october 5", "a mediados de
# septiembre" -> "mid september"), so the future / too-old / unreadable rules are the very same
# code for both languages. Only whole, known Spanish shapes are rewritten (see _es_rewrite);
# Spanish text that fits none of them is unreadable, never handed to dateparser to guess at.
#
# dateparser stays English-only. Measured with dateparser 1.2.0: languages=["en", "es"] changes
# none of the English results in tests/unit/test_dates.py, but it reads only about half of the
# shapes people type ("el 5 de octubre", "antier", "el martes pasado", "a principios de agosto",
# "hace como 3 semanas" and "el 15/10" all come back None), and it reads a bare duration as a
# date ("una semana" -> a week ago), so it would add guesses without adding coverage.

_ES_MONTHS = {
    "enero": "january", "ene": "january", "febrero": "february", "feb": "february",
    "marzo": "march", "mar": "march", "abril": "april", "abr": "april", "mayo": "may",
    "junio": "june", "jun": "june", "julio": "july", "jul": "july", "agosto": "august",
    "ago": "august", "septiembre": "september", "setiembre": "september", "sept": "september",
    "sep": "september", "set": "september", "octubre": "october", "oct": "october",
    "otubre": "october", "obtubre": "october",
    "noviembre": "november", "novienbre": "november", "nov": "november",
    "diciembre": "december", "dicienbre": "december", "dic": "december",
}
# Full names only: abbreviations such as "mar" or "ago" are also English words, so they count as
# a month only inside a Spanish date shape ("5 de ago"), never as a sign that the text is Spanish.
_ES_MONTH_NAMES = [word for word in _ES_MONTHS if len(word) > 4 or word == "mayo"]
_ES_WEEKDAYS = {
    "lunes": "monday", "martes": "tuesday", "miercoles": "wednesday", "jueves": "thursday",
    "viernes": "friday", "sabado": "saturday", "domingo": "sunday",
}
_ES_UNITS = {
    "minuto": "minute", "minutos": "minute", "hora": "hour", "horas": "hour", "dia": "day",
    "dias": "day", "semana": "week", "semanas": "week", "mes": "month", "meses": "month",
    "ano": "year", "anos": "year",  # "año" once the tilde is gone, as people also type it
}
_ES_ONES = {"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
            "siete": 7, "ocho": 8, "nueve": 9}
_ES_NUMBERS = {
    **_ES_ONES, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    **{"veinti" + word: 20 + value for word, value in _ES_ONES.items()},
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "primero": 1, "primer": 1,
}
_ES_TENS = "treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa"

_ES_MONTH = "(" + "|".join(sorted(_ES_MONTHS, key=len, reverse=True)) + ")"
_ES_WEEKDAY = "(" + "|".join(_ES_WEEKDAYS) + ")"
_ES_UNIT = "(" + "|".join(sorted(_ES_UNITS, key=len, reverse=True)) + ")"

# Words that only a Spanish answer contains, looked for after _es_clean (so number words are
# digits by then). Deliberately missing: "a", "mar", "ago", "sept", "final", "media", "era"...,
# which English answers may use ("a month ago", "Mar 5", "final decision").
_ES_CUE_RE = r"\b(" + "|".join([
    "hace", "ase", "ayer", "antier", "anteayer", "trasantier", "anoche", "hoy", "manana", "pasad[oa]",
    "antepasad[oa]", "proxim[oa]", "siguiente", "entrante", "dentro", "atras", "semanas?", "mes",
    "meses", "anos?", "dias?", "horas?", "minutos?", "de", "del", "el", "la", "los", "las", "en",
    "al", "y", "o", "est[ea]", "principios?", "inicios?", "comienzos?", "mediados", "mitad",
    "finales", "fines", "nunca", "todavia", "aun", "ni", "se", "acuerdo", "recuerdo",
    "creo", "como", "mas", "menos", "unos", "unas", "varios", "varias", "algunos", "algunas",
    "poco", "mucho", "tiempo", "rato", "medio", "quizas?", "tal", "fue",
    "cerca", "alrededor", "aproximadamente", "aprox", "ahi", "segun", "pues", "bueno",
    *_ES_MONTH_NAMES, *_ES_WEEKDAYS,
]) + r")\b"

# Answers that say there is no date: never turned into one, even when a date follows
# ("no sé, creo que el 5" -> the bot asks again rather than pick a date out of a doubt).
_ES_NON_ANSWER_RE = (r"\b(no (lo )?se|no me acuerdo|no (lo )?recuerdo|ni idea|no tengo idea|nunca|"
                     r"(todavia|aun) no|no (me )?(han|ha)|quien sabe|no estoy segur[oa])\b")

_ES_LEADING_FILLERS = (
    r"(yo )?creo( que)?|pienso que|me parece que|segun yo|como|mas o menos|mas menos|"
    r"aproximadamente|aprox|alrededor|cerca|por ahi|tal vez|quizas?|a lo mejor|probablemente|"
    r"seguramente|eso fue|fue|era|pues|bueno|desde|casi|ya"
)
_ES_TRAILING_FILLERS = (
    r"mas o menos|mas menos|(yo )?creo( yo)?|o algo asi|o asi|aproximadamente|tal vez|quizas?|"
    r"(o )?por ahi|segun yo|mismo|misma"
)
_ES_PART_OF_MONTH = {
    "principios": "early", "inicios": "early", "comienzos": "early",
    "principio": "beginning of", "inicio": "beginning of", "comienzo": "beginning of",
    "mediados": "mid", "mitad": "mid", "finales": "late", "fines": "late", "final": "end of",
}
# Whole answers with one fixed English equivalent. "el año pasado", "esta semana" and
# "este mes" are missing on purpose: they name a span, not a day (unreadable, the bot asks again).
_ES_FIXED = {
    r"hoy|hoy (en|por) la (manana|tarde|noche)|esta (manana|tarde|noche)|hoy temprano": "today",
    r"ayer|ayer (en|por) la (manana|tarde|noche)|ayer temprano": "yesterday",
    r"anoche": "last night",
    r"antier|anteayer|antes de ayer|(antier|anteayer) (en|por) la (manana|tarde|noche)":
        "day before yesterday",
    r"antes de (antier|anteayer)|trasantier|trasanteayer": "3 days ago",
    r"(la )?(semana pasada|pasada semana)": "last week",
    r"(el )?(mes pasado|pasado mes)": "last month",
    r"(la )?semana antepasada": "2 weeks ago",
    r"(el )?mes antepasado": "2 months ago",
    r"manana|manana (en|por) la (manana|tarde|noche)": "tomorrow",
    r"pasado manana": "day after tomorrow",
    r"(la )?(proxima|siguiente) semana|(la )?semana (que viene|entrante|proxima)": "next week",
    r"(el )?(proximo|siguiente) mes|(el )?mes (que viene|entrante|proximo)": "next month",
}


def _looks_spanish(t: str) -> bool:
    """True when lower-cased, accent-free text has a word only Spanish answers use."""
    return re.search(_ES_CUE_RE, t) is not None


def _es_clean(text: str) -> str:
    """Lower-case, drop accents and "¿¡", spell numbers as digits ("tres" -> 3, "1ro" -> 1)."""
    t = fold_accents(text or "")  # "días" -> "dias", "año" -> "ano"
    t = re.sub(r"[¡¿!?;:\"()]+", " ", t)
    t = re.sub(r"(?<=[a-z])\.", " ", t)  # "5 de oct. de 2025"
    t = re.sub(r"\s+", " ", t).strip(" .,")
    t = re.sub(r"\b1\s?(o|ro|ero|er|°)\b", "1", t)  # "1ro de octubre", "1º" (NFKD made it "1o")
    t = re.sub(r"\b(un )?par de\b", "2", t)  # "hace un par de semanas"
    t = re.sub(rf"\b({_ES_TENS}) y ({'|'.join(_ES_ONES)})\b",
               lambda m: str(_ES_NUMBERS[m.group(1)] + _ES_ONES[m.group(2)]), t)
    return re.sub(r"\b(" + "|".join(_ES_NUMBERS) + r")\b", lambda m: str(_ES_NUMBERS[m.group(1)]), t)


def _es_strip_fillers(t: str) -> str:
    """Drop hedges said around the date ("creo que fue", "más o menos", "o algo así")."""
    while True:
        stripped = re.sub(rf"^({_ES_LEADING_FILLERS}) ", "", t)
        stripped = re.sub(rf" ({_ES_TRAILING_FILLERS})$", "", stripped).strip(" ,")
        stripped = re.sub(r"^del ", "el ", stripped)  # "alrededor del 10" -> "el 10"
        if stripped == t:
            return t
        t = stripped


def _es_split_year(t: str, today: date) -> tuple[str, Optional[int]]:
    """Take a trailing year off a month phrase: "octubre de 2025", "5 de oct del año pasado"."""
    m = re.fullmatch(rf"(.*\b{_ES_MONTH}\b.*?),? (?:(?:de|del|en) )?(?:el )?"
                     r"(\d{4}|este ano|ano pasado|ano antepasado)", t)
    if not m:
        return t, None
    said = m.group(3)
    if said.isdigit():
        return m.group(1), int(said)
    back = {"este ano": 0, "ano pasado": 1, "ano antepasado": 2}[said]
    return m.group(1), today.year - back


def _es_month(t: str, year: Optional[int], today: date) -> Optional[str]:
    """A month on its own: "octubre", "en octubre", "el mes de oct", "octubre pasado"."""
    m = re.fullmatch(rf"(?:(?:en|para|a|por) )?(?:el mes de )?(el pasado )?{_ES_MONTH}( pasado)?", t)
    if not m:
        return None
    month = _ES_MONTHS[m.group(2)]
    if year is None and (m.group(1) or m.group(3)):  # "octubre pasado": the last one already over
        number = list(calendar.month_name).index(month.capitalize())
        year = today.year if number < today.month else today.year - 1
    return f"{month} {year}" if year else month


def _es_month_day(t: str, year: Optional[int]) -> Optional[str]:
    """A day of a month: "el 5 de octubre", "5 de oct", "el lunes 5 de octubre", "octubre 5".

    A weekday said with the date ("el lunes 5 de octubre") is not checked against it: the date wins.
    """
    m = re.fullmatch(rf"(?:el )?(?:{_ES_WEEKDAY},? )?(?:dia )?(\d{{1,2}}) (?:de )?{_ES_MONTH}(?: pasado)?", t)
    day_first = m is not None
    m = m or re.fullmatch(rf"{_ES_MONTH} (\d{{1,2}})", t)
    if not m:
        return None
    day, month = m.groups()[-2:] if day_first else reversed(m.groups())
    return f"{_ES_MONTHS[month]} {day}" + (f", {year}" if year else "")


def _es_part_of_month(t: str, year: Optional[int], today: date) -> Optional[str]:
    """ "a principios de agosto" -> "early august", "a finales del mes pasado" -> "late last month"."""
    m = re.fullmatch(r"(?:(?:a|al|hacia|para|por|en) )?(?:(?:los|las|el|la) )?("
                     + "|".join(_ES_PART_OF_MONTH) + r") (?:de|del) (?:(?:el|la|este) )?(.+)", t)
    if not m:
        return None
    rest = m.group(2)
    if rest in ("mes pasado", "pasado mes"):
        inner: Optional[str] = "last month"
    elif rest in ("mes", "este mes"):
        inner = "this month"
    else:
        inner = _es_month(rest, year, today)
    return f"{_ES_PART_OF_MONTH[m.group(1)]} {inner}" if inner else None


def _es_relative(t: str) -> Optional[str]:
    """ "hace 3 semanas" -> "3 weeks ago", "en 2 meses" / "dentro de un mes" -> "in 2 months"."""
    hedges = r"(?:(?:como|unos|unas|mas o menos|aproximadamente|aprox|alrededor de|cerca de|casi|ya) )*"
    m = (re.fullmatch(rf"(?:hace|ase|ace) {hedges}(\d+) {_ES_UNIT}( y medi[oa])?( atras)?", t)
         or re.fullmatch(rf"{hedges}(\d+) {_ES_UNIT}( y medi[oa])? atras", t))
    if m:
        n, unit = int(m.group(1)), _ES_UNITS[m.group(2)]
        half = " and a half" if m.group(3) else ""  # -> unreadable, as "a week and a half ago"
        return f"{n} {unit}{'' if n == 1 else 's'}{half} ago"
    m = re.fullmatch(rf"(?:en|dentro de) {hedges}(\d+) {_ES_UNIT}", t)
    if m:
        n, unit = int(m.group(1)), _ES_UNITS[m.group(2)]
        return f"in {n} {unit}{'' if n == 1 else 's'}"
    return None


def _es_weekday(t: str) -> Optional[str]:
    """ "el martes pasado" -> "last tuesday", "el lunes" -> "monday", "el próximo viernes" -> "next friday"."""
    m = re.fullmatch(rf"(?:el )?(pasado |proximo |este )?{_ES_WEEKDAY}"
                     r"( pasado| que paso| que viene| proximo| entrante)?", t)
    if not m:
        return None
    words = (m.group(1) or "") + (m.group(3) or "")
    qualifier = ("last " if "pas" in words else "next " if re.search("prox|viene|entrante", words)
                 else "this " if "este" in words else "")
    return qualifier + _ES_WEEKDAYS[m.group(2)]


def _es_day_only(t: str) -> Optional[str]:
    """ "el 5" / "el día 5" -> "the 5th"; "el 20 del mes pasado" -> "the 20th of last month".

    A bare "5" needs the "el" or "día", as in English: alone it is just a number.
    """
    m = re.fullmatch(r"(?:el dia|el|dia) (\d{1,2})( (?:de este mes|de este|del mes|del mes pasado))?", t)
    if not m:
        return None
    month = {None: "", " del mes pasado": " of last month"}.get(m.group(2), " of this month")
    return f"the {m.group(1)}th{month}"  # the English reader accepts any ordinal suffix


def _es_numeric(t: str) -> Optional[str]:
    """ "el 15/10" -> "15/10", read by _numeric: day first only when the first number is over 12.

    "el 5/10" stays May 10 (month first), as for English: the plan letters and forms people copy
    dates from in California print month/day, and the same digits must not mean two different
    days depending on the language the person writes in. The summary of answers shows the date in
    words (slots.describe -> say_date), where a person who meant October can correct it.
    """
    m = re.fullmatch(r"(?:el )?(?:dia )?(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)", t)
    return m.group(1) if m else None


def _es_rewrite(t: str, today: date) -> Optional[str]:
    """English wording for one whole Spanish date answer, or None when it fits no known shape."""
    for pattern, english in _ES_FIXED.items():
        if re.fullmatch(pattern, t):
            return english
    body, year = _es_split_year(t, today)
    return (_es_month_day(body, year) or _es_part_of_month(body, year, today)
            or _es_month(body, year, today) or _es_relative(t) or _es_weekday(t)
            or _es_day_only(t) or _es_numeric(t))


def _from_spanish(text: str, today: date) -> Optional[str]:
    """Spanish answers rewritten as English ones; English text comes back unchanged.

    None means "Spanish, but not a date we can read" ("no sé", "hace mucho", "hace 3 semans"):
    the caller reports it unreadable instead of letting dateparser guess from the leftovers.
    """
    t = _es_clean(text)
    if not _looks_spanish(t):
        return text
    if re.search(_ES_NON_ANSWER_RE, t):
        return None
    t = _es_strip_fillers(t)
    english = _es_rewrite(t, today)
    if english is not None:
        return english
    # Hedges may have been all that was Spanish ("2026-10-05 creo"): let the English readers try.
    return None if _looks_spanish(t) else t


def _checked(value: date, today: date) -> DateAnswer:
    """Apply the future / too-old rules to a date that was read."""
    if value > today:
        return DateAnswer(None, FUTURE)
    if value < add_months(today, -12 * MAX_YEARS_BACK):
        return DateAnswer(None, TOO_OLD)
    return DateAnswer(value, None)


def _recent_month_day(month: int, day: int, today: date) -> Optional[date]:
    """Most recent valid month/day on or before today (a yearless "Dec 20" in Nov means last December)."""
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _numeric(t: str, today: date) -> Optional[DateAnswer]:
    """US numeric dates "3/4", "10/05/2026", "12/20/26" (dateparser reads "/26" as 1926).

    Month first; only when the first number cannot be a month is it read day-first ("25/12/2025").
    """
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", t)
    if not m or ("." in t and m.group(3) is None):  # "10.5" is more likely a number than Oct 5
        return None
    month, day = int(m.group(1)), int(m.group(2))
    if month > 12 and day <= 12:  # unambiguous day/month ("25/12/2025")
        month, day = day, month
    if m.group(3) is None:
        found = _recent_month_day(month, day, today) if 1 <= month <= 12 and 1 <= day <= 31 else None
        return _checked(found, today) if found else DateAnswer(None, UNREADABLE)
    year = int(m.group(3))
    if year < 100:
        year += 2000
    try:
        return _checked(date(year, month, day), today)
    except ValueError:
        return DateAnswer(None, UNREADABLE)


def _time_of_day(t: str, today: date) -> Optional[DateAnswer]:
    """Time-of-day phrases ("this morning", "last night", "an hour ago") -> today / yesterday."""
    if re.fullmatch(r"(this|earlier this) (morning|afternoon|evening)|tonight|earlier today|just now|"
                    r"today (morning|afternoon|evening)|today", t):
        return _checked(today, today)
    if re.fullmatch(r"yesterday( (morning|afternoon|evening|night))?|last night|"
                    r"(the )?night before|yesterday's", t):
        return _checked(add_days(today, -1), today)
    if re.fullmatch(r"(the )?day before yesterday", t):
        return _checked(add_days(today, -2), today)
    m = re.fullmatch(r"(\d+) (minute|hour)s? ago", t)
    if m:
        hours = int(m.group(1)) if m.group(2) == "hour" else 0
        return _checked(add_days(today, -(hours // 24)), today)
    return None


def _weekday(t: str, today: date) -> Optional[DateAnswer]:
    """Weekday names, which dateparser 1.2 misses with "last" ("last Tuesday" -> None).

    Bare / "last" / "past" / "this past" weekday: the most recent one before today (1-7 days back).
    "this <weekday>": that day in the current Monday-Sunday week (future if not reached yet).
    "next" / "coming" weekday: future.
    """
    m = re.fullmatch(r"(last|past|this past|the past|this|next|this coming|coming)? ?(" + _WEEKDAY_RE + r")", t)
    if not m:
        return None
    qualifier, weekday = m.group(1), _WEEKDAYS[m.group(2)]
    if qualifier in ("next", "this coming", "coming"):
        return DateAnswer(None, FUTURE)
    if qualifier == "this":
        return _checked(add_days(today, weekday - today.weekday()), today)
    back = (today.weekday() - weekday) % 7 or 7
    return _checked(add_days(today, -back), today)


def _day_of_month(t: str, today: date) -> Optional[DateAnswer]:
    """A bare day ("the 5th") -> the most recent 5th on or before today (dateparser says May 1)."""
    m = re.fullmatch(r"(the )?(\d{1,2})(st|nd|rd|th)( of (the|this|last) month)?", t)
    if not m:
        return None
    day = int(m.group(2))
    if not 1 <= day <= 31:
        return DateAnswer(None, UNREADABLE)
    if m.group(5) == "last":
        month_start = add_months(today.replace(day=1), -1)
        try:
            return _checked(month_start.replace(day=day), today)
        except ValueError:
            return DateAnswer(None, UNREADABLE)
    for back in range(0, 12):
        month_start = add_months(today.replace(day=1), -back)
        if day > calendar.monthrange(month_start.year, month_start.month)[1]:
            continue
        candidate = month_start.replace(day=day)
        if candidate <= today:
            return _checked(candidate, today)
        if m.group(5) == "this":
            return DateAnswer(None, FUTURE)
    return DateAnswer(None, UNREADABLE)


def _part_of_month(t: str, today: date) -> Optional[DateAnswer]:
    """Parts of a month: "early March" -> 5th, "mid-August" -> 15th, "late May" -> 25th, "end of" -> last day.

    "beginning/start of" -> 1st. If the day lands after today in the current month (e.g. "late
    November" said on Nov 20) it is clamped to today: the event has already happened.
    """
    m = re.fullmatch(r"(the )?(" + "|".join(_PART_OF_MONTH) + r") (.+)", t)
    if not m:
        return None
    rest = m.group(3)
    if rest in ("last month", "the last month", "the previous month", "previous month"):
        first = add_months(today.replace(day=1), -1)
    elif rest in ("this month", "the month"):
        first = today.replace(day=1)
    elif re.search(_MONTH_RE, rest) and "year" not in rest:
        inner = _parse_with_dateparser(rest, today)
        if inner is None:
            return DateAnswer(None, UNREADABLE)
        first = inner.replace(day=1)
    else:
        return DateAnswer(None, UNREADABLE)
    day = _PART_OF_MONTH[m.group(2)]
    last = calendar.monthrange(first.year, first.month)[1]
    value = first.replace(day=last if day == -1 else min(day, last))
    if value > today and (value.year, value.month) == (today.year, today.month):
        value = today
    return _checked(value, today)


def _parse_with_dateparser(t: str, today: date) -> Optional[date]:
    """dateparser with our settings plus the guards it lacks (see module docstring)."""
    if not (re.search(_MONTH_RE, t) or re.search(_RELATIVE_CUE_RE, t)
            or re.fullmatch(r"(in )?\d{4}-\d{1,2}(-\d{1,2})?|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{4}", t)):
        return None
    settings = dict(_SETTINGS, RELATIVE_BASE=datetime(today.year, today.month, today.day))
    try:
        parsed = dateparser.parse(t, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    value = parsed.date()
    explicit_year = re.search(r"\b(19|20)\d{2}\b", t) is not None
    relative = re.search(r"\b(ago|last|year|years|next|in|tomorrow)\b", t) is not None
    if not explicit_year and not relative:
        # A yearless month/day that lands in the future means last year's ("Dec 20" in November).
        if value > today:
            value = _recent_month_day(value.month, value.day, today) or value
        # dateparser reads stray numbers as years ("may 32" -> 1932): reject far-off guesses.
        if value < add_days(today, -366) and (value.month, value.day) != (2, 29):
            return None
    return value


_NAMES_A_DAY = re.compile(
    r"\b(ago|hace|ase|yesterday|ayer|antier|anteayer)\b|\d{1,2}[/-]\d{1,2}"
    rf"|\b\d{{1,2}}(st|nd|rd|th)?\s+(?:(?:de|del|of)\s+)?(?:{_MONTH_RE}|\b{_ES_MONTH}\b)"
    rf"|(?:{_MONTH_RE}|\b{_ES_MONTH}\b)\.?\s+\d{{1,2}}(st|nd|rd|th)?\b")


# Words a date phrase can open with besides numbers and months ("on May 5", "el 5 de mayo",
# "hace 3 días", "a week ago", "yesterday").
_DATE_OPENING_WORDS = frozenset({"on", "el", "hace", "ase", "a", "an", "yesterday", "ayer", "antier",
                                 "anteayer"})


def opens_a_date(word: str) -> bool:
    """Can a date phrase start with this word? A phrase that starts with any other ("it on
    october 5") is the story around a date, not the date."""
    w = fold_accents(word.lower())
    return (w[:1].isdigit() or w in _DATE_OPENING_WORDS or w in _NUMBER_WORDS or w in _ES_NUMBERS
            or w in _ES_MONTHS or re.fullmatch(_MONTH_RE, w) is not None)


def names_a_day(phrase: str) -> bool:
    """Does a phrase name one day outright ("hace 5 días", "Oct 3", "el 22 de agosto",
    "yesterday")? Only such a phrase is taken from the middle of a story: there "two weeks",
    "a month" or "septiembre" tell how long something lasted or when something else happened."""
    return _NAMES_A_DAY.search(fold_accents(phrase.lower())) is not None


def parse_past_date(text: str, today: date) -> DateAnswer:
    """Read when something happened from what a person typed; see the module docstring for the rules.

    English or Spanish: Spanish answers are first rewritten into English ones (_from_spanish).
    """
    english = _from_spanish(text, today)
    if english is None:
        return DateAnswer(None, UNREADABLE)
    t = _normalize(english)
    if not t or re.search(r"\band a half\b|\bhalf\b", t):
        return DateAnswer(None, UNREADABLE)
    if re.fullmatch(r"tomorrow|(the )?day after tomorrow|next (week|month|year)|later (today|this \w+)|"
                    r"in (\d+|the next \d*) ?" + _UNIT + r"|\d+ " + _UNIT + r" from now", t):
        # Future phrases. "in <month>" never gets here: _normalize already dropped that "in".
        value = _parse_with_dateparser(re.sub(r"(.+) from now", r"in \1", t), today)
        return DateAnswer(None, FUTURE) if value is None or value > today else _checked(value, today)
    for handler in (_time_of_day, _numeric, _weekday, _day_of_month, _part_of_month):
        answer = handler(t, today)
        if answer is not None:
            return answer
    value = _parse_with_dateparser(t, today)
    if value is None:
        return DateAnswer(None, UNREADABLE)
    return _checked(value, today)
