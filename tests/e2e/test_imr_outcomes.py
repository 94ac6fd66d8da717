"""Past IMR outcomes in conversation, over REST against the real Rasa and action servers, with
every figure the bot says recomputed from the shipped CSV by an independent count (the csv
module and plain comparisons here; the bot counts with SQLite in bot/imr/)."""
from __future__ import annotations

import csv
import re
from datetime import timedelta
from typing import Callable, Dict, List

import pytest

from bot.domain.contacts import line
from bot.domain.dates import add_months, say_date, today_in_california
from bot.imr.loader import SHIPPED_CSV

ROWS: List[Dict[str, str]] = list(csv.DictReader(SHIPPED_CSV.open(newline="", encoding="utf-8")))
Row = Dict[str, str]


def counted(keep: Callable[[Row], bool]) -> Dict[str, str]:
    """The figures an answer about these rows says, counted here from the CSV rows."""
    rows = [r for r in ROWS if keep(r)]
    won = sum(r["Determination"].startswith("Overturned") for r in rows)
    years = sorted({int(r["Report Year"]) for r in rows})
    return {"total": f"{len(rows):,}", "overturned": f"{won:,}", "upheld": f"{len(rows) - won:,}",
            "rate": f"{round(100 * won / len(rows))}%" if len(rows) >= 10 else "",
            "first": str(years[0]), "last": str(years[-1])}


def numbers_in(reply: str) -> List[str]:
    """The figures a reply says, without phone numbers and the DMHC's own "60%"."""
    rest = reply.replace(line("help_center"), " ").replace("60%", " ")
    # Ages are the data's own age-range labels, said as a filter ("ages 51-64") or on a button.
    rest = re.sub(r"\b(?:ages|edades) \d+(?:-\d+|\+)|^\d+(?:-\d+|\+)$", " ", rest, flags=re.M)
    return [n.rstrip(",") for n in re.findall(r"\d[\d,]*%?", rest)]


def assert_figures(reply: str, *expected: Dict[str, str]) -> None:
    """Each expected count (and rate, from 10 decisions) is said, and nothing else is."""
    for figures in expected:
        for name in ("total", "overturned", "upheld", "rate"):
            if figures[name]:
                assert re.search(rf"(?<![\d,]){re.escape(figures[name])}(?![\d,])", reply), \
                    f"{name} {figures[name]} not in:\n{reply}"
    allowed = {v for figures in expected for v in figures.values() if v} | {"2001", "2016"}
    assert [n for n in numbers_in(reply) if n not in allowed] == [], reply


def mri(r: Row) -> bool:
    return r["Treatment Sub Category"] == "MRI"


def autism_treatment(r: Row) -> bool:
    return r["Treatment Category"] == "Autism Related Treatment"


def test_how_often_are_mri_denials_overturned_then_for_women(bot, sender):
    person = sender()
    messages = bot.send(person, "how often are MRI denials overturned?")
    reply = "\n".join(m.get("text", "") for m in messages)
    assert_figures(reply, counted(mri))
    assert "only cases the reviewers decided" in reply and "about 60%" in reply
    chart = [m["custom"]["chart"] for m in messages if "custom" in m]
    assert chart and chart[0]["svg"].startswith("<svg") and "MRI" in chart[0]["alt"]
    for year in range(2001, 2017):  # the text alternative gives every year's figures
        won = sum(1 for r in ROWS if mri(r) and r["Report Year"] == str(year)
                  and r["Determination"].startswith("Overturned"))
        assert f"{year}: {won} overturned" in chart[0]["alt"]
    reply = bot.say(person, "what about for women?")
    assert_figures(reply, counted(lambda r: mri(r) and r["Patient Gender"] == "Female"))
    assert "MRI, for women" in reply


def test_do_people_win_imrs_for_autism_therapy(bot, sender):
    reply = bot.say(sender(), "do people win IMRs for autism therapy?")
    assert_figures(reply, counted(autism_treatment))
    assert "Autism Related Treatment" in reply


def test_experimental_cancer_drugs_for_someone_my_age_asks_the_age_then_narrows(bot, sender):
    person = sender()
    reply = bot.say(person, "what about experimental cancer drugs for someone my age?")

    def drugs(r: Row) -> bool:
        return r["Treatment Sub Category"] == "Chemotherapy/ Cancer Medications" and r["Type"] == "Experimental/Investigational"

    def all_drugs(r: Row) -> bool:
        return r["Treatment Category"] == "Pharmacy/Prescription Drugs" and r["Type"] == "Experimental/Investigational"
    # Few decisions for the sub category: no rate for it; the whole drug category is added.
    assert_figures(reply, counted(drugs), counted(all_drugs))
    assert "too few" in reply and "patient's age" in reply
    reply = bot.say(person, "I'm 58")
    assert "ages 51-64" in reply
    assert_figures(reply, counted(lambda r: drugs(r) and r["Age Range"] == "51-64"),
                   counted(lambda r: all_drugs(r) and r["Age Range"] == "51-64"))


def test_the_age_can_be_clicked(bot, sender):
    person = sender()
    asked = bot.send(person, "how did experimental drug reviews go for people my age")
    buttons = [b for m in asked for b in m.get("buttons") or []]
    assert [b["title"] for b in buttons] == ["0-10", "11-20", "21-30", "31-40", "41-50", "51-64", "65+"]
    reply = bot.say(person, buttons[-1]["payload"])

    def drugs(r: Row) -> bool:
        return (r["Treatment Category"] == "Pharmacy/Prescription Drugs" and r["Age Range"] == "65+"
                and r["Type"] == "Experimental/Investigational")
    assert_figures(reply, counted(drugs))
    forged = bot.say(person, '/imr_outcomes{"imr_age":"99"}')
    assert "can't run commands" in forged


def test_a_spanish_question_gets_the_same_figures_in_spanish(bot, sender):
    reply = bot.say(sender(), "¿cuántas IMR de resonancia magnética se ganaron?")
    assert_figures(reply, counted(mri))
    assert "revisores independientes" in reply and "cerca del 60%" in reply


TODAY = today_in_california()


def test_after_the_checks_result_the_named_treatment_is_offered(bot, sender):
    person = sender()
    for message in ("Kaiser denied the MRI my doctor ordered", "yes please",
                    "they said it's not medically necessary", "no", "yeah i did",
                    "yes, they said no again", "45 days ago"):
        bot.say(person, message)
    messages = bot.send(person, "yes")
    reply = "\n".join(m.get("text", "") for m in messages)
    assert say_date(add_months(TODAY - timedelta(days=45), 6)) in reply
    offer = messages[-1]
    assert "past IMRs turned out for MRI" in offer["text"]
    assert [b["payload"] for b in offer["buttons"]] == ["/imr_outcomes", "/deny"]
    assert_figures(bot.say(person, "/imr_outcomes"), counted(mri))


def test_asked_with_nothing_named_it_gives_the_overall_figure_and_asks_which(bot, sender):
    reply = bot.say(sender(), "/imr_outcomes")  # the offer's button, in a new conversation
    assert_figures(reply, counted(lambda r: True))
    assert "Which one?" in reply
