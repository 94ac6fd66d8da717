"""Spanish dates read by bot/domain/dates.py, typed the way Spanish speakers in California write them.

"Today" is fixed to Thursday 2026-12-03. Spanish answers are rewritten into the English shapes the
readers already know, so the future / too-old / unreadable rules are the English ones.
"""
from __future__ import annotations

from datetime import date

import pytest

from bot.domain.dates import DateAnswer, _from_spanish, imr_deadline, parse_past_date, say_date
from tests.unit.test_dates import ACCEPTED as ENGLISH_ACCEPTED
from tests.unit.test_dates import REJECTED as ENGLISH_REJECTED

TODAY = date(2026, 12, 3)  # a Thursday


def test_today_is_a_thursday() -> None:
    assert TODAY.weekday() == 3


ACCEPTED = [
    # a day of a month
    ("el 5 de octubre", date(2026, 10, 5)),
    ("5 de oct", date(2026, 10, 5)),
    ("5 de oct.", date(2026, 10, 5)),
    ("¿el 5 de octubre?", date(2026, 10, 5)),
    ("El 5 de Octubre de 2025", date(2025, 10, 5)),
    ("el 15 de octubre del 2026", date(2026, 10, 15)),
    ("el lunes 5 de octubre", date(2026, 10, 5)),  # the weekday said along is not checked
    ("octubre 5", date(2026, 10, 5)),
    ("el 5 de octubre pasado", date(2026, 10, 5)),
    ("el 5 de otubre", date(2026, 10, 5)),  # common misspelling
    ("el 1ro de octubre", date(2026, 10, 1)),
    ("primero de noviembre", date(2026, 11, 1)),
    ("veintiuno de noviembre", date(2026, 11, 21)),
    ("el 3 de diciembre", date(2026, 12, 3)),
    ("el 5 de diciembre", date(2025, 12, 5)),  # yearless and would be in the future: last year's
    ("el 29 de febrero", date(2024, 2, 29)),
    ("más o menos el 10 de octubre", date(2026, 10, 10)),
    ("mas o menos el 10 de octubre", date(2026, 10, 10)),
    ("creo que fue el 5 de octubre", date(2026, 10, 5)),
    ("alrededor del 10 de octubre", date(2026, 10, 10)),
    ("el 10 de octubre, creo", date(2026, 10, 10)),
    # "hace ..."
    ("hace tres semanas", date(2026, 11, 12)),
    ("hace 3 semanas", date(2026, 11, 12)),
    ("HACE 3 SEMANAS", date(2026, 11, 12)),
    ("hace como 3 semanas", date(2026, 11, 12)),
    ("hace como unas 3 semanas", date(2026, 11, 12)),
    ("como hace 3 semanas", date(2026, 11, 12)),
    ("hace 3 semanas más o menos", date(2026, 11, 12)),
    ("hace 3 semanas o algo así", date(2026, 11, 12)),
    ("3 semanas atrás", date(2026, 11, 12)),
    ("ase 3 semanas", date(2026, 11, 12)),  # SMS spelling of "hace"
    ("hace 2 meses", date(2026, 10, 3)),
    ("ya hace 2 meses", date(2026, 10, 3)),
    ("desde hace 2 meses", date(2026, 10, 3)),
    ("hace un mes", date(2026, 11, 3)),
    ("hace una semana", date(2026, 11, 26)),
    ("hace un par de semanas", date(2026, 11, 19)),
    ("hace tres días", date(2026, 11, 30)),
    ("hace 3 dias", date(2026, 11, 30)),
    ("hace treinta y cinco días", date(2026, 10, 29)),
    ("hace un año", date(2025, 12, 3)),
    ("hace 1 ano", date(2025, 12, 3)),  # "año" typed without the tilde
    # parts of a month
    ("a principios de agosto", date(2026, 8, 5)),
    ("al principio de agosto", date(2026, 8, 1)),
    ("a mediados de septiembre", date(2026, 9, 15)),
    ("a mediados de setiembre", date(2026, 9, 15)),
    ("a finales de julio", date(2026, 7, 25)),
    ("a fines de julio", date(2026, 7, 25)),
    ("al final de julio", date(2026, 7, 31)),
    ("a principios del mes pasado", date(2026, 11, 5)),
    ("a finales del mes pasado", date(2026, 11, 25)),
    ("a finales de octubre de 2025", date(2025, 10, 25)),
    # weeks, months, days around today
    ("la semana pasada", date(2026, 11, 26)),
    ("la semana antepasada", date(2026, 11, 19)),
    ("el mes pasado", date(2026, 11, 3)),
    ("hoy", date(2026, 12, 3)),
    ("esta mañana", date(2026, 12, 3)),
    ("ayer", date(2026, 12, 2)),
    ("ayer en la tarde", date(2026, 12, 2)),
    ("anoche", date(2026, 12, 2)),
    ("antier", date(2026, 12, 1)),
    ("anteayer", date(2026, 12, 1)),
    ("antes de ayer", date(2026, 12, 1)),
    # weekdays
    ("el martes pasado", date(2026, 12, 1)),
    ("el pasado martes", date(2026, 12, 1)),
    ("el martes", date(2026, 12, 1)),
    ("el lunes", date(2026, 11, 30)),
    ("el miércoles", date(2026, 12, 2)),
    ("el miercoles", date(2026, 12, 2)),
    ("el jueves", date(2026, 11, 26)),  # today is Thursday: the one before
    ("el sábado pasado", date(2026, 11, 28)),
    # months
    ("en octubre", date(2026, 10, 1)),
    ("en setiembre", date(2026, 9, 1)),
    ("septiembre 2025", date(2025, 9, 1)),
    ("octubre pasado", date(2026, 10, 1)),
    ("en octubre del año pasado", date(2025, 10, 1)),
    # numbers
    ("el 15/10", date(2026, 10, 15)),  # 15 cannot be a month: day/month
    ("15/10/2025", date(2025, 10, 15)),
    ("el 5/10", date(2026, 5, 10)),  # both could be a month: month/day, as in English (see _es_numeric)
    ("el 20 del mes pasado", date(2026, 11, 20)),
    ("el día 2", date(2026, 12, 2)),
]


@pytest.mark.parametrize("text,expected", ACCEPTED)
def test_spanish_phrasings(text: str, expected: date) -> None:
    assert parse_past_date(text, TODAY) == DateAnswer(expected, None)


REJECTED = [
    # future
    ("mañana", "future"),
    ("pasado mañana", "future"),
    ("el próximo martes", "future"),
    ("el martes que viene", "future"),
    ("la próxima semana", "future"),
    ("el mes que viene", "future"),
    ("en 3 semanas", "future"),
    ("dentro de un mes", "future"),
    ("el 5 de diciembre de 2026", "future"),
    ("el 15 de este mes", "future"),
    # too old (more than 10 years)
    ("hace 15 años", "too_old"),
    ("hace 11 anos", "too_old"),
    ("el 5 de octubre de 2014", "too_old"),
    # no date given
    ("no sé", "unreadable"),
    ("no se", "unreadable"),
    ("no me acuerdo", "unreadable"),
    ("no recuerdo", "unreadable"),
    ("ni idea", "unreadable"),
    ("nunca", "unreadable"),
    ("todavía no", "unreadable"),
    ("todavia no", "unreadable"),
    ("aún no", "unreadable"),
    ("no sé, creo que el 5 de octubre", "unreadable"),  # a doubt first: the bot asks again
    # too vague to count a deadline from
    ("hace mucho", "unreadable"),
    ("hace mucho tiempo", "unreadable"),
    ("hace tiempo", "unreadable"),
    ("hace poco", "unreadable"),
    ("hace rato", "unreadable"),
    ("hace unas semanas", "unreadable"),
    ("hace unos días", "unreadable"),
    ("hace varios meses", "unreadable"),
    ("hace 2 o 3 semanas", "unreadable"),
    ("hace más de un mes", "unreadable"),
    ("hace una semana y media", "unreadable"),
    ("hace mes y medio", "unreadable"),
    ("hace medio año", "unreadable"),
    ("el año pasado", "unreadable"),
    ("esta semana", "unreadable"),
    ("el verano pasado", "unreadable"),
    ("a finales del año pasado", "unreadable"),
    ("navidad", "unreadable"),
    ("el 5 o 6 de octubre", "unreadable"),
    # not a real date, or a typo we do not guess at
    ("el 32 de octubre", "unreadable"),
    ("el 31 de septiembre", "unreadable"),
    ("30 de febrero", "unreadable"),
    ("hace 3 semans", "unreadable"),
    ("el", "unreadable"),
    ("5", "unreadable"),
]


@pytest.mark.parametrize("text,problem", REJECTED)
def test_spanish_rejected(text: str, problem: str) -> None:
    assert parse_past_date(text, TODAY) == DateAnswer(None, problem)


def test_spanish_depends_on_today() -> None:
    # Yearless dates still mean the most recent one already past.
    assert parse_past_date("el 15/10", date(2026, 10, 10)).value == date(2025, 10, 15)
    assert parse_past_date("el 5 de octubre", date(2026, 10, 4)).value == date(2025, 10, 5)
    # "octubre pasado" said during October means last year's.
    assert parse_past_date("octubre pasado", date(2026, 10, 20)).value == date(2025, 10, 1)


@pytest.mark.parametrize("text", [text for text, _ in ENGLISH_ACCEPTED + ENGLISH_REJECTED])
def test_english_text_is_not_rewritten(text: str) -> None:
    assert _from_spanish(text, TODAY) == text


@pytest.mark.parametrize(
    "d,text",
    [
        (date(2027, 5, 5), "5 de mayo de 2027"),
        (date(2027, 5, 14), "14 de mayo de 2027"),
        (date(2026, 9, 1), "1 de septiembre de 2026"),
        (date(2026, 12, 31), "31 de diciembre de 2026"),
    ],
)
def test_say_date_in_spanish(d: date, text: str) -> None:
    assert say_date(d, "es") == text


def test_spanish_date_feeds_deadlines() -> None:
    decision = parse_past_date("hace tres semanas", TODAY).value
    assert decision == date(2026, 11, 12)
    assert say_date(imr_deadline(decision), "es") == "12 de mayo de 2027"
