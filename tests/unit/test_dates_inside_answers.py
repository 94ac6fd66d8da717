"""A date said inside a longer answer to a date question is read (actions/eligibility_form.read_date)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from actions.eligibility_form import read_date
from bot.domain.dates import parse_past_date, today_in_california

TODAY = today_in_california()


@pytest.mark.parametrize("text, days", [
    ("la carta dice que es de hace 9 dias", 9),
    ("the letter I got is from 9 days ago", 9),
    ("hoy mismo", 0),
    ("fue ayer mismo", 1),
])
def test_a_date_inside_the_answer(text, days):
    assert read_date("decision_date", None, text) == {"decision_date": (TODAY - timedelta(days=days)).isoformat()}


def test_a_future_date_is_still_refused_and_nonsense_still_unread():
    assert parse_past_date("next month", TODAY).value is None
    assert read_date("decision_date", None, "the letter says next month") == {"decision_date": None}
    assert read_date("decision_date", None, "la carta es de la aseguranza") == {"decision_date": None}
