# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""HTTP front end: the /ibmmq/rest/v1|v2|v3 surface plus the /mqemu/v1 control API (loopback only)."""

import json
import re
import socket
import ssl
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote

from . import commands, directory
from .auth import ROLES, err_forbidden, err_unauthenticated
from .control import ControlError
from .errors import err_bad_request, err_csrf, err_unknown_uri
from .faults import ConnectionDropped, apply_transport_faults

REST = re.compile(r"^/ibmmq/rest/v[123]/(.*)$")
MQSC = re.compile(r"^admin/action/qmgr/([^/]+)/mqsc$")
QMGR = re.compile(r"^admin/qmgr(?:/([^/]+))?$")
INSTALLATION = re.compile(r"^admin/installation(?:/([^/]+))?$")
MESSAGE = re.compile(r"^messaging/qmgr/([^/]+)/queue/([^/]+)/message$")
CSRF_HEADER = "ibm-mq-rest-csrf-token"
GATEWAY_HEADER = "ibm-mq-rest-gateway-qmgr"


class Server(ThreadingHTTPServer):
    """One thread per connection (daemon threads), keep-alive aware; TLS handshakes run in the connection thread."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, address, model, tls_files=None, view=None):
        self.view = view  # (qmgr, host): an extra mqweb port as seen on that host (server.MqwebPort); None: the main one
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)
        self.model = model
        if tls_files:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(tls_files["cert"], tls_files["key"])
            ctx.load_verify_locations(tls_files["ca"])
            ctx.verify_mode = ssl.CERT_OPTIONAL  # a verified client certificate authenticates as its CN (§1.4)
            self.socket = ctx.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)

    def handle_error(self, request, client_address):
        """Resets, handshake failures and dropped connections are normal in fault tests: stay quiet."""


def _is_loopback(address):
    return address.startswith("127.") or address in ("::1", "localhost") or address.startswith("::ffff:127.")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "mqemu/1"
    timeout = 120
    wbufsize = 65536  # headers and body leave in one write (flushed by handle_one_request) ...
    disable_nagle_algorithm = True  # ... with TCP_NODELAY: no 40 ms delayed-ACK stalls on keep-alive connections

    def setup(self):
        super().setup()
        if isinstance(self.request, ssl.SSLSocket):
            self.request.do_handshake()

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Silent: the journal and request counters are the record."""

    # ----- plumbing ----------------------------------------------------------------------------------------
    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def do_PATCH(self):
        self._dispatch("PATCH")

    def do_PUT(self):
        self._dispatch("PUT")

    def _send(self, status, body=None, headers=()):
        data = b"" if body is None else json.dumps(body).encode("utf-8")
        self.send_response(status)
        if body is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    @staticmethod
    def _json(raw):
        """Decoded JSON, or raises ValueError."""
        return json.loads(raw.decode("utf-8")) if raw.strip() else None

    def _dispatch(self, method):
        model = self.server.model
        path, _sep, query = self.path.partition("?")
        raw = self._read_body()
        try:
            if path.startswith("/mqemu/"):
                if not _is_loopback(self.client_address[0]):
                    self._send(*err_unknown_uri())
                    return
                self._control(method, path[len("/mqemu/"):], parse_qs(query), raw)
                return
            m = REST.match(path)
            rest = m.group(1) if m else None
            kind = "other" if rest is None else "mqsc" if MQSC.match(rest) else "login" if rest == "login" else \
                "qmgr" if QMGR.match(rest) else "other"
            model.log.count_request(kind)
            if rest is None:
                self._send(*err_unknown_uri())
                return
            self._rest(method, rest, kind, parse_qs(query), raw)
        except ConnectionDropped:
            self.close_connection = True  # drop_connection fault: no response at all
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    # ----- authentication ----------------------------------------------------------------------------------
    def _cookies(self):
        out = {}
        for part in (self.headers.get("Cookie") or "").split(";"):
            name, sep, value = part.strip().partition("=")
            if sep:
                out[name] = value.strip('"')
        return out

    def _authenticate(self):
        """(user, token, None) or (None, None, (status, body)) (auth.Auth.authenticate)."""
        names = []
        if isinstance(self.request, ssl.SSLSocket):  # a verified client certificate (CERT_OPTIONAL against the CA)
            names = [value for rdn in (self.request.getpeercert() or {}).get("subject", ()) for key, value in rdn
                     if key == "commonName"]
        return self.server.model.auth.authenticate(self.headers.get("Authorization"), self._cookies(), names,
                                                   self.path.partition("?")[0])

    # ----- /ibmmq/rest -------------------------------------------------------------------------------------
    def _rest(self, method, rest, kind, query, raw):
        model = self.server.model
        if kind != "mqsc":
            injected = apply_transport_faults(model.faults.take(None, None, path=kind))
            if injected:
                self._send(*injected)
                return
        if rest == "login" and method == "POST":
            self._login(raw)  # POST /login needs neither credentials nor the CSRF header (IBM-LOGIN-POST)
            return
        mqsc = MQSC.match(rest)
        qmgr = unquote(mqsc.group(1)) if mqsc else None
        gateway = self.headers.get(GATEWAY_HEADER)
        user, token, error = self._authenticate()
        if error is None and method in ("POST", "PATCH", "DELETE") and model.config["csrf_validation"] \
                and self.headers.get(CSRF_HEADER) is None:
            # Any value, even empty, is fine since 9.0.5; only a missing header is refused (DEVW-CSRF).
            error = err_csrf(model.config["csrf_status"], CSRF_HEADER)
        if error is None and model.auth.role_of(user) not in ROLES:
            error = err_forbidden()
        if error is not None:
            if mqsc:  # auth errors come before the queue manager lookup, but are journalled when a qmgr was named
                model.gateway.record_rejected(qmgr, self._safe_json(raw), error[0], error[1], user, gateway)
            self._send(*error)
            return
        if mqsc and method == "POST":
            try:
                body = self._json(raw)
            except ValueError:
                error = err_bad_request("The request body is not valid JSON.")
                model.gateway.record_rejected(qmgr, None, error[0], error[1], user, gateway)
                self._send(*error)
                return
            # view only on an extra mqweb port: tests wrap run_mqsc(qmgr, body, user, gateway) on the main one
            view = {"view": self.server.view} if self.server.view else {}
            self._send(*model.run_mqsc(qmgr, body, user, gateway, **view))
            return
        message = MESSAGE.match(rest)
        if message and method == "POST":
            self._send(*model.resources.put_message(unquote(message.group(1)), unquote(message.group(2)), user, raw))
            return
        self._rest_get(method, rest, query, user, token)

    @classmethod
    def _safe_json(cls, raw):
        try:
            return cls._json(raw)
        except ValueError:
            return None

    def _rest_get(self, method, rest, query, user, token):
        model = self.server.model
        qm_match, inst_match = QMGR.match(rest), INSTALLATION.match(rest)
        if rest == "login" and method == "GET":
            self._send(200, {"user": [{"name": user, "role": [model.auth.role_of(user)]}]})  # whoami ([R] shape)
        elif rest == "login" and method == "DELETE":
            if token:
                model.auth.logout(token)
            self._send(204, None, [("Set-Cookie", f"{model.cookie_name()}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0")])
        elif qm_match and method == "GET":
            name = unquote(qm_match.group(1)) if qm_match.group(1) else None
            self._send(*model.resources.qmgr_resource(name, status="status" in query, state=(query.get("state") or [None])[0],
                                                      view=self.server.view))
        elif inst_match and method == "GET" and inst_match.group(1) in (None, "Installation1"):
            attrs = ",".join(query.get("attributes", []))
            self._send(*model.resources.installation_resource(extended="extended" in attrs or "*" in attrs))
        else:
            self._send(*err_unknown_uri())

    def _login(self, raw):
        model = self.server.model
        try:
            body = self._json(raw)
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("username"), str) or not isinstance(body.get("password"), str):
            self._send(*err_bad_request("POST /login needs {\"username\": string, \"password\": string}."))
            return
        token = model.login(body["username"], body["password"])
        if token is None:  # 401 [V] IBM-LOGIN-POST; which message id is not documented (README "Authentication answers")
            self._send(*err_unauthenticated(self.path.partition("?")[0]))
            return
        secure = "; Secure" if model.tls or not model.config["ltpa_over_http"] else ""
        self._send(204, None, [("Set-Cookie", f"{model.cookie_name()}={token}; Path=/{secure}; HttpOnly; SameSite=Strict")])

    # ----- /mqemu/v1 control API ---------------------------------------------------------------------------
    def _control(self, method, path, query, raw):
        model = self.server.model
        try:
            body = self._json(raw) or {}
            if not isinstance(body, dict):
                raise ValueError("the body must be a JSON object")
            result = self._control_route(model, method, path.strip("/").split("/"), query, body)
        except ControlError as err:
            self._send(err.status, {"error": str(err)})
        except LookupError as err:
            self._send(404, {"error": str(err).strip("'")})
        except (ValueError, TypeError) as err:
            self._send(400, {"error": str(err)})
        else:
            if result is None:
                self._send(*err_unknown_uri())
            else:
                self._send(200, result)

    @staticmethod
    def _control_route(model, method, parts, query, body):  # pylint: disable=too-many-return-statements
        if parts[0] != "v1" or len(parts) < 2:
            return None
        what, rest = parts[1], parts[2:]
        if what == "journal" and not rest:
            if method == "DELETE":
                model.clear_journal()
                return {"commands": []}
            return {"commands": model.journal((query.get("qmgr") or [None])[0])} if method == "GET" else None
        if what == "requests" and not rest:
            if method == "DELETE":
                model.clear_requests()
            return model.requests() if method in ("GET", "DELETE") else None
        if what == "faults" and not rest:
            if method == "POST":
                return model.add_fault(body)
            if method == "DELETE":
                model.clear_faults()
            return {"faults": model.list_faults()} if method in ("GET", "DELETE") else None
        if what == "timing" and not rest:
            return model.set_timing(**body) if method == "POST" else dict(model.timing)
        if what == "config" and not rest:
            return model.set_config(**body) if method == "POST" else model.get_config()
        # The channel network (network.py): hosts, running pairs, a channel's last connection error.
        if what == "network" and not rest and method == "GET":
            return model.network_state()
        if what == "qmgr" and len(rest) == 2 and rest[1] == "host" and method == "POST":
            return {"name": unquote(rest[0]), "host": model.set_host(unquote(rest[0]), body.get("host"))}
        if what == "qmgr" and len(rest) == 2 and rest[1] == "timeline" and method == "GET":
            return commands.timeline(model, unquote(rest[0]), (query.get("host") or [None])[0])
        if what == "qmgr" and len(rest) == 4 and rest[1:4:2] == ["channel", "status"] and method == "GET":
            return model.channel_status(unquote(rest[0]), unquote(rest[2]))
        if what in ("principals", "groups"):  # the hosts' users and groups (directory.py)
            return directory.control(model.directory, method, what, [unquote(p) for p in rest], body)
        if method != "POST" and what != "qmgr":
            return None
        if what == "dspmq" and not rest:  # what bin/dspmq prints (commands.dspmq)
            return commands.dspmq(model, body.get("qmgr"), tuple(body.get("outputs") or ("status",)), bool(body.get("extended")),
                                  bool(body.get("untranslated")), bool(body.get("active_only")), body.get("host"))
        if what == "reset" and not rest:
            model.reset()
            return {"reset": True}
        if what == "ltpa" and rest == ["expire"]:
            model.expire_ltpa()
            return {"expired": True}
        if what == "qmgr":
            return Handler._control_qmgr(model, method, [unquote(p) for p in rest], body)
        return None

    @staticmethod
    def _control_qmgr(model, method, rest, body):  # pylint: disable=too-many-return-statements
        if not rest:
            return {"qmgr": [{"name": n, "state": model.qmgr_state(n)} for n in model.qmgrs]} if method == "GET" else None
        name, action = rest[0], rest[1:]
        if action == ["errors"] and method in ("GET", "DELETE"):  # the error log's refusals (security.py)
            return model.error_log(name) if method == "GET" else model.clear_error_log(name)
        if action[:1] == ["keyrepo"]:  # the queue manager's key repository (keyrepo.py)
            return model.control.key_repository(name, method, action[1:], body)
        if method != "POST":
            return None
        if action == ["stop"]:
            return {"name": name, "state": model.stop_qmgr(name, body.get("mode"))}
        if action == ["start"]:
            duration = body.get("duration", model.timing["qmgr_start"])
            return {"name": name, "state": model.start_qmgr(name, duration)}
        if action == ["restart"]:
            return {"name": name, "state": model.restart_qmgr(name, body.get("down", 0.0), body.get("starting", model.timing["qmgr_start"]),
                                                              body.get("refusals", 0))}
        # The lifecycle (commands.py): what the shims in bin/ run, and the multi-instance pair.
        if action == ["endmqm"]:
            return commands.endmqm(model, name, body.get("mode", "controlled"), bool(body.get("switchover")),
                                   bool(body.get("standby")), body.get("host"))
        if action == ["strmqm"]:
            return commands.strmqm(model, name, bool(body.get("standby")), body.get("host"))
        if action == ["crash"]:
            return {"name": name, "state": commands.crash(model, name, body.get("host"))}
        if action == ["mqweb"] and model.mqweb_factory is not None:
            return model.mqweb_factory(name, body.get("host"), bool(body.get("embedded")))
        if action == ["instances"]:
            return commands.set_instances(model, name, body.get("hosts"))
        if action == ["qmstatus"]:
            return model.set_qmstatus(name, **body)
        if len(action) == 3 and action[0] == "queue" and action[2] in ("messages", "get", "open"):
            kw = {"open": ("ipprocs", "opprocs")}.get(action[2], ("count", "user"))
            return model.queue_control(name, action[1], {"messages": "put"}.get(action[2], action[2]), **{k: body.get(k) for k in kw})
        if len(action) == 3 and action[0] == "channel" and action[2] == "connect":
            unknown = set(body) - {"user", "password", "address", "host", "sslpeer", "sslcerti"}
            if unknown:
                raise ValueError(f"unknown keys {sorted(unknown)}")
            return model.connect_client(name, action[1], **body)
        if len(action) == 3 and action[0] == "channel" and action[2] == "clients":
            return {"channel": action[1], "count": model.attach_clients(name, action[1], body.get("count"))}
        return None
