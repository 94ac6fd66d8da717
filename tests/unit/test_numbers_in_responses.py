"""Every phone number and figure the bot can say is one of those kept in bot/domain/contacts.py."""
from __future__ import annotations

import re
from pathlib import Path
from typing import List

import pytest
import yaml

from bot.domain import contacts
from bot.channels.rest import NO_REPLY_TEXT
from bot.domain.conversation_texts import PRIVATE_DETAILS, PRIVATE_DETAILS_ES, human_handoff, which_topic
from bot.domain.fallback_texts import FALLBACK_REPLIES
from bot.channels.message_guard import GUARD_REPLIES

ROOT = Path(__file__).resolve().parents[2]
PHONE = re.compile(r"(?:1-)?\d{3}-(?:\d{3}-\d{4}|[A-Z]{3}-\d{4}|[A-Z]{7,})|\b(?:988|911)\b")


def bot_texts() -> List[str]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    texts = []
    for variations in domain["responses"].values():
        for v in variations:
            texts.append(v.get("text", ""))
            texts.extend(b["title"] for b in v.get("buttons") or [])
    spoken = ([PRIVATE_DETAILS, PRIVATE_DETAILS_ES, which_topic(["a", "b"]), which_topic(["a"], "es")]
              + human_handoff() + human_handoff((), "es"))
    return texts + list(GUARD_REPLIES) + list(FALLBACK_REPLIES) + [NO_REPLY_TEXT] + spoken


TEXTS = bot_texts()


@pytest.mark.parametrize("text", TEXTS)
def test_every_phone_number_is_a_known_line(text):
    for number in PHONE.findall(text):
        assert contacts.normalize_phone(number) in contacts.known_phone_digits(), number


@pytest.mark.parametrize("text", TEXTS)
def test_every_other_number_is_a_known_figure_or_the_address(text):
    rest = " ".join(text.split()).replace(contacts.MAIL_ADDRESS, " ")
    rest = PHONE.sub(" ", rest)
    for figure in sorted(contacts.FIGURES, key=len, reverse=True):
        rest = re.sub(rf"(?<![\d,]){re.escape(figure)}", " ", rest)
    assert not re.search(r"\d", rest), rest


def test_the_checks_catch_an_unknown_number():
    """Guard against a check that cannot fail."""
    assert contacts.normalize_phone("1-800-555-0100") not in contacts.known_phone_digits()
    assert re.search(r"\d", PHONE.sub(" ", "call within 14 days"))


def test_vanity_spellings_match_their_digits():
    assert contacts.normalize_phone("1-888-HMO-2219") == contacts.PHONE_LINES["help_center"].digits
    assert contacts.normalize_phone("1-800-MEDICARE") == contacts.PHONE_LINES["medicare"].digits


def test_each_line_names_its_source():
    assert all(l.source for l in contacts.PHONE_LINES.values())
    assert all(contacts.FIGURES.values())


def test_help_center_numbers_are_the_published_ones():
    assert contacts.line("help_center") == "1-888-466-2219"
    assert contacts.line("hca") == "1-888-804-3536"
    assert contacts.line("help_center_tdd") == "1-877-688-9891"
