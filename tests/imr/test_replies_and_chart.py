"""What the bot says about past IMRs: the small-number rules, what the figures count, SMS, the chart."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from bot.domain.contacts import line
from bot.imr import replies
from bot.imr.chart import chart
from bot.imr.store import Category, Coverage, Filters, Outcome

COVERAGE = Coverage(19245, 2001, 2016, "2001-2016 export", "imr_determinations_2001_2016.csv")
MRI = Filters(treatment=Category("treatment", "Diagnostic Imaging, Screening and Testing", "MRI"))


def outcome(total: int, overturned: int) -> Outcome:
    years = ((2014, overturned // 2, (total - overturned) // 2),
             (2015, overturned - overturned // 2, total - overturned - (total - overturned) // 2))
    return Outcome(total, overturned, 2014, 2015, years)


@pytest.mark.parametrize("language", ["en", "es"])
def test_thirty_or_more_decisions_get_the_rate_without_a_warning(language):
    text = replies.reply(outcome(550, 204), MRI, COVERAGE, language)
    assert "550" in text and "204" in text and "346" in text and "37%" in text
    assert "2014-2015" in text and "2001-2016" in text and "60%" in text
    assert not re.search(r"small number|pocas decisiones", text)


@pytest.mark.parametrize("language, warning", [("en", "small number"), ("es", "pocas decisiones")])
def test_fewer_than_thirty_get_a_warning(language, warning):
    text = replies.reply(outcome(24, 10), MRI, COVERAGE, language)
    assert "42%" in text and warning in text


@pytest.mark.parametrize("language, words", [("en", "too few"), ("es", "muy pocas")])
def test_fewer_than_ten_get_no_rate(language, words):
    text = replies.reply(outcome(7, 3), MRI, COVERAGE, language)
    assert words in text and "%" not in text.replace("60%", "")


def test_none_found_says_which_years_the_data_covers():
    text = replies.reply(Outcome(0, 0, None, None, ()), MRI, COVERAGE)
    assert "no IMR decisions" in text and "covers 2001-2016" in text


def test_a_sub_category_with_few_decisions_also_gets_its_whole_category():
    wider = Filters(treatment=Category("treatment", "Diagnostic Imaging, Screening and Testing"))
    text = replies.reply(outcome(7, 3), MRI, COVERAGE, "en", outcome(2436, 1000), wider)
    assert "too few" in text and "2,436" in text and "Diagnostic Imaging" in text


def test_the_sms_line_is_one_short_message_with_the_figure():
    text = replies.sms_line(outcome(550, 204), MRI, COVERAGE)
    assert "\n" not in text and len(text) <= 320 and "204 of 550" in text and "37%" in text
    few = replies.sms_line(outcome(7, 3), MRI, COVERAGE, "es")
    assert "%" not in few and line("help_center") in few


def test_the_subject_names_every_filter():
    filters = Filters(treatment=MRI.treatment, review_type="Experimental/Investigational",
                      gender="Female", age_ranges=("41-50", "51-64"), years=(2010, 2016))
    assert replies.subject(filters) == ("MRI, reviews of treatments called experimental, for women "
                                        "and girls, ages 41-64, 2010-2016")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_chart_is_valid_svg_with_a_bar_per_year_and_its_text_alternative(language):
    drawn = chart(Outcome(30, 12, 2014, 2016, ((2014, 2, 8), (2015, 6, 4), (2016, 4, 6))), "MRI", language)
    root = ET.fromstring(drawn.svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == drawn.title and root.find(f"{ns}desc").text == drawn.alt
    bars = [r for r in root.iter(f"{ns}rect") if r.get("fill") in ("#1b6b3a", "#b9c4cc")
            and float(r.get("width")) > 10 and r.get("y") not in ("6",)]
    assert len(bars) == 6  # overturned and upheld for each of three years
    heights = sorted(float(b.get("height")) for b in bars)
    assert heights[0] < heights[-1]
    for year, o, u in ((2014, 2, 8), (2015, 6, 4), (2016, 4, 6)):
        assert re.search(rf"{year}: {o} \w+, {u} \w+", drawn.alt)
    assert ("Anuladas" in drawn.svg) == (language == "es")


def test_chart_text_is_escaped():
    drawn = chart(outcome(40, 20), "<script>alert(1)</script>")
    assert "<script>" not in drawn.svg
    ET.fromstring(drawn.svg)


def test_every_imr_text_exists_in_both_languages_with_the_same_figures():
    """As tests/unit/test_spanish_parity.py does for the other texts built by actions."""
    from bot.nlu.conversation_language import SPANISH, message_language
    wider = Filters(treatment=Category("treatment", "Diagnostic Imaging, Screening and Testing"))
    filters = Filters(treatment=MRI.treatment, review_type="Urgent Care", gender="Male",
                      age_ranges=("65+",), years=(2010, 2016))
    texts = [
        lambda lang: replies.reply(outcome(550, 204), filters, COVERAGE, lang),
        lambda lang: replies.reply(outcome(24, 10), filters, COVERAGE, lang),
        lambda lang: replies.reply(outcome(7, 3), filters, COVERAGE, lang, outcome(2436, 1000), wider),
        lambda lang: replies.reply(Outcome(0, 0, None, None, ()), filters, COVERAGE, lang),
        lambda lang: replies.sms_line(outcome(550, 204), filters, COVERAGE, lang),
        lambda lang: replies.sms_line(outcome(7, 3), filters, COVERAGE, lang),
        replies.ask_which, replies.ask_age, replies.unavailable, replies.what_it_counts,
        lambda lang: replies.offer("MRI", lang),
        lambda lang: chart(outcome(40, 20), "MRI", lang).alt,
    ]
    for make in texts:
        english, spanish = make("en"), make("es")
        assert english != spanish
        assert re.findall(r"\d[\d,]*%?", english) == re.findall(r"\d[\d,]*%?", spanish), (english, spanish)
        assert message_language(spanish) == SPANISH, spanish


def test_one_decision_is_said_in_the_singular_and_the_60_is_never_called_higher():
    text = replies.reply(Outcome(1, 0, 2004, 2004, ((2004, 0, 1),)), MRI, COVERAGE)
    assert "there is only 1 decision (2004)" in text
    # Autism treatment's rate in the data is itself 60%: "higher" would be false there.
    assert "higher" not in replies.reply(outcome(159, 96), MRI, COVERAGE)
