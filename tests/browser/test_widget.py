"""The chat widget in a real browser (Debian's /usr/bin/chromium driven by Playwright) against
the real action server, Rasa server (socketio channel) and demo web app.

The browser reaches Rasa through a small TCP proxy (tests/browser/harness.py) so one test can cut
the connection and watch the widget reconnect. The last test stops the Rasa server itself.
Needs: apt-get install chromium; pip install playwright (never `playwright install`).
"""
from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from bot.domain.contacts import line
from bot.domain.dates import imr_deadline, say_date, today_in_california
from bot.eligibility.questions import QUESTIONS, question
from bot.nlu.conversation_language import message_language
from bot.run.launcher import HOST, ROOT, stop
from tests.e2e.servers import Bot, free_port, running_bot
from tests.browser.harness import TcpProxy, start_web_app

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the Python package playwright is missing (pip install playwright)")
expect = playwright_api.expect

pytestmark = pytest.mark.e2e

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
ARTIFACTS = ROOT / "var" / "artifacts"
HELP_CENTER = line("help_center")
REPLY_TIMEOUT_MS = 30_000

BOT_TEXTS = ".dmhc-chat__msg--bot .dmhc-chat__text"
USER_TEXTS = ".dmhc-chat__msg--user .dmhc-chat__text"


class Site:
    """Everything the tests talk to."""

    def __init__(self, bot: Bot, url: str, proxy: TcpProxy) -> None:
        self.bot = bot
        self.url = url
        self.proxy = proxy


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    logs = tmp_path_factory.mktemp("browser")
    web_port, proxy_port = free_port(), free_port()
    origin = f"http://{HOST}:{web_port}"
    with running_bot(logs, name="browser", extra_env={"WEB_ORIGINS": origin}) as bot:
        rasa_port = int(re.search(r":(\d+)/", bot.url).group(1))
        proxy = TcpProxy(proxy_port, rasa_port)
        proxy.start()
        web = start_web_app(web_port, f"http://{HOST}:{proxy_port}", logs / "web.log")
        try:
            yield Site(bot, origin + "/", proxy)
        finally:
            stop([web])
            proxy.cut()


@pytest.fixture(scope="module")
def browser() -> Iterator["playwright_api.Browser"]:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_page(browser, width: int = 1280, height: int = 800, axe: bool = False,
             bypass_csp: bool = False):
    context = browser.new_context(viewport={"width": width, "height": height},
                                  bypass_csp=bypass_csp)
    context.set_default_timeout(REPLY_TIMEOUT_MS)
    if axe:
        context.add_init_script(path=str(AXE))  # not subject to the page's CSP
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text
            and page.problems.append(f"CSP: {m.text}"))
    return page


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    problems = list(page.problems)
    page.context.close()
    assert not problems, problems


# ---- helpers ----

def open_widget(page, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Chat with us").click()
    expect(page.get_by_role("dialog", name="DMHC Help Center assistant")).to_be_visible()
    expect(page.get_by_label("Your message")).to_be_focused()


def bot_count(page) -> int:
    return page.locator(BOT_TEXTS).count()


def wait_for_reply(page, after: int, contains: str) -> str:
    """Wait until a bot message after the first `after` ones contains the text; return them all."""
    page.wait_for_function(
        """([after, wanted]) => [...document.querySelectorAll(%r)].slice(after)
               .some(m => m.textContent.includes(wanted))""" % BOT_TEXTS,
        arg=[after, contains], timeout=REPLY_TIMEOUT_MS)
    return "\n".join(page.locator(BOT_TEXTS).all_text_contents()[after:])


def say(page, text: str, expect_text: str) -> str:
    before = bot_count(page)
    box = page.locator("#dmhc-chat-input")  # its label follows the language
    box.fill(text)
    box.press("Enter")
    return wait_for_reply(page, before, expect_text)


def click(page, title: str, expect_text: str) -> str:
    before = bot_count(page)
    page.locator(".dmhc-chat__choice").get_by_text(title, exact=True).click()
    expect(page.locator(USER_TEXTS).last).to_have_text(title)
    return wait_for_reply(page, before, expect_text)


def notice(page):
    return page.locator(".dmhc-chat__notice")


def session_id(page) -> str:
    return page.evaluate("""() => {
        const key = Object.keys(sessionStorage).find(k => k.endsWith(':session'));
        return key && JSON.parse(sessionStorage.getItem(key));
    }""")


def session_key(page) -> str:
    return page.evaluate("() => Object.keys(sessionStorage).find(k => k.endsWith(':session'))")


def conversation_of(page) -> str:
    """The conversation a tab is in: its session id's random part (each resume renews the rest)."""
    return session_id(page).split(".")[0]


# ---- tests ----

def test_a_question_gets_its_answer(site, page):
    open_widget(page, site.url)
    answer = say(page, "is an imr free", "free")
    assert "free" in answer
    expect(page.locator(USER_TEXTS).last).to_have_text("is an imr free")
    expect(page.locator(".dmhc-chat__typing")).to_be_empty()


def test_buttons_are_clickable_and_links_open_safely(site, page):
    open_widget(page, site.url)
    say(page, "hi", "What happened?")
    choices = page.locator(".dmhc-chat__choice")
    expect(choices).to_have_count(4)  # three topics and "Español"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget.png"))

    answer = click(page, "How do I file?", "www.HealthHelp.ca.gov")
    assert HELP_CENTER in answer
    expect(choices).to_have_count(0)  # the old buttons go once the person answered
    link = page.locator(".dmhc-chat__log a[href='https://www.HealthHelp.ca.gov']").first
    expect(link).to_contain_text("www.HealthHelp.ca.gov")
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel")
    phone = page.locator(f".dmhc-chat__log a[href='tel:+{HELP_CENTER.replace('-', '')}']").first
    expect(phone).to_have_text(HELP_CENTER)


def test_an_eligibility_check_runs_to_its_result_with_buttons_and_typing(site, page):
    open_widget(page, site.url)
    say(page, "check my case", QUESTIONS["coverage"].text)
    click(page, "Kaiser or another HMO", QUESTIONS["problem"].text)
    click(page, "Not medically necessary", QUESTIONS["urgent"].text)
    click(page, "No", QUESTIONS["filed_grievance"].text)
    click(page, "Yes", QUESTIONS["plan_answered"].text)
    click(page, "Yes", QUESTIONS["decision_date"].text)
    summary = say(page, "2 weeks ago", "Here is what I understood")
    assert "Kaiser" in summary or "HMO" in summary
    result = click(page, "Yes, that's right", HELP_CENTER)
    assert "Independent Medical Review" in result


def test_a_whole_check_in_spanish_reaches_its_path_and_date(site, page):
    """Issue 10: a whole conversation in Spanish in the widget, by clicks and typing, to the IMR
    with its deadline said in Spanish."""
    decision = today_in_california() - timedelta(days=20)
    open_widget(page, site.url)
    say(page, "quiero revisar mi caso", question("coverage", "es").text)
    click(page, "Kaiser u otra HMO", question("problem", "es").text)
    click(page, "No es médicamente necesario", question("urgent", "es").text)
    say(page, "no, puede esperar", question("filed_grievance", "es").text)
    click(page, "Sí", question("plan_answered", "es").text)
    say(page, "sí, me contestaron que no", question("decision_date", "es").text)
    summary = say(page, "hace 20 días", "Esto es lo que entendí")
    assert say_date(decision, "es") in summary
    result = click(page, "Sí, es correcto", HELP_CENTER)
    assert "Revisión Médica Independiente" in result
    assert say_date(imr_deadline(decision), "es") in result
    spanish(page)  # the widget's own texts and its `lang` follow (functions further down)
    expect(page.locator(BOT_MESSAGES).last).to_have_attribute("lang", "es")


def test_the_greeting_offers_spanish_and_spanish_questions_get_spanish_answers(site, page):
    open_widget(page, site.url)
    say(page, "hi", "What happened?")
    click(page, "Español", "seguimos en español")
    expect(page.locator(".dmhc-chat__choice").get_by_text("English", exact=True)).to_be_visible()
    answer = say(page, "¿cuánto cuesta pedir una IMR?", "Es gratis")
    assert HELP_CENTER in answer or "1-888-804-3536" in answer


def test_a_reload_keeps_the_conversation(site, page):
    open_widget(page, site.url)
    say(page, "check my case", QUESTIONS["coverage"].text)
    before = conversation_of(page)
    shown = page.locator(".dmhc-chat__log").inner_text()

    page.reload()
    expect(page.get_by_role("dialog", name="DMHC Help Center assistant")).to_be_visible()
    expect(page.locator(".dmhc-chat__log")).to_have_text(shown, use_inner_text=True)
    # The buttons came back too, and answering goes on with the same check.
    click(page, "Kaiser or another HMO", QUESTIONS["problem"].text)
    assert conversation_of(page) == before
    expect(page.locator(".dmhc-chat__log")).not_to_contain_text("A new conversation has started")


def test_an_id_used_again_elsewhere_starts_a_new_conversation(site, page, browser):
    open_widget(page, site.url)
    say(page, "check my case", QUESTIONS["coverage"].text)
    spent = session_id(page)
    page.reload()  # the tab resumes with its id and is handed the next one
    expect(page.get_by_role("dialog", name="DMHC Help Center assistant")).to_be_visible()
    page.wait_for_function("old => !Object.values(sessionStorage).includes(JSON.stringify(old))",
                           arg=spent)

    other = new_page(browser)  # someone who got hold of the older id
    try:
        other.goto(site.url)
        other.evaluate("([key, id]) => sessionStorage.setItem(key, JSON.stringify(id))",
                       [session_key(page), spent])
        open_widget(other, site.url)
        say(other, "is an imr free", "free")
        assert conversation_of(other) != spent.split(".")[0]
        assert "Kaiser or another HMO" not in other.locator(".dmhc-chat__log").inner_text()
    finally:
        other.context.close()
    # The person's own tab goes on with its check.
    click(page, "Kaiser or another HMO", QUESTIONS["problem"].text)
    assert conversation_of(page) == spent.split(".")[0]


def test_message_text_is_never_html(site, browser):
    # Without the demo page's CSP: pages that embed the widget may have none.
    page = new_page(browser, bypass_csp=True)
    dialogs: List[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        check_text_is_not_html(site, page)
        assert dialogs == []
        assert page.problems == []
    finally:
        page.context.close()


def check_text_is_not_html(site, page) -> None:
    open_widget(page, site.url)
    attack = "<img src=x onerror=alert(1)>"
    before = bot_count(page)
    box = page.locator("#dmhc-chat-input")  # its label follows the language
    box.fill(attack)
    box.press("Enter")
    page.wait_for_function("n => document.querySelectorAll(%r).length > n" % BOT_TEXTS,
                           arg=before)
    page.wait_for_timeout(500)
    expect(page.locator(USER_TEXTS).last).to_have_text(attack)
    assert page.locator(".dmhc-chat img").count() == 0


def test_no_serious_or_critical_accessibility_problems(site, browser):
    page = new_page(browser, axe=True)
    try:
        open_widget(page, site.url)
        say(page, "hi", "What happened?")  # buttons in the transcript
        say(page, "How do I file an IMR or complaint?", "www.HealthHelp.ca.gov")  # links too
        results = page.evaluate("""async () => {
            const r = await axe.run(document);
            return {passed: r.passes.map(p => p.id),
                    violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                        nodes: v.nodes.map(n => n.target.join(' '))}))};
        }""")
        assert "color-contrast" in results["passed"] and "aria-allowed-role" in results["passed"]
        bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
        assert not bad, json.dumps(bad, indent=1)
        print("axe: %d rules passed; other findings: %s" % (
            len(results["passed"]), json.dumps(results["violations"])))
    finally:
        page.context.close()


def test_keyboard_only(site, page):
    page.goto(site.url)
    launcher = page.get_by_role("button", name="Chat with us")
    for _ in range(15):
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el === document.activeElement"):
            break
    expect(launcher).to_be_focused()
    assert_visible_focus(launcher)
    page.keyboard.press("Enter")
    box = page.get_by_label("Your message")
    expect(box).to_be_focused()
    assert_visible_focus(box)

    before = bot_count(page)
    page.keyboard.type("hi")
    page.keyboard.press("Enter")
    wait_for_reply(page, before, "What happened?")
    # Back from the text box: the last suggested answer comes first.
    page.keyboard.press("Shift+Tab")
    expect(page.locator(".dmhc-chat__choice").last).to_be_focused()  # "Español"
    page.keyboard.press("Shift+Tab")
    choice = page.locator(".dmhc-chat__choice").get_by_text("How do I file?", exact=True)
    expect(choice).to_be_focused()
    assert_visible_focus(choice)
    before = bot_count(page)
    page.keyboard.press("Enter")
    wait_for_reply(page, before, "www.HealthHelp.ca.gov")
    expect(box).to_be_focused()

    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(box).to_be_focused()
    close = page.get_by_role("button", name="Close chat")
    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        if close.evaluate("el => el === document.activeElement"):
            break
    expect(close).to_be_focused()
    assert_visible_focus(close)
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(launcher).to_be_focused()


def assert_visible_focus(locator) -> None:
    style: Dict[str, str] = locator.evaluate(
        "el => { const s = getComputedStyle(el); return {style: s.outlineStyle, width: s.outlineWidth}; }")
    assert style["style"] != "none" and float(style["width"].rstrip("px")) >= 2, style


def test_no_horizontal_scroll_at_360_px(site, browser):
    page = new_page(browser, width=360, height=740)
    try:
        page.goto(site.url)
        assert not has_horizontal_scroll(page)
        open_widget(page, site.url)
        say(page, "hi", "What happened?")
        say(page, "How do I file an IMR or complaint?", "www.HealthHelp.ca.gov")
        box = page.locator(".dmhc-chat__panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
        assert not has_horizontal_scroll(page)
        assert page.locator(".dmhc-chat__log").evaluate("el => el.scrollWidth <= el.clientWidth")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "widget-360.png"))
    finally:
        page.context.close()


def has_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth")


def test_other_origins_cannot_connect(site, page):
    # Same page, but from http://localhost:<port>, which is not in WEB_ORIGINS.
    open_widget(page, site.url.replace(HOST, "localhost"))
    expect(notice(page)).to_contain_text(HELP_CENTER)


def test_a_lost_connection_shows_the_number_and_reconnects(site, page):
    open_widget(page, site.url)
    say(page, "is an imr free", "free")
    conversation = conversation_of(page)

    site.proxy.cut()
    try:
        expect(notice(page)).to_contain_text(HELP_CENTER)
        expect(notice(page).get_by_role("link", name=HELP_CENTER)).to_be_visible()
    finally:
        site.proxy.restore()
    expect(notice(page)).to_be_empty()
    say(page, "is an imr free", "free")
    assert conversation_of(page) == conversation


# --- The widget follows the conversation's language -----------------------------------------
# The socketio channel (bot/channels/socketio.py) puts the conversation's language on each bot
# message; the widget then switches its own texts and sets `lang` on its root and on each bot
# message, so screen readers pronounce them in the right language. In this module so it shares
# its servers (module-scoped fixtures): a module of its own started a second set, about 30 s.

SPANISH_QUESTION = "¿Qué es una revisión médica independiente?"
WIDGET_ROOT = "#dmhc-chat"
BOT_MESSAGES = ".dmhc-chat__msg--bot"


def widget_texts_are(page, language: str, placeholder: str, label: str, title: str,
                     close: str) -> None:
    expect(page.locator(WIDGET_ROOT)).to_have_attribute("lang", language)
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


def test_the_imr_chart_is_drawn_with_its_text_alternative_and_survives_a_reload(site, page):
    open_widget(page, site.url)
    say(page, "how often are MRI denials overturned?", "only cases the reviewers decided")
    chart = page.locator(".dmhc-chat__chart img")
    expect(chart).to_be_visible()
    alt = chart.get_attribute("alt")
    assert "MRI" in alt and "2001:" in alt and "2016:" in alt
    # The page's Content-Security-Policy lets the drawn SVG in: the image really decoded.
    assert page.evaluate("() => document.querySelector('.dmhc-chat__chart img').naturalWidth") > 0
    expect(page.locator(".dmhc-chat__chart figcaption")).to_have_text("IMR decisions by year: MRI")
    page.screenshot(path=str(ARTIFACTS / "widget-imr-chart.png"))
    page.reload()
    expect(page.get_by_role("dialog", name="DMHC Help Center assistant")).to_be_visible()
    expect(page.locator(".dmhc-chat__chart img")).to_be_visible()
    assert page.locator(".dmhc-chat__chart img").get_attribute("alt") == alt


def test_zz_rasa_down_shows_the_help_center_number(site, page):
    """Runs last in this module: it stops the Rasa server for good."""
    open_widget(page, site.url)
    say(page, "is an imr free", "free")
    site.bot.stop_rasa()
    expect(notice(page)).to_contain_text(HELP_CENTER)
    expect(notice(page)).to_contain_text("can't reach")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "widget-offline.png"))
