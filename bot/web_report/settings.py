"""The web report's settings: the [web] section of the config, and its sign-in from the environment.

Secrets (the OpenID Connect client secret) come only from the environment, as bot.settings reads the chat
platforms' ones; who may see the page comes from the chat lookups' own access lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bot.settings import (
    LOOPBACK_HOSTS,
    PUBLIC_URL_ENV,
    load_settings,
    load_teams_question_settings,
    read_environment,
    read_public_url,
)
from digest.contract.config import Config, ConfigError

ISSUER_ENV = "MISSING_REPORT_OIDC_ISSUER"
CLIENT_ID_ENV = "MISSING_REPORT_OIDC_CLIENT_ID"
CLIENT_SECRET_ENV = "MISSING_REPORT_OIDC_CLIENT_SECRET"  # noqa: S105 (the variable's name)


@dataclass(frozen=True)
class WebSettings:
    """The web report, on when its public address and its sign-in are both set."""

    public_url: str  # "https://missing.council.gov.uk": the report is at <public_url>/report/
    issuer: str  # the OpenID provider: "https://login.microsoftonline.com/<tenant id>/v2.0" or "https://slack.com"
    client_id: str
    client_secret: str = field(repr=False)
    allowed_users: frozenset[str] = frozenset()  # Entra object ids and Slack user ids: [slash] and [teams] lists
    suppress: bool = False  # disclosure control on the page and its XLSX ([web] suppress)

    @property
    def secure_cookie(self) -> bool:
        """The session cookie is Secure (sent over https only) unless the page is served on this machine over
        plain http, as in the tests."""
        return urlsplit(self.public_url).scheme == "https"


def load_web_settings(config: Config, environ: Mapping[str, str] | None = None) -> WebSettings | None:
    """The web report's settings; None when the sign-in is not set up (no issuer, client id or secret).

    Raises:
        ConfigError: a setting is wrong, or only some of those the web report needs are set.
    """
    env = read_environment(environ)
    names = (ISSUER_ENV, CLIENT_ID_ENV, CLIENT_SECRET_ENV)
    values = {name: env.get(name) or "" for name in names}
    web = config.raw.get("web", {})
    if not isinstance(web, dict):
        raise ConfigError(f"config file {config.source}: [web] must be a table")
    suppress = web.get("suppress", False)
    if not isinstance(suppress, bool):
        raise ConfigError(f"config file {config.source}: [web] suppress = {suppress!r} must be true or false")
    if not any(values.values()):
        return None
    unset = [name for name in names if not values[name]]
    public_url = read_public_url(env)
    if public_url is None:
        unset.append(PUBLIC_URL_ENV)
    if unset:
        raise ConfigError(
            f"the web report needs {', '.join(unset)} as well: set {' and '.join(unset)}, or unset "
            f"{', '.join(n for n in names if values[n])} to serve no web report (see docs/web-report.md)"
        )
    issuer = values[ISSUER_ENV].rstrip("/")
    parts = urlsplit(issuer)
    if not (parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS)):
        raise ConfigError(
            f"{ISSUER_ENV} = {issuer!r} must be the https:// address of the sign-in provider: "
            '"https://login.microsoftonline.com/<your tenant id>/v2.0" for Microsoft Entra ID, '
            '"https://slack.com" for Sign in with Slack'
        )
    return WebSettings(
        public_url=public_url or "",
        issuer=issuer,
        client_id=values[CLIENT_ID_ENV],
        client_secret=values[CLIENT_SECRET_ENV],
        allowed_users=load_settings(config, env).slash.allowed_users
        | load_teams_question_settings(config, env).allowed_users,
        suppress=suppress,
    )
