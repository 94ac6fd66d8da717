"""Run the Rasa action server bound to 127.0.0.1, without leaking conversations in errors.

rasa-sdk's own runner listens on 0.0.0.0 and, when an action raises, answers 500 with the whole
request body (the conversation) in the response. Here the same app is bound to loopback and an
error answers with a short message only; Rasa then falls back to the Help Center number.
On its own host (deploy/multihost) it listens on that host's private address: --host.
Usage: python -m bot.run.action_server [--host 127.0.0.1] [--port 5055]
"""
from __future__ import annotations

import argparse
import logging
import os

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger("bot.run.action_server")
HOST = "127.0.0.1"


def build_app(actions_package: str = "actions") -> Sanic:
    """rasa-sdk's app with an error handler that does not echo the request."""
    app = create_app(actions_package, cors_origins=[])

    async def quiet_error(request: Request, exception: Exception) -> HTTPResponse:
        logger.error("action failed: %s", type(exception).__name__, exc_info=exception)
        status = getattr(exception, "status_code", 500)
        return response.json({"error": "The action could not be run."}, status=status)

    app.error_handler.add(Exception, quiet_error)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=HOST, help="the address to listen on (never 0.0.0.0 by default)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT", "5055")))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logger.info("action server on http://%s:%d/webhook", args.host, args.port)
    build_app().run(host=args.host, port=args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
