"""Every phone line and figure the assistant may say, with where it comes from.

One source of truth: responses in domain.yml and texts built by actions may only use the
numbers listed here; tests/unit/test_numbers_in_responses.py enforces it. Sources refer to
../shared/domain/rules.md (section) or the DMHC service page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, Tuple


@dataclass(frozen=True)
class PhoneLine:
    """A phone line the bot may give out, in the spelling the bot uses."""

    key: str
    name: str
    number: str
    source: str

    @property
    def digits(self) -> str:
        """Ten-digit form used to compare spellings (1-800-MEDICARE == 1-800-633-4227)."""
        return normalize_phone(self.number)


_LINES: Tuple[PhoneLine, ...] = (
    PhoneLine("help_center", "DMHC Help Center", "1-888-466-2219", "service page; rules.md §5 [V]"),
    PhoneLine("help_center_tdd", "DMHC Help Center TDD", "1-877-688-9891", "rules.md §5 [V]"),
    PhoneLine("help_center_fax", "DMHC Help Center fax", "916-255-5241", "rules.md §5 [V]"),
    PhoneLine("hca", "Health Consumer Alliance", "1-888-804-3536", "service page; rules.md §5 [V]"),
    PhoneLine("crisis", "988 Suicide & Crisis Lifeline", "988", "rules.md §5.1 [V]"),
    PhoneLine("emergency", "Emergency services", "911", "rules.md §8.2 R0"),
    PhoneLine("medicare", "1-800-MEDICARE", "1-800-633-4227", "rules.md §3.2 [V]"),
    PhoneLine("hicap", "HICAP (free Medicare counseling)", "1-800-434-0222", "rules.md §3.2 [V]"),
    PhoneLine("cdss_hearings", "CDSS State Hearings", "1-800-743-8525", "rules.md §3.2 [V]"),
    PhoneLine("cdss_public_inquiry", "CDSS Public Inquiry and Response", "1-800-952-5253", "rules.md §3.2 [V]"),
    PhoneLine("medi_cal_helpline", "Medi-Cal Member Helpline", "1-800-541-5555", "rules.md §3.2 [V]"),
    PhoneLine("medi_cal_ombudsman", "Medi-Cal Managed Care Ombudsman", "1-888-452-8609", "rules.md §3.2 [V]"),
    PhoneLine("ebsa", "U.S. Department of Labor, EBSA", "1-866-444-3272", "rules.md §3.2 [V]"),
    PhoneLine("cdi", "California Department of Insurance", "1-800-927-4357", "rules.md §3.2 [V]"),
    PhoneLine("triwest", "TriWest (TRICARE West)", "1-888-874-9378", "rules.md §3.2 [V]"),
    PhoneLine("va", "VA health care", "1-877-222-8387", "rules.md §3.2 [V]"),
    PhoneLine("covered_ca", "Covered California", "1-800-300-1506", "rules.md §3.2 [V]"),
)

PHONE_LINES: Dict[str, PhoneLine] = {line.key: line for line in _LINES}

MAIL_ADDRESS = (
    "Help Center, Department of Managed Health Care, 980 9th Street, Suite 500, "
    "Sacramento, CA 95814-2725"
)  # rules.md §5 [V]
ONLINE_FORM_URL = "www.HealthHelp.ca.gov"  # rules.md §5 [V]: "the fastest way"
DMHC_WEBSITE = "www.DMHC.ca.gov"  # rules.md §5 [V]

# Vanity spellings people see on DMHC and Medicare material, mapped to their digits.
_VANITY = {"HMO": "466", "MEDICARE": "6334227", "TRIWEST": "8749378"}

# Figures (counts of days, months, percentages) the bot may state, with their sources.
FIGURES: Dict[str, str] = {
    "60%": "share of IMR cases where the person got the service (service page) [V]",
    "30 days": "plan grievance answer; IMR decided after qualification; Consumer Complaint (service page; rules.md §2) [V]",
    "45 days": "DMHC's practical end-to-end IMR estimate (rules.md §2.3) [V]",
    "7 days": "urgent IMR typically decided after qualification (rules.md §2.3) [V]",
    "3 days": "plan answers an urgent grievance (rules.md §2.1) [V]",
    "six months": "deadline to apply after the plan's written decision (service page) [V]",
    "five business days": "plan must authorize after a favorable IMR (service page) [V]",
    "90 days": "FEHB: ask OPM within 90 days of the plan's reconsideration (rules.md §3.2) [V]; "
    "regular (fee-for-service) Medi-Cal: State Hearing within 90 days of the notice (rules.md §8.2 R3)",
    "72 hours": "Medi-Cal managed care: the plan decides an urgent (expedited) appeal in 72 hours (rules.md §2.1) [V]",
    "24 hours": "the Help Center is described as a \"24-hour-a-day Help Center\" (rules.md §5) [V: ebudget]",
    "120 days": "Medi-Cal State Hearing deadline after the plan's appeal decision (rules.md §2.5) [V]",
    "oprima el 2": "988 in Spanish: call 988 and press 2 (rules.md §5.1) [V]",
    "60 days": "Medi-Cal managed care: appeal to the plan within 60 calendar days of the Notice of Action (rules.md §2.1) [V]",
}
# The same figures as the Spanish responses say them (tests/unit/test_spanish_parity.py checks
# that each Spanish response carries the same numbers as its English one).
SPANISH_FIGURES: Dict[str, str] = {
    "30 días": "30 days", "45 días": "45 days", "7 días": "7 days", "3 días": "3 days",
    "seis meses": "six months", "cinco días hábiles": "five business days", "90 días": "90 days",
    "72 horas": "72 hours", "24 horas": "24 hours", "120 días": "120 days", "60 días": "60 days",
}
FIGURES.update({spanish: FIGURES[english] for spanish, english in SPANISH_FIGURES.items()})


def normalize_phone(text: str) -> str:
    """Return the last ten digits of a phone spelling, expanding DMHC/Medicare vanity words."""
    for word, digits in _VANITY.items():
        text = re.sub(word, digits, text, flags=re.IGNORECASE)
    digits_only = re.sub(r"\D", "", text)
    return digits_only[-10:] if len(digits_only) >= 10 else digits_only


def known_phone_digits() -> FrozenSet[str]:
    """All phone lines the bot may say, as normalized digits."""
    return frozenset(line.digits for line in _LINES)


def line(key: str) -> str:
    """The spelling of one line, e.g. line("help_center") -> "1-888-466-2219"."""
    return PHONE_LINES[key].number
