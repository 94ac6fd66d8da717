"""Names of California health plans, programs and agencies, and what kind of coverage each means.

The one table of who handles which plan. It feeds the spaCy entity ruler (bot/nlu/spacy_pipeline.py),
the coverage reader (bot/domain/coverage.py, used by the eligibility check and bot/eligibility/answers.py) and the
denial router (bot/domain/denial_routing.py), so they cannot drift apart.

Each name carries the coverage it means when said alone: a value of bot.eligibility.rules.Coverage
(kept as a plain string here so the table imports nothing). bot/domain/coverage.py decides between
several names in one answer ("Kaiser Senior Advantage" is Medicare, "Health Net Medi-Cal" is
Medi-Cal, "Blue Shield PPO" depends on the product).
Facts: ../shared/domain/rules.md §3.1 (who the DMHC regulates), §3.2 (other agencies), §1.3.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Dict, List, Optional, Tuple

from bot.text import fold_accents

class Coverage(str, Enum):
    """Where the person's health coverage comes from; it decides which agency handles appeals.

    Defined with the table of names so the table and the eligibility rules share one list."""

    DMHC = "dmhc"
    MEDI_CAL_MANAGED = "medi_cal_managed"
    MEDI_CAL_FFS = "medi_cal_ffs"
    MEDICARE = "medicare"
    DUAL = "medicare_medi_cal"
    SELF_FUNDED = "self_funded"
    CDI = "cdi"
    FEHB = "fehb"
    TRICARE = "tricare"
    VA = "va"
    WORKERS_COMP = "workers_comp"
    UNKNOWN = "unknown"  # the regulator depends on the plan's product: the Help Center can confirm


@dataclass(frozen=True)
class Term:
    """One thing people name: its entity label, a canonical id, the spellings they use, and
    the coverage the name means on its own (None: the name says nothing about the regulator)."""

    label: str  # entity name in domain.yml: health_plan, program or agency
    canonical: str
    spellings: Tuple[str, ...]
    coverage: Optional[Coverage]


TERMS: Tuple[Term, ...] = (
    # Health plans. Kaiser and Sharp sell HMOs; Blue Shield, Anthem, Health Net and Molina are
    # mostly DMHC-licensed (§3.1: "Blue Shield and Anthem HMO (and some of their PPO)
    # products"); a PPO or EPO word makes any of them depend on the product (see PRODUCTS).
    Term("health_plan", "kaiser", ("kaiser", "kaiser permanente", "kp"), Coverage.DMHC),
    Term("health_plan", "blue_shield", ("blue shield", "blue shield of california", "blueshield"), Coverage.DMHC),
    Term("health_plan", "anthem", ("anthem", "anthem blue cross", "blue cross"), Coverage.DMHC),
    Term("health_plan", "health_net", ("health net", "healthnet"), Coverage.DMHC),
    Term("health_plan", "molina", ("molina",), Coverage.DMHC),
    Term("health_plan", "sharp", ("sharp health plan",), Coverage.DMHC),
    # Medi-Cal managed care plans (§3.2).
    Term("health_plan", "la_care", ("l.a. care", "la care", "l a care", "lacare"), Coverage.MEDI_CAL_MANAGED),
    Term("health_plan", "iehp", ("iehp", "inland empire health plan"), Coverage.MEDI_CAL_MANAGED),
    # Carriers whose California plans are often self-funded job plans or Department of
    # Insurance policies: the name alone does not tell (§1.3, §3.2).
    Term("health_plan", "cigna", ("cigna",), Coverage.UNKNOWN),
    Term("health_plan", "aetna", ("aetna",), Coverage.UNKNOWN),
    Term("health_plan", "united", ("united healthcare", "unitedhealthcare", "united health care", "uhc"), Coverage.UNKNOWN),
    Term("health_plan", "bcbs", ("blue cross blue shield", "bcbs"), Coverage.UNKNOWN),
    # Medicare Advantage plans: Medicare handles their appeals, no DMHC IMR (§3.1, R1).
    Term("health_plan", "scan", ("scan health plan", "scan health", "scan"), Coverage.MEDICARE),
    # GEHA sells health plans only to federal employees (FEHB).
    Term("health_plan", "geha", ("geha",), Coverage.FEHB),
    # Programs and kinds of coverage
    Term("program", "medicare_advantage", ("medicare advantage", "medicare advantage plan", "part c",
                                           "senior advantage", "kaiser senior advantage",
                                           "kaiser permanente senior advantage"), Coverage.MEDICARE),
    Term("program", "medicare", ("medicare", "original medicare", "part d", "medicare part d"), Coverage.MEDICARE),
    Term("program", "medi_cal", ("medi-cal", "medi cal", "medical", "medicaid", "medi-cal managed care"),
         Coverage.MEDI_CAL_MANAGED),
    Term("program", "dual", ("dualchoice", "dual choice", "medi-medi", "cal mediconnect", "dual",
                             "dual eligible", "dual-eligible"), Coverage.DUAL),
    Term("program", "covered_california", ("covered california", "covered ca", "coveredca"), Coverage.DMHC),
    # CalPERS HMOs are DMHC plans; its self-funded PPO is neither DMHC nor ERISA (§3.2).
    Term("program", "calpers", ("calpers", "cal pers"), Coverage.UNKNOWN),
    Term("program", "tricare", ("tricare", "triwest", "tri care"), Coverage.TRICARE),
    Term("program", "va", ("va", "v.a.", "veterans affairs", "va health care"), Coverage.VA),
    Term("program", "workers_comp", ("workers comp", "workers' comp", "workers compensation",
                                     "workers' compensation", "workman's comp", "work comp",
                                     "compensación de trabajadores", "compensacion de trabajadores",
                                     "compensación laboral", "compensacion laboral"), Coverage.WORKERS_COMP),
    Term("program", "fehb", ("fehb", "federal employee health benefits", "fep blue"), Coverage.FEHB),
    Term("program", "self_funded", ("self-funded", "self funded", "self-insured", "self insured",
                                    "erisa", "erisa plan", "autoasegurado", "autoasegurada",
                                    "auto asegurado", "auto asegurada", "se autoasegura",
                                    "se asegura sola", "se asegura solo"), Coverage.SELF_FUNDED),
    Term("program", "employer_plan", ("employer plan", "job's plan", "work insurance", "employer insurance"),
         Coverage.UNKNOWN),
    # Agencies
    Term("agency", "cdi", ("department of insurance", "california department of insurance",
                           "dept of insurance", "cdi", "departamento de seguros"), Coverage.CDI),
    Term("agency", "dmhc", ("dmhc", "department of managed health care",
                            "departamento de atención médica administrada",
                            "departamento de atencion medica administrada"), Coverage.DMHC),
    Term("agency", "dol", ("department of labor", "dol", "ebsa"), None),
)

ENTITY_LABELS: Tuple[str, ...] = ("health_plan", "program", "agency")


@dataclass(frozen=True)
class Word:
    """A word that is not a plan name but still says something about the coverage."""

    kind: str  # "product" (HMO, PPO), "fee_for_service", "without_plan" or "hint"
    spellings: Tuple[str, ...]
    coverage: str


WORDS: Tuple[Word, ...] = (
    # Products: all HMOs are DMHC plans; only some PPOs and EPOs are (§3.1), so a PPO or EPO
    # depends on the product: the member card or Evidence of Coverage says, or the Help Center.
    Word("product", ("hmo", "hmos", "health maintenance organization", "managed care"), Coverage.DMHC),
    Word("product", ("ppo", "ppos", "epo", "epos", "preferred provider", "exclusive provider"), Coverage.UNKNOWN),
    # Medi-Cal without a plan (R3): "fee-for-service" alone, the others only with Medi-Cal.
    Word("fee_for_service", ("fee for service", "ffs"), Coverage.MEDI_CAL_FFS),
    Word("without_plan", ("regular medi cal", "straight medi cal", "without a plan", "with no plan",
                          "no plan", "not in a plan", "no health plan", "never put me in a plan",
                          "not enrolled in a plan", "never picked a plan", "not assigned to a plan",
                          "sin plan", "no tengo plan", "ningún plan", "ningun plan",
                          "pago por servicio", "medi-cal regular", "medi cal regular",
                          # the Spanish of "not assigned to a plan", "never put me in a plan"
                          "no me han asignado plan", "no me asignaron plan", "sin compañía de plan",
                          "sin ninguna compañía", "no estoy en ningún plan",
                          "nunca me pusieron en un plan", "no me ponen en ningún plan"),
         Coverage.MEDI_CAL_FFS),
    # Weaker words, used only when nothing else was named ("I'm a veteran", "military").
    Word("hint", ("va", "veteran", "veterans", "veterano", "veterana", "veteranos"), Coverage.VA),
    Word("hint", ("military", "militar", "militares"), Coverage.TRICARE),
    Word("hint", ("federal employee", "federal employees", "postal", "empleados federales",
                  "empleado federal", "empleada federal"), Coverage.FEHB),
    Word("hint", ("work injury", "injured at work", "hurt at work", "injured on the job",
                  "hurt on the job", "accidente de trabajo", "accidente en el trabajo",
                  "lesión de trabajo", "lesion de trabajo"), Coverage.WORKERS_COMP),
    Word("hint", ("through work", "through my work", "through my job", "from my job", "from work",
                  "through my employer", "from my employer", "job plan", "work plan",
                  "por mi trabajo", "de mi trabajo", "del trabajo", "del patrón", "del patron"),
         Coverage.UNKNOWN),
)

# Words that are also ordinary English: only a capitalized/dotted spelling counts ("VA", not "va"
# inside "va bene"). The entity ruler matches only these spellings.
CASE_SENSITIVE = {"va": ("VA", "V.A."), "kp": ("KP",), "dol": ("DOL",), "cdi": ("CDI",),
                  "part c": ("Part C",), "scan": ("SCAN",)}
# Of those, words too common to read in any other case, even in an answer about coverage, and
# left out of the entity ruler ("SCAN" alone is read by bot/domain/coverage.py, not after "CT").
ORDINARY_WORDS = {"scan"}
# "medical" means Medi-Cal only in a few phrases ("I'm on medical"); bot/domain/coverage.py checks them.
AMBIGUOUS = {"medical"}


def key(text: str) -> str:
    """A spelling or text as it is compared: lower case, no accents ("compañía" and "compañia"
    are one word), punctuation as spaces."""
    return re.sub(r"[^a-z0-9]+", " ", fold_accents(text)).strip()


_BY_SPELLING: Dict[str, Term] = {key(s): t for t in TERMS for s in t.spellings}
_BY_CANONICAL: Dict[str, Term] = {t.canonical: t for t in TERMS}


def canonical(text: str) -> Optional[str]:
    """Canonical id for an entity value as it was written ("Blue Cross" -> "anthem")."""
    term = _BY_SPELLING.get(key(text))
    return term.canonical if term else None


def coverage_of(canonical_id: str) -> Optional[str]:
    """The coverage a canonical name means on its own ("scan" -> "medicare")."""
    term = _BY_CANONICAL.get(canonical_id)
    return term.coverage if term else None


def ruler_patterns(tokenize: Callable[[str], List[str]]) -> List[dict]:
    """Entity-ruler patterns (token patterns on LOWER, or exact text where case matters).

    `tokenize` must be the pipeline's own tokenizer, so patterns split words exactly as the
    pipeline will ("medi-cal" -> medi, -, cal).
    """
    # "SCAN" first in a message is the plan ("SCAN wont pay for..."); an imaging test is written
    # "a scan", "CT scan" or "the scan" there.
    patterns: List[dict] = [{"label": "health_plan", "id": "scan",
                             "pattern": [{"TEXT": "SCAN", "IS_SENT_START": True}]}]
    for term in TERMS:
        for spelling in term.spellings:
            if spelling in AMBIGUOUS or spelling in ORDINARY_WORDS:
                continue  # read by bot/domain/coverage.py with its context ("CT SCAN" is not the plan)
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
