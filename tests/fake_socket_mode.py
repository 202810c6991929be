"""A fake Slack Socket Mode endpoint: a real WebSocket server on 127.0.0.1 (the `websockets` library).

The fake Web API (tests/fake_slack.py) hands its ws:// URL out from apps.connections.open. Each connection
is greeted with `hello`, as Slack does, and handed to the test, which sends envelopes down it; whatever
the client sends back (its acknowledgements) is queued with the connection it came on.
"""

from __future__ import annotations

import json
import queue
import threading
import time
import uuid
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve

from tests.fake_slack import slash_command_payload

WAIT_SECONDS = 10.0  # for one connection or acknowledgement; a passing run needs a fraction of that


class FakeSocketMode:
    def __init__(self) -> None:
        self.connections: queue.Queue[ServerConnection] = queue.Queue()
        self.received: queue.Queue[tuple[ServerConnection, dict[str, Any]]] = queue.Queue()
        self.accepted: list[ServerConnection] = []
        # slack_sdk's built-in client neither negotiates compression nor needs pinging: it pings us.
        self.server = serve(self._serve, "127.0.0.1", 0, compression=None, ping_interval=None, close_timeout=1)
        self.url = f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> FakeSocketMode:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(WAIT_SECONDS)

    def close_all(self) -> None:
        for connection in self.accepted:
            connection.close()

    def _serve(self, connection: ServerConnection) -> None:
        self.accepted.append(connection)
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        self.connections.put(connection)
        try:
            for message in connection:
                if isinstance(message, str):
                    self.received.put((connection, json.loads(message)))
        except ConnectionClosed:
            pass

    def next_connection(self) -> ServerConnection:
        return self.connections.get(timeout=WAIT_SECONDS)

    def send_command(self, connection: ServerConnection, text: str, user: str = "U0ANALYST") -> dict[str, Any]:
        """Send a /missing envelope down connection; returns the acknowledgement's payload, checking that it
        came back on the same connection."""
        envelope_id = str(uuid.uuid4())
        payload = slash_command_payload(text, user)
        envelope = {"envelope_id": envelope_id, "type": "slash_commands", "accepts_response_payload": True}
        connection.send(json.dumps({**envelope, "payload": payload}))
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            came_on, message = self.received.get(timeout=max(0.01, deadline - time.monotonic()))
            if message.get("envelope_id") == envelope_id:
                assert came_on is connection, "the acknowledgement came back on another connection"
                return dict(message.get("payload") or {})
