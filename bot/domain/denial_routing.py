"""Pick the answer for a person who describes a denial, from the plan or program they named.

Most denials follow the DMHC path (plan grievance, then IMR); Medicare (including Medicare
Advantage plans such as Kaiser Senior Advantage or SCAN), Medi-Cal (including Medi-Cal plans
such as L.A. Care and IEHP), self-funded employer plans, Department of Insurance policies,
TRICARE, the VA, workers' comp and federal employee plans are handled by another agency
(rules.md §3, decision table §8.2 R1-R6, R18). Which name means which coverage comes from the
one table in bot/domain/coverage_terms.py, read the same way as in the eligibility check
(bot/domain/coverage.py).
"""
from __future__ import annotations

from typing import Iterable, Optional

from bot.domain.coverage import coverage_of_names
from bot.eligibility.rules import Coverage

DMHC_PATH = "utter_denial_next_steps"

# Coverage -> the answer that explains who handles it. With both Medicare and Medi-Cal the
# Medicare answer is given: it says to call the Help Center about what applies.
_ROUTES = {
    Coverage.MEDICARE: "utter_faq/agency_medicare",
    Coverage.DUAL: "utter_faq/agency_medicare",
    Coverage.MEDI_CAL_MANAGED: "utter_faq/agency_medi_cal",
    Coverage.MEDI_CAL_FFS: "utter_faq/agency_medi_cal",
    Coverage.SELF_FUNDED: "utter_faq/agency_self_funded",
    Coverage.CDI: "utter_faq/agency_cdi",
    Coverage.FEHB: "utter_faq/agency_federal_employee",
    Coverage.TRICARE: "utter_faq/agency_tricare",
    Coverage.VA: "utter_faq/agency_va",
    Coverage.WORKERS_COMP: "utter_faq/agency_workers_comp",
}


def coverage_for_denial(entity_values: Iterable[str]) -> Optional[Coverage]:
    """The coverage the named plans and programs mean (None when nothing was named)."""
    return coverage_of_names(entity_values)


def response_for_denial(entity_values: Iterable[str]) -> str:
    """The response name for a described denial, given the entity texts found in the message.

    The DMHC plans, and plans whose regulator depends on the product (Cigna, a PPO: Coverage
    UNKNOWN), get the DMHC path; the eligibility check then says how to confirm the regulator.
    """
    coverage = coverage_for_denial(entity_values)
    return _ROUTES.get(coverage, DMHC_PATH) if coverage else DMHC_PATH


def needs_regulator_check(entity_values: Iterable[str]) -> bool:
    """Did the person name a plan whose regulator depends on the product (Cigna, Aetna, CalPERS)?
    A caller may add "check your member card or Evidence of Coverage, or call the Help Center"."""
    return coverage_for_denial(entity_values) is Coverage.UNKNOWN
