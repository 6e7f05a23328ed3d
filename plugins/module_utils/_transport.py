# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""HTTP transport to the mqweb server: one pooled session, auth, CSRF, TLS, timeouts, retries.

Every call has a timeout. Only reads (DISPLAY, GET) are retried: a mutating MQSC command
that may have reached the queue manager is never sent twice blindly. Retries back off exponentially
with jitter, so many forks that lost the same mqweb server do not come back to it in lockstep.

The session keeps requests' default trust_env: HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY are
honoured as requests documents them.
"""

from __future__ import annotations

import json
import random
import re
import time
import traceback

try:
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.exceptions import NewConnectionError
except ImportError:  # pragma: no cover - checked by the module wrapper
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
    HTTPAdapter = object
else:
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None

from ._errors import RETRYABLE_STATUS, MQAuthError, MQHTTPError, MQInputError, MQTransportError
from ._mqsc import parse_response

__all__ = ["RestTransport", "HAS_REQUESTS", "REQUESTS_IMPORT_ERROR", "backoff_delays", "parse_rest_url", "quote_path_segment"]

BACKOFF_FIRST = 0.25
BACKOFF_CAP = 4.0

# An optional path prefix (an API gateway or reverse proxy route such as /mq-prod) may come before /ibmmq/rest/vN;
# its segments hold no query, fragment, credentials, blanks or dot segments.
_REST_URL = re.compile(r"^(https?)://([^/@?#\s]+)((?:/(?!\.\.?(?:/|$))[^/@?#\s]+)*?/ibmmq/rest/v[123])/?$")
# The CSRF header must be present on POST/PATCH/DELETE since MQ 9.0.5; its value is ignored.
CSRF_HEADER = "ibm-mq-rest-csrf-token"
GATEWAY_HEADER = "ibm-mq-rest-gateway-qmgr"
LTPA_COOKIE_PREFIX = "LtpaToken2"


def backoff_delays(first=BACKOFF_FIRST, cap=BACKOFF_CAP, rand=random.random):
    """Seconds to sleep before each retry: exponential (first, 2*first, ... up to cap) with "equal jitter".

    Each delay is between half and all of its exponential step, drawn at random, so the delays still grow
    (the next one is never shorter than half the step) but processes that failed at the same moment spread
    out. ansible.module_utils.api.generate_jittered_backoff draws whole seconds, too coarse for 0.25 s steps.
    """
    step = first
    while True:
        yield step / 2 + rand() * step / 2
        step = min(step * 2, cap)


def parse_rest_url(rest_url):
    """Validate ``rest_url`` (optionally with a path prefix before /ibmmq/rest/vN); return it without a trailing slash."""
    match = _REST_URL.fullmatch(rest_url or "")
    if not match:
        if "@" in (rest_url or ""):
            # Do not echo the value: it may hold a password.
            raise MQInputError("rest_url must not contain credentials; use username and password (or a client certificate)")
        raise MQInputError(
            "rest_url {0!r} is not an IBM MQ REST base URL: expected https://HOST:PORT/ibmmq/rest/v1, v2 or v3"
            " (optionally with a path prefix before /ibmmq, such as https://gateway/mq-prod/ibmmq/rest/v2)".format(rest_url)
        )
    return "{0}://{1}{2}".format(*match.groups())


def quote_path_segment(value):
    """Quote a queue manager name for a URL path as IBM documents: '/' -> %2F, '%' -> %25, '.' -> %2E."""
    return value.replace("%", "%25").replace("/", "%2F").replace(".", "%2E")


class _KeyPasswordAdapter(HTTPAdapter):
    """Passes the client key's passphrase to urllib3, which requests cannot do by itself."""

    def __init__(self, key_password):
        self._key_password = key_password
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["key_password"] = self._key_password
        super().init_poolmanager(*args, **kwargs)


class RestTransport:
    """Talks to one mqweb server for one queue manager."""

    def __init__(self, rest_url, qmgr, username=None, password=None, auth_method=None, client_cert=None, client_key=None,
                 ca_path=None, validate_certs=True, gateway_qmgr=None, request_timeout=30, retries=3, sleep=time.sleep,
                 client_key_passphrase=None, rand=random.random):
        self.base_url = parse_rest_url(rest_url)
        self.qmgr = qmgr
        self.username = username
        self._password = password
        self.auth_method = auth_method
        self.request_timeout = request_timeout
        self.retries = retries
        self._sleep = sleep
        self._rand = rand
        self._ltpa_cookie = None
        self.request_count = 0
        self.answered = False  # the mqweb server answered at least once in this run (a later failure is an outage)
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json", CSRF_HEADER: "mqrest.admin"})
        if gateway_qmgr:
            self.session.headers[GATEWAY_HEADER] = gateway_qmgr
        self.session.verify = ca_path if (ca_path and validate_certs) else bool(validate_certs)
        if client_cert:
            self.session.cert = (client_cert, client_key) if client_key else client_cert
            if client_key_passphrase:
                self.session.mount("https://", _KeyPasswordAdapter(client_key_passphrase))
        if auth_method == "basic":
            self.session.auth = (username, password)

    @property
    def mqsc_url(self):
        return "{0}/admin/action/qmgr/{1}/mqsc".format(self.base_url, quote_path_segment(self.qmgr))

    def close(self):
        if self._ltpa_cookie:
            # Best effort: a leftover token expires on its own (ltpaExpiration, 120 min by default).
            try:
                self._send("DELETE", self.base_url + "/login", None, retry=False)
            except (MQHTTPError, MQTransportError):
                pass
        self.session.close()

    def run_mqsc(self, command, retry=None):
        """Send one MQSC command; return the DISPLAY rows. Reads are retried (unless retry=False), mutations never."""
        retry = not command.mutating and retry is not False
        body = self._request("POST", self.mqsc_url, command.payload(), retry=retry, what=command.text())
        return parse_response(command, body)

    def get_json(self, path, retry=True):
        """GET a REST resource; ``retry=False`` for callers that poll anyway (a wait must see an outage, not sit it out)."""
        return self._request("GET", self.base_url + path, None, retry=retry, what="GET " + path)

    def _login(self):
        response = self._send("POST", self.base_url + "/login", {"username": self.username, "password": self._password}, retry=False)
        if response.status_code != 204:
            raise self._http_error(response, "LTPA login")
        # Accept any LtpaToken2* name: outside the MQ Appliance the suffix changes when mqweb restarts.
        for cookie in response.cookies:
            if cookie.name.startswith(LTPA_COOKIE_PREFIX):
                self._ltpa_cookie = "{0}={1}".format(cookie.name, cookie.value)
                break
        else:
            raise MQAuthError("LTPA login to {0} returned no {1}* cookie".format(self.base_url, LTPA_COOKIE_PREFIX), 204)
        # Sent explicitly: the cookie is marked Secure and a cookie jar would drop it on http:// URLs.
        self.session.headers["Cookie"] = self._ltpa_cookie

    def _request(self, method, url, payload, retry, what):
        if self.auth_method == "ltpa" and self._ltpa_cookie is None:
            self._login()
        response = self._send(method, url, payload, retry=retry, what=what)
        if response.status_code == 401 and self.auth_method == "ltpa" and _msg_id(response) == "MQWB0112E":
            # The token expired or mqweb restarted: log in again, once. The request was rejected
            # before it reached the queue manager, so sending it again is safe even for a mutation.
            self._ltpa_cookie = None
            self._login()
            response = self._send(method, url, payload, retry=retry, what=what)
        if response.status_code >= 300:
            raise self._http_error(response, what)
        try:
            return response.json()
        except ValueError:
            raise MQHTTPError("{0}: the REST API answered HTTP {1} with a body that is not JSON".format(what, response.status_code),
                              response.status_code)

    def _send(self, method, url, payload, retry, what=None):
        attempts = 1 + (self.retries if retry else 0)
        delays = backoff_delays(rand=self._rand)
        for attempt in range(1, attempts + 1):
            self.request_count += 1
            try:
                response = self.session.request(
                    method, url, data=None if payload is None else json.dumps(payload),
                    headers={"Content-Type": "application/json"} if payload is not None else None,
                    timeout=self.request_timeout,
                    # Per request: requests lets REQUESTS_CA_BUNDLE/CURL_CA_BUNDLE override session.verify (ca_path).
                    verify=self.session.verify,
                )
            except requests.exceptions.SSLError as exc:
                raise MQTransportError(_tls_hint(url, exc), reached=False, url=url)
            # A response cut off mid-body (chunked encoding, decoding) is a lost answer like a dropped connection.
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError) as exc:
                if attempt < attempts:
                    self._sleep(next(delays))
                    continue
                detail = self._connection_hint(url, exc, attempt)
                raise MQTransportError("{0}: {1}".format(what or url, detail), detail=detail, reached=_reached(exc),
                                       timed_out=isinstance(exc, requests.exceptions.ReadTimeout), url=url, attempts=attempt)
            self.answered = True
            if response.status_code in RETRYABLE_STATUS and attempt < attempts:
                self._sleep(next(delays))
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _connection_hint(self, url, exc, attempts):
        if self.answered:
            # The URL was right a moment ago: the server went away (restarting, or the network), not the configuration.
            hint = "the mqweb server answered earlier in this task and has stopped answering (restarting, or the network)"
        else:
            hint = "check that rest_url points at a running mqweb server (host, port)"
            if url.startswith("http://"):
                hint += "; mqweb serves HTTPS only by default, so try https://"
        kind = "timed out after {0}s".format(self.request_timeout) if isinstance(exc, requests.exceptions.Timeout) else "connection failed"
        return "{0} talking to {1} after {2} attempt(s): {3}; {4}".format(kind, url, attempts, _reason(exc), hint)

    def _http_error(self, response, what):
        status = response.status_code
        error = _first_error(response)
        msg_id = error.get("msgId") or error.get("messageId")
        text = error.get("message") or response.reason or ""
        if msg_id and text.startswith(msg_id):
            # mqweb's message text starts with its own id ("MQWB0009E: Could not query ..."): say the id once.
            text = text[len(msg_id):].lstrip(": ")
        hints = {
            401: "check username and password (or the client certificate); user names are case-sensitive",
            403: "the user needs the MQWebAdmin role for commands that change objects (MQWebAdminRO can only DISPLAY)",
            503: "queue manager {0!r} is not running or not available (it may be starting or ending)".format(self.qmgr),
        }
        if msg_id == "MQWB0009E" and status == 404:  # the same id comes with 503 when the queue manager is down
            hint = "queue manager {0!r} is not known to this mqweb server; check qmgr (names are case-sensitive)".format(self.qmgr)
        elif msg_id == "MQWB0116E":
            hint = "the URL is not an MQ REST resource; check rest_url ({0})".format(self.base_url)
        elif msg_id == "MQWB0100E":
            hint = "the CSRF header was rejected"
        else:
            hint = hints.get(status, "")
        detail = "HTTP {0}{1}{2}{3}".format(status, " " + msg_id if msg_id else "", ": " + text if text else "", " (" + hint + ")" if hint else "")
        cls = MQAuthError if status in (401, 403) else MQHTTPError
        return cls("{0}: {1}".format(what, detail), status, msg_id=msg_id, detail=detail, mq_reason_code=error.get("reasonCode") or None,
                   url=response.url)


def _first_error(response):
    try:
        errors = response.json().get("error") or [{}]
        return errors[0] if isinstance(errors[0], dict) else {}
    except (ValueError, AttributeError, IndexError):
        return {}


def _msg_id(response):
    error = _first_error(response)
    return error.get("msgId") or error.get("messageId")


def _reached(exc):
    """False when the connection itself failed, so the server never saw the request."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return False
    cause = exc.args[0] if exc.args else None
    return not isinstance(getattr(cause, "reason", cause), NewConnectionError)


def _tls_hint(url, exc):
    reason = _reason(exc)
    if reason == "WRONG_VERSION_NUMBER":
        hint = "the server did not answer with TLS: check the scheme and port of rest_url (mqweb's HTTP port needs http://)"
    elif reason == "CERTIFICATE_VERIFY_FAILED":
        hint = ("the server certificate does not verify: set ca_path to the PEM file of the CA that signed it "
                "(validate_certs: false only for throw-away test systems)")
    else:
        hint = ("check ca_path (the CA of the server certificate), and client_cert, client_key and client_key_passphrase "
                "when authenticating with a certificate")
    return "TLS error talking to {0}: {1}; {2}".format(url, reason, hint)


def _reason(exc):
    # requests nests the useful part (refused, reset, certificate verify failed) deep in its message.
    text = str(exc)
    for marker in ("CERTIFICATE_VERIFY_FAILED", "WRONG_VERSION_NUMBER", "Connection refused", "Connection reset", "Read timed out",
                   "Name or service not known", "RemoteDisconnected"):
        if marker in text:
            return marker
    return text[:300]
