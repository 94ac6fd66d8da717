"""Pick the answer for a person who describes a denial, from the plan or program they named.

Most denials follow the DMHC path (plan grievance, then IMR); Medicare, Medi-Cal, self-funded
employer plans, Department of Insurance policies, TRICARE, the VA, workers' comp and federal
employee plans are handled by another agency (rules.md §3, decision table §8.2 R1-R6, R18).
"""
from __future__ import annotations

from typing import Iterable

from bot.coverage_terms import canonical

DMHC_PATH = "utter_denial_next_steps"

# Canonical coverage id -> the answer that explains who handles it. Medicare Advantage comes
# before Medicare and Medi-Cal before the carriers, since "Anthem Medi-Cal" is a Medi-Cal case.
_ROUTES = (
    ("medicare_advantage", "utter_faq/agency_medicare"),
    ("medicare", "utter_faq/agency_medicare"),
    ("medi_cal", "utter_faq/agency_medi_cal"),
    ("self_funded", "utter_faq/agency_self_funded"),
    ("cdi", "utter_faq/agency_cdi"),
    ("fehb", "utter_faq/agency_federal_employee"),
    ("tricare", "utter_faq/agency_tricare"),
    ("va", "utter_faq/agency_va"),
    ("workers_comp", "utter_faq/agency_workers_comp"),
)


def response_for_denial(entity_values: Iterable[str]) -> str:
    """The response name for a described denial, given the entity texts found in the message."""
    found = {c for c in (canonical(v) for v in entity_values) if c}
    for coverage, response in _ROUTES:
        if coverage in found:
            return response
    return DMHC_PATH

