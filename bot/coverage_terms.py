"""Names of California health plans, programs and agencies, and what kind of coverage each means.

One table feeds both the spaCy entity ruler (bot/spacy_pipeline.py) and the code that turns an
extracted entity back into a coverage kind (bot/denial_routing.py), so they cannot drift apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple


@dataclass(frozen=True)
class Term:
    """One thing people name: its entity label, a canonical id and the spellings they use."""

    label: str  # entity name in domain.yml: health_plan, program or agency
    canonical: str
    spellings: Tuple[str, ...]


TERMS: Tuple[Term, ...] = (
    # Health plans (DMHC-licensed products are common among these; rules.md §3.1)
    Term("health_plan", "kaiser", ("kaiser", "kaiser permanente", "kp")),
    Term("health_plan", "blue_shield", ("blue shield", "blue shield of california", "blueshield")),
    Term("health_plan", "anthem", ("anthem", "anthem blue cross", "blue cross")),
    Term("health_plan", "health_net", ("health net", "healthnet")),
    Term("health_plan", "la_care", ("l.a. care", "la care", "l a care", "lacare")),
    Term("health_plan", "molina", ("molina",)),
    Term("health_plan", "iehp", ("iehp", "inland empire health plan")),
    Term("health_plan", "sharp", ("sharp health plan",)),
    Term("health_plan", "cigna", ("cigna",)),
    Term("health_plan", "aetna", ("aetna",)),
    Term("health_plan", "united", ("united healthcare", "unitedhealthcare", "uhc")),
    # Programs and kinds of coverage
    Term("program", "medicare_advantage", ("medicare advantage", "medicare advantage plan", "part c")),
    Term("program", "medicare", ("medicare", "original medicare", "part d", "medicare part d")),
    Term("program", "medi_cal", ("medi-cal", "medi cal", "medical", "medicaid", "medi-cal managed care")),
    Term("program", "covered_california", ("covered california", "covered ca", "coveredca")),
    Term("program", "calpers", ("calpers",)),
    Term("program", "tricare", ("tricare", "triwest", "tri care")),
    Term("program", "va", ("va", "v.a.", "veterans affairs", "va health care")),
    Term("program", "workers_comp", ("workers comp", "workers' comp", "workers compensation",
                                     "workers' compensation", "workman's comp", "work comp")),
    Term("program", "fehb", ("fehb", "federal employee health benefits", "fep blue")),
    Term("program", "self_funded", ("self-funded", "self funded", "self-insured", "self insured",
                                    "erisa", "erisa plan")),
    Term("program", "employer_plan", ("employer plan", "job's plan", "work insurance", "employer insurance")),
    # Agencies
    Term("agency", "cdi", ("department of insurance", "california department of insurance", "cdi")),
    Term("agency", "dmhc", ("dmhc", "department of managed health care")),
    Term("agency", "dol", ("department of labor", "dol", "ebsa")),
)

ENTITY_LABELS: Tuple[str, ...] = ("health_plan", "program", "agency")

# Words that are also ordinary English: only a capitalized/dotted spelling counts ("VA", not "va"
# inside "va bene"); "medical" means Medi-Cal only when people write "medical" as a plan name,
# which is too ambiguous, so it is matched only in the phrase "on medical".
CASE_SENSITIVE = {"va": ("VA", "V.A."), "kp": ("KP",), "dol": ("DOL",), "cdi": ("CDI",), "part c": ("Part C",)}
AMBIGUOUS = {"medical"}


def _key(text: str) -> str:
    return re.sub(r"[\s'’.\-]+", " ", text.lower()).strip()


_BY_SPELLING: Dict[str, Term] = {_key(s): t for t in TERMS for s in t.spellings}


def canonical(text: str) -> Optional[str]:
    """Canonical id for an entity value as it was written ("Blue Cross" -> "anthem")."""
    term = _BY_SPELLING.get(_key(text))
    return term.canonical if term else None


def ruler_patterns(tokenize: Callable[[str], List[str]]) -> List[dict]:
    """Entity-ruler patterns (token patterns on LOWER, or exact text where case matters).

    `tokenize` must be the pipeline's own tokenizer, so patterns split words exactly as the
    pipeline will ("medi-cal" -> medi, -, cal).
    """
    patterns: List[dict] = []
    for term in TERMS:
        for spelling in term.spellings:
            if spelling in AMBIGUOUS:
                continue
            if spelling in CASE_SENSITIVE:
                for exact in CASE_SENSITIVE[spelling]:
                    patterns.append({"label": term.label, "pattern": exact, "id": term.canonical})
                continue
            # The tokenizer splits by case ("L.A." is one token, "l.a." two), so add each casing.
            splits = {tuple(t.lower() for t in tokenize(v))
                      for v in (spelling, spelling.title(), spelling.upper())}
            for split in sorted(splits):
                patterns.append({"label": term.label, "pattern": [{"LOWER": t} for t in split],
                                 "id": term.canonical})
    return patterns

