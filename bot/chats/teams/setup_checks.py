"""Checking a Teams set-up without posting anything: the webhook URLs (their shape, and that their host
answers: a GET, which a workflow's trigger does not run on), and the bot's credentials (the client and tenant
ids are GUIDs, and the secret gets a token from the token service, TEAMS_LOGIN_URL in tests).

Each check is made whatever the others found: one failure never hides the rest.
"""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urlsplit

import httpx

from bot.chats.teams.tokens import LOGIN_URL, ClientCredentialsTokens, TokenError
from bot.checks import FAILED, NOT_SET_UP, PASSED, Check
from bot.settings import (
    GUID,
    LOOPBACK_HOSTS,
    TEAMS_CLIENT_ID_ENV,
    TEAMS_CLIENT_SECRET_ENV,
    TEAMS_LOGIN_URL_ENV,
    TEAMS_REVIEW_BOT_FIX,
    TEAMS_REVIEW_NEEDS_BOT,
    TEAMS_TENANT_ID_ENV,
    Settings,
    TeamsQuestionSettings,
    TeamsSettings,
    Webhook,
)

# The hosts a Teams workflow (Power Automate) or an incoming-webhook connector URL lives on.
TEAMS_WEBHOOK_DOMAINS = (".logic.azure.com", ".powerplatform.com", ".webhook.office.com")
BOT_SCOPE = "https://api.botframework.com/.default"  # what the bot's token is for: the Bot Connector
REACH_TIMEOUT_SECONDS = 10  # connect and answer, per webhook
ENTRA_APP = "the bot's app registration in Microsoft Entra (Azure portal > App registrations > Overview)"


def quiet_httpx_logs() -> None:
    """httpx logs each request at INFO, with its whole URL: a webhook's is a secret. Shown with --debug only."""
    if not logging.getLogger().isEnabledFor(logging.DEBUG):
        logging.getLogger("httpx").setLevel(logging.WARNING)


def check_teams_webhooks(teams: TeamsSettings) -> list[Check]:
    """Each Teams webhook URL that is set, checked for shape and then reached; never printed whole (a secret)."""
    quiet_httpx_logs()
    given = [webhook for webhook in (teams.digest_webhook, teams.alerts_webhook) if webhook is not None]
    if not given:
        names = f"{teams.digest_webhook_env} and {teams.alerts_webhook_env}"
        return [Check(NOT_SET_UP, "Teams", f"not set up ({names} are not set)")]
    checks = []
    for webhook in given:
        shape = check_teams_webhook_url(webhook.env, webhook.url)
        checks.append(shape)
        if not shape.failed:
            checks.append(check_webhook_reachable(webhook))
    return checks


def check_teams_webhook_url(variable: str, url: str) -> Check:
    fix = (
        f"copy the whole URL again from the Teams workflow's 'When a Teams webhook request is received' "
        f"step into {variable}"
    )
    if url != url.strip() or any(character.isspace() for character in url):
        return Check(FAILED, variable, "contains spaces or line breaks", fix)
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return Check(FAILED, variable, "is not a URL", fix)
    if parts.scheme == "http" and host in LOOPBACK_HOSTS:
        return Check(PASSED, variable, f"http://{host}/... is a test server on this machine")
    if parts.scheme != "https":
        return Check(FAILED, variable, "must start with https://", fix)
    if not host.endswith(TEAMS_WEBHOOK_DOMAINS):
        domains = ", ".join(TEAMS_WEBHOOK_DOMAINS)
        return Check(FAILED, variable, f"the host {host or '(none)'} is not a Microsoft one ({domains})", fix)
    if parts.path in ("", "/"):
        return Check(FAILED, variable, f"https://{host}/ has no path: the URL was cut short", fix)
    return Check(PASSED, variable, f"https://{host}/... is well-formed (the rest is secret and not shown)")


def check_webhook_reachable(webhook: Webhook) -> Check:
    """The webhook's host answers over HTTP. A GET: a workflow runs only on a POST, so nothing is posted."""
    name = f"{webhook.env} reachable"
    try:
        with httpx.Client(timeout=REACH_TIMEOUT_SECONDS, follow_redirects=False) as client:
            response = client.get(webhook.url)
    except httpx.HTTPError as error:
        return Check(
            FAILED,
            name,
            f"{webhook.shown} could not be reached ({type(error).__name__})",
            "check that this machine can reach it over HTTPS (a firewall or a proxy?)",
        )
    return Check(PASSED, name, f"{webhook.shown} answers (HTTP {response.status_code} to a GET, which posts nothing)")


def check_teams_bot(teams: TeamsQuestionSettings) -> list[Check]:
    """The bot's client id and tenant id, and whether its secret gets a token; nothing when the bot is not set up."""
    if not (teams.client_id or teams.client_secret or teams.tenant_id):
        return []
    quiet_httpx_logs()
    checks = [check_guid(TEAMS_CLIENT_ID_ENV, teams.client_id, "Application (client) ID")]
    if teams.tenant_id:
        checks.append(check_guid(TEAMS_TENANT_ID_ENV, teams.tenant_id, "Directory (tenant) ID"))
    else:
        checks.append(Check(NOT_SET_UP, TEAMS_TENANT_ID_ENV, "not set: the bot gets its tokens as a multi-tenant bot"))
    checks.append(check_bot_token(teams, ids_ok=not any(check.failed for check in checks)))
    return checks


def check_guid(variable: str, value: str | None, label: str) -> Check:
    fix = f"set {variable} to the {label} of {ENTRA_APP}"
    if not value:
        return Check(FAILED, variable, "is not set", fix)
    if not GUID.fullmatch(value):
        return Check(FAILED, variable, f"{value!r} is not a GUID (like 00000000-0000-0000-0000-000000000000)", fix)
    return Check(PASSED, variable, f"{value}, a GUID")


def check_bot_token(teams: TeamsQuestionSettings, ids_ok: bool) -> Check:
    name = "Teams bot token"
    if not teams.client_secret:
        return Check(
            FAILED,
            name,
            f"{TEAMS_CLIENT_SECRET_ENV} is not set, so the bot cannot answer",
            f"set {TEAMS_CLIENT_SECRET_ENV} to a client secret's Value (App registrations > Certificates & secrets)",
        )
    if not ids_ok or not teams.client_id:
        return Check(
            FAILED, name, "not tried: the ids above are wrong", "fix the ids, then run missing-report doctor again"
        )
    login_url = teams.login_url or LOGIN_URL
    tokens = ClientCredentialsTokens(teams.client_id, teams.client_secret, teams.tenant_id, login_url)
    try:
        asyncio.run(tokens(BOT_SCOPE))
    except TokenError as error:
        where = f" ({TEAMS_LOGIN_URL_ENV})" if teams.login_url else ""
        return Check(
            FAILED, name, f"{error}{where}", f"check {TEAMS_CLIENT_SECRET_ENV}: secrets expire; make a new one if so"
        )
    host = urlsplit(login_url).hostname or login_url
    return Check(PASSED, name, f"{host} gave the bot a token with {TEAMS_CLIENT_SECRET_ENV}")


def check_teams_review(settings: Settings) -> list[Check]:
    """[teams] review_conversation: where the bot posts drafts, who may publish, and the bot it needs; nothing when
    review is not in Teams."""
    review = settings.teams.review
    if review is None:
        return []
    name = "Teams review"
    if not (review.bot.client_id and review.bot.client_secret):
        return [Check(FAILED, name, TEAMS_REVIEW_NEEDS_BOT, TEAMS_REVIEW_BOT_FIX)]
    host = urlsplit(review.service_url).hostname
    finding = f"drafts go to {review.conversation} through {host}; {review.describe_publishers()} may press Publish"
    return [Check(PASSED, name, finding)]
