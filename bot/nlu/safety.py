"""A narrow backstop for the clearest crisis and emergency wordings, in English and Spanish.

The trained classifier (intents `crisis_self_harm` and `emergency_now`) is what reads people.
These patterns only make sure a handful of unmistakable wordings ("I want to kill myself",
"quiero morir", "my wife isn't breathing", "no puedo respirar") never depend on a model's
confidence. They win over the classifier, so every false alarm tells someone with an ambulance
bill, a diagnosis or a slow health plan to call 911 or 988: that is why they are kept narrow.

- 911 is for an emergency happening now; 988 for thoughts of suicide or self-harm now.
- A clause that dates itself in the past ("last year", "hace dos meses", "in March") does not
  fire, nor does a negated wording ("he is not suicidal", "no quiero morir").
- Emergency wordings need a person in trouble now: "my plan is unresponsive", "seizure
  disorder", "not breathing problems", "when she can't breathe", "called an ambulance" and a
  clause about a bill or a claim don't fire.
- Spanish wordings are here too: Spanish messages skip the (English) classifier, so these are
  what gets a Spanish speaker in crisis the 988 / 911 answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import FrozenSet, Iterable, List, Pattern

from bot.text import fold_accents

# ------------------------------------------------------------------------------ shared parts
_PEOPLE = (
    r"baby|infant|newborn|toddler|kid|child|son|daughter|boy|girl|teen|mom|mother|mum|mama|dad"
    r"|father|papa|husband|wife|partner|spouse|boyfriend|girlfriend|fiance|fiancee|brother"
    r"|sister|grandma|grandpa|grandmother|grandfather|granny|nana|uncle|aunt|cousin|friend"
    r"|roommate|neighbor|man|woman|year\s+old|yr\s+old"
)
# Someone who can be in danger: "he", "my little brother", "the baby", "someone".
_WHO = (
    r"(?:\b(?:he|she|someone|somebody)"
    rf"|\b(?:my|our|the|his|her|a|this)\s+(?:\w+\s+)?(?:{_PEOPLE}))"
)
_PERSONA = (
    r"(?:\b(?:el|ella|alguien)|\b(?:mi|el|la|nuestro|nuestra)\s+(?:esposo|esposa|marido|mujer"
    r"|hijo|hija|bebe|nino|nina|mama|papa|madre|padre|abuela|abuelo|hermano|hermana|amigo"
    r"|amiga|novio|novia|tio|tia|primo|prima|pareja|suegra|suegro))"
)
_SELF = r"(?:my|him|her|them)sel(?:f|ves)"
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_MESES = (
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre"
)
_NOT_A_CRISIS_LINE = r"(?!\s+(?:prevention|hotline|line|awareness|risk))"

# A clause that places itself in the past is about something that happened, not a crisis now.
_PAST = re.compile(
    rf"\blast\s+(?:week|month|year|spring|summer|fall|autumn|winter|christmas|{_MONTHS})\b"
    r"|\b(?:\d+|a|one|two|three|four|five|six|few|several|couple|couple\s+of|many)\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago\b"
    r"|\byears\s+ago\b|\ba\s+while\s+(?:ago|back)\b|\bback\s+in\b|\bin\s+the\s+past\b"
    rf"|\bin\s+(?:early\s+|late\s+|mid\s+)?(?:{_MONTHS}|(?:19|20)\d\d)\b"
    r"|\bhistory\s+of\b|\bused\s+to\b|\bpreviously\b"
    r"|\bwhen\s+(?:i|he|she|they)\s+was\s+(?:young|little|a\s+kid|a\s+teen|younger)"
    r"|\bas\s+a\s+(?:kid|child|teen)"
    r"|\bsince\s+(?:his|her|my|their|the)\s+(?:stroke|accident|injury|surgery|diagnosis"
    r"|heart\s+attack|seizure|overdose|attempt)"
    r"|\bel\s+(?:ano|mes|verano|invierno)\s+pasado\b|\bla\s+semana\s+pasada\b"
    r"|\bhace\s+(?:\d+|un|una|dos|tres|cuatro|cinco|seis|unos|unas|varios|varias|muchos|muchas)"
    r"\s+(?:dias|semanas|meses|anos)\b"
    rf"|\ben\s+(?:{_MESES}|(?:19|20)\d\d)\b|\bhistorial\s+de\b|\bcuando\s+(?:era|tenia)\b"
)
# A clause about a bill or a claim, or about something that keeps happening, is not an
# emergency in progress.
_NOT_NOW = re.compile(
    r"\b(?:bills?|billed|billing|invoice|charged|charges|claims?|reimburse\w*|copays?"
    r"|deductible|factura\w*|cobr(?:o|aron|an|ando)|reembolso|periods?|menstrua\w*|fibroids?"
    r"|apnea|cpap|every\s+time|each\s+time|whenever|regla|menstruacion|cada\s+vez)\b"
)
_NEGATION_EN = frozenset({
    "not", "never", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt",
    "won't", "wont", "wouldn't", "wouldnt", "can't", "cant", "nobody", "no-one",
})
_NEGATION_ES = frozenset({"no", "nunca", "jamas", "ni"})
# Words just before a crisis wording that make it a past attempt or a prevention.
_NOT_A_CRISIS = frozenset({"tried", "attempted", "from", "prevent", "prevents", "preventing"})
# Words just before an emergency wording that make it a condition, a fear or the past.
_CONDITION = frozenset({
    "when", "whenever", "if", "sometimes", "often", "usually", "because", "after", "before",
    "until", "unless", "afraid", "worried", "scared", "risk", "chance", "prevent", "avoid",
    "every", "was", "were", "wasn't", "had", "should", "would", "did", "feel", "feels", "felt",
})
_CONDICION = frozenset({
    "cuando", "si", "miedo", "riesgo", "evitar", "prevenir", "tuvo", "tuve", "cada",
})
_TOKEN = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class _Rule:
    """One wording; `stop` holds words that cancel it when among the three just before it."""

    pattern: Pattern[str]
    stop: FrozenSet[str]


def _rules(stop: FrozenSet[str], *patterns: str) -> List[_Rule]:
    return [_Rule(re.compile(p), stop) for p in patterns]


# ------------------------------------------------------------------------------ crisis (988)
_CRISIS_EN = _rules(
    _NEGATION_EN | _NOT_A_CRISIS,
    rf"\bkill(?:ing|in'?)?\s+{_SELF}\b"
    r"(?!\s+(?:laughing|for\s+(?:missing|forgetting|being|not|that)))",
    r"^\W*kms\W*$",
    r"\b(?:wanna|want\s+to|gonna|going\s+to|about\s+to|i'?ll|might)\s+kms\b",
    r"\b(?:i'?m|i\s+am|am|is|are|he'?s|she'?s|they'?re|feel|feels|feeling|been|getting"
    r"|becoming|actively|currently|very|really|so)\s+suicidal\b",
    r"\bsuicidal\s+(?:again|tonight|right\s+now|today)\b",
    r"\b(?:having|have|has|getting|keep\s+having)\s+"
    r"(?:some\s+|these\s+|bad\s+|really\s+bad\s+|a\s+lot\s+of\s+)?"
    r"(?:suicidal\s+(?:thoughts|ideation|feelings|urges)"
    r"|thoughts\s+(?:of|about)\s+(?:suicide|killing|ending|dying"
    rf"|hurting\s+{_SELF}|self[\s-]?harm))",
    rf"\b(?:thinking|thought|considering|contemplating|planning)\s+(?:about\s+|of\s+)?"
    rf"(?:suicide{_NOT_A_CRISIS_LINE}|taking\s+(?:my|his|her)\s+(?:own\s+)?life"
    rf"|hurting\s+{_SELF}"
    r"|ending\s+(?:it\b|it\s+all|my\s+life|his\s+life|her\s+life|things|everything)(?!\s+with))",
    rf"\b(?:keeps?|been|is|started|always)\s+talking\s+about\s+(?:suicide{_NOT_A_CRISIS_LINE}"
    rf"|killing\s+{_SELF}|ending\s+(?:it|his\s+life|her\s+life|my\s+life))",
    rf"\bcommit(?:ting)?\s+suicide\b{_NOT_A_CRISIS_LINE}",
    r"\bjust\s+(?:tried|attempted)\s+(?:suicide|to\s+(?:end|take))",
    r"\b(?:want|wants|wanna|wanting|rather)\s+(?:to\s+)?(?:die|be\s+dead)\b"
    r"(?!\s+(?:at|in|with|from|of|peacefully|comfortably|naturally|without|before|than|on"
    r"|alone))",
    r"\bwish\s+i\s+(?:was|were)\s+dead",
    r"\bwish\s+i\s+(?:wasn'?t|was\s+not|weren'?t|were\s+not)\s+(?:alive|here|born|around)",
    r"\bwish\s+i\s+(?:could|would)\s+(?:just\s+)?(?:die|not\s+wake\s+up|never\s+wake\s+up)",
    r"\b(?:end|ending)\s+(?:my|his|her|their)\s+(?:own\s+)?life\b(?!\s+insurance)",
    r"\bend(?:ing)?\s+it\s+all\b|\bend(?:ing)?\s+it\s+tonight\b",
    r"\btak(?:e|ing)\s+(?:my|his|her|their)\s+(?:own\s+)?life\b(?!\s+(?:back|savings|insurance))",
    r"\bwant\s+(?:it\s+all|everything|my\s+life)\s+to\s+(?:end|be\s+over)",
    r"\b(?:go\s+to\s+sleep|sleep)\s+and\s+(?:never|not)\s+wake\s+up\b",
    r"\bthink(?:ing)?\s+about\s+not\s+waking\s+up\b",
    r"\b(?:don'?t|do\s+not|doesn'?t|does\s+not|no\s+longer)\s+want\s+to\s+(?:live|be\s+alive"
    r"|exist|be\s+here\s+anymore|wake\s+up|keep\s+living|go\s+on\s+living"
    r"|be\s+around\s+anymore)\b"
    r"(?!\s+(?:in|at|with|near|on|there|here|alone|without|far|close|somewhere|anywhere|early"
    r"|for|before|until|till))",
    r"\btired\s+of\s+(?:living|being\s+alive|life)\b"
    r"(?!\s+(?:in|with|like|on|paycheck|off|insurance))",
    r"\b(?:not|isn'?t|no\s+longer|ain'?t)\s+worth\s+living\b",
    r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|being\s+alive)\b",
    r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b",
    r"\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:living|being\s+alive)\b",
    r"\b(?:don'?t|do\s+not)\s+see\s+(?:the|any)\s+point\s+(?:in|of)\s+"
    r"(?:living|being\s+alive)\b",
    r"\bbetter\s+off\s+(?:dead|without\s+me)\b|\bbetter\s+if\s+i\s+(?:was|were)\s+(?:dead|gone)\b",
    r"\b(?:want|wants|wanna|going\s+to|gonna|urges?\s+to|thinking\s+(?:about|of)"
    r"|thoughts\s+(?:of|about))\s+(?:hurt|hurting|harm|harming|cut|cutting|burn|burning)\s+"
    rf"{_SELF}",
    r"\b(?:been|keep|keeps|started|is|am|i'?m|he'?s|she'?s)\s+(?:harming|cutting|burning)\s+"
    rf"{_SELF}(?!\s+(?:off|out|some))",
    r"\b(?:cut|cutting|burned|burnt|burning|hurt|hurting|harmed|harming)\s+"
    rf"{_SELF}\s+on\s+purpose\b",
    r"\b(?:i|i'?m|is|am|been|he'?s|she'?s|started)\s+self[\s-]?harm(?:ing)?\b",
    rf"\bhang\s+{_SELF}",
    r"\bjump(?:ing)?\s+(?:off|from)\s+(?:a|the)\s+(?:bridge|building|roof|cliff|overpass|balcony)",
    r"\boverdos(?:e|ing)\s+on\s+purpose",
    r"\b(?:want|wants|wanna|going|gonna|planning)\s+to\s+(?:overdose|od)\b",
    r"\b(?:writ(?:e|ing)|wrote|written|left|leaving)\s+(?:a\s+|my\s+|her\s+|his\s+)?"
    r"(?:suicide|goodbye)\s+(?:note|letter)s?\b",
)
_CRISIS_ES = _rules(
    _NEGATION_ES,
    r"\b(?:(?:me\s+)?quiero\s+morir(?:me)?|se\s+quiere\s+morir|quiere\s+morirse)\b"
    r"(?!\s+(?:en\s+(?:casa|su\s+casa|mi\s+casa|paz|el\s+hospital|un\s+hospital|hospicio)"
    r"|con\s+dignidad|tranquil\w*|dignamente|de\s+viej\w*|de\s+(?:la\s+)?(?:verguenza|risa|pena)))",
    r"\b(?:ya\s+)?no\s+quier[oe]\s+(?:seguir\s+)?(?:vivir|viviendo)\b"
    r"(?!\s+(?:en|con|lejos|cerca|aqui|alli|alla|sol[oa]))",
    r"\bno\s+quier[oe]\s+seguir\s+(?:viv[oa]|con\s+vida|aqui)\b",
    r"\bquitar(?:me|se|le)?\s+la\s+vida\b",
    r"\bmatar(?:me|se)\b(?!\s+(?:trabajando|de\s+la\s+risa|estudiando))",
    r"\b(?:me|se)\s+(?:voy|va|quiero|quiere)\s+(?:a\s+)?(?:matar|suicidar)\b",
    r"\bsuicidar(?:me|se)\b",
    r"\b(?:tengo|tiene|teniendo|he\s+tenido|ha\s+tenido)\s+(?:muchos\s+|muchas\s+)?"
    r"(?:pensamientos|ideas)\s+(?:suicidas|de\s+suicidio|de\s+matarme)",
    r"\bpensando\s+en\s+(?:el\s+)?(?:suicidio|suicidarme|matarme|quitarme\s+la\s+vida"
    r"|acabar\s+con\s+mi\s+vida|hacerme\s+dano|lastimarme|cortarme)",
    r"\b(?:cansad[oa]|me\s+canse)\s+de\s+vivir\b",
    r"\bno\s+(?:le\s+)?encuentro\s+(?:ningun\s+)?sentido\s+a\s+(?:la|mi)\s+vida\b",
    r"\bquiero\s+que\s+todo\s+(?:se\s+)?(?:acabe|termine)\b",
    r"\b(?:acabar|terminar)\s+con\s+mi\s+vida\b",
    r"\b(?:quiero|quiere|voy\s+a)\s+acabar\s+con\s+todo\b(?!\s+(?:este|esta|el|la|lo|eso|mi))",
    r"\b(?:quiero|quiere|voy\s+a|ganas\s+de)\s+(?:hacerme\s+dano|lastimarme|cortarme)\b",
    r"\bme\s+(?:quiero|voy\s+a)\s+(?:hacer\s+dano|lastimar|cortar)\b",
    r"\b(?:me\s+estoy|se\s+esta|me\s+he\s+estado|se\s+ha\s+estado)\s+cortando\b"
    r"(?!\s+(?:el\s+(?:pelo|cabello)|las\s+unas|con))",
    r"\b(?:estaria|estarian|estarias)\s+mejor\s+(?:sin\s+mi|muert[oa]s?)\b",
    r"\bmejor\s+(?:estar\s+)?muert[oa]\b",
    r"\b(?:quisiera|ojala|desearia)\s+(?:estar\s+muert[oa]|morir(?:me)?|no\s+despertar"
    r"|no\s+haber\s+nacido)",
    r"\bno\s+(?:vale|tiene)\s+(?:la\s+pena|sentido)\s+(?:vivir|seguir\s+viviendo)\b",
    r"\bno\s+tengo\s+(?:ninguna\s+)?razon\s+para\s+vivir\b",
    r"\bnada\s+por\s+(?:que|lo\s+que)\s+vivir\b",
    r"\bno\s+quiero\s+(?:volver\s+a\s+)?despertar(?:me)?\b(?!\s+(?:temprano|a\s+las|tan))",
)

# ------------------------------------------------------------------------------ emergency (911)
_STATE = (
    r"(?:unresponsive|unconscious|not\s+responding|isn'?t\s+responding|won'?t\s+respond"
    r"|not\s+waking\s+up|isn'?t\s+waking\s+up|won'?t\s+wake\s+up|not\s+moving|isn'?t\s+moving"
    r"|not\s+breathing|isn'?t\s+breathing|choking|seizing|convulsing|drowning|overdosing"
    r"|(?:turning|going)\s+(?:blue|purple|gr[ae]y))"
)
# What may follow a state when it is about something else ("not responding to chemo").
_STATE_NOT_NOW = (
    r"(?!\s+(?:to|well|right(?!\s+now)|properly|normally|good|for|about|with|at\s+night|when"
    r"|while|during|his|her|their|my|forward|since|up|more|a\s+lot|all\s+the\s+time|every"
    r"|daily|often|frequently|constantly|sometimes|on\s+(?:his|her|their|my)\s+own"
    r"|at\s+the\s+hospital|in\s+(?:the\s+)?(?:icu|nicu|hospital|er)\b"
    r"|in\s+(?:debt|bills|paperwork|homework|work|stress|(?:his|her|my)\s+sleep)))"
)
_EMERGENCY_EN = _rules(
    _NEGATION_EN | _CONDITION,
    rf"{_WHO}(?:'s|'re|s)?(?:\s+(?:is|are|has\s+been|just|still|now|completely|totally))*"
    rf"\s+{_STATE}\b{_STATE_NOT_NOW}",
    rf"\bfound\s+(?:him|her|them|my\s+\w+)\s+(?:unconscious|unresponsive|not\s+breathing)\b",
    rf"{_WHO}(?:'s|\s+is)\s+(?:still\s+)?passed\s+out\b",
    rf"{_WHO}\s+just\s+(?:passed\s+out|collapsed)\b",
    r"\blips\s+(?:are\s+)?(?:turning\s+)?(?:blue|purple)",
    r"\b(?:can'?t|cannot)\s+wake\s+(?:him|her|them|my\s+\w+)(?:\s+up)?\b"
    r"(?!\s+(?:for|in\s+the\s+morning|early|on\s+time))",
    r"\b(?:is|'s|i'?m|am)\s+gasping\s+for\s+(?:air|breath)\b",
    r"\b(?:is|'s|i'?m|am)\s+(?:throwing\s+up|vomiting|coughing\s+up)\s+blood\b",
    r"\b(?:collapsed|passed\s+out|fainted|fell|fell\s+down|went\s+down|hit\s+(?:his|her|my)\s+head"
    r"|overdosed|took\s+(?:a\s+bunch\s+of|too\s+many)\s+pills)(?:\s+\w+){0,3}\s+and\s+"
    r"(?:is\s+|he'?s\s+|she'?s\s+)?(?:still\s+|now\s+)?(?:isn'?t|is\s+not|not|won'?t|wont|can'?t"
    r"|cannot)\s+(?:responding|respond|waking\s+up|wake\s+up|moving|breathing|be\s+woken)\b"
    r"(?!\s+(?:to|well|his|her|their))",
    r"\b(?:can'?t|cannot|can\s+not|unable\s+to)\s+(?:breathe|breath|breth)\b"
    r"(?!\s+(?:without|well|good|at\s+night|through|when|if|while|properly|normally|lying|during"
    r"|after|since|because|in\s+my\s+sleep|on\s+(?:my|his|her|their)\s+own))",
    r"\b(?:isn'?t|is\s+not|not|stopped|has\s+stopped|quit|barely)\s+breathing\b"
    r"(?!\s+(?:problems?|issues?|treatments?|machines?|tests?|related|right(?!\s+now)|well"
    r"|properly|normally|at\s+night|during|while|when|in\s+(?:his|her|my|their)\s+sleep"
    r"|on\s+(?:his|her|my|their)\s+own))",
    r"\bhaving\s+an?\s+(?:massive\s+|major\s+|bad\s+|severe\s+|possible\s+)?(?:heart\s+attack"
    r"|stroke|seizure|asthma\s+attack|severe\s+allergic\s+reaction"
    r"|anaphylactic\s+(?:reaction|shock))\b"
    r"(?!\s+(?:every|each|a\s+(?:day|week|month)|once|twice|daily|weekly|monthly))",
    r"\bgoing\s+into\s+(?:anaphyla\w+|cardiac\s+arrest)",
    r"(?:\bchest\s+(?:pain|pains|pian|hurts|is\s+hurting|is\s+tight|tightness|pressure)"
    r"|\bpain\s+in\s+(?:my|his|her|the)\s+chest)\b(?:(?!\band\b|\bfor\b)[^.,;!?]){0,30}?"
    r"\b(?:right\s+now|now(?!\s+and\s+then)|rn|atm|at\s+the\s+moment|going\s+down\s+my|spreading"
    r"|radiating|down\s+my\s+(?:left\s+)?arm)\b",
    r"\b(?:right\s+now|rn)\b[^.,;!?]{0,30}\bchest\s+(?:pain|pains|hurts|is\s+tight|pressure)\b",
    r"\b(?:face|mouth|smile)\s+(?:is\s+)?(?:drooping|droopy)\b",
    r"\bspeech\s+is\s+slurr(?:ed|ing)|\bslurring\s+(?:his|her|my)\s+(?:words|speech)",
    r"\b(?:throat|airway)\s+(?:is\s+)?(?:closing|swelling\s+shut)",
    r"\bbleeding\s+(?:a\s+lot|heavily|badly|profusely|everywhere|so\s+much|really\s+bad"
    r"|non\s?stop|and\s+(?:it\s+)?won'?t\s+stop)\b",
    r"\b(?:won'?t|can'?t|cannot|will\s+not)\s+stop\s+(?:the\s+)?bleeding\b",
    r"\bblood\s+everywhere\b|\blosing\s+a\s+lot\s+of\s+blood\b",
    r"\b(?:i'?m|i\s+am|is|he'?s|she'?s|they'?re|think\s+i'?m|might\s+be)\s+"
    r"(?:probably\s+|literally\s+)?overdosing\b",
    r"\bjust\s+(?:overdosed|od'?d|took\s+too\s+many)",
    r"\b(?:took|swallowed|taken|downed)\s+(?:a\s+bunch\s+of|a\s+ton\s+of|too\s+many"
    r"|a\s+(?:whole\s+)?bottle\s+of|the\s+whole\s+bottle\s+of|a\s+handful\s+of)\s+"
    r"(?:[\w']+\s+){0,2}(?:pills|meds|tablets|medication|medicine|xanax|tylenol|oxy\w*|percocet)\b",
    r"\b(?:swallowed|drank|ate)\s+(?:some\s+)?(?:bleach|poison|antifreeze|a\s+battery|batteries"
    r"|drain\s+cleaner|a\s+detergent\s+pod)",
    r"\b(?:got|been|just\s+got|has\s+been|have\s+been|i'?ve\s+been)\s+(?:shot|stabbed)\b"
    r"(?!\s+down)",
    r"\b(?:has|have|there'?s|got)\s+no\s+pulse\b",
    r"\b(?:can'?t|cannot)\s+(?:find|feel)\s+(?:a|his|her)\s+pulse\b",
    r"\b(?:doing|giving|started)\s+(?:him\s+|her\s+|them\s+)?cpr\b",
    r"^\W*(?:please\s+|pls\s+|plz\s+|help\s+|someone\s+|somebody\s+)*call\s+(?:911|9-1-1"
    r"|an\s+ambulance)(?:\s+(?:now|please|asap|right\s+now|for\s+me|help))*[\s!.]*$",
    r"\b(?:someone|somebody|sum1|some1)\s+call\s+(?:911|an\s+ambulance)\b",
    r"\b(?:i'?m|i\s+am|we'?re|we\s+are|he'?s|she'?s|is)\s+having\s+a\s+medical\s+emergency\b"
    r"(?!\s+(?:bill|claim))",
) + _rules(
    _NEGATION_EN | _CONDITION | {"do", "does"},  # "do I need an ambulance" is a question
    r"\bneed\s+(?:an?\s+)?(?:ambulance|911)"
    r"(?:\s+(?:now|right\s+now|asap|please|here|immediately))*\s*!*$",
)
_NIGHT = r"de\s+noche|en\s+la\s+noche|por\s+la\s+noche|al\s+dormir|mientras"
_EMERGENCY_ES = _rules(
    _NEGATION_ES | _CONDICION,
    r"\bno\s+(?:puedo|puede|podemos|pueden)\s+respirar\b"
    rf"(?!\s+(?:bien|sin|cuando|por\s+la\s+nariz|{_NIGHT}))",
    r"\b(?:no\s+respira|dejo\s+de\s+respirar|no\s+esta\s+respirando)\b"
    rf"(?!\s+(?:bien|por\s+(?:la\s+nariz|si\s+solo)|sin|cuando|{_NIGHT}))",
    r"\bno\s+(?:despierta|reacciona)\b(?!\s+(?:a|al|bien|con|temprano))",
    r"\bse\s+(?:desmayo|cayo|desplomo)\s+y\s+no\s+(?:responde|reacciona|se\s+mueve|respira"
    r"|despierta)\b(?!\s+(?:a|al|bien|con|el|la|mis?|sus?))",
    r"\b(?:esta|quedo)\s+inconsciente\b",
    rf"{_PERSONA}\s+(?:no\s+(?:responde|se\s+mueve)|se\s+(?:esta\s+)?(?:ahogando"
    r"|poniendo\s+(?:morad[oa]|azul))|se\s+puso\s+(?:morad[oa]|azul)|esta\s+convulsionando)\b"
    r"(?!\s+(?:a|al|el|la|los|las|mi|mis|su|sus|en\s+deudas|con|bien))",
    r"\bse\s+(?:me|le)\s+(?:cierra|esta\s+cerrando)\s+la\s+garganta\b",
    rf"\b(?:me|le)\s+falta\s+(?:el\s+)?aire\b(?!\s+(?:cuando|al|de|en|por|si|sin|{_NIGHT}))",
    r"\b(?:esta|estoy)\s+vomitando\s+sangre\b",
    r"\b(?:tomo|bebio|trago)\s+(?:veneno|cloro|lejia)\b",
    r"\b(?:me|le|se)\s+esta\s+dando\s+(?:un|una)\s+(?:infarto|ataque\s+al\s+corazon"
    r"|ataque\s+cardiaco|derrame|embolia|convulsion)",
    r"\b(?:tengo|tiene|esta\s+teniendo|estoy\s+teniendo)\s+(?:un\s+infarto"
    r"|un\s+ataque\s+al\s+corazon|un\s+derrame\s+cerebral|una\s+convulsion)\b"
    r"(?!\s+(?:cada|todos|todas|a\s+veces|de\s+vez))",
    r"\besta\s+convulsionando\b",
    r"\b(?:dolor|presion)\s+(?:\w+\s+){0,2}en\s+el\s+pecho\b[^.,;!?]{0,30}?"
    r"\b(?:ahora|ahorita|en\s+este\s+momento|ya\s+mismo)\b",
    r"\bme\s+duele\s+(?:mucho\s+)?el\s+pecho\b[^.,;!?]{0,30}?"
    r"\b(?:ahora|ahorita|en\s+este\s+momento)\b",
    r"\b(?:esta|estoy)\s+sangrando\s+(?:mucho|demasiado|sin\s+parar)\b",
    r"\bno\s+(?:para|deja)\s+de\s+sangrar\b|\b(?:esta|estoy)\s+perdiendo\s+mucha\s+sangre\b",
    r"\b(?:esta\s+teniendo|tiene|le\s+dio)\s+una\s+sobredosis\b",
    r"\bse\s+tomo\s+(?:todas\s+(?:las|sus)|muchas|demasiadas|un\s+frasco\s+de|un\s+bote\s+de)"
    r"\s+(?:pastillas|pildoras|medicinas|medicamentos)",
    r"\bacab[ao]\s+de\s+tomar\s+(?:muchas|demasiadas|todas\s+(?:las|sus|mis))\s+"
    r"(?:pastillas|pildoras)",
    r"\b(?:llamen|llama|llamenle|marquen|marca)\s+al\s+911\b",
    r"\bnecesito\s+una\s+ambulancia(?:\s+(?:ya|ahora|urgente|por\s+favor))*\s*!*$",
    r"\bmanden\s+una\s+ambulancia\b",
)


# ------------------------------------------------------------------------------ matching
def _normalize(text: str) -> str:
    """Lower case, plain apostrophes, no accents ("desmayó" -> "desmayo"), single spaces."""
    text = fold_accents(text).replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"[ \t]+", " ", text)


def _clauses(text: str) -> List[str]:
    """Clauses, split at punctuation and at "but"/"pero"."""
    parts = re.split(r"[.,!?;:\n\u00a1\u00bf]+|\s+(?:but|pero)\s+", _normalize(text))
    return [p.strip() for p in parts if p.strip()]


def _stopped(clause: str, start: int, stop: FrozenSet[str]) -> bool:
    """True when one of the three words just before `start` cancels the match."""
    before = _TOKEN.findall(clause[:start])[-3:]
    if "just" in before and ("tried" in before or "attempted" in before):
        return False
    return any(word in stop for word in before)


def _matches(text: str, rules: Iterable[_Rule], emergency: bool) -> bool:
    for clause in _clauses(text):
        if _PAST.search(clause) or (emergency and _NOT_NOW.search(clause)):
            continue
        for rule in rules:
            for match in rule.pattern.finditer(clause):
                if not _stopped(clause, match.start(), rule.stop):
                    return True
    return False


def detect_crisis(text: str) -> bool:
    """True for a clear wording of suicide or self-harm now (the person's or someone else's)."""
    return _matches(text, _CRISIS_EN + _CRISIS_ES, emergency=False)


def detect_emergency(text: str) -> bool:
    """True for a clear wording of a medical emergency happening now."""
    return _matches(text, _EMERGENCY_EN + _EMERGENCY_ES, emergency=True)
