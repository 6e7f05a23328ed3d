# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The emulator's servers: EmulatorServer (the in-process API), extra mqweb ports, and the command line (`python -m mqemu`).

See tests/emulator/README.md for the REST surface, the control API and the fidelity table.
"""

import argparse
import json
import os
import signal
import tempfile
import threading

from .control import ControlError
from .httpd import Server
from .lifecycle import UP
from .model import Model
from .network import host_key
from .settings import PROFILES

__all__ = ["EmulatorServer", "main", "parse_qmgrs", "parse_users"]


def parse_qmgrs(specs):
    """['QM1', 'QM2@qm2host', 'QM3,QM4@h', 'QM5@a+b', 'QM6@x+y+z'] -> (names, {name: host or [hosts]}): the queue
    managers and the hosts given with '@' (the others run on localhost; emulated listeners share one port space per host).
    Hosts joined with '+' are the queue manager's instances: two a multi-instance pair, three a Native HA group, the
    first one active (commands.set_instances)."""
    names, hosts = [], {}
    for item in specs:
        for spec in str(item).split(","):
            name, _sep, host = spec.strip().partition("@")
            if name:
                names.append(name)
                if "+" in host:
                    hosts[name] = [h.strip() for h in host.split("+")]
                elif host:
                    hosts[name] = host
    return names, hosts


def parse_users(specs):
    """['NAME:PASSWORD:ROLE', ...] (passwords may contain ':') or a dict {name: (password, role)} -> dict."""
    if specs is None or isinstance(specs, dict):
        return specs
    users = {}
    for spec in specs:
        if isinstance(spec, (tuple, list)):
            name, password, role = spec
        else:
            name, sep, rest = spec.partition(":")
            password, sep2, role = rest.rpartition(":")
            if not (sep and sep2 and name):
                raise ValueError(f"--user wants NAME:PASSWORD:ROLE, got {spec!r}")
        users[name] = (password, role)
    return users


class MqwebPort:
    """An extra mqweb port serving the same model as seen on one host: /admin/qmgr shows qmgr as that host's instance
    sees it (runningAsStandby, runningElsewhere) and /mqsc for it fails there unless that instance is active. embedded:
    the mqweb runs inside the queue manager (a container), so the port refuses connections while qmgr is not up there."""

    def __init__(self, model, qmgr, host, embedded, bind, tls_files):
        self.model, self.view, self.embedded, self.bind, self.tls_files = model, (qmgr, host), embedded, bind, tls_files
        self.port, self.httpd, self.thread, self.done = 0, None, None, threading.Event()
        self._open()
        if embedded:
            self.watcher = threading.Thread(target=self._watch, name=f"mqweb-{qmgr}", daemon=True)
            self.watcher.start()

    def _up(self):
        """The instance on this host runs (a Native HA replica's container runs its mqweb too)."""
        return self.model.qmgr_state(self.view[0], self.view[1]) in UP + ("replica", "negotiating")

    def _open(self):
        self.httpd = Server((self.bind, self.port), self.model, self.tls_files, view=self.view)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def _close(self):
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None

    def _watch(self):
        """The lifecycle is lazy, so a thread looks every 20 ms: closed socket (connection refused) while down."""
        while not self.done.wait(0.02):
            up = self._up()
            if up and self.httpd is None:
                self._open()
            elif not up and self.httpd is not None:
                self._close()

    def stop(self):
        self.done.set()
        if self.embedded:
            self.watcher.join(timeout=5)
        self._close()


class EmulatorServer:
    """The emulator in a background thread; also a context manager."""

    def __init__(self, qmgrs=None, users=None, tls=False, timing="zero", host="127.0.0.1", port=0, config=None, seed="system",
                 state_dir=None, hosts=None, principals=None):
        self.host, self.port, self.tls = host, port, tls
        self.users = parse_users(users)
        names, specs = parse_qmgrs(qmgrs or ["QM1"])
        self.model = Model(names, self.users, timing, config, seed, tls, hosts={**specs, **(hosts or {})}, principals=principals)
        self.state_dir = state_dir
        self.ca_path = None
        self.httpd = None
        self.thread = None

    def start(self):
        tls_files = None
        if self.tls:
            from . import tls  # pylint: disable=import-outside-toplevel  # cryptography is only needed with TLS
            self.state_dir = self.state_dir or tempfile.mkdtemp(prefix="mqemu-")
            self.ca_path = tls.generate(self.state_dir, self.host, list(self.model.users))
            tls_files = {"ca": self.ca_path, "cert": os.path.join(self.state_dir, "server.pem"),
                         "key": os.path.join(self.state_dir, "server.key")}
        self.httpd = Server((self.host, self.port), self.model, tls_files)
        self.port = self.httpd.server_address[1]
        self.tls_files, self.mqwebs = tls_files, []
        self.model.mqweb_factory = self._mqweb
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="mqemu", daemon=True)
        self.thread.start()
        return self

    @property
    def _origin(self):
        host = "127.0.0.1" if self.host in ("", "0.0.0.0") else "[::1]" if self.host in ("::", "::1") else self.host
        return f"{'https' if self.tls else 'http'}://{host}:{self.port}"

    @property
    def base_url(self):
        return f"{self._origin}/ibmmq/rest/v2"

    @property
    def control_url(self):
        return f"{self._origin}/mqemu/v1"

    def add_mqweb(self, qmgr, host=None, embedded=False):
        """Another mqweb port (MqwebPort) -> its REST base URL. host: the host it runs on (default: qmgr's host now)."""
        return self._mqweb(qmgr, host, embedded)["base_url"]

    def _mqweb(self, qmgr, host, embedded):
        if qmgr not in self.model.qmgrs:
            raise ControlError(404, f"unknown queue manager {qmgr}")
        port = MqwebPort(self.model, qmgr, host_key(host) if host else self.model.network.host(qmgr), embedded, self.host,
                         self.tls_files)
        self.mqwebs.append(port)
        origin = self._origin.rsplit(":", 1)[0]
        return {"qmgr": qmgr, "host": port.view[1], "embedded": embedded, "port": port.port,
                "base_url": f"{origin}:{port.port}/ibmmq/rest/v2"}

    def stop(self):
        for port in getattr(self, "mqwebs", []):
            port.stop()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.thread.join(timeout=5)
            self.httpd = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m mqemu", description="IBM MQ admin REST API emulator")
    parser.add_argument("--port", type=int, default=9443)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--qmgr", action="append", default=[], help="queue manager name(s), NAME or NAME@HOST (default host "
                        "localhost), NAME@HOST1+HOST2 (a multi-instance pair) or NAME@HOST1+HOST2+HOST3 (a Native HA group); "
                        "repeat or comma-separate")
    parser.add_argument("--user", action="append", default=None, help="NAME:PASSWORD:ROLE (repeatable)")
    parser.add_argument("--principal", action="append", default=None, metavar="NAME[:PASSWORD[:GROUP,...]]",
                        help="an operating-system user the queue managers' security knows (repeatable; group mqm = MQ admin)")
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--timing", choices=sorted(PROFILES), default="fast")
    parser.add_argument("--seed", choices=("system", "dev"), default="system")
    parser.add_argument("--state-dir")
    parser.add_argument("--config", action="append", default=[], metavar="KEY=JSON", help="configurable behaviour, e.g. "
                        "stop_inactive_channel='\"error\"' (value is JSON; bare words are strings)")
    args = parser.parse_args(argv)
    qmgrs = args.qmgr or ["QM1"]
    config = {}
    for item in args.config:
        key, _sep, value = item.partition("=")
        try:
            config[key] = json.loads(value)
        except ValueError:
            config[key] = value
    server = EmulatorServer(qmgrs, args.user, args.tls, args.timing, args.host, args.port, config, args.seed, args.state_dir,
                            principals=args.principal)
    server.start()
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: done.set())
    print(f"mqemu ready {server.base_url}" + (f" ca={server.ca_path}" if server.tls else ""), flush=True)
    while not done.wait(0.2):
        pass
    server.stop()
    return 0
