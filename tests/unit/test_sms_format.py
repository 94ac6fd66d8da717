"""SMS formatting (bot/channels/sms_format.py): plain text, message length, numbered buttons, keywords."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.channels import sms_format as sms
from bot.domain.contacts import line
from bot.eligibility.questions import QUESTIONS, YES_NO_UNSURE
from bot.channels.message_guard import GUARD_REPLIES

YES_NO_NOT_SURE = [{"title": t, "payload": t} for t in YES_NO_UNSURE]
MARKDOWN = re.compile(r"\*\*|__|`|\]\(|^#", re.MULTILINE)


def test_markdown_marks_are_removed():
    text = "**Important:** the IMR is _free_ and `fast`. ~~Never~~ ok."
    assert sms.to_plain_text(text) == "Important: the IMR is free and fast. Never ok."


def test_links_become_text_and_bare_url():
    assert sms.to_plain_text("Use [the online form](https://www.HealthHelp.ca.gov) today.") == \
        "Use the online form https://www.HealthHelp.ca.gov today."
    assert sms.to_plain_text("[https://x.org](https://x.org)") == "https://x.org"
    assert sms.to_plain_text("See <https://www.dmhc.ca.gov/help>.") == "See https://www.dmhc.ca.gov/help."


def test_plain_text_is_left_alone():
    text = f"Call {line('help_center')} or go to www.HealthHelp.ca.gov; file_name 2*3 = 6, 10/05/2026."
    assert sms.to_plain_text(text) == text


def test_headings_bullets_and_smart_punctuation_become_gsm_friendly():
    text = "# Next steps\n* Call the plan\n• Keep the letter\n“It’s free” — really…"
    assert sms.to_plain_text(text) == "Next steps\n- Call the plan\n- Keep the letter\n\"It's free\" - really..."


def test_the_bot_never_tells_people_to_say_stop_alone():
    """By SMS, "stop" alone opts a person out of all texts, so no channel's text may suggest it."""
    root = Path(__file__).resolve().parents[2]
    sources = [root / "domain.yml", *root.glob("actions/*.py"), *root.glob("bot/*.py")]
    for source in sources:
        assert not re.search(r'\b(say|type|text|reply)\s+"stop"', source.read_text(), re.I), source


def test_short_text_is_one_message():
    assert sms.split_sms("Hello there.") == ["Hello there."]
    assert sms.split_sms("   ") == []


def test_long_text_splits_at_sentence_ends_within_320():
    sentence = "The Help Center reviews cases about denied care within thirty days of the form. "
    text = (sentence * 10).strip()
    parts = sms.split_sms(text)
    assert len(parts) > 1
    assert all(len(p) <= sms.SOFT_LIMIT for p in parts)
    assert all(p.endswith(".") for p in parts)  # cut only between sentences
    assert " ".join(parts) == text  # nothing lost


def test_line_breaks_are_preferred_split_points():
    lines = [f"- Step {i}: " + "do this thing with care and keep copies of every letter." for i in range(8)]
    parts = sms.split_sms("\n".join(lines))
    assert all(len(p) <= sms.SOFT_LIMIT for p in parts)
    assert [ln for p in parts for ln in p.split("\n")] == lines


def test_a_sentence_longer_than_320_splits_between_words():
    text = " ".join(["word"] * 200) + "."
    parts = sms.split_sms(text)
    assert all(len(p) <= sms.SOFT_LIMIT for p in parts)
    assert " ".join(parts) == text


def test_an_unbreakable_word_may_pass_320_but_never_1600():
    url = "https://example.org/" + "a" * 500
    parts = sms.split_sms(f"Open {url} now.")
    assert url in parts and all(len(p) <= sms.HARD_LIMIT for p in parts)
    huge = "x" * 4000
    parts = sms.split_sms(huge)
    assert "".join(parts) == huge and all(len(p) <= sms.HARD_LIMIT for p in parts)


def test_buttons_become_numbered_choices_after_the_text():
    parts = sms.format_reply("Is this urgent?", YES_NO_NOT_SURE)
    assert parts == ["Is this urgent?\nReply 1 for Yes, 2 for No, 3 for Not sure"]


def test_titles_with_commas_use_semicolons():
    buttons = [{"title": "Yes, that's right", "payload": "Yes"},
               {"title": "Change an answer", "payload": "Change an answer"}]
    assert sms.numbered_choices([b["title"] for b in buttons]) == \
        "Reply 1 for Yes, that's right; 2 for Change an answer"


def test_every_eligibility_question_fits_one_message_with_its_choices():
    for question in QUESTIONS.values():
        buttons = [{"title": b, "payload": b} for b in question.buttons]
        parts = sms.format_reply(question.text, buttons)
        assert len(parts) == 1 and len(parts[0]) <= sms.SOFT_LIMIT, question.text


def test_guard_replies_fit_and_have_no_markdown():
    for reply in GUARD_REPLIES:
        for part in sms.format_reply(reply):
            assert len(part) <= sms.SOFT_LIMIT and not MARKDOWN.search(part)


@pytest.mark.parametrize("reply, payload", [
    ("1", "Yes"), ("2", "No"), (" 3 ", "Not sure"), ("2.", "No"), ("#1", "Yes"), ("3)", "Not sure"),
])
def test_number_replies_map_to_button_payloads(reply, payload):
    assert sms.chosen_payload(reply, YES_NO_NOT_SURE) == payload


@pytest.mark.parametrize("reply", ["0", "4", "12", "yes", "1 2", "one", "", "30 days"])
def test_other_replies_are_not_choices(reply):
    assert sms.chosen_payload(reply, YES_NO_NOT_SURE) is None


def test_no_buttons_no_choice():
    assert sms.chosen_payload("1", []) is None


def test_slash_payloads_come_back_unchanged():
    buttons = [{"title": "Yes, check my case", "payload": "/check_eligibility"},
               {"title": "No, thanks", "payload": "/deny"}]
    assert sms.chosen_payload("1", buttons) == "/check_eligibility"
    assert sms.chosen_payload("2", buttons) == "/deny"


def test_latest_buttons_come_from_the_bots_latest_turn_only():
    asked = {"event": "bot", "text": "Is this urgent?", "data": {"buttons": YES_NO_NOT_SURE}}
    events = [{"event": "user", "text": "check my case"}, asked,
              {"event": "bot", "text": "More text", "data": {}}]
    assert sms.latest_buttons(events) == YES_NO_NOT_SURE
    # after the person answered, an old question's buttons no longer count
    later = events + [{"event": "user", "text": "no"},
                      {"event": "bot", "text": "What date is on the letter?", "data": {}}]
    assert sms.latest_buttons(later) == []
    assert sms.latest_buttons([]) == []


@pytest.mark.parametrize("text", ["STOP", "stop", " Stop. ", "STOPALL", "unsubscribe", "Cancel",
                                  "end", "QUIT", "revoke", "OptOut"])
def test_opt_out_keywords(text):
    assert sms.keyword(text) == sms.OPT_OUT


@pytest.mark.parametrize("text", ["START", "unstop"])
def test_opt_in_keywords(text):
    assert sms.keyword(text) == sms.OPT_IN


@pytest.mark.parametrize("text", ["HELP", "help", "Info", "help!"])
def test_help_keywords(text):
    assert sms.keyword(text) == sms.HELP


@pytest.mark.parametrize("text", ["stop the check", "yes", "Yes", "I need help", "start over",
                                  "end this", "1", "helpful"])
def test_longer_messages_and_yes_are_dialogue(text):
    assert sms.keyword(text) is None


def test_help_text_names_the_program_number_and_stop():
    text = sms.HELP_TEXT
    assert "DMHC Help Center assistant" in text
    assert line("help_center") in text
    assert text.endswith("Reply STOP to stop texts.")
    assert len(text) <= 160  # one SMS segment
    assert sms.format_reply(text) == [text]


def test_conversation_ids_are_keyed_hmacs_of_the_number():
    from bot.channels.sms import sender_id

    key = "k" * 32
    first = sender_id("+15551234567", key)
    assert first.startswith("sms:") and len(first) == 4 + 32
    assert sender_id(" +15551234567 ", key) == first  # the same person
    assert sender_id("+15551234567", "j" * 32) != first  # without the key, not reproducible
    import hashlib
    assert hashlib.sha256(b"+15551234567").hexdigest()[:32] not in first  # not the bare hash


def test_the_sms_channel_refuses_every_request_without_a_sender_key():
    from bot.channels.sms import SmsInput

    configured = dict(account_sid="AC" + "0" * 32, auth_token="t", twilio_number="+15005550006")
    assert SmsInput(**configured, sender_key="k" * 32).not_configured is None
    for key in (None, "", "short"):
        refused = SmsInput(**configured, sender_key=key).not_configured
        assert refused and "SMS_SENDER_KEY" in refused


def test_a_message_id_counts_once_and_old_ones_are_forgotten():
    from bot.channels.sms import SeenMessages

    seen = SeenMessages(size=2)
    assert seen.first_time("SM1") and not seen.first_time("SM1")
    assert seen.first_time(None) and seen.first_time(None)  # no id: always handled
    assert seen.first_time("SM2") and seen.first_time("SM3")
    assert seen.first_time("SM1"), "the oldest is forgotten past the bound"
