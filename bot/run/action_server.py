"""Run the Rasa action server bound to 127.0.0.1, without leaking conversations in errors.

rasa-sdk's own runner listens on 0.0.0.0 and, when an action raises, answers 500 with the whole
request body (the conversation) in the response. Here the same app is bound to loopback and an
error answers with a short message only; Rasa then falls back to the Help Center number.
On its own host (deploy/multihost) it listens on that host's private address: --host.
Rasa must send ACTION_SERVER_SECRET in the X-Action-Secret header (endpoints.yml); other calls get 401.
Usage: python -m bot.run.action_server [--host 127.0.0.1] [--port 5055]
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys
from typing import Optional

from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger("bot.run.action_server")
HOST = "127.0.0.1"


SECRET_HEADER = "X-Action-Secret"
SECRET_VARIABLE = "ACTION_SERVER_SECRET"


def build_app(actions_package: str = "actions", secret: Optional[str] = None) -> Sanic:
    """rasa-sdk's app with an error handler that does not echo the request, answering 401 to
    any call without the shared secret Rasa sends (endpoints.yml's action_endpoint headers):
    whoever can reach the port cannot run actions or read what they answer."""
    app = create_app(actions_package, cors_origins=[])
    expected = (secret or "").encode("utf-8")

    @app.middleware("request")
    async def require_secret(request: Request) -> Optional[HTTPResponse]:
        if request.path == "/health":
            return None
        given = (request.headers.get(SECRET_HEADER) or "").encode("utf-8")
        if not expected or not hmac.compare_digest(given, expected):
            return response.json({"error": "Unauthorized."}, status=401)
        return None

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
    secret = os.environ.get(SECRET_VARIABLE, "")
    if len(secret) < 16:
        sys.exit(f"{SECRET_VARIABLE} must be set (16+ characters, the same for Rasa): "
                 "make run and make run-scaled set one")
    logger.info("action server on http://%s:%d/webhook", args.host, args.port)
    build_app(secret=secret).run(host=args.host, port=args.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
