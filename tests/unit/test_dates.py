"""Date reading and DMHC deadline arithmetic (bot/domain/dates.py). "Today" is fixed to Sunday 2026-11-29."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.domain.dates import (
    TZ,
    DateAnswer,
    add_business_days,
    add_days,
    add_months,
    days_since,
    earliest_filing_after_grievance,
    imr_deadline,
    is_business_day,
    medi_cal_hearing_deadline,
    parse_past_date,
    say_date,
    today_in_california,
)

TODAY = date(2026, 11, 29)  # a Sunday, three days after Thanksgiving


def test_today_is_a_sunday() -> None:
    assert TODAY.weekday() == 6


ACCEPTED = [
    ("today", date(2026, 11, 29)),
    ("this morning", date(2026, 11, 29)),
    ("an hour ago", date(2026, 11, 29)),
    ("yesterday", date(2026, 11, 28)),
    ("last night", date(2026, 11, 28)),
    ("yesterday afternoon", date(2026, 11, 28)),
    ("the day before yesterday", date(2026, 11, 27)),
    ("2 days ago", date(2026, 11, 27)),
    ("five days ago", date(2026, 11, 24)),
    ("last Tuesday", date(2026, 11, 24)),
    ("Tuesday", date(2026, 11, 24)),
    ("on Friday", date(2026, 11, 27)),
    ("last Sunday", date(2026, 11, 22)),
    ("this Tuesday", date(2026, 11, 24)),
    ("last week", date(2026, 11, 22)),
    ("3 weeks ago", date(2026, 11, 8)),
    ("three weeks ago", date(2026, 11, 8)),
    ("like 3 weeks ago or so", date(2026, 11, 8)),
    ("a couple weeks ago", date(2026, 11, 15)),
    ("2 wks back", date(2026, 11, 15)),
    ("a month ago", date(2026, 10, 29)),
    ("around two months ago", date(2026, 9, 29)),
    ("12 months ago", date(2025, 11, 29)),
    ("last month", date(2026, 10, 29)),
    ("10 years ago", date(2016, 11, 29)),
    ("Oct 5", date(2026, 10, 5)),
    ("I think Oct 5", date(2026, 10, 5)),
    ("October 5, 2026", date(2026, 10, 5)),
    ("10/05/2026", date(2026, 10, 5)),
    ("10/5/26", date(2026, 10, 5)),
    ("2026-10-05", date(2026, 10, 5)),
    ("Sept 3rd", date(2026, 9, 3)),
    ("the 5th of May", date(2026, 5, 5)),
    ("3/4", date(2026, 3, 4)),
    ("Dec 20", date(2025, 12, 20)),  # yearless and would be in the future: last year's
    ("12/20", date(2025, 12, 20)),
    ("Nov 30", date(2025, 11, 30)),
    ("11/29", date(2026, 11, 29)),
    ("the 20th of December", date(2025, 12, 20)),
    ("in September", date(2026, 9, 1)),
    ("back in March", date(2026, 3, 1)),
    ("in December", date(2025, 12, 1)),
    ("March 2026", date(2026, 3, 1)),
    ("Oct '25", date(2025, 10, 1)),
    ("early March", date(2026, 3, 5)),
    ("beginning of last month", date(2026, 10, 1)),
    ("mid-August", date(2026, 8, 15)),
    ("late December", date(2025, 12, 25)),
    ("end of last month", date(2026, 10, 31)),
    ("late November", date(2026, 11, 25)),
    ("the 5th", date(2026, 11, 5)),
    ("on the 30th", date(2026, 10, 30)),  # Nov 30 has not happened yet
    ("the 31st", date(2026, 10, 31)),  # November has no 31st
    ("2/29", date(2024, 2, 29)),
    ("25/12/2025", date(2025, 12, 25)),  # cannot be month 25: read day-first
]


@pytest.mark.parametrize("text,expected", ACCEPTED)
def test_accepted_phrasings(text: str, expected: date) -> None:
    assert parse_past_date(text, TODAY) == DateAnswer(expected, None)


REJECTED = [
    # future
    ("next Friday", "future"),
    ("tomorrow", "future"),
    ("in 3 weeks", "future"),
    ("in a week", "future"),
    ("2 days from now", "future"),
    ("next month", "future"),
    ("12/25/2026", "future"),
    ("Dec 20 2026", "future"),
    ("12/20/26", "future"),
    ("the 30th of this month", "future"),
    # too old (more than 10 years)
    ("15 years ago", "too_old"),
    ("Sep 3rd, 2014", "too_old"),
    ("11/28/2016", "too_old"),
    # unreadable
    ("banana", "unreadable"),
    ("asdf", "unreadable"),
    ("", "unreadable"),
    ("   ", "unreadable"),
    ("the 45th of Smarch", "unreadable"),
    ("13/45/2026", "unreadable"),
    ("5", "unreadable"),  # dateparser would say May 1
    ("a", "unreadable"),  # dateparser would say Jan 1
    ("2025", "unreadable"),  # a year alone is too vague for a deadline
    ("may 32", "unreadable"),  # dateparser would say 1932
    ("Oct 32", "unreadable"),
    ("February 30", "unreadable"),
    ("10.5", "unreadable"),
    ("noon", "unreadable"),
    ("a week and a half ago", "unreadable"),
    ("a few weeks ago", "unreadable"),
    ("last summer", "unreadable"),
    ("Thanksgiving", "unreadable"),
    ("i don't know", "unreadable"),
]


@pytest.mark.parametrize("text,problem", REJECTED)
def test_rejected_phrasings(text: str, problem: str) -> None:
    assert parse_past_date(text, TODAY) == DateAnswer(None, problem)


def test_rejection_depends_on_today() -> None:
    # "Dec 20" is last December in November, but this year's once it has passed.
    assert parse_past_date("Dec 20", date(2026, 12, 21)).value == date(2026, 12, 20)
    assert parse_past_date("12/25/2026", date(2026, 12, 26)).value == date(2026, 12, 25)
    assert parse_past_date("next Friday", date(2026, 12, 26)).problem == "future"


def test_date_answer_is_frozen() -> None:
    answer = parse_past_date("yesterday", TODAY)
    assert answer.ok
    with pytest.raises(Exception):
        answer.value = TODAY  # type: ignore[misc]


# --------------------------------------------------------------------------- today in California


def test_today_in_california_uses_pacific_time() -> None:
    # 05:30 UTC on Nov 30 is still the evening of Nov 29 in California (PST, UTC-8).
    assert today_in_california(datetime(2026, 11, 30, 5, 30, tzinfo=timezone.utc)) == date(2026, 11, 29)
    assert today_in_california(datetime(2026, 11, 30, 8, 30, tzinfo=timezone.utc)) == date(2026, 11, 30)
    # Summer time (PDT, UTC-7); naive datetimes are UTC.
    assert today_in_california(datetime(2026, 7, 1, 6, 59)) == date(2026, 6, 30)
    assert today_in_california(datetime(2026, 7, 1, 7, 0)) == date(2026, 7, 1)
    assert str(TZ) == "America/Los_Angeles"
    assert isinstance(today_in_california(), date)


# --------------------------------------------------------------------------- arithmetic


@pytest.mark.parametrize(
    "start,months,expected",
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # leap year
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 5, 14), 6, date(2026, 11, 14)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),  # across a year
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 11, 29), -120, date(2016, 11, 29)),
        (date(2026, 1, 10), 0, date(2026, 1, 10)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_add_days() -> None:
    assert add_days(date(2026, 12, 30), 3) == date(2027, 1, 2)
    assert add_days(date(2028, 2, 28), 1) == date(2028, 2, 29)
    assert add_days(date(2026, 3, 1), -1) == date(2026, 2, 28)


@pytest.mark.parametrize(
    "start,n,expected",
    [
        (date(2026, 11, 18), 1, date(2026, 11, 19)),  # plain weekday
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday -> Monday over a weekend
        (date(2026, 11, 21), 1, date(2026, 11, 23)),  # starting on a Saturday
        (date(2026, 11, 20), 5, date(2026, 12, 1)),  # Mon-Wed, then skips Thanksgiving, the day after and a weekend
        (date(2026, 11, 25), 1, date(2026, 11, 30)),  # Wed -> Mon: Thu 26 and Fri 27 are CA holidays
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # Christmas Friday + weekend
        (date(2026, 12, 24), 5, date(2027, 1, 4)),  # ... and New Year's Day (Friday)
        (date(2026, 3, 30), 1, date(2026, 4, 1)),  # Cesar Chavez Day, Tue Mar 31
        (date(2027, 12, 23), 1, date(2027, 12, 27)),  # Christmas observed on Fri Dec 24, 2027
        (date(2026, 11, 30), 0, date(2026, 11, 30)),
        (date(2026, 11, 30), -1, date(2026, 11, 25)),  # backwards over the same holidays
    ],
)
def test_add_business_days(start: date, n: int, expected: date) -> None:
    assert add_business_days(start, n) == expected


def test_california_holidays_from_package() -> None:
    assert not is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert not is_business_day(date(2026, 11, 27))  # Day After Thanksgiving (California)
    assert not is_business_day(date(2026, 3, 31))  # Cesar Chavez Day (California)
    assert not is_business_day(date(2026, 11, 28))  # Saturday
    assert is_business_day(date(2026, 11, 30))
    assert is_business_day(date(2026, 10, 12))  # Columbus Day: not a California state holiday


@pytest.mark.parametrize(
    "d,text",
    [
        (date(2027, 5, 14), "May 14, 2027"),
        (date(2026, 1, 5), "January 5, 2026"),
        (date(2026, 9, 30), "September 30, 2026"),
        (date(2025, 12, 1), "December 1, 2025"),
    ],
)
def test_say_date(d: date, text: str) -> None:
    assert say_date(d) == text


# --------------------------------------------------------------------------- DMHC rules


def test_imr_deadline_is_six_months() -> None:
    assert imr_deadline(date(2026, 5, 14)) == date(2026, 11, 14)
    assert imr_deadline(date(2026, 8, 31)) == date(2027, 2, 28)


def test_earliest_filing_after_grievance_is_30_days() -> None:
    assert earliest_filing_after_grievance(date(2026, 11, 8)) == date(2026, 12, 8)
    assert earliest_filing_after_grievance(date(2026, 2, 1)) == date(2026, 3, 3)


def test_medi_cal_hearing_deadline_is_120_days() -> None:
    assert medi_cal_hearing_deadline(date(2026, 11, 29)) == date(2027, 3, 29)
    assert medi_cal_hearing_deadline(date(2026, 1, 1)) == date(2026, 5, 1)


def test_days_since() -> None:
    assert days_since(date(2026, 10, 30), TODAY) == 30
    assert days_since(TODAY, TODAY) == 0
    assert days_since(date(2026, 11, 30), TODAY) == -1


def test_parsed_date_feeds_deadlines() -> None:
    decision = parse_past_date("3 weeks ago", TODAY).value
    assert decision is not None
    assert say_date(imr_deadline(decision)) == "May 8, 2027"
    assert say_date(medi_cal_hearing_deadline(decision)) == "March 8, 2027"


@pytest.mark.parametrize("text, days", [("sixty days ago", 60), ("forty-five days ago", 45),
                                        ("twenty one days ago", 21), ("about thirty days ago", 30)])
def test_spelled_out_numbers_of_days(text, days):
    today = date(2026, 12, 2)
    assert parse_past_date(text, today).value == today - timedelta(days=days)
