"""A fake of Microsoft's side of a Teams bot: a real HTTP server on 127.0.0.1 that the real Teams SDK is
pointed at. It publishes the Bot Framework's OpenID metadata and signing keys (so the SDK checks tokens
exactly as in production, against a key made here), issues the bot's own tokens for the right client
credentials, and plays the Bot Connector, keeping every reply the bot posts.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fake_slack import POLL_SECONDS

CLIENT_ID = "00000000-0000-4000-8000-00000000b07a"
CLIENT_SECRET = "test-client-secret"
TENANT_ID = "11111111-2222-4333-8444-555555555555"
BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
OPENID_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"


class SigningKey:
    """An RSA key that signs tokens as the Bot Framework would."""

    def __init__(self) -> None:
        self.kid = uuid.uuid4().hex
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict[str, Any]:
        key: dict[str, Any] = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key()))
        return {**key, "kid": self.kid, "use": "sig", "alg": "RS256"}

    def sign(self, claims: dict[str, Any], kid: str | None = None) -> str:
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": kid or self.kid})


class FakeMicrosoft:
    def __init__(self) -> None:
        self.key = SigningKey()
        self.replies: list[dict[str, Any]] = []  # each: path (unquoted), authorization, activity
        self.updates: list[dict[str, Any]] = []  # PUT activities (a post updated in place), as replies
        self.refuse_status: int | None = None  # the Bot Connector's answer to every post and update, if set
        self.hang_up = False  # take each post, then close the connection without an answer
        self.token_requests: list[dict[str, str]] = []
        self.issued: list[str] = []
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                if self.path == OPENID_PATH:
                    fake._send(self, 200, {"issuer": BOT_FRAMEWORK_ISSUER, "jwks_uri": fake.base_url + KEYS_PATH})
                elif self.path == KEYS_PATH:
                    fake._send(self, 200, {"keys": [fake.key.jwk()]})
                else:
                    fake._send(self, 404, {"error": "not found"})

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                path = unquote(self.path)
                if path.endswith("/oauth2/v2.0/token"):
                    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                    fake._send(self, *fake._token(path, form))
                elif path.startswith("/v3/conversations/") and path.endswith("/activities"):
                    if fake.refuse_status:
                        fake._send(self, fake.refuse_status, {"error": {"code": "BotNotInConversationRoster"}})
                        return
                    with fake.lock:
                        fake.replies.append(fake._received(self, path, body))
                        posted = f"reply-{len(fake.replies)}"
                    if fake.hang_up:
                        self.close_connection = True
                        return
                    fake._send(self, 201, {"id": posted})
                else:
                    fake._send(self, 404, {"error": "not found"})

            def do_PUT(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                path = unquote(self.path)
                if fake.refuse_status or not path.startswith("/v3/conversations/") or "/activities/" not in path:
                    fake._send(self, fake.refuse_status or 404, {"error": "not found"})
                    return
                with fake.lock:
                    fake.updates.append(fake._received(self, path, body))
                fake._send(self, 200, {"id": path.rpartition("/")[2]})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.openid_url = self.base_url + OPENID_PATH

    def start(self) -> FakeMicrosoft:
        threading.Thread(target=self.httpd.serve_forever, args=(POLL_SECONDS,), daemon=True).start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def _received(self, handler: BaseHTTPRequestHandler, path: str, body: bytes) -> dict[str, Any]:
        return {"path": path, "authorization": handler.headers.get("authorization", ""), "activity": json.loads(body)}

    def _send(self, handler: BaseHTTPRequestHandler, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("content-type", "application/json")
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _token(self, path: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.token_requests.append({"path": path, **form})
        good = (form.get("grant_type"), form.get("client_id"), form.get("client_secret")) == (
            "client_credentials",
            CLIENT_ID,
            CLIENT_SECRET,
        )
        if not good:
            return 401, {"error": "invalid_client"}
        now = int(time.time())
        token = self.key.sign({"aud": BOT_FRAMEWORK_ISSUER, "appid": CLIENT_ID, "iat": now, "exp": now + 3600})
        self.issued.append(token)
        return 200, {"token_type": "Bearer", "expires_in": 3600, "access_token": token}

    def bot_framework_token(self, service_url: str, **changes: Any) -> str:
        """A token as the Bot Framework sends with each activity; changes spoil it for the refusal tests."""
        now = int(time.time())
        claims = {
            "iss": BOT_FRAMEWORK_ISSUER,
            "aud": CLIENT_ID,
            "serviceurl": service_url,
            "iat": now,
            "nbf": now,
            "exp": now + 600,
            **changes,
        }
        return self.key.sign(claims)

    def wait_for_replies(self, count: int, seconds: float = 10) -> list[dict[str, Any]]:
        deadline = time.monotonic() + seconds
        while len(self.replies) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return list(self.replies)


def message_activity(
    text: str, service_url: str, *, channel: bool = False, activity_id: str | None = None, tenant: str = TENANT_ID
) -> dict[str, Any]:
    """A message activity as Teams sends it: a 1:1 chat, or a channel message @mentioning the bot."""
    bot = {"id": f"28:{CLIENT_ID}", "name": "Missing report"}
    if channel:
        conversation = {
            "id": "19:perf@thread.tacv2;messageid=1700000000002",
            "conversationType": "channel",
            "isGroup": True,
            "tenantId": tenant,
        }
    else:
        conversation = {"id": "a:1personal-chat", "conversationType": "personal", "tenantId": tenant}
    activity: dict[str, Any] = {
        "type": "message",
        "id": activity_id or uuid.uuid4().hex,
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": "29:analyst", "name": "Analyst", "aadObjectId": "aad-analyst"},
        "conversation": conversation,
        "recipient": bot,
        "text": text,
        "textFormat": "plain",
        "channelData": {"tenant": {"id": tenant}},
    }
    if channel:
        activity["entities"] = [{"type": "mention", "text": "<at>Missing report</at>", "mentioned": bot}]
    return activity


REVIEW_CONVERSATION = "19:review@thread.tacv2"


def invoke_activity(
    verb: str,
    month: str,
    service_url: str,
    *,
    user: str = "aad-analyst",
    name: str = "Analyst",
    conversation: str = f"{REVIEW_CONVERSATION};messageid=reply-1",
) -> dict[str, Any]:
    """An Action.Execute press on a card in a channel post, as Teams sends it to the bot: an adaptiveCard/action."""
    return {
        "type": "invoke",
        "name": "adaptiveCard/action",
        "id": uuid.uuid4().hex,
        "timestamp": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": f"29:{user}", "name": name, "aadObjectId": user},
        "conversation": {"id": conversation, "conversationType": "channel", "isGroup": True, "tenantId": TENANT_ID},
        "recipient": {"id": f"28:{CLIENT_ID}", "name": "Missing report"},
        "replyToId": conversation.rpartition("=")[2],
        "value": {"action": {"type": "Action.Execute", "verb": verb, "data": {"month": month}}, "trigger": "manual"},
        "channelData": {"tenant": {"id": TENANT_ID}, "channel": {"id": conversation.partition(";")[0]}},
    }
