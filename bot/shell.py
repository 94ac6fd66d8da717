"""`make shell`: the Rasa shell for Help Center agents, with the action server, on 127.0.0.1.

`--debug` also prints the intent, its confidence and the slots for each message.
"""
from __future__ import annotations

import argparse
import subprocess
import sys

from bot.launcher import HOST, ROOT, Settings, python_bin, start_action_server, stop, wait_until_ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true")
    args = parser.parse_args()
    settings = Settings.from_env()
    action = start_action_server(settings)
    try:
        wait_until_ready(f"http://{HOST}:{settings.action_port}/health", action)
        command = [python_bin("rasa"), "shell", "--model", settings.model, "--endpoints",
                   "endpoints.yml", "--interface", HOST, "--port", str(settings.rasa_port)]
        if args.debug:
            command.append("--debug")
        return subprocess.call(command, cwd=ROOT, env=settings.environment())
    except KeyboardInterrupt:
        return 0
    finally:
        stop([action])


if __name__ == "__main__":
    sys.exit(main())
