"""An eligibility Outcome said in Spanish, with the same decision.

bot/eligibility/rules.py decides and picks its words from bot/eligibility/texts.py. Rather than a
second copy of the decision table, this module swaps each text of an Outcome for its twin in
bot/eligibility/texts_es.py: fixed texts by walking the same-named structures of both modules,
dated texts by saying the same texts.py function, with the dates this case can give, in both
languages. Route, rule, dates, phones, track and late stay as they are.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, Iterator, List, Optional, Tuple, get_args

from bot.domain.dates import (add_days, earliest_filing_after_grievance, imr_deadline,
                              medi_cal_hearing_deadline)
from bot.eligibility import texts as EN
from bot.eligibility import texts_es as ES
from bot.eligibility.rules import MEDI_CAL_APPEAL_DAYS, Case, Outcome, Track

logger = logging.getLogger(__name__)

Call = Tuple[str, Tuple[Any, ...], Dict[str, Any]]


class Untranslated(LookupError):
    """An Outcome text with no Spanish twin (only raised when asked to be strict)."""


def constant_names() -> Tuple[str, ...]:
    """The public constants of texts.py (upper-case names); texts_es.py has each one too."""
    return tuple(name for name in vars(EN) if name.isupper() and not name.startswith("_"))


def text_pairs(english: Any, spanish: Any, where: str = "") -> Iterator[Tuple[str, str]]:
    """(English, Spanish) texts of two structures of the same shape (str, tuple, dict, NamedTuple).

    Raises TypeError or KeyError where the shapes differ, so a missing twin cannot go unnoticed.
    """
    if english is None:
        if spanish is not None:
            raise TypeError(f"{where}: None in English, {spanish!r} in Spanish")
    elif isinstance(english, str):
        if not isinstance(spanish, str):
            raise TypeError(f"{where}: {spanish!r} is not a text")
        yield english, spanish
    elif isinstance(english, tuple):
        if not isinstance(spanish, tuple) or len(spanish) != len(english):
            raise TypeError(f"{where}: {len(english)} texts in English, not in Spanish")
        for i, (en, es) in enumerate(zip(english, spanish)):
            yield from text_pairs(en, es, f"{where}[{i}]")
    elif isinstance(english, dict):
        if not isinstance(spanish, dict) or set(spanish) != set(english):
            raise KeyError(f"{where}: keys differ: {set(english) ^ set(spanish or {})}")
        for key in english:
            yield from text_pairs(english[key], spanish[key], f"{where}[{key!r}]")
    else:
        raise TypeError(f"{where}: cannot walk {type(english).__name__}")


def fixed_pairs(strict: bool = True) -> List[Tuple[str, str]]:
    """Every (English, Spanish) pair of fixed texts, by walking the constants of both modules.

    strict: a constant without a twin of the same shape raises; otherwise it is logged and
    skipped, so one missing twin leaves only its own texts in English.
    """
    pairs: List[Tuple[str, str]] = []
    for name in constant_names():
        try:
            if not hasattr(ES, name):
                raise KeyError(f"texts_es.py has no {name}")
            pairs.extend(text_pairs(getattr(EN, name), getattr(ES, name), name))
        except (KeyError, TypeError) as problem:
            if strict:
                raise
            logger.warning("No Spanish twin: %s", problem)
    return pairs


@lru_cache(maxsize=1)
def _fixed() -> Dict[str, str]:
    table: Dict[str, str] = {}
    for english, spanish in fixed_pairs(strict=False):
        table.setdefault(english, spanish)
    return table


def dated_calls(days: Iterable[date]) -> Iterator[Call]:
    """The texts.py functions rules.py says dates with, called with each argument they can get."""
    days = tuple(days)
    for track in get_args(Track):
        yield "apply_title", (track,), {}
        yield "apply_title", (track,), {"late": True}
        yield "apply_title", (track,), {"now": True}
        for day in days:
            yield "apply_title", (track, day), {}
    for name in ("wait_title", "plan_first_title", "medi_cal_both_title"):
        yield name, (None,), {}
        for day in days:
            yield name, (day,), {}
    for name in ("medi_cal_appeal_by", "medi_cal_appeal_ended", "hearing_by", "hearing_ended",
                 "apply_by", "late_step", "plan_answers_by"):
        for day in days:
            yield name, (day,), {}
    yield "apply_within", (), {}


DATED_FUNCTIONS: FrozenSet[str] = frozenset(name for name, _, _ in dated_calls([date(2000, 1, 1)]))


def _days(case: Case, outcome: Outcome) -> FrozenSet[date]:
    """The dates this case's texts can say: the outcome's own, and the deadlines its dates give."""
    days = {day for _, day in outcome.dates}
    if case.decision_date is not None:
        days |= {imr_deadline(case.decision_date), medi_cal_hearing_deadline(case.decision_date),
                 add_days(case.decision_date, MEDI_CAL_APPEAL_DAYS)}
    if case.grievance_date is not None:
        days.add(earliest_filing_after_grievance(case.grievance_date))
    return frozenset(days)


def _dated(days: FrozenSet[date]) -> Dict[str, str]:
    return {getattr(EN, name)(*args, **kw): getattr(ES, name)(*args, **kw)
            for name, args, kw in dated_calls(sorted(days))}


def lower_first(text: str) -> str:
    """ "El DMHC revisa" -> "el DMHC revisa", for a sentence put after a lead-in; an acronym stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _spanish(text: str, table: Dict[str, str]) -> Optional[str]:
    if text in table:
        return table[text]
    lead = EN.REASON_UNSURE_REGULATOR  # rules.py: the lead-in, then a reason in lower case
    if text.startswith(lead):
        rest = text[len(lead):]
        reason = _spanish(rest[:1].upper() + rest[1:], table)
        if reason is not None:
            return ES.REASON_UNSURE_REGULATOR + lower_first(reason)
    return None


def spanish_outcome(case: Case, outcome: Outcome, strict: bool = False) -> Outcome:
    """The same Outcome in Spanish words.

    A text without a Spanish twin stays in English and is logged (strict: raises Untranslated);
    tests/unit/test_eligibility_spanish.py walks every case the questions reach, strictly.
    """
    table = {**_fixed(), **_dated(_days(case, outcome))}

    def say(text: str) -> str:
        spanish = _spanish(text, table)
        if spanish is not None:
            return spanish
        if strict:
            raise Untranslated(text)
        logger.warning("No Spanish text for %r", text)
        return text

    agency = _fixed().get(outcome.agency, outcome.agency) if outcome.agency else outcome.agency
    return replace(outcome, title=say(outcome.title), reason=say(outcome.reason),
                   steps=tuple(say(s) for s in outcome.steps),
                   details=tuple(say(d) for d in outcome.details), agency=agency)
