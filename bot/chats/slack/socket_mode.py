"""Answering the slash command over Socket Mode: the app opens a WebSocket to Slack, so no public URL is
needed (most councils allow no inbound connection).

slack_sdk's built-in Socket Mode client asks the Web API (apps.connections.open, at the app's client's base
URL) for a WebSocket address, acknowledges each envelope with the listener's ack (so the answer rides in
the acknowledgement, as over HTTP), and opens a new connection when Slack asks it to or the socket dies.
"""

from __future__ import annotations

import threading

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

# The client pings this often; a socket with no pong for several intervals is replaced by a new one.
PING_INTERVAL_SECONDS = 10.0


def connect_socket_mode(app: App, app_token: str, ping_interval: float = PING_INTERVAL_SECONDS) -> SocketModeHandler:
    """Connect app to Slack over Socket Mode with app_token (xapp-...); returns at once, the answering
    and reconnecting go on in the handler's threads until close_socket_mode."""
    handler = SocketModeHandler(
        app, app_token=app_token, ping_interval=ping_interval, auto_reconnect_enabled=True, trace_enabled=False
    )
    handler.connect()  # type: ignore[no-untyped-call]
    return handler


def close_socket_mode(handler: SocketModeHandler) -> None:
    """Stop without reconnecting, and without waiting out the client's internal timeouts."""
    client = handler.client
    client.auto_reconnect_enabled = False
    client.closed = True
    client.message_queue.put(None)  # wakes the message processor, which otherwise polls once a second
    handler.close()  # type: ignore[no-untyped-call]


def serve_socket_mode(app: App, app_token: str) -> None:
    """Answer over Socket Mode until Ctrl-C (KeyboardInterrupt) or a signal handler raises."""
    handler = connect_socket_mode(app, app_token)
    try:
        threading.Event().wait()
    finally:
        close_socket_mode(handler)
