"""A fake OpenID provider: a real HTTP server on 127.0.0.1 that the web report's real OpenID Connect client
(Authlib) is pointed at, with what Microsoft Entra ID and Slack serve: discovery, JWKS, an authorize endpoint
that signs the person in at once and redirects back, and a token endpoint that checks the client secret and
the PKCE verifier before it hands out an ID token signed with a key made for this run.

The person it signs in, and what is wrong with the ID token it gives (audience, expiry, issuer, signing key),
are set by the test before each sign-in.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

from tests.fake_slack import POLL_SECONDS

CLIENT_ID = "missing-report-web"
CLIENT_SECRET = "web-client-secret"
KEY_BITS = 2048


@functools.cache
def make_keys() -> tuple[RSAKey, RSAKey]:
    """The fake's signing key and a stranger's with the same key id, made once per test run (never stored)."""
    return tuple(  # type: ignore[return-value]
        RSAKey.generate_key(KEY_BITS, parameters={"kid": "fake-1", "use": "sig", "alg": "RS256"}) for _ in range(2)
    )


@dataclass
class Person:
    """Who signs in at the fake: the claims of their ID token that name them."""

    claims: dict[str, Any]


@dataclass
class TokenFaults:
    """What is wrong with the next ID tokens (all None: a good one)."""

    audience: str | None = None
    expires_in: int | None = None  # seconds from now (negative: already expired)
    issuer: str | None = None
    other_key: bool = False  # signed with a key that is not in the JWKS
    nonce: str | None = None


@dataclass
class Issued:
    """What the authorize endpoint was asked, kept for its code."""

    nonce: str
    challenge: str
    method: str
    redirect_uri: str


@dataclass
class FakeOpenIdProvider:
    person: Person = field(default_factory=lambda: Person({}))
    faults: TokenFaults = field(default_factory=TokenFaults)
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.key, self.stranger_key = make_keys()
        self.codes: dict[str, Issued] = {}
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._get(self)

            def do_POST(self) -> None:
                fake._token(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(POLL_SECONDS,), daemon=True)

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeOpenIdProvider:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def id_token(self, claims: dict[str, Any], other_key: bool = False) -> str:
        """An ID token as the fake signs them (or with a key it never published)."""
        key = self.stranger_key if other_key else self.key
        return jwt.encode({"alg": "RS256", "kid": key.kid}, claims, key)

    def _send(
        self, handler: BaseHTTPRequestHandler, status: int, body: Any, headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(data)

    def _get(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        if parts.path == "/.well-known/openid-configuration":
            self._send(
                handler,
                200,
                {
                    "issuer": self.issuer,
                    "authorization_endpoint": f"{self.issuer}/authorize",
                    "token_endpoint": f"{self.issuer}/token",
                    "jwks_uri": f"{self.issuer}/keys",
                    "response_types_supported": ["code"],
                    "subject_types_supported": ["pairwise"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "code_challenge_methods_supported": ["S256"],
                    "scopes_supported": ["openid", "profile"],
                },
            )
        elif parts.path == "/keys":
            self._send(handler, 200, {"keys": [self.key.as_dict(private=False)]})
        elif parts.path == "/authorize":
            query = {name: values[0] for name, values in parse_qs(parts.query).items()}
            self.authorize_requests.append(query)
            code = secrets.token_urlsafe(16)
            with self.lock:
                self.codes[code] = Issued(
                    query.get("nonce", ""),
                    query.get("code_challenge", ""),
                    query.get("code_challenge_method", ""),
                    query.get("redirect_uri", ""),
                )
            back = f"{query.get('redirect_uri', '')}?{urlencode({'code': code, 'state': query.get('state', '')})}"
            handler.send_response(302)
            handler.send_header("Location", back)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
        else:
            self._send(handler, 404, {"error": "not_found"})

    def _token(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        form = {name: values[0] for name, values in parse_qs(handler.rfile.read(length).decode()).items()}
        self.token_requests.append(form)
        if not self._client_is_known(handler.headers.get("Authorization", ""), form):
            self._send(handler, 401, {"error": "invalid_client"})
            return
        with self.lock:
            issued = self.codes.pop(form.get("code", ""), None)
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if issued is None or issued.method != "S256" or challenge != issued.challenge:
            self._send(handler, 400, {"error": "invalid_grant"})
            return
        if form.get("redirect_uri") != issued.redirect_uri:
            self._send(handler, 400, {"error": "invalid_grant"})
            return
        now = int(time.time())
        faults = self.faults
        claims = {
            "iss": faults.issuer or self.issuer,
            "aud": faults.audience or CLIENT_ID,
            "sub": "pairwise-subject",
            "iat": now,
            "nbf": now,
            "exp": now + (3600 if faults.expires_in is None else faults.expires_in),
            "nonce": faults.nonce or issued.nonce,
            **self.person.claims,
        }
        self._send(
            handler,
            200,
            {
                "access_token": secrets.token_urlsafe(16),
                "token_type": "Bearer",
                "expires_in": 3600,
                "id_token": self.id_token(claims, faults.other_key),
            },
        )

    def _client_is_known(self, authorization: str, form: dict[str, str]) -> bool:
        if authorization.startswith("Basic "):
            given = base64.b64decode(authorization.removeprefix("Basic ")).decode()
            return given == f"{CLIENT_ID}:{CLIENT_SECRET}"
        return form.get("client_id") == CLIENT_ID and form.get("client_secret") == CLIENT_SECRET
