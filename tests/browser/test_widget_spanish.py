"""The chat widget follows the conversation's language, in a real browser against the real
servers (the fixtures and helpers of tests/browser/test_widget.py, which starts them).

The socketio channel (bot/channels/socketio.py) puts the conversation's language on each bot
message; the widget (bot/web/static/widget.js) then switches its own texts and sets `lang` on its
root and on each bot message, so screen readers pronounce them in the right language.
"""
from __future__ import annotations

import pytest

from bot.nlu.conversation_language import message_language
# The same servers, browser and helpers as the widget's other browser tests (this module gets
# its own servers: the fixtures are module-scoped).
from tests.browser.test_widget import (bot_count, browser, click, expect,  # noqa: F401
                                       open_widget, page, site, wait_for_reply)

pytestmark = pytest.mark.e2e

SPANISH_QUESTION = "¿Qué es una revisión médica independiente?"
ROOT = "#dmhc-chat"
BOT_MESSAGES = ".dmhc-chat__msg--bot"


def say(page, text: str, expect_text: str) -> str:
    """As test_widget.say, but finds the text box by its id: its label changes with the language."""
    before = bot_count(page)
    box = page.locator("#dmhc-chat-input")
    box.fill(text)
    box.press("Enter")
    return wait_for_reply(page, before, expect_text)


def widget_texts_are(page, language: str, placeholder: str, label: str, title: str,
                     close: str) -> None:
    expect(page.locator(ROOT)).to_have_attribute("lang", language)
    expect(page.locator(".dmhc-chat__input")).to_have_attribute("placeholder", placeholder)
    expect(page.get_by_label(label, exact=True)).to_be_visible()
    expect(page.get_by_role("dialog", name=title)).to_be_visible()
    expect(page.get_by_role("button", name=close, exact=True)).to_be_visible()


def spanish(page) -> None:
    widget_texts_are(page, "es", "Escriba su pregunta", "Su mensaje",
                     "Asistente del Centro de Ayuda del DMHC", "Cerrar el chat")


def english(page) -> None:
    widget_texts_are(page, "en", "Type your question", "Your message",
                     "DMHC Help Center assistant", "Close chat")


def launcher_is(page, name: str) -> None:
    """Close the panel, check the launcher's accessible name, open the panel again."""
    page.locator(".dmhc-chat__close").click()
    launcher = page.get_by_role("button", name=name, exact=True)
    expect(launcher).to_be_visible()
    launcher.click()
    expect(page.locator(".dmhc-chat__input")).to_be_focused()


def test_a_typed_spanish_question_switches_the_widget_and_english_switches_it_back(site, page):
    open_widget(page, site.url)
    english(page)

    reply = say(page, SPANISH_QUESTION, "")  # the first bot message after the question
    assert message_language(reply) == "es", reply
    expect(page.locator(BOT_MESSAGES).last).to_have_attribute("lang", "es")
    spanish(page)
    launcher_is(page, "Chatear con nosotros")

    # A reload keeps the language, and each message keeps its own.
    page.reload()
    spanish(page)
    expect(page.locator(BOT_MESSAGES).last).to_have_attribute("lang", "es")

    say(page, "Español", "seguimos en español")  # offers the "English" button
    click(page, "English", "continue in English")
    expect(page.locator(BOT_MESSAGES).last).to_have_attribute("lang", "en")
    english(page)
    launcher_is(page, "Chat with us")
    # The Spanish answers stay marked as Spanish.
    langs = page.locator(BOT_MESSAGES).evaluate_all("ms => ms.map(m => m.lang)")
    assert langs[0] == "es" and langs[-1] == "en", langs
