"""`make shell` driven in a pseudo-terminal, as a Help Center agent uses it."""
from __future__ import annotations

import os
import re
import sys

import pexpect

from bot.domain.contacts import line
from tests.e2e.conftest import ROOT
from tests.e2e.servers import free_port


def spawn_shell(tmp_path, debug: bool) -> pexpect.spawn:
    env = dict(os.environ, ACTION_PORT=str(free_port()), TRACKER_DB=str(tmp_path / "shell.db"),
               RASA_TELEMETRY_ENABLED="false")
    command = "make shell DEBUG=1" if debug else "make shell"
    return pexpect.spawn("/bin/bash", ["-c", command], cwd=str(ROOT), env=env, encoding="utf-8",
                         timeout=150, logfile=sys.stdout if os.environ.get("SHELL_TEST_LOG") else None)


def test_make_shell_answers_a_question_and_shows_debug_details(tmp_path):
    shell = spawn_shell(tmp_path, debug=True)
    try:
        shell.expect("You: ")
        shell.sendline("what's the phone number of the help center")
        shell.expect(re.escape(line("help_center")))
        shell.expect(r"\[intent faq \d\.\d\d -> faq/contact")
        shell.expect("You: ")
        shell.sendline("check my case")
        shell.expect("What kind of health coverage")
        shell.expect(r"1\) Kaiser or another HMO")
        shell.expect("You: ")
        shell.sendline("1")  # picks the first button
        shell.expect("What did your plan say")
        shell.expect(r"\[slots .*coverage=dmhc")
        shell.expect("You: ")
        shell.sendline("/quit")
        shell.expect(pexpect.EOF)
    finally:
        shell.close(force=True)


def test_make_shell_without_debug_hides_the_details(tmp_path):
    shell = spawn_shell(tmp_path, debug=False)
    try:
        shell.expect("You: ")
        shell.sendline("is an imr free")
        shell.expect("You: ")
        assert "free" in shell.before and "[intent" not in shell.before
        shell.sendline("/quit")
        shell.expect(pexpect.EOF)
    finally:
        shell.close(force=True)
