"""The demo web app (bot/web/app.py) as a real process: the page, its static files, and 404 (never
500) for anything else. Needs no Rasa server and no browser."""
from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any, Iterator, Tuple

import pytest

from bot.domain.contacts import line
from bot.run.launcher import HOST, stop
from tests.browser.harness import start_web_app
from tests.e2e.servers import free_port

RASA_URL = "http://127.0.0.1:5999"


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    process = start_web_app(port, RASA_URL, tmp_path_factory.mktemp("web") / "web.log")
    try:
        yield f"http://{HOST}:{port}/"
    finally:
        stop([process])


def fetch(url: str, method: str = "GET") -> Tuple[int, Any, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status, reply.headers, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_the_page_embeds_the_widget_with_one_script_tag(web):
    status, headers, body = fetch(web)
    page = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert (f'<script src="/static/widget.js" data-server="{RASA_URL}" '
            f'data-help-phone="{line("help_center")}" defer></script>') in page
    assert '<html lang="en">' in page and "<script>" not in page  # no inline scripts
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and f"connect-src 'self' {RASA_URL} ws://127.0.0.1:5999" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path,content_type", [
    ("static/widget.js", "text/javascript"), ("static/widget.css", "text/css"),
    ("static/page.css", "text/css"), ("static/vendor/socket.io.min.js", "text/javascript"),
    ("static/vendor/LICENSE", "text/plain"), ("static/vendor/VERSION", "text/plain")])
def test_static_files(web, path, content_type):
    status, headers, body = fetch(web + path)
    assert status == 200 and headers["Content-Type"].startswith(content_type) and body
    assert fetch(web + path, "HEAD")[0] == 200


@pytest.mark.parametrize("path", [
    "nope", "static", "static/", "static/vendor/", "static/nope.js", "static/../app.py",
    "static/..%2fapp.py", "static/%2e%2e/%2e%2e/credentials.yml", "static/%ff", "%00", "%",
    "static//etc/passwd", "static/" + "a" * 3000, "index.html", "static/widget.js/x"])
def test_unknown_and_bad_paths_get_404(web, path):
    assert fetch(web + path)[0] == 404


def test_other_methods_are_refused_not_crashed(web):
    assert fetch(web, "POST")[0] == 405
    assert fetch(web + "static/widget.js", "DELETE")[0] == 405
