"""Which kind of coverage a person has, read from the names they use.

Built on the one table in bot/domain/coverage_terms.py: plan, program and agency names (also what the
spaCy entity ruler finds), product words (HMO, PPO), "without a plan" words for Medi-Cal, and
weaker hints ("I'm a veteran"). When an answer names several, the more specific one wins:

1. Medicare and Medi-Cal together -> both (R2)
2. Medi-Cal, or a Medi-Cal plan (L.A. Care, IEHP, "Health Net Medi-Cal") -> Medi-Cal managed
   care, or regular Medi-Cal when said "without a plan" / "fee-for-service" (R3)
3. Medicare, or a Medicare Advantage plan ("Kaiser Senior Advantage", SCAN) -> Medicare (R1)
4. a program another agency handles: self-funded, CDI, FEHB, TRICARE, VA, workers' comp (R4-R6)
5. "HMO" -> the DMHC (rules.md §3.1: all HMOs)
6. "PPO"/"EPO" -> unknown: the regulator depends on the product (some PPOs are CDI policies)
7. a plan name: Kaiser, Blue Shield, Anthem, Health Net, Covered California -> the DMHC;
   Cigna, Aetna, UnitedHealthcare, CalPERS, "a job plan" -> unknown
8. the hints, last

bot.eligibility.answers.read_coverage adds "not sure" answers on top of this.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional, Pattern, Set, Tuple

from bot.domain import coverage_terms as table
from bot.domain.coverage_terms import Coverage

_OTHER_PROGRAMS = (Coverage.SELF_FUNDED, Coverage.CDI, Coverage.FEHB, Coverage.TRICARE, Coverage.VA, Coverage.WORKERS_COMP)
_BOUNDED = r"(?<![a-z0-9])(?:{})(?![a-z0-9])"


def _alternation(spellings: Iterable[str]) -> Pattern[str]:
    """One regex for spellings on key()-normalized text, longest first (so "blue cross blue
    shield" wins over "blue cross", and "kaiser senior advantage" over "kaiser")."""
    keys = sorted({table.key(s) for s in spellings}, key=lambda k: (-len(k), k))
    return re.compile(_BOUNDED.format("|".join(re.escape(k) for k in keys)))


_NAME_SPELLINGS = {
    table.key(s): term
    for term in table.TERMS
    for s in term.spellings
    if s not in table.AMBIGUOUS and s not in table.ORDINARY_WORDS
}
_NAMES = _alternation(_NAME_SPELLINGS)
_ORDINARY = [
    (re.compile(r"(?<!\bCT )(?<!\bCAT )(?<!\bPET )(?<!\bMRI )\b(?:{})\b".format(
        "|".join(re.escape(e) for e in table.CASE_SENSITIVE[word]))), term)
    for term in table.TERMS for word in term.spellings if word in table.ORDINARY_WORDS
]
# "medical" is Medi-Cal only as the whole answer or in "I'm on medical", "I have medical", and
# in Spanish, where it is not a word but what many call Medi-Cal: "tengo medical", "el medical
# me lo da molina", "medicare y medical" (not "el medical group").
_MEDICAL = re.compile(
    r"^medical$|\b(?:on|have|has|got|tengo|tiene|tienen|tenemos|el|del|al|con|y|mi|su|es|de|sin|por)"
    r"\s+medical\b(?!\s+(?:leave|grounds|advice|records?|bills?|care|necessity|reasons?|equipment"
    r"|treatment|insurance|coverage|group|grupo|debt))")
_MEDI_CAL_TERM = next(t for t in table.TERMS if "medical" in t.spellings)
_WORDS: List[Tuple[table.Word, Pattern[str]]] = [(w, _alternation(w.spellings)) for w in table.WORDS]


# "not medi-cal, a regular kaiser plan", "a policy under the dept of insurance, not an hmo": a
# name right after "not" is what the coverage is not.
_NEGATION_BEFORE = re.compile(r"\b(?:not|isn t|isnt|no longer|never had)\s+(?:(?:a|an|the|on|with|through|from)\s+)?$")


def _said(pattern: Pattern[str], lowered: str) -> List[str]:
    """The matches of pattern in the (key-normalized) text that are not negated."""
    return [m.group(0) for m in pattern.finditer(lowered)
            if not _NEGATION_BEFORE.search(lowered[:m.start()])]


def _names_in(text: str) -> List[table.Term]:
    """The plan, program and agency names written in the text (not those it says it is not)."""
    lowered = table.key(text)
    found = [_NAME_SPELLINGS[name] for name in _said(_NAMES, lowered)]
    found += [term for pattern, term in _ORDINARY if pattern.search(text)]
    if _said(_MEDICAL, lowered):
        found.append(_MEDI_CAL_TERM)
    return found


def resolve(names: Set[str], words: Iterable[Tuple[str, str]] = ()) -> Optional[str]:
    """The coverage meant by the coverages of the names found, and (kind, coverage) of the
    other words found, following the order in this module's docstring."""
    kinds = list(words)
    products = {c for kind, c in kinds if kind == "product"}
    fee_for_service = any(kind == "fee_for_service" for kind, _ in kinds)
    without_plan = fee_for_service or any(kind == "without_plan" for kind, _ in kinds)
    medi_cal = Coverage.MEDI_CAL_MANAGED in names
    medicare = Coverage.MEDICARE in names
    if Coverage.DUAL in names or (medi_cal and medicare):
        return Coverage.DUAL
    if medi_cal:
        return Coverage.MEDI_CAL_FFS if without_plan else Coverage.MEDI_CAL_MANAGED
    if medicare:
        return Coverage.MEDICARE
    for program in _OTHER_PROGRAMS:
        if program in names:
            return program
    for meaning in (Coverage.DMHC, Coverage.UNKNOWN):  # "HMO", then "PPO"/"EPO"
        if meaning in products:
            return meaning
    for meaning in (Coverage.DMHC, Coverage.UNKNOWN):  # a plan name alone
        if meaning in names:
            return meaning
    if fee_for_service:
        return Coverage.MEDI_CAL_FFS
    hints = [c for kind, c in kinds if kind == "hint"]
    return hints[0] if hints else None


def _coverages_of(entity_values: Iterable[str]) -> Set[str]:
    meanings = set()
    for value in entity_values:
        name = table.canonical(value)
        meaning = table.coverage_of(name) if name else None
        if meaning:
            meanings.add(meaning)
    return meanings


def read_coverage(text: str, entity_values: Iterable[str] = ()) -> Optional[Coverage]:
    """The kind of coverage from an answer like "kaiser hmo", "medi-cal through LA Care",
    "Blue Shield PPO" (unknown: depends on the product), or None when nothing names it.

    `entity_values` are the plan/program/agency texts the entity ruler found in the message.
    """
    lowered = table.key(text)
    said_values = [v for v in entity_values if _said(_alternation([v]), lowered)
                   or not _alternation([v]).search(lowered)]
    names = {t.coverage for t in _names_in(text) if t.coverage} | _coverages_of(said_values)
    words = [(w.kind, w.coverage) for w, pattern in _WORDS if _said(pattern, lowered)]
    found = resolve(names, words)
    return Coverage(found) if found else None


def coverage_of_names(entity_values: Iterable[str]) -> Optional[Coverage]:
    """The kind of coverage the entity values alone name ("Kaiser Senior Advantage" -> Medicare)."""
    found = resolve(_coverages_of(entity_values))
    return Coverage(found) if found else None
