"""One HTTP server for every platform: the web app (bot.web) served by uvicorn.

Each platform adds its own routes to the app: Slack's requests come to /slack/events (bot.chats.slack.routes);
the Teams bot adds /api/messages and the outgoing webhook /teams/outgoing (bot.chats.teams.routes). Their names
are given here too, for the commands and tests that start a server.
"""

from __future__ import annotations

import socket

import uvicorn
from fastapi import FastAPI

from bot.chats.slack.routes import EVENTS_PATH as EVENTS_PATH
from bot.chats.slack.routes import add_slack_route as add_slack_route
from bot.chats.slack.routes import answer_slack_request as answer_slack_request
from bot.chats.teams.routes import add_outgoing_webhook_route as add_outgoing_webhook_route
from bot.web import WebApp as WebApp
from bot.web import build_web_app as build_web_app

LISTEN_BACKLOG = 1024  # connections waiting to be accepted: a crowd asking at once must fit, or its SYNs wait 1 s
EVENT_LOOP = "auto"  # uvloop where it is installed (not on Windows): 0.1-0.3 ms less CPU a request than asyncio's
HTTP_PARSER = "httptools"  # C; uvicorn's pure-Python h11 cost 0.2-0.4 ms more CPU a request (bench/crowd.py)
CAN_SHARE_PORT = hasattr(socket, "SO_REUSEPORT")  # Linux and macOS: what lets the answering copies listen too


class HttpServer:
    """uvicorn serving web on a socket bound at once, so the port (0 picks a free one) is known before .run()."""

    def __init__(self, web: FastAPI, port: int, host: str, debug: bool = False) -> None:
        self.host = host
        self.socket = listen_on(host, port)
        self.effective_port: int = self.socket.getsockname()[1]
        # log_config=None: our logging set-up decides what reaches the terminal, not uvicorn's own.
        config = uvicorn.Config(
            web,
            log_config=None,
            log_level="debug" if debug else "warning",
            access_log=debug,
            lifespan="on",
            server_header=False,
            http=HTTP_PARSER,
            loop=EVENT_LOOP,
        )
        self.server = uvicorn.Server(config)

    def listen_again(self) -> None:
        """In a copy of this process (bot.server_processes): a listening socket of its own on the same port.
        With one socket shared, whichever process woke first took most of a crowd's connections; with a
        socket each (SO_REUSEPORT), the system spreads the connections over them evenly."""
        if CAN_SHARE_PORT:
            self.socket.close()  # this process's copy: the first process keeps listening on its own
            self.socket = listen_on(self.host, self.effective_port, alone=False)

    def run(self) -> None:
        """Serve until .close(), or until Ctrl-C / SIGTERM when run in the main thread."""
        try:
            self.server.run(sockets=[self.socket])
        finally:
            self.socket.close()

    def close(self) -> None:
        self.server.should_exit = True


def listen_on(host: str, port: int, alone: bool = True) -> socket.socket:
    """A socket listening on host and port (0: a free one), which this server's other processes may listen on
    too (SO_REUSEPORT). alone: first check that nothing else listens there, which SO_REUSEPORT would not
    refuse (a second `serve` started by mistake would otherwise take half of the first one's requests).

    Raises:
        OSError: the port is taken (errno EADDRINUSE), or cannot be listened on.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if alone and CAN_SHARE_PORT:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))  # refused while any socket listens on the port, SO_REUSEPORT or not
            port = probe.getsockname()[1]
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if CAN_SHARE_PORT:
        listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listening.bind((host, port))
    listening.listen(LISTEN_BACKLOG)
    return listening


def create_http_server(web: FastAPI, port: int, host: str = "0.0.0.0", debug: bool = False) -> HttpServer:  # noqa: S104 (Slack and Teams must reach it)
    return HttpServer(web, port, host, debug)
