"""Free words -> the IMR data's categories and filters: "experimental cancer drugs for a 45 year
old woman since 2010" -> treatment, type, age range, gender and years.

Why patterns here, when people are otherwise read by the trained model: the model decides that
a message asks about past IMR outcomes (intent imr_outcomes); this module only looks up which of
the data's ~700 category names, brand names and number formats it mentions, as a dictionary
would. Patterns come from the data's own names first (bot/imr/store.py lists them), then from
bot/imr/synonyms.py. Words are compared without case or accents, and a misspelt long word
("colonscopy", "chemotherepy") is corrected to a pattern word one or two letters away.

Filters people say: a review type, gender, an age or age group, and years (numbers are formats,
read by patterns). "Not experimental" or "no urgent" are not taken as that type.
Pure: no Rasa import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from bot.imr.layout import AGE_RANGES
from bot.imr.store import Category, Filters
from bot.imr.synonyms import SYNONYMS
from bot.text import fold_accents

# Data names that are not a thing a person names: "Other", or words too general alone.
GENERIC_NAMES = frozenset({
    "other", "not applicable", "surgery", "evaluation", "admission", "inpatient admission", "injury",
    "infection", "bleeding", "deformities", "vision", "dental", "foot", "skin", "mental", "genetic",
    "pediatrics", "special procedure", "cardiac problem", "mental health problem", "burn",
    "revision procedures", "implant removal", "hormones", "cyst", "rash", "mole", "severe", "add",
    "outpatient", "inpatient", "discharge", "fusion", "braces", "oxygen", "speech", "ms", "ra",
    "mi", "nos", "non", "post", "peri", "out", "revision", "cad",
})
NEGATIONS = ("not", "no", "non", "never", "isnt", "wasnt", "nor", "sin", "ni")


def plain(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: "¿Resonancia Magnética?" -> "resonancia magnetica"."""
    text = re.sub(r"[’']", "", fold_accents(text))
    return " ".join(re.sub(r"[^a-z0-9+]+", " ", text).split())


# Words that a data name split at "/" or "-" leaves alone but that name nothing by themselves.
SPLIT_STOP = frozenset("""
medical medication diagnostic electrical emergency circulatory cognitive depressants infusions
injections injuries network prevention psychotic thermal obsessive reconstructive assault beating
transport trauma repair surgical services treatment therapy program facility problem disorder
musculoskeletal neuromuscular gastrointestinal genitourinary metabolic endocrine immunization
""".split())
_AFFIXES = (r"^bariatric ", r"^inpatient ", r" (?:syndrome|disease|diease|disorder|insertion|machine|"
            r"procedures?|program|unit|therapy|treatment)$")


def _name_variants(name: str) -> List[str]:
    """"ABA-Applied Behavioral Analysis" -> "aba applied behavioral analysis", "aba", "applied
    behavioral analysis"; "Colonoscopy/Sigmoidoscopy" -> both words; "Carpal Tunnel Syndrome" ->
    also "carpal tunnel"; "Bariatric Duodenal Switch" -> also "duodenal switch". A single word
    split off is kept only when it names something alone ("Sigmoidoscopy", "ABA"), not "Medical"."""
    variants = {plain(name)}
    for part in re.split(r"\s*[/(]\s*|\)|\s+-\s+|-(?=[A-Z])", name):
        words = plain(part)
        if not words:
            continue
        single = " " not in words
        acronym = part.strip().isupper() and 3 <= len(words) <= 5
        if not single or acronym or (len(words) >= 6 and words not in SPLIT_STOP):
            variants.add(words)
    for variant in list(variants):
        for affix in _AFFIXES:
            shorter = re.sub(affix, "", variant)
            if shorter != variant and len(shorter) >= 5 and shorter not in SPLIT_STOP:
                variants.add(shorter)
    return [v for v in variants if v and v not in GENERIC_NAMES]


@dataclass(frozen=True)
class Found:
    """What a message names, and whether it asked for "my age" without giving one."""

    filters: Filters
    wants_age: bool = False


class Matcher:
    """Built once from the store's category list; `find(text)` reads one message."""

    def __init__(self, categories: Dict[str, Sequence[Tuple[str, Optional[str], int]]]) -> None:
        targets: Dict[str, Category] = {}
        known = {(level, c, s) for level, rows in categories.items() for c, s, _ in rows}
        subs_by_level: Dict[str, Dict[str, set]] = {}
        for level, rows in categories.items():
            subs: Dict[str, set] = {}
            for category, sub, _ in rows:
                subs.setdefault(sub or "", set()).add(category)
            subs_by_level[level] = subs
            for category, sub, _ in rows:
                for phrase in _name_variants(category):
                    targets.setdefault(f"{level}|{phrase}", Category(level, category))
                if sub:
                    # A sub category filed under several categories matches under any of them.
                    owner = category if len(subs[sub]) == 1 else None
                    for phrase in _name_variants(sub):
                        targets.setdefault(f"{level}|{phrase}", Category(level, owner, sub))
        for (level, category, sub), phrases in SYNONYMS.items():
            if category is not None and not any(k[0] == level and k[1] == category for k in known):
                raise ValueError(f"synonym target {category!r} is not in the data")
            if sub is not None and sub not in subs_by_level.get(level, {}):
                raise ValueError(f"synonym target {sub!r} is not in the data")
            for phrase in phrases:
                targets[f"{level}|{plain(phrase)}"] = Category(level, category, sub)
        self._targets = targets
        phrases = sorted({key.split("|", 1)[1] for key in targets}, key=lambda p: (-len(p), p))
        self._pattern = re.compile(r"(?<![a-z0-9])(" + "|".join(map(re.escape, phrases)) + r")(?![a-z0-9])")
        self._vocabulary = {word for p in phrases for word in p.split() if len(word) >= 5}
        self._by_initial: Dict[str, List[str]] = {}
        for word in sorted(self._vocabulary):
            self._by_initial.setdefault(word[0], []).append(word)
        self._corrections: Dict[str, str] = {}

    # ---- spelling
    def _corrected(self, words: List[str]) -> List[str]:
        return [self._closest(w) if len(w) >= 6 and w not in self._vocabulary and w not in COMMON_WORDS
                else w for w in words]

    def _closest(self, word: str) -> str:
        """The nearest pattern word to a misspelling (same first letter), else the word."""
        cached = self._corrections.get(word)
        if cached is None:
            limit = 1 if len(word) < 9 else 2
            near = sorted((_distance(word, v, limit), v) for v in self._by_initial.get(word[0], ())
                          if abs(len(v) - len(word)) <= limit)
            cached = near[0][1] if near and near[0][0] <= limit else word
            if len(self._corrections) < 10000:
                self._corrections[word] = cached
        return cached

    # ---- categories
    def categories_in(self, text: str) -> Dict[str, Category]:
        """The most specific treatment and diagnosis the text names."""
        words = self._corrected(plain(text).split())
        line = " ".join(words)
        found: Dict[str, Tuple[int, int, Category]] = {}
        for match in self._pattern.finditer(line):
            phrase = match.group(1)
            if _negated(line, match.start()):
                continue
            for level in ("treatment", "diagnosis"):
                category = self._targets.get(f"{level}|{phrase}")
                if category is None:
                    continue
                # A sub category beats a whole category; then the first named ("a CPM machine
                # after a knee replacement" is about the machine).
                rank = (1 if category.sub else 0, -match.start())
                if level not in found or rank > found[level][:2]:
                    found[level] = (rank[0], rank[1], category)
        return {level: item[2] for level, item in found.items()}

    def find(self, text: str, last_year: int = 2016, first_year: int = 2001) -> Found:
        """Everything a message names: categories, type, gender, ages and years."""
        line = plain(text)
        categories = self.categories_in(text)
        ages, wants_age = age_ranges_in(line)
        filters = Filters(treatment=categories.get("treatment"), diagnosis=categories.get("diagnosis"),
                          review_type=review_type_in(line), age_ranges=ages, gender=gender_in(line),
                          years=years_in(line, first_year, last_year))
        return Found(filters, wants_age and not ages)


ARTICLES = ("a", "an", "the", "un", "una", "el", "la", "really", "very", "muy")


def _negated(line: str, start: int) -> bool:
    """"not experimental", "not an urgent": the word before (or before an article) negates."""
    before = line[:start].split()[-2:]
    if before and before[-1] in NEGATIONS:
        return True
    return len(before) == 2 and before[0] in NEGATIONS and before[1] in ARTICLES


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance, stopping early past `limit`."""
    previous2: List[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# Words a misspelling must not be "corrected" from, though a pattern word is one letter away.
COMMON_WORDS = frozenset("""
people person doctor doctors denied denial denials review reviews plan plans health insurance
overturned upheld reversed often percent percentage chances number numbers happened cases
whether should would could things something someone anyone about before after between since
during their there these those where which while because people women woman children child
yearold months little really please thanks father mother husband daughter person years people
dentro tambien porque cuantos cuantas cuando personas revision revisiones negaron aprobaron
ganaron mujeres hombres ninos porcentaje despues antes entre desde nuestro nuestra revision
""".split())


# ---- review type
_TYPES = (
    ("Experimental/Investigational", r"experimental|investigational|investigative|experimentales?|"
                                     r"en investigacion|de investigacion|not proven|unproven"),
    ("Urgent Care", r"urgent|urgente|urgentes|expedited|emergency review|rapida|acelerada"),
    ("Medical Necessity", r"medical(?:ly)? necess\w*|not (?:medically )?necessary|necesidad medica|"
                          r"medicamente necesari\w*|no (?:es|era|fue) necesari\w*"),
)


def review_type_in(line: str) -> Optional[str]:
    """The review type a message names, unless it is negated ("it's not urgent")."""
    for name, pattern in _TYPES:
        for match in re.finditer(rf"(?<![a-z])(?:{pattern})(?![a-z])", line):
            if name != "Medical Necessity" and _negated(line, match.start()):
                continue
            if name == "Urgent Care" and re.match(r"urgent care (?!review)", line[match.start():] + " "):
                continue  # an urgent care clinic, not an urgent review
            return name
    return None


# ---- gender
_FEMALE = r"wom[ae]n|female|females|ladies|lady|girls?|mujer|mujeres|femenino|ninas?|senoras?"
_MALE = r"m[ae]n|male|males|guys?|boys?|hombres?|masculino|varones?|ninos varones|senores?"


def gender_in(line: str) -> Optional[str]:
    female = re.search(rf"(?<![a-z])(?:{_FEMALE})(?![a-z])", line)
    male = re.search(rf"(?<![a-z])(?:{_MALE})(?![a-z])", line)
    if female and not male:
        return "Female"
    if male and not female:
        return "Male"
    return None


# ---- age
def _bounds(age_range: str) -> Tuple[str, int, int]:
    """"41-50" -> ("41-50", 41, 50); "65+" -> ("65+", 65, 200)."""
    low, _, high = age_range.rstrip("+").partition("-")
    return age_range, int(low), int(high) if high else 200


AGE_BOUNDS = tuple(_bounds(age) for age in AGE_RANGES)
_GROUPS = (
    (r"babies|baby|infants?|toddlers?|bebes?|newborns?", 0, 3),
    (r"kids?|children|child|pediatric|minors?|ninos|ninas|hijos? pequenos?|menores", 0, 17),
    (r"teens?|teenagers?|teenage|adolescents?|adolescentes?|high schoolers?", 13, 19),
    (r"young adults?|jovenes", 18, 30),
    (r"seniors?|elderly|older adults?|retirees?|medicare age|adultos mayores|ancianos?|"
     r"personas mayores|tercera edad", 65, 120),
    (r"middle aged|middle age|mediana edad", 41, 64),
)


def _ranges(low: int, high: int) -> Tuple[str, ...]:
    return tuple(name for name, a, b in AGE_BOUNDS if a <= high and b >= low)


def age_ranges_in(line: str) -> Tuple[Tuple[str, ...], bool]:
    """Age ranges a message names, and whether it asked for "my age" without a number."""
    number = r"(\d{1,3})"
    patterns = (
        (rf"(?:over|older than|above|mayores? de|mas de) {number}(?: years?| anos?)?", "over"),
        (rf"{number} (?:and|or) (?:older|over|up)|{number} (?:y|o) mas", "over"),
        (rf"(?:under|younger than|below|menores? de|less than) {number}(?: years?| anos?)?", "under"),
        (rf"(?:between|from|entre|de) {number} (?:and|to|y|a) {number}(?: years?| anos?)?", "between"),
        (rf"{number} (?:to|a) {number} (?:years?|anos)", "between"),
        (rf"in (?:their|his|her|my) {number}s|(?:the )?{number}s (?:age|ages)", "decade"),
        (rf"{number} ?(?:years? old|yrs? old|yr old|year old|yo|anos de edad)|"
         rf"(?:aged?|edad(?: de)?|i am|im|i m) {number}|"
         rf"(?:hes|shes|he is|she is|is|tiene|tengo) {number} (?:years?|anos)|de {number} anos|"
         rf"{number} anos|{number} year old", "one"),
    )
    found: List[str] = []
    for pattern, kind in patterns:
        for match in re.finditer(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])", line):
            values = [int(g) for g in match.groups() if g is not None]
            if not values or any(v > 120 for v in values) or any(1900 <= v for v in values):
                continue
            low, high = {"over": (values[0] + 1, 120), "under": (0, values[0] - 1),
                         "between": (min(values), max(values)),
                         "decade": (values[0], values[0] + 9), "one": (values[0], values[0])}[kind]
            if kind == "over" and re.search(r"and older|and over|and up|y mas|or older|or over", match.group(0)):
                low = values[0]
            found.extend(r for r in _ranges(low, high) if r not in found)
    if not found:
        for pattern, low, high in _GROUPS:
            if re.search(rf"(?<![a-z])(?:{pattern})(?![a-z])", line):
                found.extend(r for r in _ranges(low, high) if r not in found)
    wants_age = bool(re.search(r"my age|mi edad|someone like me|people like me|personas como yo|"
                               r"gente como yo|same age", line))
    return tuple(sorted(found, key=AGE_RANGES.index)), wants_age


# ---- years
def years_in(line: str, first: int, last: int) -> Optional[Tuple[int, int]]:
    """Years a message names, within the data's years: "since 2010", "2008-2012", "in 2015"."""
    year = r"((?:19|20)\d\d)"
    spans: Iterable[Tuple[str, str]] = (
        (rf"(?:between|from|entre|de) {year} (?:and|to|y|a|hasta) {year}|{year} (?:to|through|thru|a|hasta) {year}|{year} {year}", "between"),
        (rf"(?:since|after|from|desde|despues de|a partir de) {year}", "since"),
        (rf"(?:before|until|up to|prior to|antes de|hasta) {year}", "before"),
        (rf"{year}", "one"),
    )
    for pattern, kind in spans:
        match = re.search(rf"(?<![0-9])(?:{pattern})(?![0-9])", line)
        if not match:
            continue
        values = [int(g) for g in match.groups() if g is not None]
        low, high = {"between": (min(values), max(values)), "one": (values[0], values[0]),
                     "since": (values[0] + (1 if "after" in match.group(0) or "despues" in match.group(0) else 0), last),
                     "before": (first, values[0] - (0 if "until" in match.group(0) or "hasta" in match.group(0) else 1))}[kind]
        low, high = max(low, first), min(high, last)
        return (low, high) if low <= high else (values[0], values[0])
    if re.search(r"recent|lately|last few years|ultimos anos|recientes?", line):
        return (last - 4, last)
    return None


def describe(filters: Filters) -> Dict[str, object]:
    """Filters as plain values (for tests and the conversation's slot)."""
    def category(c: Optional[Category]) -> Optional[List[Optional[str]]]:
        return [c.level, c.category, c.sub] if c else None
    return {"treatment": category(filters.treatment), "diagnosis": category(filters.diagnosis),
            "review_type": filters.review_type, "age_ranges": list(filters.age_ranges),
            "gender": filters.gender, "years": list(filters.years) if filters.years else None}


def from_description(value: object) -> Filters:
    """The inverse of describe(), tolerant of anything else (an old or damaged slot)."""
    if not isinstance(value, dict):
        return Filters()

    def category(raw: object) -> Optional[Category]:
        if isinstance(raw, list) and len(raw) == 3 and raw[0] in ("treatment", "diagnosis"):
            return Category(str(raw[0]), raw[1], raw[2])
        return None
    years = value.get("years")
    ages = tuple(a for a in value.get("age_ranges") or () if a in AGE_RANGES)
    return Filters(treatment=category(value.get("treatment")), diagnosis=category(value.get("diagnosis")),
                   review_type=value.get("review_type") if isinstance(value.get("review_type"), str) else None,
                   age_ranges=ages,
                   gender=value.get("gender") if value.get("gender") in ("Female", "Male") else None,
                   years=(int(years[0]), int(years[1])) if isinstance(years, list) and len(years) == 2 else None)


def widen(filters: Filters) -> Filters:
    """The same question about the whole category, when the sub category had too few decisions."""
    for level in ("treatment", "diagnosis"):
        category = getattr(filters, level)
        if category is not None and category.sub is not None and category.category is not None:
            return replace(filters, **{level: Category(level, category.category)})
    return filters
