"""A plain DMHC demo page with the chat widget, and the widget's static files.

    python -m bot.web.app --port 8080     (WEB_PORT, default 8080; always bound to 127.0.0.1)

The page embeds the widget with one script tag; the tag tells it where the Rasa server is
(RASA_URL, or http://127.0.0.1:$RASA_PORT, default port 5005) and which Help Center number to
show when that server cannot be reached (bot/domain/contacts.py). Rasa must allow this page's origin:
WEB_ORIGINS for the socketio channel (bot/channels/socketio.py).

Static files are served from a list made at start-up (bot/web/static/), so no request path can
reach anything else; unknown paths get 404.
"""
from __future__ import annotations

import argparse
import html
import itertools
import os
from pathlib import Path
from typing import Dict, Optional
from urllib.parse import urlsplit

from sanic import Sanic, response
from sanic.exceptions import NotFound
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.domain.contacts import DMHC_WEBSITE, ONLINE_FORM_URL, line

HOST = "127.0.0.1"
STATIC_DIR = Path(__file__).resolve().parent / "static"
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}
TEXT = "text/plain; charset=utf-8"  # LICENSE, VERSION and anything else
COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

_APP_NUMBERS = itertools.count()


def rasa_url_from_env() -> str:
    """Where the browser finds Rasa: RASA_URL, else http://127.0.0.1:$RASA_PORT (5005)."""
    url = os.environ.get("RASA_URL", "").strip()
    return url.rstrip("/") if url else f"http://{HOST}:{int(os.environ.get('RASA_PORT', 5005))}"


def static_files(root: Path = STATIC_DIR) -> Dict[str, Path]:
    """Every file under root, keyed by its URL path relative to /static/ (no hidden files)."""
    files: Dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            files[relative.as_posix()] = path
    return files


def content_security_policy(rasa_url: str) -> str:
    """Scripts, styles and images from this server only; connections to it and to Rasa."""
    parts = urlsplit(rasa_url)
    ws_scheme = "wss" if parts.scheme == "https" else "ws"
    rasa = f"{parts.scheme}://{parts.netloc}"
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # the IMR chart: an SVG the bot drew, as an <img>
        f"connect-src 'self' {rasa} {ws_scheme}://{parts.netloc}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ])


def demo_page(rasa_url: str) -> str:
    """The demo page: a little DMHC content and the widget's script tag."""
    e = html.escape
    phone, tdd = line("help_center"), line("help_center_tdd")
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>DMHC Help Center (demo)</title>
<link rel="stylesheet" href="/static/page.css">
</head>
<body>
<header class="site-header">
  <p class="site-name">California Department of Managed Health Care</p>
  <p class="site-tagline">Help Center (demo page)</p>
</header>
<main id="main">
  <h1>Get help with your health plan</h1>
  <p>If your health plan denied, delayed or changed a treatment, you may be able to ask for a
  free Independent Medical Review (IMR) or file a complaint with the DMHC.</p>
  <h2>Ways to reach the Help Center</h2>
  <ul>
    <li>Apply online at <a href="https://{e(ONLINE_FORM_URL)}">{e(ONLINE_FORM_URL)}</a>.</li>
    <li>Call the Help Center at <a href="tel:{e(phone)}">{e(phone)}</a> (TDD {e(tdd)}).</li>
    <li>Chat with our automated assistant: use the <strong>Chat with us</strong> button at the
    bottom of the page.</li>
  </ul>
  <p>The assistant is not a person, a lawyer or a doctor. Please do not type your name, member
  number or medical details into the chat.</p>
</main>
<footer class="site-footer">
  <p>Demo page for the DMHC Help Center assistant; not an official DMHC website. The DMHC's
  website is <a href="https://{e(DMHC_WEBSITE)}">{e(DMHC_WEBSITE)}</a>.</p>
</footer>
<script src="/static/widget.js" data-server="{e(rasa_url)}" data-help-phone="{e(phone)}" defer></script>
</body>
</html>
"""


def create_app(rasa_url: Optional[str] = None, static_root: Path = STATIC_DIR) -> Sanic:
    rasa_url = rasa_url or rasa_url_from_env()
    page = demo_page(rasa_url)
    page_headers = {**COMMON_HEADERS, "Content-Security-Policy": content_security_policy(rasa_url)}
    files = static_files(static_root)
    app = Sanic(f"dmhc_web_{next(_APP_NUMBERS)}")  # app names must be unique in a process

    @app.route("/", methods=["GET", "HEAD"])
    async def index(_: Request) -> HTTPResponse:
        return response.html(page, headers=page_headers)

    @app.route("/static/<name:path>", methods=["GET", "HEAD"])
    async def static(_: Request, name: str) -> HTTPResponse:
        path = files.get(name)
        if path is None:
            raise NotFound("Not found")
        try:
            body = path.read_bytes()
        except OSError:  # removed since start-up
            raise NotFound("Not found")
        return response.raw(body, content_type=CONTENT_TYPES.get(path.suffix, TEXT),
                            headers={**COMMON_HEADERS, "Cache-Control": "no-cache"})

    @app.exception(NotFound)
    async def not_found(_: Request, __: Exception) -> HTTPResponse:
        return response.text("Not found", status=404, headers=COMMON_HEADERS)

    return app


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the DMHC demo page with the chat widget.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", 8080)))
    args = parser.parse_args(argv)
    url = rasa_url_from_env()
    print(f"Demo page: http://{HOST}:{args.port}/  (widget talks to {url})", flush=True)
    create_app(url).run(host=HOST, port=args.port, access_log=False, motd=False)


if __name__ == "__main__":
    main()
