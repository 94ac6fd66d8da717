"""Helpers for running the assistant across several machines (README "Across several machines").

    python -m bot.run.deploy_config nginx --server-name chat.example.gov \\
        --certificate /etc/ssl/dmhc/fullchain.pem --certificate-key /etc/ssl/dmhc/privkey.pem
        (RASA_HOSTS=10.0.0.11:5005,10.0.0.12:5005; prints the nginx site for those Rasa servers)
    python -m bot.run.deploy_config pool-sizes MAX_CONNECTIONS RASA_PROCESSES
        (SQL_POOL_SIZE and SQL_MAX_OVERFLOW for every Rasa process, as make run-scaled sizes them)
    python -m bot.run.deploy_config check-env rasa|actions|web FILE
        (names the variables the host's env file still lacks or leaves at CHANGE_ME)

The action server on its own host: `python -m bot.run.action_server --host PRIVATE_ADDRESS`.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import urlsplit

from bot.run.scaled import pool_sizes

ROOT = Path(__file__).resolve().parents[2]
MULTIHOST = ROOT / "deploy" / "multihost"
SITE_TEMPLATE = MULTIHOST / "nginx-site.conf.template"
DEFAULT_RASA_PORT = 5005
PLACEHOLDER = "CHANGE_ME"

# What each host's env file must set (deploy/multihost/*.env.example list them with comments).
# Twilio's settings are optional: without them the SMS channel refuses every request (403).
REQUIRED: Dict[str, Tuple[str, ...]] = {
    "rasa": ("RASA_BIND", "DB_HOST", "DB_PORT", "DB_USER", "DB_NAME", "DB_PASSWORD",
             "SQL_POOL_SIZE", "SQL_MAX_OVERFLOW", "REDIS_URL", "ACTION_SERVER_URL",
             "WEB_ORIGINS", "RASA_TELEMETRY_ENABLED", "TF_CPP_MIN_LOG_LEVEL",
             "ACTION_SERVER_SECRET"),
    "actions": ("ACTION_BIND", "ACTION_PORT", "ACTION_SERVER_SECRET"),
    "web": ("WEB_PORT", "RASA_URL"),
}


def parse_hosts(text: str) -> List[str]:
    """"10.0.0.11:5005,10.0.0.12" -> ["10.0.0.11:5005", "10.0.0.12:5005"] (port 5005 when
    left out; IPv6 in brackets). Refuses an empty list and a server named twice."""
    servers: List[str] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        parts = urlsplit("//" + item)
        try:
            port = parts.port or DEFAULT_RASA_PORT
        except ValueError as error:
            raise ValueError(f"{item!r}: {error}") from None
        host = parts.hostname
        if not host or parts.path or parts.username:
            raise ValueError(f"{item!r} is not HOST or HOST:PORT")
        server = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if server in servers:
            raise ValueError(f"{server} is listed twice")
        servers.append(server)
    if not servers:
        raise ValueError("no Rasa hosts given (RASA_HOSTS=10.0.0.11:5005,10.0.0.12:5005)")
    return servers


def nginx_site(servers: Sequence[str], server_name: str, certificate: str,
               certificate_key: str, web_port: int = 8080) -> str:
    """The nginx site (http-context file) for these Rasa servers, from SITE_TEMPLATE."""
    lines = "\n".join(f"    server {server} max_fails=1 fail_timeout=5s;" for server in servers)
    text = SITE_TEMPLATE.read_text(encoding="utf-8")
    for name, value in {"RASA_SERVERS": lines, "SERVER_NAME": server_name,
                        "TLS_CERTIFICATE": certificate, "TLS_CERTIFICATE_KEY": certificate_key,
                        "WEB_PORT": str(web_port)}.items():
        text = text.replace("{" + name + "}", value)
    return text


def read_env_file(path: Path) -> Dict[str, str]:
    """KEY=VALUE lines as systemd's EnvironmentFile reads them (comments and blanks skipped;
    surrounding quotes removed)."""
    values: Dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")) or "=" not in line:
            continue
        key, value = line.split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def missing_settings(role: str, env: Mapping[str, str]) -> List[str]:
    """The variables a host of this role needs that are unset, empty or still CHANGE_ME."""
    return [name for name in REQUIRED[role]
            if not env.get(name, "").strip() or PLACEHOLDER in env[name]]


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    nginx = commands.add_parser("nginx", help="print the nginx site for RASA_HOSTS")
    nginx.add_argument("--rasa-hosts", default=os.environ.get("RASA_HOSTS", ""))
    nginx.add_argument("--server-name", required=True, help="the public host name")
    nginx.add_argument("--certificate", required=True, help="TLS certificate chain (PEM)")
    nginx.add_argument("--certificate-key", required=True, help="its private key (PEM)")
    nginx.add_argument("--web-port", type=int, default=int(os.environ.get("WEB_PORT", 8080)))
    sizes = commands.add_parser("pool-sizes", help="SQL pool sizes per Rasa process")
    sizes.add_argument("max_connections", type=int, help="PostgreSQL's `show max_connections`")
    sizes.add_argument("rasa_processes", type=int, help="Rasa processes on all hosts together")
    check = commands.add_parser("check-env", help="what a host's env file still lacks")
    check.add_argument("role", choices=sorted(REQUIRED))
    check.add_argument("file", type=Path)
    args = parser.parse_args(argv)

    if args.command == "nginx":
        try:
            servers = parse_hosts(args.rasa_hosts)
        except ValueError as error:
            parser.error(str(error))
        print(nginx_site(servers, args.server_name, args.certificate, args.certificate_key,
                         args.web_port), end="")
    elif args.command == "pool-sizes":
        pool, overflow = pool_sizes(args.max_connections, args.rasa_processes)
        print(f"SQL_POOL_SIZE={pool}\nSQL_MAX_OVERFLOW={overflow}")
    else:
        missing = missing_settings(args.role, read_env_file(args.file))
        if missing:
            print(f"{args.file}: set {', '.join(missing)}")
            return 1
        print(f"{args.file}: every {args.role} setting is present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
