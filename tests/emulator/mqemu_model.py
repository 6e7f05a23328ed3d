# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The emulator model: queue managers, users, LTPA tokens, journal, faults, timing and configurable behaviours.

Everything the HTTP layer and the control API do goes through here, so in-process tests see the same MQ semantics.
"""

import base64
import contextlib
import copy
import secrets
import threading
import time

import mqemu_objects as O
from mqemu_display import envelope, failure
from mqemu_lifecycle import ENDED
from mqemu_network import Network
from mqemu_parse import BadRequest, MqscError, parse_body
from mqemu_qmgr import QmgrSettings, QueueManager

ROLES = ("MQWebAdmin", "MQWebAdminRO", "MQWebUser")
DEFAULT_USERS = {"admin": ("passw0rd", "MQWebAdmin"), "reader": ("passw0rd", "MQWebAdminRO")}
TIMING_KEYS = ("channel_start", "channel_stop", "listener_start", "listener_stop", "service_start", "service_stop", "qmgr_start",
               "channel_retry_scale", "channel_discint_scale", "client_reconnect_delay", "client_reconnect_spread",
               "qmgr_end", "client_disconnect", "cmdserv_start", "chinit_start", "log_replay_mib_per_s")
# Seconds per phase; the reference only says "short configurable delays of about 0.1-2 s" (§5.3 [I]). The *_scale keys
# multiply MQ seconds: SHORTTMR/LONGTMR retries are fast in tests (60 s takes 0.06 s in zero), while DISCINT(6000) keeps its
# real 100 minutes everywhere, so an idle sender does not go INACTIVE between two runs of a playbook (tests set DISCINT low).
NETWORK_TIMING = {"zero": (0.001, 1.0, 0.0, 0.0), "fast": (0.005, 1.0, 0.2, 0.5), "realistic": (0.05, 1.0, 1.0, 5.0)}
PROFILES = {
    "zero": dict.fromkeys(TIMING_KEYS[:7], 0.0),
    "fast": {"channel_start": 0.3, "channel_stop": 0.15, "listener_start": 0.2, "listener_stop": 0.1, "service_start": 0.2,
             "service_stop": 0.1, "qmgr_start": 0.3},
    "realistic": {"channel_start": 1.5, "channel_stop": 1.0, "listener_start": 1.0, "listener_stop": 1.0, "service_start": 1.0,
                  "service_stop": 1.0, "qmgr_start": 2.0},
}
# The queue-manager lifecycle (mqemu_lifecycle): seconds an immediate end takes, seconds the clients take to disconnect in a
# controlled end, the command server and channel initiator after 'running', and the log replay rate in MiB/s (0: instant).
# Real restarts take "a few seconds to a minute" (seed 001); these keep tests fast while keeping the order of the milestones.
LIFECYCLE_TIMING = {"zero": (0.0, 0.0, 0.0, 0.0, 0.0), "fast": (0.1, 0.2, 0.1, 0.1, 200.0),
                    "realistic": (1.0, 2.0, 1.0, 1.0, 100.0)}
for _profile, _values in NETWORK_TIMING.items():
    PROFILES[_profile].update(zip(TIMING_KEYS[7:11], _values))
    PROFILES[_profile].update(zip(TIMING_KEYS[11:], LIFECYCLE_TIMING[_profile]))
# Configurable (uncertain) behaviours: name -> (default, allowed values or a type). See README "Configurable behaviours".
CONFIG = {
    "response_parameters_noop": (True, bool),
    "stop_inactive_channel": ("error", ("error", "stopped_record")),
    "delete_channel_default_table": ("qmgrtbl", ("qmgrtbl", "either")),
    "cmdserv_down_mode": ("element", ("element", "http500")),
    "invalid_attribute_mode": ("element", ("element", "http400")),
    "listener_port_conflict": ("vanish", ("vanish", "starting", "ignore")),
    "service_command_check": ("exists", ("exists", "always")),
    "display_default": ("minimal", ("minimal", "all")),
    "replace_mode": ("alter", ("alter", "defaults")),
    "alter_listener_requires_trptype": (True, bool),
    "webuser_mutations": ("2035", ("2035", "allow", "403")),
    "ltpa_cookie_name": (None, str),
    "ltpa_expiration": (7200, (int, float)),
    "ltpa_over_http": (True, bool),
    "csrf_validation": (True, bool),
    "csrf_status": (403, int),
    "qmgr_down_status": (503, int),
    "gateway_require_route": (False, bool),
    "strict_body_keys": (True, bool),
    "xmitq_error": ("stopped", ("stopped", "retrying")),
    "listener_stop_breaks_channels": (False, bool),
    "clients_after_channel_stop": ("reconnect", ("reconnect", "forget")),
}
FAULT_KINDS = ("http_error", "latency", "drop_connection", "cmdserv_down", "stuck", "strmqm_fails", "never_disconnect")
# Faults that act on the queue manager's lifecycle (mqemu_commands), not on REST requests.
LIFECYCLE_FAULTS = ("stuck", "strmqm_fails", "never_disconnect")
FAULT_KEYS = {"qmgr", "kind", "count", "command", "qualifier", "name", "status", "seconds", "body", "scope", "after", "exit"}


class ConnectionDropped(Exception):
    """A drop_connection fault: the HTTP layer closes the socket without answering."""


class ControlError(Exception):
    """A control-API request that cannot be honoured (HTTP status and text)."""

    def __init__(self, status, text):
        super().__init__(text)
        self.status = status


def mqwb(msgid, message, explanation, action, cc=0, rc=0, kind="rest"):
    """HTTP error body: real servers emit msgId (not the documented messageId) (§3.3 [S] CP4I-12, MQC-450)."""
    return {"error": [{"msgId": msgid, "type": kind, "message": f"{msgid}: {message}", "explanation": explanation,
                       "action": action, "completionCode": cc, "reasonCode": rc}]}


def err_unauthenticated():
    return 401, mqwb("MQWB0104E", "The REST API request is not authenticated.",
                     "The REST API request requires an authenticated user, and no valid credentials were supplied.",
                     "Supply valid credentials with HTTP basic authentication, an LTPA token or a client certificate.")


def err_token(cookie):
    return 401, mqwb("MQWB0112E", f"The '{cookie}' authentication token cookie failed verification.",
                     "The REST API request cannot be completed because the authentication token failed verification.",
                     "Login to the REST API to obtain a valid authentication cookie.")


def err_forbidden(what="."):
    return 403, mqwb("MQWB0103E", f"Not authorized{what}", "The authenticated user does not have the role this request needs.",
                     "Grant the user a suitable role (MQWebAdmin, MQWebAdminRO or MQWebUser).")


def err_unknown_qmgr(name, rc=2058):
    return 404, mqwb("MQWB0009E", f"Could not query the queue manager '{name}'.",
                     "The REST API was invoked specifying a queue manager name which cannot be located.",
                     "Resubmit the request with a valid queue manager name.", 2, rc)


def err_unknown_uri():
    return 404, mqwb("MQWB0116E", "The URI cannot be invoked as it does not correspond to an existing REST interface.",
                     "The URI does not match any REST resource.", "Correct the URI and resubmit the request.")


def err_bad_request(text):
    # The real msgId for invalid JSON is not known (§3.3 table, [I]); clients should key on the 400 status.
    return 400, mqwb("MQWB0007E", f"The request body is not valid: {text}", "The JSON in the request body is malformed or has "
                     "attributes of the wrong type.", "Correct the request body and resubmit the request.")


def err_http(status):
    """Body for an injected http_error fault."""
    return {401: err_unauthenticated, 403: err_forbidden, 404: err_unknown_uri}.get(status, lambda: (status, mqwb(
        "MQWB0004E", "An internal error occurred while communicating with the queue manager. The root MQ reason code was "
        "2059 : MQRC_Q_MGR_NOT_AVAILABLE.", "The REST API could not complete the request.", "Retry the request later.",
        2, 2059, "pcf")))()[1]


class Model:
    """State of one emulator process. Lock order: a queue manager's lock (the network's lock, shared by all queue managers),
    then self.lock (never the other way)."""

    def __init__(self, qmgrs=("QM1",), users=None, timing="fast", config=None, seed="system", tls=False, hosts=None):
        self.lock = threading.Lock()
        self.qmgrs = {}
        self.network = Network(self, hosts)
        self.tls = tls
        self.seed = seed
        self.qmgr_names = list(dict.fromkeys(qmgrs)) or ["QM1"]
        self.users = dict(DEFAULT_USERS if not users else users)
        for user, (_password, role) in self.users.items():
            if role not in ROLES and role:
                raise ValueError(f"unknown role {role!r} for user {user!r} (one of {', '.join(ROLES)})")
        self.mqweb_factory = None  # set by EmulatorServer: (qmgr, host, embedded) -> extra mqweb port (control API /mqweb)
        self.initial_timing = timing
        self.initial_config = dict(config or {})
        self.cookie_default = "LtpaToken2_" + "".join(secrets.choice("0123456789") for _digit in range(19))
        self.tokens = {}
        self._reset_state()

    def _reset_state(self):
        self.timing = {}
        if isinstance(self.initial_timing, str):
            self._set_timing(self.initial_timing)
        else:
            self._set_timing(**self.initial_timing)
        self.config = {k: v[0] for k, v in CONFIG.items()}
        self._set_config(**self.initial_config)
        self.journal_entries, self.faults, self.fault_seq = [], [], 0
        self.request_counts = dict.fromkeys(("mqsc", "login", "qmgr", "other"), 0)
        self.network.reset()
        self.qmgrs = {}
        for name in self.qmgr_names:  # one by one: a listener's port is checked against those already on the host
            self.qmgrs[name] = QueueManager(name, self._qmgr_settings(name), self.seed, self.network.lock)

    def _qmgr_settings(self, qmgr):
        """What queue manager qmgr may read from this model: the timings, its part of the config and the faults aimed at it."""
        def config(key):
            if key not in QmgrSettings.CONFIG_KEYS:
                raise KeyError(f"{key} is not a queue manager setting")
            return self.config[key]

        return QmgrSettings(seconds=lambda key: float(self.timing[key]), config=config,
                            stuck=lambda kind, name: self.is_stuck(qmgr, kind, name), cmdserv_down=lambda: self.cmdserv_down(qmgr),
                            listeners_on_host=lambda: self.network.listeners_on_host(qmgr))

    @contextlib.contextmanager
    def changing(self, settle=True):
        """Every call that may change the network's conditions: advance the network to now, change, settle (mqemu_network).
        Takes the network's lock, which is every queue manager's lock."""
        with self.network.lock:
            now = time.monotonic()
            self.network.advance(now)
            yield now
            if settle:  # at the same now: the change happened then (a real clock moved a little meanwhile)
                self.network.settle(now)

    # ----- configuration -----------------------------------------------------------------------------------
    def set_timing(self, profile=None, **seconds):
        with self.changing():  # retry and DISCINT scales shape the senders' plans
            return self._set_timing(profile, **seconds)

    def _set_timing(self, profile=None, **seconds):
        if profile is not None:
            if profile not in PROFILES:
                raise ValueError(f"unknown timing profile {profile!r} (zero|fast|realistic)")
            self.timing = dict(PROFILES[profile])
        for key, value in seconds.items():
            if key not in TIMING_KEYS or isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"bad timing {key}={value!r}; keys: {', '.join(TIMING_KEYS)}")
            self.timing[key] = float(value)
        return dict(self.timing)

    def set_config(self, **values):
        with self.changing():
            return self._set_config(**values)

    def _set_config(self, **values):
        for key, value in values.items():
            if key not in CONFIG:
                raise ValueError(f"unknown config key {key!r}")
            allowed = CONFIG[key][1]
            ok = value in allowed if isinstance(allowed, tuple) and isinstance(allowed[0], str) else \
                isinstance(value, allowed) and not (isinstance(value, bool) and allowed is not bool)
            if not ok and not (key == "ltpa_cookie_name" and value is None):
                raise ValueError(f"bad value {value!r} for config {key}")
            self.config[key] = value
        return self.get_config()

    def get_config(self):
        return dict(self.config, ltpa_cookie_name=self.cookie_name())

    def cookie_name(self):
        return self.config["ltpa_cookie_name"] or self.cookie_default

    def reset(self):
        """Back to the seeded start state: journal, faults, counters, timing and config too (tokens stay valid)."""
        with self.network.lock, self.lock:
            self._reset_state()

    # ----- users and LTPA ----------------------------------------------------------------------------------
    def role_of(self, user):
        entry = self.users.get(user)
        return entry[1] if entry else None

    def check_basic(self, header):
        """Authorization: Basic ... -> user name or None. User names are case-sensitive (IBM-BASIC)."""
        try:
            user, _sep, password = base64.b64decode(header.split(" ", 1)[1].strip(), validate=True).decode().partition(":")
        except (IndexError, ValueError):
            return None
        entry = self.users.get(user)
        return user if entry and secrets.compare_digest(entry[0], password) else None

    def login(self, user, password):
        entry = self.users.get(user)
        if not entry or not secrets.compare_digest(entry[0], password):
            return None
        token = secrets.token_urlsafe(32)
        with self.lock:
            self.tokens[token] = (user, time.monotonic() + float(self.config["ltpa_expiration"]))
        return token

    def token_user(self, token):
        with self.lock:
            user, expires = self.tokens.get(token, (None, 0.0))
        return user if time.monotonic() < expires else None

    def logout(self, token):
        with self.lock:
            self.tokens.pop(token, None)

    def expire_ltpa(self):
        with self.lock:
            self.tokens.clear()

    # ----- journal, counters, faults -----------------------------------------------------------------------
    def journal(self, qmgr=None):
        with self.lock:
            return [dict(e) for e in self.journal_entries if qmgr is None or e["qmgr"] == qmgr]

    def clear_journal(self):
        with self.lock:
            self.journal_entries.clear()

    def count_request(self, kind):
        with self.lock:
            self.request_counts[kind] += 1

    def requests(self):
        with self.lock:
            return dict(self.request_counts, total=sum(self.request_counts.values()))

    def clear_requests(self):
        with self.lock:
            self.request_counts = dict.fromkeys(self.request_counts, 0)

    def add_fault(self, fault):
        if not isinstance(fault, dict):
            raise ValueError("a fault is a JSON object")
        fault = dict(fault)
        if fault.get("kind") not in FAULT_KINDS or set(fault) - FAULT_KEYS:
            raise ValueError(f"a fault needs kind in {FAULT_KINDS} and only the keys {sorted(FAULT_KEYS)}")
        count = fault.get("count")
        if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
            raise ValueError("count must be a positive integer")
        if fault["kind"] == "http_error" and not (isinstance(fault.get("status"), int) and 400 <= fault["status"] <= 599):
            raise ValueError("http_error needs status 400-599")
        if fault["kind"] == "latency" and not (isinstance(fault.get("seconds"), (int, float)) and fault["seconds"] >= 0):
            raise ValueError("latency needs seconds >= 0")
        if fault["kind"] == "stuck" and (str(fault.get("qualifier", "")).upper() not in ("CHANNEL", "LISTENER", "SERVICE")
                                         or not isinstance(fault.get("name"), str)):
            raise ValueError("stuck needs qualifier CHANNEL|LISTENER|SERVICE and a name")
        if "exit" in fault and (fault["kind"] != "strmqm_fails" or isinstance(fault["exit"], bool)
                                or not isinstance(fault["exit"], int) or not 1 <= fault["exit"] <= 255):
            raise ValueError("exit (1-255) is an option of strmqm_fails only")
        if "after" in fault and (fault["kind"] != "drop_connection" or not isinstance(fault["after"], bool)):
            raise ValueError("after (true or false) is an option of drop_connection only")
        if fault.get("scope", "mqsc") not in ("mqsc", "all"):
            raise ValueError("scope is mqsc or all")
        for key in ("command", "qualifier"):
            if fault.get(key) is not None:
                fault[key] = str(fault[key]).upper()
        with self.changing(), self.lock:  # a 'stuck' fault holds transitions that begin while it exists
            self.fault_seq += 1
            fault["id"] = self.fault_seq
            self.faults = self.faults + [fault]  # copy-on-write: readers use the list without the lock
        return dict(fault)

    def list_faults(self):
        return copy.deepcopy(self.faults)

    def clear_faults(self):
        with self.changing() as now:
            with self.lock:
                self.faults = []
            for qm in self.qmgrs.values():  # an application that would not disconnect goes; a held command server starts
                self.release_lifecycle(qm, now)

    def release_lifecycle(self, qm, now):
        """A lifecycle fault went away (mqemu_commands.release)."""
        import mqemu_commands  # pylint: disable=import-outside-toplevel  # mqemu_commands imports this module's names
        mqemu_commands.release(self, qm, now)

    def take_faults(self, qmgr, cmd, path="mqsc"):
        """Faults matching this request, consuming one use of each counted fault ('stuck' is never consumed)."""
        hits = []
        with self.lock:
            keep = []
            for f in self.faults:
                match = f["kind"] not in LIFECYCLE_FAULTS and f.get("qmgr") in (None, qmgr) and (path == "mqsc" or f.get("scope") == "all") \
                    and (not f.get("command") or (cmd is not None and cmd.verb == f["command"])) \
                    and (not f.get("qualifier") or (cmd is not None and cmd.qualifier == f["qualifier"]))
                if match:
                    hits.append(f)
                    if f.get("count") is not None:
                        f = dict(f, count=f["count"] - 1)
                        if f["count"] == 0:
                            continue
                keep.append(f)
            self.faults = keep
        return hits

    def is_stuck(self, qmgr, kind, name):
        return any(f["kind"] == "stuck" and f.get("qmgr") in (None, qmgr) and f["qualifier"].upper() == kind
                   and O.generic_match(f["name"], name) for f in self.faults)

    def cmdserv_down(self, qmgr):
        return self.has_fault(qmgr, "cmdserv_down")

    def has_fault(self, qmgr, kind):
        return any(f["kind"] == kind and f.get("qmgr") in (None, qmgr) for f in self.faults)

    @staticmethod
    def apply_transport_faults(hits):
        """latency sleeps (outside every lock), drop_connection raises, http_error returns (status, body).
        A drop_connection with after: true is not here: run_mqsc drops the connection once the command has run."""
        for f in hits:
            if f["kind"] == "latency":
                time.sleep(float(f["seconds"]))
        for f in hits:
            if f["kind"] == "drop_connection" and not f.get("after"):
                raise ConnectionDropped()
        for f in hits:
            if f["kind"] == "http_error":
                return f["status"], f.get("body") or err_http(f["status"])
        return None

    # ----- queue manager control ---------------------------------------------------------------------------
    def _qm(self, name):
        qm = self.qmgrs.get(name)
        if qm is None:
            raise ControlError(404, f"unknown queue manager {name}")
        return qm

    def qmgr_state(self, name, host=None):
        """The /admin/qmgr state; with host, as that host's instance sees it (mqemu_lifecycle.Lifecycle.state_on)."""
        qm = self._qm(name)
        with qm.lock:
            return qm.life.state_on(host, time.monotonic())

    def stop_qmgr(self, name, mode=None):
        qm = self._qm(name)
        with self.changing():
            if qm.state(time.monotonic()) not in ENDED or qm.life.plan[-1][0] > time.monotonic():
                qm.stop(immediate=mode == "immediate")
            return qm.state(time.monotonic())

    def start_qmgr(self, name, duration=0.0):
        qm = self._qm(name)
        with self.changing():
            now = time.monotonic()
            if qm.state(now) != "running":
                qm.start(now, now + max(0.0, float(duration)))
            return qm.state(now)

    def restart_qmgr(self, name, down=0.0, starting=0.0):
        qm = self._qm(name)
        with self.changing():
            now = time.monotonic()
            qm.stop()
            qm.start(now + float(down), now + float(down) + float(starting))
            return qm.state(now)

    def set_host(self, qmgr, host):
        """The host name of a queue manager (default localhost); CONNAMEs reach its listeners there (mqemu_network)."""
        self._qm(qmgr)
        if not isinstance(host, str) or not host.strip() or any(c in host for c in "(), "):
            raise ValueError("host must be a host name or address without '(', ')', ',' or blanks")
        with self.changing():
            return self.network.set_host(qmgr, host)

    def network_state(self):
        """Hosts and the running sender/receiver pairs (control API GET /network)."""
        with self.changing(settle=False):
            return {"hosts": {name: self.network.host(name) for name in self.qmgrs},
                    "pairs": [{"qmgr": s, "channel": c, "partner": p} for (s, c), (p, _s, _r) in sorted(self.network.links.items())]}

    def channel_status(self, qmgr, channel):
        """The status records of one channel with what the emulator knows beyond DISPLAY CHSTATUS: the last connection error
        (AMQ message and MQRCCF reason, as the channel's error log would say) and the retries left."""
        qm = self._qm(qmgr)
        with self.changing(settle=False):
            now = time.monotonic()
            out = []
            for rec in qm.status.live_channel(channel, now):
                sched = rec.info.get("sched")
                left = sched.remaining(now) if sched is not None else rec.info.get("counts")
                out.append({"status": qm.status.view("CHANNEL", channel, rec, now), "rqmname": rec.info.get("rqmname", ""),
                            "conname": rec.info.get("conname", ""), "error": rec.info.get("error"),
                            "retries_left": None if left is None else {"short": left[0], "long": left[1]}})
            return {"qmgr": qmgr, "channel": channel, "instances": out}

    def set_qmstatus(self, name, **values):
        qm = self._qm(name)
        with qm.lock:
            for key, value in values.items():
                if key.upper() in ("QMNAME", "STATUS", "CHINIT", "CMDSERV"):
                    raise ValueError(f"{key} is computed by the emulator (use stop/start or the cmdserv_down fault)")
                qm.qmstatus[key.upper()] = value
            return {k.lower(): v for k, v in qm.qmstatus.items()}

    def attach_clients(self, qmgr, channel, count):
        qm = self._qm(qmgr)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError("count must be an integer >= 0")
        with self.changing():
            try:
                qm.attach_clients(channel, count)
            except LookupError as err:
                raise ControlError(404, str(err)) from err
            except ValueError as err:
                raise ControlError(409, str(err)) from err
        return count

    def queue_control(self, qmgr, queue, action, **kw):
        """Control API on one queue: action 'put' (count), 'get' (count or None = all) or 'open' (ipprocs, opprocs).
        MQ refusals (an MQRC of the application's MQOPEN/MQPUT) are 409 naming the reason."""
        qm = self._qm(qmgr)
        for key, value in kw.items():
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ValueError(f"{key} must be an integer >= 0")
        with self.changing() as now:
            try:
                if action == "put":
                    if kw.get("count") is None:
                        raise ValueError("count (messages to put) is required")
                    target, depth = qm.put_messages(queue, kw["count"])
                    self.network.message_arrived(qm, target, now)  # wakes an inactive sender of that XMITQ
                    return {"queue": queue, "target": target, "curdepth": depth}
                if action == "get":
                    target, got, depth = qm.get_messages(queue, kw.get("count"))
                    return {"queue": queue, "target": target, "got": got, "curdepth": depth}
                return dict(qm.open_queue(queue, kw.get("ipprocs"), kw.get("opprocs")), queue=queue)
            except MqscError as err:
                status = 404 if err.reason == O.RC_UNKNOWN_OBJECT else 409
                raise ControlError(status, f"reason {err.reason}: {err.lines[0]}") from err

    def put_message(self, qmgr, queue, user, text):
        """POST /messaging/qmgr/{qmgr}/queue/{queue}/message: one text message put with the caller's context (IBM-MSG-POST
        [V]: 201 Created, ibm-mq-md-messageId header). Only MQWebUser may message ([V] roles); the failure answers are [I]."""
        if self.role_of(user) != "MQWebUser":
            return err_forbidden(" The messaging REST API needs the MQWebUser role.")
        qm = self.qmgrs.get(qmgr)
        if qm is None:
            return err_unknown_qmgr(qmgr)
        if qm.state(time.monotonic()) != "running":
            return self._down(qmgr)
        if not text:
            return err_bad_request("The message body is empty.")
        with qm.lock:
            try:
                qm.put_messages(queue, 1)
            except MqscError as err:
                return 404 if err.reason == O.RC_UNKNOWN_OBJECT else 400, mqwb(
                    "MQWB0300E", f"Cannot create messaging connection to {queue} on {qmgr}.",
                    f"MQ answered reason code {err.reason}.", "Resubmit the request, correcting any issues.",
                    cc=2, rc=err.reason)
        message_id = "414d5120" + secrets.token_hex(20)
        return 201, None, [("ibm-mq-md-messageId", message_id)]

    # ----- REST resources ----------------------------------------------------------------------------------
    def qmgr_resource(self, name=None, status=False, state=None, view=None):
        """GET /admin/qmgr[/{name}] -> (http status, body); shape {"qmgr":[{"name","state"}]} ([S] CP4I-10). view (qmgr, host):
        this mqweb runs on host, so that queue manager shows runningAsStandby/runningElsewhere there (mqemu_lifecycle)."""
        if name is not None and name not in self.qmgrs:
            return err_unknown_qmgr(name)
        now = time.monotonic()
        out = []
        for qm in ([self.qmgrs[name]] if name else self.qmgrs.values()):
            st = qm.life.state_on(view[1], now) if view and view[0] == qm.name else qm.state(now)
            if state and st != state:
                continue
            item = {"name": qm.name, "state": st}
            if status:
                running = st == "running"
                with self.changing(settle=False):  # clients may have reconnected since the last call
                    conns = qm.connection_count(now) if running else 0
                # channelInitiatorState follows the channel initiator's start after 'running' ([R] values stopped,
                # starting, running, stopping; the milestone order is seed 001's)
                chinit = qm.life.chinit_state(now).lower() if running else "stopped"
                item["status"] = {"channelInitiatorState": chinit, "ldapConnectionState": "disconnected",
                                  "connectionCount": conns, "publishSubscribeState": "running" if running else "stopped"}
                if running:
                    item["status"]["started"] = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(qm.started_wall))
            out.append(item)
        return 200, {"qmgr": out}

    @staticmethod
    def installation_resource(extended=False):
        """GET /admin/installation ([R] shape; extended attributes per IBM-INST-GET)."""
        item = {"name": "Installation1", "version": "9.4.2.0", "platform": "unix", "architecture": "x86_64"}
        if extended:
            item["extended"] = {"level": "p942-L250213", "operatingSystem": "Linux (emulated)", "description": "",
                                "installationPath": "/opt/mqm", "dataPath": "/var/mqm", "maximumCommandLevel": 942}
        return 200, {"installation": [item]}

    # ----- /mqsc -------------------------------------------------------------------------------------------
    def run_mqsc(self, qmgr, body, user="admin", gateway=None, view=None):
        """POST .../admin/action/qmgr/{qmgr}/mqsc for an authenticated user -> (http status, body dict).

        Order: body (400), role (403), faults, gateway and queue manager (404/503), command server, then MQSC.
        """
        entry = {"qmgr": qmgr, "type": None, "command": None, "qualifier": None, "name": None, "parameters": None,
                 "response_parameters": None, "mutating": None, "user": user, "http_status": None, "completion_code": None,
                 "reason_code": None, "time": time.time(), "gateway": gateway}
        if isinstance(body, dict):
            entry.update(type=body.get("type"), name=body.get("name"), parameters=body.get("parameters"),
                         response_parameters=body.get("responseParameters"))
        drop_after = []
        try:
            status, resp = self._run_mqsc(qmgr, body, user, gateway, entry, drop_after, view)
        except ConnectionDropped:
            self._journal(entry, None, None)
            raise
        answer = self._journal(entry, status, resp)
        if drop_after:
            # The command ran (and is journalled with its outcome); the client gets no answer.
            raise ConnectionDropped()
        return answer

    def record_rejected(self, qmgr, body, status, resp, user=None, gateway=None):
        """Journal a /mqsc request refused before run_mqsc (authentication or CSRF)."""
        entry = {"qmgr": qmgr, "type": None, "command": None, "qualifier": None, "name": None, "parameters": None,
                 "response_parameters": None, "mutating": None, "user": user, "time": time.time(), "gateway": gateway}
        if isinstance(body, dict):
            entry.update(type=body.get("type"), name=body.get("name"), parameters=body.get("parameters"),
                         response_parameters=body.get("responseParameters"))
            try:
                cmd = parse_body(body, strict_keys=False)
                entry.update(command=cmd.verb, qualifier=cmd.qualifier, mutating=cmd.mutating)
            except BadRequest:
                pass
        self._journal(entry, status, resp)

    def _journal(self, entry, status, resp):
        entry["http_status"] = status
        if status == 200:
            entry["completion_code"], entry["reason_code"] = resp["overallCompletionCode"], resp["overallReasonCode"]
        else:
            entry["completion_code"] = entry["reason_code"] = None
        with self.lock:
            self.journal_entries.append(entry)
        return status, resp

    def _run_mqsc(self, qmgr, body, user, gateway, entry, drop_after, view=None):  # pylint: disable=too-many-arguments
        try:
            cmd = parse_body(body, self.config["strict_body_keys"])
        except BadRequest as err:
            return err_bad_request(str(err))
        entry.update(command=cmd.verb, qualifier=cmd.qualifier, mutating=cmd.mutating)
        if cmd.text:
            entry.update(name=cmd.name, parameters=cmd.params, response_parameters=cmd.response)
        role = self.role_of(user)
        if role is None:
            return err_unauthenticated()
        webuser_403 = role == "MQWebUser" and self.config["webuser_mutations"] == "403"
        if role not in ROLES or (cmd.mutating and (role == "MQWebAdminRO" or webuser_403)):
            return err_forbidden(f" to {cmd.verb} {cmd.qualifier}.")  # MQWebAdminRO is limited to DISPLAY (§1.4 [R])
        hits = self.take_faults(qmgr, cmd)
        drop_after.extend(f for f in hits if f["kind"] == "drop_connection" and f.get("after"))
        injected = self.apply_transport_faults(hits)
        if injected:
            return injected
        now = time.monotonic()
        if gateway is not None:
            # ibm-mq-rest-gateway-qmgr: the gateway must be a running local queue manager; the target is reached through it.
            gw = self.qmgrs.get(gateway)
            if gw is None:
                return err_unknown_qmgr(gateway)
            if gw.state(now) != "running":
                return self._down(gateway)
            if qmgr not in self.qmgrs or (self.config["gateway_require_route"] and qmgr not in gw.store["QUEUE"]):
                return err_unknown_qmgr(qmgr, O.RC_UNKNOWN_REMOTE_QMGR)  # no route from the gateway
        qm = self.qmgrs.get(qmgr)
        if qm is None:
            return err_unknown_qmgr(qmgr)
        if view and view[0] == qmgr and qm.life.state_on(view[1], now) in ("runningAsStandby", "runningElsewhere"):
            # this mqweb's instance is not the active one ([S] MQWB0004E with 2543 from a Native HA replica; status [I])
            return self.config["qmgr_down_status"], mqwb(
                "MQWB0004E", "An internal error occurred while communicating with the queue manager. The root MQ reason code "
                "was 2543 : MQRC_STANDBY_Q_MGR.", "The queue manager instance is a standby instance.",
                "Connect to the active instance.", 2, 2543, "pcf")
        if qm.state(now) != "running":
            return self._down(qmgr)
        # The command server starts after 'running' (strmqm, mqemu_lifecycle): until then MQSC fails as when it is down.
        if any(f["kind"] == "cmdserv_down" for f in hits) or not qm.life.reached("command_server", now):
            if self.config["cmdserv_down_mode"] == "http500":
                return 500, mqwb("MQWB0004E", "An internal error occurred while communicating with the queue manager. The root MQ "
                                 "reason code was 3204 : MQRCCF_COMMAND_INHIBITED.", "The command server is not running.",
                                 "Start the command server and retry.", 2, 3204, "pcf")
            return 200, envelope(cmd, [failure(MqscError(O.RC_COMMAND_INHIBITED))])
        if cmd.mutating and cmd.response is not None and not cmd.text and self.config["response_parameters_noop"]:
            # pymqrest ef36c2f: MQ silently ignores ALTER/DEFINE/DELETE carrying responseParameters but reports success.
            return 200, envelope(cmd, [])
        if cmd.mutating and role == "MQWebUser" and self.config["webuser_mutations"] == "2035":
            return 200, envelope(cmd, [failure(MqscError(O.RC_NOT_AUTHORIZED))])  # runs under the user's own identity
        with self.changing(settle=cmd.mutating):
            try:
                elements = qm.execute(cmd)
            except MqscError as err:
                if err.reason == O.RC_PARM_ID_ERROR and self.config["invalid_attribute_mode"] == "http400":
                    return err_bad_request(f"'{err.name}' is not a valid attribute for this command.")
                elements = [failure(err)]
        return 200, envelope(cmd, elements)

    def _down(self, qmgr):
        return self.config["qmgr_down_status"], mqwb(
            "MQWB0009E", f"Could not query the queue manager '{qmgr}'.", "The queue manager is not running or is not available.",
            "Start the queue manager and resubmit the request.", 2, 2059)  # MQRC_Q_MGR_NOT_AVAILABLE; 503 is [R]
