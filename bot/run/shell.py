"""`make shell`: chat with the assistant in a terminal, for Help Center agents.

Loads the trained model in this process with the same endpoints as `make run` (the action
server, started here on 127.0.0.1, and the SQLite conversation store). Buttons are listed with
numbers; typing the number picks one. `--debug` also prints, for each message, the intent and
its confidence (with the FAQ answer key), the entities, and the slots that are set, so agents
can check why an answer was given. Type /quit to leave.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from pathlib import Path
from typing import Any, Dict, List

from bot.run.launcher import HOST, ROOT, Settings, start_action_server, stop, wait_until_ready
from bot.channels.message_guard import check_message, domain_payloads
from bot.channels.notices import in_language
from bot.nlu.conversation_language import message_language
from bot.nlu.parse_data import faq_response

QUIT = {"/quit", "/exit", "quit", "exit"}


def format_reply(messages: List[Dict[str, Any]]) -> List[str]:
    """Bot messages as terminal lines, buttons numbered from 1."""
    lines: List[str] = []
    number = 0
    for message in messages:
        if message.get("text"):
            lines.append(f"Bot: {message['text']}")
        chart = (message.get("custom") or {}).get("chart") if isinstance(message.get("custom"), dict) else None
        if isinstance(chart, dict) and chart.get("title"):
            lines.append(f"Bot: [chart in the web chat: {chart['title']}]")
        for button in message.get("buttons") or []:
            number += 1
            lines.append(f"  {number}) {button.get('title', '')}")
    return lines


def debug_lines(parse: Dict[str, Any], slots: Dict[str, Any]) -> List[str]:
    """Intent, confidence, FAQ key, entities and the slots that are set."""
    intent = parse.get("intent") or {}
    faq = faq_response(parse)
    key = f" -> {faq.get('intent_response_key')} {faq.get('confidence', 0):.2f}" if intent.get("name") == "faq" else ""
    entities = ", ".join(f"{e.get('entity')}={e.get('value')}" for e in parse.get("entities") or [])
    set_slots = ", ".join(f"{k}={v}" for k, v in sorted(slots.items()) if v is not None)
    return [f"  [intent {intent.get('name')} {intent.get('confidence', 0):.2f}{key}]",
            f"  [entities {entities or '-'}]", f"  [slots {set_slots or '-'}]"]


async def chat(settings: Settings, debug: bool) -> None:
    import logging

    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Rasa's CLI sets these up; in-process its structured log would print every debug line.
    configure_logging_and_warnings(logging.WARNING, warn_only_once=True)
    configure_structlog(logging.WARNING)

    agent = await load_agent(str(ROOT / settings.model),
                             endpoints=AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml")))
    allowed = domain_payloads(ROOT / "domain.yml")
    sender = f"shell-{uuid.uuid4().hex[:8]}"
    buttons: List[Dict[str, Any]] = []
    print("DMHC Help Center assistant. Type a message; a number picks a button; /quit leaves.", flush=True)
    while True:
        try:
            text = input("You: ").strip()
        except EOFError:
            break
        if text.lower() in QUIT:
            break
        if text.isdigit() and 0 < int(text) <= len(buttons):
            text = buttons[int(text) - 1]["payload"]
        verdict = check_message(text, allowed)
        if verdict.reply is not None:
            language = message_language(text[:500])
            print(f"Bot: {in_language(verdict.reply, language)}", flush=True)
            continue
        if debug:
            parse = await agent.parse_message(verdict.text or "")
        messages = await agent.handle_text(verdict.text or "", sender_id=sender) or []
        buttons = [b for m in messages for b in m.get("buttons") or []]
        print("\n".join(format_reply(messages)) or "Bot: (no reply)", flush=True)
        if debug:
            tracker = await agent.tracker_store.retrieve(sender)
            print("\n".join(debug_lines(parse, tracker.current_slot_values() if tracker else {})), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    settings = Settings.from_env()
    Path(settings.tracker_db).parent.mkdir(parents=True, exist_ok=True)
    (ROOT / "var").mkdir(exist_ok=True)
    action = start_action_server(settings, ROOT / "var" / "shell-actions.log")
    try:
        print("Starting (loading the model takes about half a minute)...", flush=True)
        wait_until_ready(f"http://{HOST}:{settings.action_port}/health", action)
        asyncio.run(chat(settings, args.debug))
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        stop([action])


if __name__ == "__main__":
    sys.exit(main())
