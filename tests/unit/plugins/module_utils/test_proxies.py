# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What sits between the controller and mqweb: a forward proxy from HTTPS_PROXY (with NO_PROXY), a gateway that
routes by a path prefix, and the jittered backoff of read retries."""

from __future__ import annotations

import http.client
import http.server
import itertools
import select
import socket
import socketserver
import threading
import urllib.parse

import pytest
from mqemu import EmulatorServer

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQTransportError
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.plugins.module_utils._transport import (
    BACKOFF_CAP, BACKOFF_FIRST, RestTransport, backoff_delays)

DISPLAY_QMGR = MQSCCommand("DISPLAY", "QMGR", response_parameters=["all"])
PROXY_VARIABLES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")


class _ConnectHandler(socketserver.StreamRequestHandler):
    """A forward proxy that only tunnels (CONNECT host:port), as a proxy in front of an HTTPS server does."""

    def handle(self):
        request = self.rfile.readline().decode("latin-1").split()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        if len(request) < 2 or request[0] != "CONNECT":
            self.wfile.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            return
        self.server.tunnels.append(request[1])
        host, port = request[1].rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=10) as upstream:
            self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self.wfile.flush()
            ends = [self.connection, upstream]
            while True:
                readable = select.select(ends, [], [], 10)[0]
                if not readable:
                    return
                for end in readable:
                    data = end.recv(65536)
                    if not data:
                        return
                    (upstream if end is self.connection else self.connection).sendall(data)


class _GatewayHandler(http.server.BaseHTTPRequestHandler):
    """A reverse proxy that serves mqweb under a path prefix and answers 404 to anything else."""

    protocol_version = "HTTP/1.1"

    def _forward(self):
        prefix, upstream = self.server.prefix, self.server.upstream
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        if not self.path.startswith(prefix + "/"):
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.server.paths.append(self.path)
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=10)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        connection.request(self.command, self.path[len(prefix):], body=body, headers=headers)
        answer = connection.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for key, value in answer.getheaders():
            if key.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        connection.close()

    do_GET = do_POST = do_DELETE = _forward

    def log_message(self, *args):  # pylint: disable=arguments-differ
        pass


def _serve(server):
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def no_proxy_environment(monkeypatch):
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return monkeypatch


@pytest.fixture(scope="module")
def tls_emulator():
    with EmulatorServer(qmgrs=["QM1"], tls=True, timing="zero") as server:
        yield server


@pytest.fixture
def connect_proxy():
    server = _serve(socketserver.ThreadingTCPServer(("127.0.0.1", 0), _ConnectHandler))
    server.tunnels = []
    yield server
    server.shutdown()
    server.server_close()


def _tls_transport(emulator):
    return RestTransport(emulator.base_url, "QM1", username="admin", password="passw0rd", auth_method="basic",
                         ca_path=emulator.ca_path, retries=0, request_timeout=10)


def test_https_proxy_is_used_and_no_proxy_bypasses_it(tls_emulator, connect_proxy, no_proxy_environment):
    port = tls_emulator.base_url.split("/")[2].rsplit(":", 1)[1]
    no_proxy_environment.setenv("HTTPS_PROXY", "http://127.0.0.1:{0}".format(connect_proxy.server_address[1]))
    transport = _tls_transport(tls_emulator)
    assert transport.run_mqsc(DISPLAY_QMGR)[0]["qmname"] == "QM1"
    assert connect_proxy.tunnels == ["127.0.0.1:" + port]  # tunnelled: the proxy never saw the TLS traffic
    transport.close()

    no_proxy_environment.setenv("NO_PROXY", "mqhost.example.com,127.0.0.1")
    transport = _tls_transport(tls_emulator)
    assert transport.run_mqsc(DISPLAY_QMGR)[0]["qmname"] == "QM1"
    assert len(connect_proxy.tunnels) == 1  # NO_PROXY: straight to mqweb
    transport.close()


def test_a_proxy_that_is_down_is_a_clear_connection_failure(tls_emulator, no_proxy_environment):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    no_proxy_environment.setenv("HTTPS_PROXY", "http://127.0.0.1:{0}".format(port))
    with pytest.raises(MQTransportError) as info:
        _tls_transport(tls_emulator).run_mqsc(DISPLAY_QMGR)
    assert "connection failed" in info.value.msg


@pytest.mark.parametrize("auth", ["basic", "ltpa"])
def test_rest_url_with_a_gateway_path_prefix(mq, auth, no_proxy_environment):
    server = _serve(http.server.ThreadingHTTPServer(("127.0.0.1", 0), _GatewayHandler))
    server.prefix, server.paths = "/mq-prod", []
    server.upstream = urllib.parse.urlsplit(mq.base_url)
    try:
        url = "http://127.0.0.1:{0}/mq-prod/ibmmq/rest/v2".format(server.server_address[1])
        transport = RestTransport(url, "QM1", username="admin", password="passw0rd", auth_method=auth, retries=0)
        assert transport.run_mqsc(DISPLAY_QMGR)[0]["qmname"] == "QM1"
        transport.close()
        assert server.paths[-2 if auth == "ltpa" else -1] == "/mq-prod/ibmmq/rest/v2/admin/action/qmgr/QM1/mqsc"
        if auth == "ltpa":
            assert server.paths[0] == "/mq-prod/ibmmq/rest/v2/login"
            assert server.paths[-1] == "/mq-prod/ibmmq/rest/v2/login"  # the logout on close
    finally:
        server.shutdown()
        server.server_close()


def test_backoff_grows_between_half_and_all_of_each_step():
    steps = [BACKOFF_FIRST * 2 ** n for n in range(4)] + [BACKOFF_CAP] * 3
    assert list(itertools.islice(backoff_delays(rand=lambda: 0.0), 7)) == [s / 2 for s in steps]
    assert list(itertools.islice(backoff_delays(rand=lambda: 1.0), 7)) == steps
    for delay, step in zip(itertools.islice(backoff_delays(), 7), steps):
        assert step / 2 <= delay <= step


def test_forks_that_fail_together_retry_apart(mq, transport_factory):
    """Ten processes retrying the same 503s do not sleep the same times (the lockstep jitter removes)."""
    sleeps = []
    for dummy in range(10):
        mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "count": 2})
        slept = []
        transport_factory(sleep=slept.append).run_mqsc(DISPLAY_QMGR)
        assert len(slept) == 2 and BACKOFF_FIRST / 2 <= slept[0] <= BACKOFF_FIRST <= slept[1] <= 2 * BACKOFF_FIRST
        sleeps.append(tuple(slept))
    assert len(set(sleeps)) > 5
