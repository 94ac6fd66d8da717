"""Property-based tests (hypothesis) over the pure logic: whatever a person types or answers,
the dates, the decision table, the answer readers and SMS splitting give an answer, never an
error, and keep their promises. Bounded: FUZZ_EXAMPLES examples per property, fixed seed."""
from __future__ import annotations

from dataclasses import fields
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels.sms_format import HARD_LIMIT, format_reply
from bot.domain.dates import add_months, imr_deadline, parse_past_date
from bot.eligibility.answers import polarity, read_coverage
from bot.eligibility.rules import Case, Coverage, Problem, decide, next_question

FUZZ_EXAMPLES = 300
TODAY = date(2026, 12, 2)
typed = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
answers = st.sampled_from(["yes", "no", "unsure", None])
cases = st.builds(
    Case,
    coverage=st.sampled_from(list(Coverage) + [None]),
    problem=st.sampled_from(list(Problem) + [None]),
    urgent=answers, emergency_now=st.booleans(), serious_condition=answers,
    state_hearing=answers, filed_grievance=answers, plan_answered=answers,
    grievance_date=st.one_of(st.none(), st.dates(date(2024, 1, 1), TODAY)),
    decision_date=st.one_of(st.none(), st.dates(date(2024, 1, 1), TODAY)),
    grievance_date_unknown=st.booleans(), decision_date_unknown=st.booleans(),
)
bounded = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True)


@bounded
@given(typed, days)
def test_a_typed_date_is_in_the_past_or_explained(text, today):
    answer = parse_past_date(text, today)
    assert (answer.value is None) != (answer.problem is None)
    if answer.value is not None:
        assert answer.value <= today


@bounded
@given(days, st.integers(min_value=0, max_value=24))
def test_months_later_is_never_earlier_nor_past_the_month(day, months):
    later = add_months(day, months)
    assert later >= day and later.day <= day.day
    assert (later.year - day.year) * 12 + later.month - day.month == months
    deadline = imr_deadline(day)
    assert day + timedelta(days=180) <= deadline <= day + timedelta(days=185)


@bounded
@given(cases)
def test_every_case_gets_a_route_with_a_title_and_the_help_center(case):
    outcome = decide(case, TODAY)
    assert outcome.route and outcome.title.strip() and outcome.steps
    assert outcome.phones, "every result names a line to call"


@bounded
@given(cases, st.data())
def test_the_check_always_ends(case, data):
    """Answering whatever the check asks next, it has what it needs within ten questions."""
    for _ in range(10):
        slot = next_question(case)
        if slot is None:
            return
        assert slot in {f.name for f in fields(Case)}, slot
        value = {"coverage": st.sampled_from(list(Coverage)), "problem": st.sampled_from(list(Problem)),
                 "grievance_date": st.dates(date(2024, 1, 1), TODAY),
                 "decision_date": st.dates(date(2024, 1, 1), TODAY)}.get(
                     slot, st.sampled_from(["yes", "no", "unsure"]))
        case = Case(**{**case.__dict__, slot: data.draw(value)})
    raise AssertionError(f"still asking after ten answers: {case}")


@bounded
@given(typed)
def test_reading_any_answer_never_fails(text):
    assert read_coverage(text) is None or isinstance(read_coverage(text), Coverage)
    assert polarity("urgent", [("affirm", 0.9)], text) in ("yes", "no", "unsure", None)


@bounded
@given(typed, st.lists(st.fixed_dictionaries({"title": typed, "payload": typed}), max_size=6))
def test_every_sms_fits_and_nothing_is_lost(text, buttons):
    parts = format_reply(text, buttons)
    assert all(part.strip() and len(part) <= HARD_LIMIT for part in parts)
    said = "".join(parts)
    for word in text.split()[:20]:
        if word.isalnum() and word.isascii():
            assert word in said, word
