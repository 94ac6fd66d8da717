"""The multi-host files (deploy/multihost/, bot/run/deploy_config.py) as an operator meets them:
the rendered nginx site names every Rasa host and nginx accepts it, each env example sets what
its unit and endpoints read, and every Rasa host uses the same stores as `make run-scaled`."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Set

import pytest
import yaml

from bot.run import deploy_config
from bot.run.deploy_config import (MULTIHOST, REQUIRED, missing_settings, nginx_site, parse_hosts,
                                   read_env_file)
from bot.run.scaled import RESERVED_CONNECTIONS

ROOT = deploy_config.ROOT
HOSTS = "10.0.0.11:5005, 10.0.0.12, [fd00::13]:5006"
SERVERS = ["10.0.0.11:5005", "10.0.0.12:5005", "[fd00::13]:5006"]
ROLES = {"rasa": ("dmhc-rasa@.service", "rasa.env.example"),
         "actions": ("dmhc-actions.service", "actions.env.example"),
         "web": ("dmhc-web.service", "web.env.example")}


def _upstream(config: str, name: str) -> str:
    match = re.search(r"upstream %s \{(.*?)\}" % name, config, re.S)
    assert match, f"no upstream {name}"
    return match.group(1)


def _variables(text: str) -> Set[str]:
    """${NAME} references, comments left out."""
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    return set(re.findall(r"\$\{([A-Z_][A-Z0-9_]*)\}", "\n".join(lines)))


def test_hosts_are_parsed_with_the_default_port_and_ipv6_brackets() -> None:
    assert parse_hosts(HOSTS) == SERVERS


@pytest.mark.parametrize("text", ["", " , ", "10.0.0.11:5005,10.0.0.11", "10.0.0.11:port",
                                  "10.0.0.11/x", "10.0.0.11:70000"])
def test_bad_host_lists_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_hosts(text)


def test_every_host_is_in_both_upstreams() -> None:
    config = nginx_site(SERVERS, "chat.example.gov", "/c.pem", "/k.pem")
    for name, balance in (("dmhc_rasa", "least_conn;"), ("dmhc_rasa_sticky", "ip_hash;")):
        block = _upstream(config, name)
        assert balance in block
        assert re.findall(r"server (\S+) max_fails", block) == SERVERS
    assert "{" + "RASA_SERVERS}" not in config and "{SERVER_NAME}" not in config
    assert "ssl_certificate /c.pem;" in config and "ssl_certificate_key /k.pem;" in config


def test_retries_are_the_ones_make_loadtest_checked() -> None:
    """The retry and timeout lines are those of make run-scaled's nginx (deploy/nginx.conf.template)."""
    scaled = (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")
    site = nginx_site(SERVERS, "chat.example.gov", "/c.pem", "/k.pem")
    for line in ("proxy_next_upstream error timeout http_502 http_503;",
                 "proxy_connect_timeout 2s;", "proxy_read_timeout 330s;",
                 "proxy_set_header Upgrade $http_upgrade;"):
        assert line in scaled and line in site
    assert "keepalive" not in site  # a POST in a pooled connection to a dead server is not retried


def test_nginx_accepts_the_rendered_site(tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    openssl = shutil.which("openssl")
    if not Path(nginx).exists() or not openssl:
        message = "nginx or openssl is missing (make test installs nginx-light)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=chat.example.gov", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    site = tmp_path / "dmhc.conf"
    site.write_text(nginx_site(["127.0.0.1:5005", "127.0.0.2:5005"], "chat.example.gov",
                               str(cert), str(key)), encoding="utf-8")
    main = tmp_path / "nginx.conf"  # Debian's nginx.conf, reduced to what -t needs
    main.write_text(f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
                    "events {}\nhttp {\n"
                    + "".join(f"    {kind}_temp_path {tmp_path}/{kind};\n"
                              for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
                    + f"    access_log {tmp_path}/access.log;\n    include {site};\n}}\n",
                    encoding="utf-8")
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"),
                             "-c", str(main)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("role", sorted(ROLES))
def test_each_env_example_sets_what_its_host_reads(role: str) -> None:
    unit, example = ROLES[role]
    env = read_env_file(MULTIHOST / example)
    read = _variables((MULTIHOST / unit).read_text(encoding="utf-8"))
    if role == "rasa":
        read |= _variables((MULTIHOST / "endpoints.yml").read_text(encoding="utf-8"))
    assert read <= set(env), f"{example} lacks {sorted(read - set(env))}"
    assert set(REQUIRED[role]) <= set(env)
    assert f"EnvironmentFile=/etc/dmhc/{example.replace('.example', '')}" in (
        MULTIHOST / unit).read_text(encoding="utf-8")


def test_no_secret_is_filled_in_and_the_check_says_so() -> None:
    env = read_env_file(MULTIHOST / "rasa.env.example")
    assert missing_settings("rasa", env) == ["DB_PASSWORD", "REDIS_URL", "ACTION_SERVER_SECRET"]
    assert env["TWILIO_AUTH_TOKEN"] == "" and env["RASA_TELEMETRY_ENABLED"] == "false"
    filled = {**env, "DB_PASSWORD": "s3cret", "REDIS_URL": "redis://:s3cret@10.0.0.32:6379/1",
              "ACTION_SERVER_SECRET": "a" * 64}
    assert missing_settings("rasa", filled) == []
    actions = read_env_file(MULTIHOST / "actions.env.example")
    assert missing_settings("actions", actions) == ["ACTION_SERVER_SECRET"]


def test_the_sample_pool_sizes_follow_the_sizing_rule() -> None:
    env = read_env_file(MULTIHOST / "rasa.env.example")
    pool, overflow = deploy_config.pool_sizes(100, 2)
    assert (env["SQL_POOL_SIZE"], env["SQL_MAX_OVERFLOW"]) == (str(pool), str(overflow))
    assert 2 * (pool + overflow) <= 100 - RESERVED_CONNECTIONS


def test_rasa_units_expose_no_api_and_listen_on_the_private_address() -> None:
    unit = (MULTIHOST / "dmhc-rasa@.service").read_text(encoding="utf-8")
    command = re.search(r"^ExecStart=(.*?)(?<!\\)$", unit, re.S | re.M).group(1)
    assert "--enable-api" not in command and "--cors" not in command
    assert "--interface ${RASA_BIND}" in command and "--port %i" in command
    assert "--endpoints deploy/multihost/endpoints.yml" in command


def test_every_rasa_host_uses_the_stores_make_run_scaled_uses(monkeypatch) -> None:
    """Rasa reads deploy/multihost/endpoints.yml: password and action URL from the environment,
    and the same tracker store and atomic lock store as endpoints.scaled.yml."""
    from rasa.core.utils import AvailableEndpoints

    env = read_env_file(MULTIHOST / "rasa.env.example")
    for name, value in {**env, "DB_PASSWORD": "pw from env"}.items():
        monkeypatch.setenv(name, value)
    endpoints = AvailableEndpoints.read_endpoints(str(MULTIHOST / "endpoints.yml"))
    assert endpoints.action.url == "http://10.0.0.21:5055/webhook"
    assert endpoints.tracker_store.kwargs["password"] == "pw from env"
    assert endpoints.tracker_store.url == "10.0.0.31"
    multihost = yaml.safe_load((MULTIHOST / "endpoints.yml").read_text(encoding="utf-8"))
    scaled = yaml.safe_load((ROOT / "endpoints.scaled.yml").read_text(encoding="utf-8"))
    assert multihost["lock_store"] == scaled["lock_store"]
    for key in ("type", "dialect", "url", "port", "username", "db"):
        assert multihost["tracker_store"][key] == scaled["tracker_store"][key]
