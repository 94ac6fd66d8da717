"""Score a case file against the running bot over REST (format: ../shared/eval/README.md).

Each case's text is the first message of a new conversation; the joined reply texts and button
titles must match every `must` regex and no `must_not` regex (case-insensitive), with {NAME}
expanded from macros.yml beside the case file. Prints each failure and `pass N/M = R` last.
Usage: python -m bot.run.eval_cases CASES.yml [--url http://127.0.0.1:5005/webhooks/rest/webhook]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml

DEFAULT_URL = "http://127.0.0.1:5005/webhooks/rest/webhook"


@dataclass
class Outcome:
    case_id: str
    text: str
    reply: str
    problems: List[str]


def load_macros(case_file: Path) -> Dict[str, str]:
    macros_file = case_file.parent / "macros.yml"
    return yaml.safe_load(macros_file.read_text(encoding="utf-8")) if macros_file.exists() else {}


def expand(pattern: str, macros: Dict[str, str]) -> str:
    return re.sub(r"\{([A-Z_]+)\}", lambda m: f"(?:{macros[m.group(1)]})" if m.group(1) in macros
                  else m.group(0), pattern)


def reply_text(messages: List[dict]) -> str:
    """All texts and button titles of a reply, joined as the judge joins them."""
    parts: List[str] = []
    for message in messages:
        if message.get("text"):
            parts.append(message["text"])
        parts.extend(b.get("title", "") for b in message.get("buttons") or [])
    return "\n".join(parts)


def post(url: str, sender: str, text: str) -> List[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def judge(case: dict, reply: str, macros: Dict[str, str]) -> List[str]:
    problems = [f"missing /{p}/" for p in case.get("must", [])
                if not re.search(expand(p, macros), reply, re.IGNORECASE)]
    problems += [f"forbidden /{p}/" for p in case.get("must_not", [])
                 if re.search(expand(p, macros), reply, re.IGNORECASE)]
    return problems


def run(case_file: Path, send: Callable[[str, str], List[dict]]) -> List[Outcome]:
    cases = yaml.safe_load(case_file.read_text(encoding="utf-8"))["cases"]
    macros = load_macros(case_file)
    outcomes = []
    for case in cases:
        reply = reply_text(send(f"eval-{uuid.uuid4().hex}", case["text"]))
        outcomes.append(Outcome(str(case.get("id")), case["text"], reply, judge(case, reply, macros)))
    return outcomes


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--url", default=DEFAULT_URL)
    args = parser.parse_args(argv)
    outcomes = run(args.cases, lambda sender, text: post(args.url, sender, text))
    for o in outcomes:
        if o.problems:
            print(f"FAIL {o.case_id}: {o.text!r}\n  {'; '.join(o.problems)}\n  reply: {o.reply[:300]!r}")
    passed = sum(not o.problems for o in outcomes)
    print(f"pass {passed}/{len(outcomes)} = {passed / max(1, len(outcomes)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
