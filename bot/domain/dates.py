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


def parse_past_date(text: str, today: date) -> DateAnswer:
    """Read when something happened from what a person typed; see the module docstring for the rules."""
    t = _normalize(text)
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
