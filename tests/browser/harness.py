"""What the browser tests run besides Rasa: the demo web app, and a TCP proxy that can cut the
browser off from Rasa and let it back in (to watch the widget reconnect)."""
from __future__ import annotations

import socket
import subprocess
import threading
from pathlib import Path
from typing import Set

from bot.run import launcher
from bot.run.launcher import HOST, Settings, wait_until_ready


def start_web_app(port: int, rasa_url: str, log: Path) -> subprocess.Popen:
    """The demo page as `make run` starts it, told where Rasa is; waits until it answers."""
    process = launcher.start_web_app(Settings(web_port=port, extra_env={"RASA_URL": rasa_url}), log)
    wait_until_ready(f"http://{HOST}:{port}/", process, timeout=60)
    return process


class TcpProxy:
    """Forwards 127.0.0.1:port to 127.0.0.1:target_port until cut(); restore() listens again."""

    def __init__(self, port: int, target_port: int) -> None:
        self.port = port
        self.target_port = target_port
        self._open: Set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listening = threading.Event()
        self._thread: threading.Thread = threading.Thread()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, self.port))
        listener.listen(64)
        listener.settimeout(0.2)
        self._listening.set()
        self._thread = threading.Thread(target=self._accept, args=(listener,), daemon=True)
        self._thread.start()

    restore = start

    def cut(self) -> None:
        """Stop listening and drop every open connection, as when the server goes away."""
        self._listening.clear()
        self._thread.join(timeout=5)
        with self._lock:
            connections, self._open = self._open, set()
        for conn in connections:
            _close(conn)

    def _accept(self, listener: socket.socket) -> None:
        with listener:
            while self._listening.is_set():
                try:
                    client, _ = listener.accept()
                except socket.timeout:
                    continue
                except OSError:
                    return
                try:
                    upstream = socket.create_connection((HOST, self.target_port), timeout=5)
                except OSError:  # the server is down: the browser sees the connection close
                    _close(client)
                    continue
                client.settimeout(None)
                upstream.settimeout(None)
                with self._lock:
                    self._open.update((client, upstream))
                for source, target in ((client, upstream), (upstream, client)):
                    threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            _close(source)
            _close(target)
            with self._lock:
                self._open.difference_update((source, target))


def _close(conn: socket.socket) -> None:
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    conn.close()
