"""The web report as tests read it: a running server with the fake OpenID provider, a client that signs in by
following the real redirects, and the page's tables read as text."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx

from bot.chat import Routes, Serving
from bot.server import create_http_server
from bot.settings import PUBLIC_URL_ENV, load_settings
from bot.web import build_web_app
from bot.web_report.serving import add_web_report
from bot.web_report.settings import CLIENT_ID_ENV, CLIENT_SECRET_ENV, ISSUER_ENV
from digest.contract.config import Config
from digest.store.snapshots import open_store
from tests.fake_oidc import CLIENT_ID, CLIENT_SECRET, FakeOpenIdProvider

MANAGER_OID = "0f9c5e1a-2b3c-4d5e-8f90-123456789abc"  # an Entra object id on [teams] allowed_users
SLACK_MANAGER = "U0MANAGER1"  # a Slack user id on [slash] allowed_users
MANAGER = {"oid": MANAGER_OID, "name": "Alex Manager"}


def with_access(config: Config, **web: Any) -> Config:
    """The config with one Entra user on [teams] allowed_users, one Slack user on [slash]'s, and [web] as given."""
    raw = dict(config.raw)
    raw["teams"] = {**raw.get("teams", {}), "allowed_users": [MANAGER_OID]}
    raw["slash"] = {**raw.get("slash", {}), "allowed_users": [SLACK_MANAGER]}
    raw["web"] = {**raw.get("web", {}), **web}
    return replace(config, raw=raw)


def web_environment(provider: FakeOpenIdProvider, public_url: str) -> dict[str, str]:
    return {
        ISSUER_ENV: provider.issuer,
        CLIENT_ID_ENV: CLIENT_ID,
        CLIENT_SECRET_ENV: CLIENT_SECRET,
        PUBLIC_URL_ENV: public_url,
    }


@dataclass
class ReportServer:
    base: str  # http://127.0.0.1:port

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


def serve_report(db: Path, config: Config, provider: FakeOpenIdProvider) -> Iterator[ReportServer]:
    """serve's HTTP server with only the web report mounted, as `serve` mounts it."""
    web = build_web_app()
    server = create_http_server(web, 0, "127.0.0.1")
    base = f"http://127.0.0.1:{server.effective_port}"
    serving = Serving(config, load_settings(config, {}), partial(open_store, db), db)
    add_web_report(web, Routes(), serving, web_environment(provider, base))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield ReportServer(base)
    server.close()
    thread.join(5)


def sign_in(server: ReportServer, path: str = "/report/2019-06") -> tuple[httpx.Client, httpx.Response]:
    """A browser-like client that asks for path and follows every redirect, through the provider and back."""
    client = httpx.Client(follow_redirects=True, timeout=10)
    return client, client.get(server.url(path))


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "span" and ("aria-hidden", "true") in attrs:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[-1].append(self.row)
            self.row = None
        elif tag == "span" and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.hidden:
            self.cell.append(data)


def read_tables(page: str) -> list[list[list[str]]]:
    """Every table of the page, as rows of cell texts (as a screen reader reads them: marks for the eye left out)."""
    parser = _Tables()
    parser.feed(page)
    return parser.tables


def row_of(page: str, label: str) -> list[str]:
    """The full table's row whose indicator is label: [ref, label, cells...]."""
    for row in read_tables(page)[0]:
        if len(row) > 1 and row[1] == label:
            return row
    raise AssertionError(f"no row {label!r}")
