"""`missing-report doctor`'s checks of the web report: its settings, the sign-in provider's discovery document
(reachable, and naming the issuer set), and whether anyone is on the access list."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from bot.checks import FAILED, NOT_SET_UP, PASSED, Check
from bot.settings import REPORT_PATH
from bot.web_report.settings import CLIENT_ID_ENV, CLIENT_SECRET_ENV, ISSUER_ENV, WebSettings, load_web_settings
from digest.contract.config import Config, ConfigError

NAME = "Web report"
DISCOVERY_TIMEOUT_SECONDS = 10


def check_web_report(config: Config, environ: Mapping[str, str]) -> list[Check]:
    try:
        settings = load_web_settings(config, environ)
    except ConfigError as error:
        return [Check(FAILED, NAME, str(error), "set the variables it names in the service's environment")]
    if settings is None:
        unset = " and ".join((ISSUER_ENV, CLIENT_ID_ENV, CLIENT_SECRET_ENV))
        return [Check(NOT_SET_UP, NAME, f"not set up ({unset} are not set)")]
    return [check_provider(settings), check_access_list(settings)]


def check_provider(settings: WebSettings) -> Check:
    """The provider's discovery document, fetched as the sign-in will fetch it."""
    address = f"{settings.issuer}/.well-known/openid-configuration"
    fix = f"check {ISSUER_ENV}: for Entra ID https://login.microsoftonline.com/<tenant id>/v2.0, for Slack https://slack.com"
    try:
        response = httpx.get(address, timeout=DISCOVERY_TIMEOUT_SECONDS)
        response.raise_for_status()
        issuer = response.json().get("issuer")
    except (httpx.HTTPError, ValueError, AttributeError) as error:
        return Check(FAILED, f"{NAME} sign-in", f"{address} could not be read ({type(error).__name__})", fix)
    if issuer != settings.issuer:
        return Check(
            FAILED, f"{NAME} sign-in", f"the provider names its issuer {issuer!r}, not {settings.issuer!r}", fix
        )
    return Check(
        PASSED,
        f"{NAME} sign-in",
        f"{settings.issuer} answers; the sign-in returns to {settings.public_url}{REPORT_PATH}/signed-in "
        "(register that address with the provider)",
    )


def check_access_list(settings: WebSettings) -> Check:
    count = len(settings.allowed_users)
    if not count:
        return Check(
            FAILED,
            f"{NAME} access",
            "nobody is on the access list, so nobody can see the report",
            "add people's Slack user ids to [slash] allowed_users or Entra object ids to [teams] allowed_users",
        )
    return Check(PASSED, f"{NAME} access", f"{count} {'person' if count == 1 else 'people'} on the access list")
