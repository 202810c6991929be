"""The bot's own token for the Bot Connector: the OAuth 2 client-credentials grant, given to the Teams SDK
through its `token=` option.

The SDK's built-in path goes through MSAL, which insists on Microsoft's own https hosts; this one makes
the same request to a login URL that can be pointed at a test server (TEAMS_LOGIN_URL), so the path
production takes is the one the tests drive.
"""

from __future__ import annotations

import asyncio
import time

import httpx

LOGIN_URL = "https://login.microsoftonline.com"  # Entra ID, the public cloud's token service
MULTI_TENANT = "botframework.com"  # the tenant a multi-tenant bot asks for its token in
TOKEN_TIMEOUT_SECONDS = 10
RENEW_BEFORE_SECONDS = 300  # fetch a new token this long before the old one runs out


class TokenError(Exception):
    """The token service refused the bot's credentials, or could not be reached."""


class ClientCredentialsTokens:
    """Callable as the SDK's token provider: (scope, tenant) -> access token, cached until near expiry."""

    def __init__(self, client_id: str, client_secret: str, tenant_id: str | None, login_url: str = LOGIN_URL) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.tenant_id = tenant_id
        self.login_url = login_url.rstrip("/")
        self.cache: dict[tuple[str, str], tuple[str, float]] = {}
        self.lock = asyncio.Lock()

    async def __call__(self, scope: str | list[str], tenant_id: str | None = None) -> str:
        scopes = " ".join(scope) if isinstance(scope, list) else scope
        tenant = tenant_id or self.tenant_id or MULTI_TENANT
        async with self.lock:
            cached = self.cache.get((scopes, tenant))
            if cached and cached[1] - RENEW_BEFORE_SECONDS > time.monotonic():
                return cached[0]
            token, lifetime = await self._fetch(scopes, tenant)
            self.cache[(scopes, tenant)] = (token, time.monotonic() + lifetime)
            return token

    async def _fetch(self, scopes: str, tenant: str) -> tuple[str, float]:
        try:
            async with httpx.AsyncClient(timeout=TOKEN_TIMEOUT_SECONDS) as client:
                response = await client.post(token_url(self.login_url, tenant), data=self._form(scopes))
        except httpx.HTTPError as error:
            raise _unreachable(error) from None
        return read_token(response)

    def fetch_now(self, scopes: str) -> str:
        """A token for scopes, fetched at once without an event loop (for posts made outside the bot: drafts)."""
        tenant = self.tenant_id or MULTI_TENANT
        try:
            response = httpx.post(
                token_url(self.login_url, tenant), data=self._form(scopes), timeout=TOKEN_TIMEOUT_SECONDS
            )
        except httpx.HTTPError as error:
            raise _unreachable(error) from None
        return read_token(response)[0]

    def _form(self, scopes: str) -> dict[str, str]:
        return {
            "grant_type": "client_credentials",
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "scope": scopes,
        }


def token_url(login_url: str, tenant: str) -> str:
    return f"{login_url}/{tenant}/oauth2/v2.0/token"


def _unreachable(error: httpx.HTTPError) -> TokenError:
    return TokenError(f"the Teams token service could not be reached ({type(error).__name__})")


def read_token(response: httpx.Response) -> tuple[str, float]:
    """The token service's answer: the access token and its lifetime in seconds.

    Raises:
        TokenError: the service refused the bot's credentials, saying which settings to check.
    """
    if response.status_code != httpx.codes.OK:
        raise TokenError(
            f"the Teams token service refused the bot's credentials (HTTP {response.status_code}): check "
            "TEAMS_CLIENT_ID, TEAMS_CLIENT_SECRET and TEAMS_TENANT_ID"
        )
    payload = response.json()
    return str(payload["access_token"]), float(payload.get("expires_in", 3600))
