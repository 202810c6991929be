"""Sign-in to the web report: OpenID Connect's authorisation code flow with PKCE, by Authlib.

Authlib does the protocol: the state and nonce kept in the session and checked on the way back, the PKCE
code verifier, the code exchanged for tokens, and the ID token's signature (by the provider's published
keys, JWKS), issuer, audience and expiry. This module only decides who the signed-in person is (their
Entra object id, or their Slack user id) and whether they are on the access list, and keeps that in the
signed session cookie for SESSION_HOURS. Nothing else lets anyone in: no bearer token, no header a proxy
might set, no query parameter.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from bot.web_report.settings import WebSettings

with warnings.catch_warnings():
    # Authlib says on import that it would rather use httpx2 than httpx (which serve already has); and it would
    # show its notices always, whatever the logging set-up: the filters are put back as they were after it.
    import authlib.deprecate  # which puts its "always" first; then this filter goes in front of it

    warnings.simplefilter("ignore", authlib.deprecate.AuthlibDeprecationWarning)
    from authlib.integrations.starlette_client import OAuth, OAuthError

SESSION_HOURS = 8  # a working day: then the person signs in again
SESSION_SECONDS = SESSION_HOURS * 3600
CLOCK_LEEWAY_SECONDS = 60  # how far the provider's clock may be from ours when the ID token's times are checked
PROVIDER = "provider"  # Authlib's name for the one provider configured
SCOPES = "openid profile"
# The claims that name a person as the access lists do, in order: Entra's object id; Slack's user id.
USER_ID_CLAIMS = ("oid", "https://slack.com/user_id")
USER_KEY, NAME_KEY, SINCE_KEY, NEXT_KEY = "user", "name", "since", "next"


@dataclass(frozen=True)
class Visitor:
    """A person signed in: the id the access lists use, and the name their provider gives (for the page)."""

    id: str
    name: str


class SignInError(Exception):
    """A sign-in that did not succeed; the message says so in words for the page, never a token's content."""


def build_sign_in(settings: WebSettings) -> Any:
    """Authlib's client for the configured provider, found by its discovery document."""
    oauth = OAuth()
    return oauth.register(
        PROVIDER,
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        server_metadata_url=f"{settings.issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": SCOPES, "code_challenge_method": "S256"},
    )


async def finish_sign_in(client: Any, request: Request, settings: WebSettings) -> Visitor:
    """The person the provider's answer names, once Authlib has checked it (state, code exchange with the PKCE
    verifier, and the ID token: signature, issuer, audience, expiry, nonce).

    Raises:
        SignInError: any check failed, or the ID token names nobody the access lists could hold.
    """
    try:
        token = await client.authorize_access_token(
            request,
            # Authlib checks the issuer against the discovery document's; the audience it checks only through
            # azp, which a token for another application may name us in: both are required to be ours here.
            claims_options={
                "iss": {"essential": True, "value": settings.issuer},
                "aud": {"essential": True, "value": settings.client_id},
                "exp": {"essential": True},
            },
            leeway=CLOCK_LEEWAY_SECONDS,
        )
    except OAuthError as error:
        raise SignInError(f"the sign-in provider's answer was not accepted ({error.error})") from None
    except Exception as error:  # a forged or expired ID token, a key not in the JWKS, an unreachable provider
        raise SignInError(f"the sign-in could not be checked ({type(error).__name__})") from None
    claims = token.get("userinfo")
    if not claims:
        raise SignInError("the sign-in provider gave no ID token")
    user = read_user_id(claims)
    if user is None:
        raise SignInError("the ID token names no Entra object id or Slack user id")
    return Visitor(user, str(claims.get("name") or user))


def read_user_id(claims: Mapping[str, Any]) -> str | None:
    for claim in USER_ID_CLAIMS:
        value = claims.get(claim)
        if isinstance(value, str) and value:
            return value
    return None


def keep_visitor(request: Request, visitor: Visitor, now: float | None = None) -> None:
    """The signed-in person, in a fresh session (anything kept before sign-in is dropped)."""
    request.session.clear()
    request.session.update(
        {USER_KEY: visitor.id, NAME_KEY: visitor.name, SINCE_KEY: int(time.time() if now is None else now)}
    )


def read_visitor(request: Request, now: float | None = None) -> Visitor | None:
    """The person this request's session says signed in within SESSION_HOURS, else None. The session cookie is
    signed: one changed or signed with another key reads as empty (Starlette's SessionMiddleware)."""
    session = request.session
    user, name, since = session.get(USER_KEY), session.get(NAME_KEY), session.get(SINCE_KEY)
    if not isinstance(user, str) or not isinstance(name, str) or not isinstance(since, int):
        return None
    if not 0 <= (time.time() if now is None else now) - since < SESSION_SECONDS:
        return None
    return Visitor(user, name)


def is_allowed(visitor: Visitor, settings: WebSettings) -> bool:
    """On the chat lookups' access lists, by Entra object id or Slack user id. Empty lists let nobody in: a
    browser cannot show which channels someone is in, so channel lists cannot open the page."""
    return visitor.id in settings.allowed_users
