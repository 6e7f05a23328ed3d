# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One emulated queue manager: its object store (DEFINE, ALTER, DELETE), its lifecycle and the dispatch of each command.

Parsing is in parse.py, runtime status and START/STOP in status.py, DISPLAY output in display.py.
"""

import datetime
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from . import objects as O
from .display import display
from .keyrepo import DEFAULT_ISSUER, End, KeyRepository, is_tls
from .lifecycle import INF, Lifecycle
from .parse import KIND, QUEUE_TYPES, Command, MqscError, syntax_error
from .security import SECURITY_CONFIG_KEYS, Security
from .status import RuntimeStatus

SUPPORTED = {
    **{("DEFINE", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "AUTHINFO", *QUEUE_TYPES, *O.PLAIN_KINDS)},
    **{("ALTER", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "QMGR", "AUTHINFO", *QUEUE_TYPES, *O.PLAIN_KINDS)},
    **{("DELETE", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "AUTHINFO", *QUEUE_TYPES, *O.PLAIN_KINDS)},
    **{("DISPLAY", q): None for q in ("AUTHINFO", *O.PLAIN_KINDS)},
    **{("DISPLAY", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "QUEUE", "QMGR", "QMSTATUS", "CHSTATUS", "LSSTATUS",
                                      "SVSTATUS", "QSTATUS", *QUEUE_TYPES)},
    ("CLEAR", "QLOCAL"): None,
    **{(v, q): None for v in ("START", "STOP") for q in ("CHANNEL", "LISTENER", "SERVICE")},
}

# [R] the AMQ9710 text: the MQSC error of a REFRESH SECURITY TYPE(SSL) past its time limit (IBM-REFRESH-SEC names the id).
REFRESH_SSL_FAILED = "AMQ9710E: SSL security refresh failed."

# Options of START and STOP; every other START/STOP takes only IGNSTATE.
START_STOP_OPTIONS = {("STOP", "CHANNEL"): {"MODE": ("QUIESCE", "FORCE", "TERMINATE"), "STATUS": ("STOPPED", "INACTIVE"),
                                            "IGNSTATE": O.YESNO}}


def _flag(params, key):
    """Keyword-only flags arrive as "replace": "yes" (pymqrest, real container) or as a bare runmqsc keyword."""
    value = params.pop(key, None)
    return isinstance(value, str) and value.upper() in ("YES", "Y", "")


def _coerce(key, value, default, kind=None):
    if key in O.LIST_ATTRS:
        most, longest = O.LIST_ATTRS[key]
        items = [] if value == "" else value if isinstance(value, list) else [value]
        # Each name follows the rules for naming MQ objects ([V] IBM-DEF-NL; the reason, 4005, is [I]).
        if len(items) > most or any(not O.valid_name(v, longest) for v in items):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
        return list(items)
    if key in O.EXIT_LISTS:
        # Exits that run in turn: a JSON array, or runmqsc's names separated by commas, blanks or both (objects.EXIT_LISTS).
        items = value if isinstance(value, list) else re.split(r"[,\s]+", str(value).strip()) if str(value).strip() else []
        if any(not isinstance(v, str) or not v.strip() or len(v) > O.EXIT_LISTS[key] for v in items):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
        return list(items)
    enum = O.KIND_ENUMS.get(kind, {}).get(key) or O.ENUMS.get(key)
    if enum:
        value = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(value, str) or value.upper() not in enum:
            raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
        return value.upper()
    keywords = O.KIND_INT_OR_KEYWORD.get(kind, {}).get(key) or O.INT_OR_KEYWORD.get(key, ())
    if isinstance(value, str) and value.upper() in keywords:
        return value.upper()
    if isinstance(default, int) or keywords:
        if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
            low, high = O.KIND_RANGES.get(kind, {}).get(key) or O.RANGES.get(key, (0, 999999999))
            if not low <= int(value) <= high:
                raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
            return int(value)
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    if isinstance(value, list):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    value = str(value)
    if len(value) > O.KIND_MAX_LEN.get(kind, {}).get(key, O.MAX_LEN.get(key, 10000)):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    return value


class MQObject:
    """A defined object: its type (CHLTYPE or queue type), attributes and last-alter wall time."""

    __slots__ = ("otype", "attrs", "altwall", "crwall")

    def __init__(self, otype, attrs, wall):
        self.otype, self.attrs, self.altwall, self.crwall = otype, attrs, wall, wall


@dataclass(frozen=True)
class QmgrSettings:
    """Everything a queue manager reads from the emulator around it, and nothing more.

    Functions rather than values: the control API changes timing, config and faults while a queue manager lives, and
    each read must see the current setting.
    """

    # The configurable behaviours that change MQSC results; the rest of the config is about HTTP, LTPA and requests.
    CONFIG_KEYS = ("alter_listener_requires_trptype", "delete_channel_default_table", "display_default", "listener_port_conflict",
                   "service_command_check", "stop_inactive_channel", "stop_stopped_channel_inactive", "start_starting_channel",
                   "clients_after_channel_stop", "open_queue_reason", "keystore_pickup", *SECURITY_CONFIG_KEYS)

    seconds: Callable  # seconds(key) -> float: length of one timed phase (TIMING_KEYS, e.g. "channel_start")
    config: Callable  # config(key) -> current value of one of CONFIG_KEYS (README "Configurable behaviours")
    stuck: Callable  # stuck(kind, name) -> bool: a 'stuck' fault for this queue manager matches the object now
    cmdserv_down: Callable  # cmdserv_down() -> bool: a 'cmdserv_down' fault for this queue manager is present
    listeners_on_host: Callable = list  # () -> [(name, Status)]: other queue managers' listeners on this host (network.py)
    directory: object = None  # the hosts' users and groups (directory.Directory), which security reads
    # refresh_ssl(qm, now) -> (seconds the TLS channels take to stop, whether one never stops): network.Network.refresh_ssl
    refresh_ssl: Callable = lambda qm, now: (0.0, False)
    refresh_ssl_timeout: Callable = lambda: False  # () -> bool: a refresh_ssl_timeout fault for this queue manager (one use)


class QueueManager:
    """One emulated queue manager. All methods run under self.lock (taken by the model)."""

    def __init__(self, name, settings, seed, lock=None):
        self.name, self.settings = name, settings
        self.lock = lock or threading.RLock()  # the model passes the network's lock, shared by all queue managers
        # CLNTCONN channels live in the client channel table (CLNTTBL), a namespace of their own: a SVRCONN and a CLNTCONN
        # may share a name ([V] IBM 8.0 q003340_ "Client channel" namespace, DELETE CHANNEL CHLTABLE q085820_).
        self.store = {"CHANNEL": {}, "CLNTTBL": {}, "LISTENER": {}, "SERVICE": {}, "QUEUE": {}, "AUTHINFO": {},
                      **{k: {} for k in O.PLAIN_KINDS}}
        wall = time.time()
        self.qmgr = MQObject(None, dict(O.QMGR_ATTRS, SSLKEYR=f"/var/mqm/qmgrs/{name}/ssl/key",
                                        CERTLABL=f"ibmwebspheremq{name.lower()}"), wall)
        self.qmstatus = dict(O.QMSTATUS_BASE)
        self.qstate = {}  # QLOCAL name -> {"CURDEPTH", "IPPROCS", "OPPROCS", "LPUT", "LGET", "OLDEST"}: messages and handles
        self.status = RuntimeStatus(self.store, settings)
        self.life, self.started_wall = Lifecycle(), wall
        self.security = Security(self, seed)  # CHLAUTH and authority records, connection decisions (security.py)
        self.keyrepo = KeyRepository(name)  # certificates and trusted issuers of TLS channels (keyrepo.py)
        self.status.tls_client = self.tls_client
        self.sub_serial = 0  # DEFINE SUBs so far: each definition gets a SUBID of its own (O.new_sub_id)
        self.seeding = True  # crtmqm creates SYSTEM.DEF.SENDER etc. with blank XMITQ/CONNAME, bypassing MQSC checks
        for verb, qual, oname, params in O.seed_definitions(seed):
            self.execute(Command(verb, qual, oname, dict(params)))
        self.seeding = False
        self.security.refresh_caches()  # the CONNAUTH object crtmqm made, as the queue manager reads it when it starts
        self.keyrepo.take_copy(self.qmgr.attrs["CERTLABL"])
        up = time.monotonic() - 3600.0  # already running for an hour; CONTROL(QMGR) objects up
        self.started_wall = time.time() - 3600.0
        self.status.begin(up, up, up)

    # ----- queue manager lifecycle (control API; lifecycle.py) --------------------------------------------------
    def state(self, now):
        return self.life.state(now)

    def stop(self, immediate=False):
        """The control API's stop: ended at once (endedImmediately with immediate)."""
        self.endmqm(time.monotonic(), "immediate" if immediate else "controlled", at_once=True)

    def start(self, start_at, running_at):
        """The control API's start: 'starting' from start_at, 'running' from running_at, and every later milestone (command
        server, channel initiator, CONTROL(QMGR|STARTONLY) objects) at running_at too."""
        self.started_wall = time.time() + (running_at - time.monotonic())
        self.keyrepo.take_copy(self.qmgr.attrs["CERTLABL"])  # a start reads the key repository again
        last = self.status.begin(running_at, running_at, running_at)
        self.life.start(start_at, running_at, running_at, running_at, running_at, last or running_at)

    def endmqm(self, now, mode, hold=False, at_once=False):
        """End in mode (lifecycle.END_MODES) from now; returns the planned ended instant (INF: waits for an application
        that never disconnects). Listeners, services and channels end now (RuntimeStatus.end): no REST client can see them
        while the queue manager is not running, and partners' senders lose it at once."""
        seconds = self.settings.seconds
        clients = self.status.client_count(now)
        if at_once or mode in ("preemptive", "crash"):
            ended = now
        elif mode == "immediate":
            ended = now + seconds("qmgr_end")
        else:  # -c/-w: the applications disconnect first ([V] IBM endmqm "only after all applications have disconnected")
            ended = INF if hold else now + (seconds("client_disconnect") if clients else 0.0) + seconds("qmgr_end")
        self.status.end()
        return self.life.end(now, mode, ended)

    def replay_seconds(self):
        """Log replay at start (seed 001): the active log, LOGINUSE percent of the primary log space (LOGPRIM files of
        LOGEXTSZ KiB each, i.e. log file pages x 4 KiB plus a header), read at timing log_replay_mib_per_s (0: instant)."""
        rate = self.settings.seconds("log_replay_mib_per_s")
        q = self.qmstatus
        kib = float(q.get("LOGINUSE", 0)) / 100.0 * float(q.get("LOGPRIM", 0)) * float(q.get("LOGEXTSZ", 0))
        return kib / 1024.0 / rate if rate > 0 else 0.0

    def strmqm(self, now, cmdserv_held=False):
        """strmqm: starting for timing qmgr_start plus the log replay, then running (queues available); the command server
        cmdserv_start later, the channel initiator chinit_start after it (RETRYING senders resume), then CONTROL(QMGR|
        STARTONLY) listeners and services, and the clients reconnect once the listeners run. Returns the milestones."""
        seconds = self.settings.seconds
        running = now + seconds("qmgr_start") + self.replay_seconds()
        cmdserv = running + seconds("cmdserv_start")
        chinit = cmdserv + seconds("chinit_start")
        objects = [o for o in self.store["LISTENER"].values() if o.attrs["CONTROL"] != "MANUAL"]
        services = [o for o in self.store["SERVICE"].values() if o.attrs["CONTROL"] != "MANUAL" and o.attrs["SERVTYPE"] == "SERVER"]
        listeners = chinit + max([seconds("listener_start")] * bool(objects) + [seconds("service_start")] * bool(services) + [0.0])
        self.started_wall = time.time() + (running - time.monotonic())
        self.keyrepo.take_copy(self.qmgr.attrs["CERTLABL"])
        last = self.status.begin(chinit, chinit, chinit + (seconds("listener_start") if objects else 0.0))
        self.life.start(now, running, cmdserv, chinit, listeners, max(last or listeners, listeners), cmdserv_held)
        return self.life.timeline(INF)

    # ----- TLS (keyrepo.py) ---------------------------------------------------------------------------------------
    def tls_client(self, channel, issuer=DEFAULT_ISSUER, now=None):
        """A client's TLS handshake on SVRCONN channel: None for a channel without SSLCIPH; else (refusal, tls): refusal the
        reason the queue manager's end fails (its certificate missing or expired, or the client's issuer not trusted), tls
        the instance's SSLCERTI/SSLKEYDA/SSLKEYTI when it succeeds."""
        obj = self.store["CHANNEL"].get(channel)
        if obj is None or not is_tls(obj):
            return None
        end = End(self, obj)
        why = end.problem(datetime.date.today())
        if why is None and issuer not in end.trusted:
            why = f"the client certificate's issuer '{issuer}' is not trusted"
        if why is not None:
            return f"label '{end.label}': {why}", None
        now = time.monotonic() if now is None else now
        return None, {"sslcerti": issuer, "sslkey_wall": time.time() + (now - time.monotonic()), "label": end.label}

    def refresh_ssl(self):
        """REFRESH SECURITY TYPE(SSL): the key repository is read again and the running TLS channels bounce
        (network.Network.refresh_ssl). Past the 10-minute limit (timing refresh_ssl_limit) the command fails with
        AMQ9710 / MQRCCF_COMMAND_FAILED ([V] IBM-REFRESH-SEC-92); the channels were told to stop all the same ([I])."""
        now = time.monotonic()
        self.keyrepo.take_copy(self.qmgr.attrs["CERTLABL"])
        seconds, stuck = self.settings.refresh_ssl(self, now)
        if stuck or self.settings.refresh_ssl_timeout() or seconds > self.settings.seconds("refresh_ssl_limit"):
            err = MqscError(O.RC_COMMAND_FAILED)
            err.lines = [REFRESH_SSL_FAILED]
            raise err

    def svrconn(self, channel, create=True):
        """The SVRCONN channel a client asks for; an undefined one is defined like SYSTEM.AUTO.SVRCONN under CHAD(ENABLED)
        (IBM-PREP-CHL) when create; LookupError when there is none."""
        obj = self.store["CHANNEL"].get(channel)
        model = self.store["CHANNEL"].get(O.CHAD_MODELS["SVRCONN"])
        if obj is None and create and self.qmgr.attrs["CHAD"] == "ENABLED" and model is not None and \
                O.valid_name(channel, O.CHANNEL_NAME_MAX):
            self.execute(Command("DEFINE", "CHANNEL", channel, {"CHLTYPE": "SVRCONN", "LIKE": O.CHAD_MODELS["SVRCONN"]}))
            obj = self.store["CHANNEL"][channel]
        if obj is None or obj.otype != "SVRCONN":
            raise LookupError(f"SVRCONN channel {channel} not found on {self.name}")
        return obj

    def attach_clients(self, channel, count):
        self.svrconn(channel, create=bool(count))
        self.status.attach_clients(channel, count)

    def connection_count(self, now):
        """QMSTATUS CONNS: the configured base plus one per attached SVRCONN client instance."""
        return int(self.qmstatus.get("CONNS", 0)) + self.status.client_count(now)

    # ----- messages and open handles on local queues (control API; the MQI is not emulated) -------------------------
    def queue_state(self, name):
        """Depth, open handles and last put/get wall times of local queue name (created on first use)."""
        return self.qstate.setdefault(name, dict(O.EMPTY_QUEUE))

    def resolve_queue(self, name, verb="PUT"):
        """The local queue an application's MQPUT (or MQGET) on name reaches, with the MQI reason codes of a failed open.

        An alias resolves to its TARGET (one level: an alias of an alias is 2001); a remote definition to its XMITQ, else
        the queue named after RQMNAME, else the DEFXMITQ of the queue manager (IBM name resolution); RQMNAME naming this
        queue manager resolves RNAME locally. A model queue would create a dynamic queue, which is not emulated (2057).
        """
        queues = self.store["QUEUE"]
        obj = queues.get(name)
        if obj is None:
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        inhibit = "PUT" if verb == "PUT" else "GET"
        if obj.attrs.get(inhibit) == "DISABLED":
            raise MqscError(O.RC_PUT_INHIBITED if verb == "PUT" else O.RC_GET_INHIBITED, name)
        if obj.otype == "QALIAS":
            if obj.attrs["TARGTYPE"] != "QUEUE":
                raise MqscError(O.RC_Q_TYPE_ERROR, name)
            base = queues.get(obj.attrs["TARGET"])
            if base is None:
                raise MqscError(O.RC_UNKNOWN_ALIAS_BASE_Q, name)
            if base.otype not in ("QLOCAL", "QREMOTE") or (base.otype == "QREMOTE" and verb != "PUT"):
                raise MqscError(O.RC_ALIAS_BASE_Q_TYPE_ERROR, name)
            return self.resolve_queue(obj.attrs["TARGET"], verb)
        if obj.otype == "QREMOTE" and verb == "PUT":
            rqm = obj.attrs["RQMNAME"].strip()
            if rqm == self.name and obj.attrs["RNAME"].strip():
                return self.resolve_queue(obj.attrs["RNAME"].strip(), verb)
            xmitq = obj.attrs["XMITQ"].strip() or (rqm if rqm in queues else self.qmgr.attrs["DEFXMITQ"].strip())
            if not xmitq:
                raise MqscError(O.RC_UNKNOWN_REMOTE_QMGR, name)
            xq = queues.get(xmitq)
            if xq is None:
                raise MqscError(O.RC_UNKNOWN_XMIT_Q, xmitq)
            if xq.otype != "QLOCAL" or xq.attrs["USAGE"] != "XMITQ":
                raise MqscError(O.RC_XMIT_Q_USAGE_ERROR, xmitq)
            return xmitq
        if obj.otype != "QLOCAL":
            raise MqscError(O.RC_Q_TYPE_ERROR, name)
        return name

    def put_messages(self, queue, count):
        """An application puts count messages on queue; returns (local queue reached, its new CURDEPTH).

        The one place where messages arrive (a transmission queue reached here is where a channel picks them up).
        """
        target = self.resolve_queue(queue, "PUT")
        state = self.queue_state(target)
        if state["CURDEPTH"] + count > self.store["QUEUE"][target].attrs["MAXDEPTH"]:
            raise MqscError(O.RC_Q_FULL, target)  # the whole batch is refused, as one failed MQPUT would stop the sender
        if count:
            now = time.time()
            state["OLDEST"] = state["OLDEST"] if state["CURDEPTH"] else now
            state["CURDEPTH"] += count
            state["LPUT"] = now
        return target, state["CURDEPTH"]

    def get_messages(self, queue, count=None):
        """An application gets count messages (None: all) from queue; returns (local queue, messages got, new CURDEPTH)."""
        target = self.resolve_queue(queue, "GET")
        state = self.queue_state(target)
        got = state["CURDEPTH"] if count is None else min(count, state["CURDEPTH"])
        if got:
            state["CURDEPTH"] -= got
            state["LGET"] = time.time()
            state["OLDEST"] = state["OLDEST"] if state["CURDEPTH"] else None
        return target, got, state["CURDEPTH"]

    def open_queue(self, queue, ipprocs=None, opprocs=None):
        """Set the number of handles open for input and output on local queue (IPPROCS, OPPROCS): an open queue cannot
        be deleted or cleared."""
        obj = self.store["QUEUE"].get(queue)
        if obj is None or obj.otype != "QLOCAL":
            raise MqscError(O.RC_UNKNOWN_OBJECT, queue)
        state = self.queue_state(queue)
        state.update({k: v for k, v in (("IPPROCS", ipprocs), ("OPPROCS", opprocs)) if v is not None})
        return {"ipprocs": state["IPPROCS"], "opprocs": state["OPPROCS"]}

    def _check_queue_idle(self, name, purge):
        """DELETE/CLEAR QLOCAL: refused while a handle is open, DELETE without PURGE (NOPURGE is the default, IBM-DEL-Q) also
        while messages are on it (2055 MQRC_Q_NOT_EMPTY [V], AMQ8143E [S]). IBM-DEL-Q and IBM-CLEAR-QL only say that the
        command fails while the queue is open, not with which reason: 2042 MQRC_OBJECT_IN_USE (AMQ8148E [S]) by default,
        4004 MQRCCF_OBJECT_OPEN with config open_queue_reason ([I] either)."""
        state = self.qstate.get(name)
        if state is None:
            return
        if state["IPPROCS"] or state["OPPROCS"]:
            raise MqscError(self.settings.config("open_queue_reason"), name)
        if state["CURDEPTH"] and not purge:
            raise MqscError(O.RC_Q_NOT_EMPTY, name)

    def _check_usage_change(self, name, force):
        """ALTER QLOCAL USAGE on a queue that is open or holds messages: 3210 MQRCCF_OBJECT_OPEN_FORCE, "Object is in use,
        but could be changed specifying Force ... because it is open through the API, or for certain parameter changes,
        because there are messages currently on the queue" (IBM-RC3210); FORCE overrides both."""
        state = self.qstate.get(name)
        if force or state is None:
            return
        if state["IPPROCS"] or state["OPPROCS"] or state["CURDEPTH"]:
            raise MqscError(O.RC_OBJECT_OPEN_FORCE, name)

    # ----- dispatch --------------------------------------------------------------------------------------------
    def execute(self, cmd):
        """Run one command; returns a list of response elements (MqscError is turned into one failing element)."""
        if cmd.error is not None:
            raise cmd.error
        if self.security.handles(cmd):
            return self.security.execute(cmd)
        if (cmd.verb, cmd.qualifier) not in SUPPORTED:
            raise syntax_error(cmd.source)
        # QMGR/QMSTATUS take no name; every other object needs one, but for a subscription that ALTER, DELETE and DISPLAY
        # name by its SUBID instead ([V] IBM-ALT-SUB: "ALT SUB SUBID(123)").
        by_subid = cmd.qualifier == "SUB" and cmd.verb != "DEFINE" and "SUBID" in cmd.params
        if cmd.name is None and not by_subid and cmd.qualifier not in ("QMGR", "QMSTATUS") or \
                cmd.name is not None and cmd.qualifier in ("QMGR", "QMSTATUS"):
            raise syntax_error(cmd.source)
        params = dict(cmd.params)
        if cmd.qualifier == "SUB" and cmd.verb in ("ALTER", "DELETE"):
            cmd = Command(cmd.verb, cmd.qualifier, self._sub_named(cmd.name, params.pop("SUBID", None)), cmd.params)
        if cmd.verb == "DISPLAY":
            return display(self, cmd, params)
        if cmd.qualifier == "QMGR":
            return self._alter_qmgr(params)
        kind = KIND[cmd.qualifier]
        if cmd.verb in ("START", "STOP"):
            return [self._start_stop(cmd.verb, kind, cmd.name, params)]
        return [getattr(self, f"_{cmd.verb.lower()}")(kind, cmd.qualifier, cmd.name, params)]

    def _sub_named(self, name, subid):
        """The subscription an ALTER or DELETE addresses: by name, by SUBID, or by both, which must be the same one
        ([V] IBM-ALT-SUB forms; 2085 when they are not: [I])."""
        if subid is None:
            return name
        found = next((n for n, o in self.store["SUB"].items() if o.attrs["SUBID"] == str(subid).upper()), None)
        if found is None or (name is not None and name != found):
            raise MqscError(O.RC_UNKNOWN_OBJECT, name or subid)
        return found

    def _complete_sub(self, name, attrs, params, existing):
        """What the queue manager adds to a subscription's definition (DEFINE, and ALTER with ``existing`` None).

        TOPICOBJ: the topic object must exist, and TOPICSTR becomes the resolved string, the object's string joined by a /
        with the one given (reference §4, "TOPICSTR is the resolved string"; the MQSUB concatenation rules); an unknown
        topic object is 3317 MQRCCF_INVALID_DESTINATION, "the Subscription or Topic object used in a ... Create ... command
        is invalid" (IBM-RC3317; that it is this code: I). DEST: required with DESTCLAS(PROVIDED) and the queue manager's
        own with MANAGED (IBM-DEF-SUB usage notes; 3317 for either mistake: I); never checked for existence (IBM-ALT-SUB).
        SUBID: a new one per definition; DEFINE ... REPLACE keeps it (I)."""
        if attrs["DESTCLAS"] == "MANAGED":
            if "DEST" in params:
                raise MqscError(O.RC_INVALID_DESTINATION, "DEST is managed by the queue manager with DESTCLAS(MANAGED)")
        elif not attrs["DEST"].strip() and not self.seeding:  # SYSTEM.DEFAULT.SUB has neither topic nor destination
            raise MqscError(O.RC_INVALID_DESTINATION, "DEST is required with DESTCLAS(PROVIDED)")
        if existing is False:
            return attrs  # ALTER: TOPICOBJ, TOPICSTR and DESTCLAS cannot change
        if attrs["TOPICOBJ"].strip():
            topic = self.store["TOPIC"].get(attrs["TOPICOBJ"].strip())
            if topic is None:
                raise MqscError(O.RC_INVALID_DESTINATION, "topic object {0} not found".format(attrs["TOPICOBJ"].strip()))
            attrs["TOPICSTR"] = "/".join(s for s in (topic.attrs["TOPICSTR"], attrs["TOPICSTR"]) if s)
        self.sub_serial += 1
        attrs["SUBID"] = existing.attrs["SUBID"] if existing else O.new_sub_id(name, self.sub_serial)
        if attrs["DESTCLAS"] == "MANAGED":
            attrs["DEST"] = O.MANAGED_DEST_PREFIX + attrs["SUBID"][-16:]
        return attrs

    # ----- DEFINE / ALTER / DELETE ----------------------------------------------------------------------------
    def _schema(self, kind, otype):
        if kind in O.PLAIN_KINDS:
            return O.PLAIN_KINDS[kind].attrs
        return {"CHANNEL": O.CHANNEL_ATTRS.get(otype), "LISTENER": O.LISTENER_ATTRS, "SERVICE": O.SERVICE_ATTRS,
                "QUEUE": O.QUEUE_ATTRS.get(otype), "AUTHINFO": O.AUTHINFO_ATTRS.get(otype)}[kind]

    def _apply(self, kind, otype, attrs, params):
        schema = self._schema(kind, otype)
        for key, value in params.items():
            if O.NEGATIONS.get(key) in schema:  # NOTRIGGER -> TRIGGER(NO)
                if not (isinstance(value, str) and value.upper() in ("YES", "Y", "")):
                    raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
                key, value = O.NEGATIONS[key], "NO"
            if key not in schema:
                if kind == "CHANNEL" and key == "XMITQ":
                    raise MqscError(O.RC_XMIT_Q_NAME_WRONG_TYPE, key)
                if kind == "CHANNEL" and key in O.ALL_CHANNEL_KEYS:
                    raise MqscError(O.RC_WRONG_CHANNEL_TYPE, key)
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
            attrs[key] = _coerce(key, value, schema[key], kind)
        plain = O.PLAIN_KINDS.get(kind)
        if plain and not self.seeding and any(not any(str(attrs[k]).strip() for k in keys) for keys in plain.required):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "/".join(plain.required[0]))  # e.g. TOPICSTR missing ([I] reason)
        if kind == "AUTHINFO" and not self.seeding:
            for key in O.AUTHINFO_REQUIRED.get(otype, ()):
                if not str(attrs[key]).strip():
                    raise MqscError(O.RC_MISSING_CONN_NAME if key == "CONNAME" else O.RC_ATTR_VALUE_ERROR, key)  # [I] reasons
            if otype == "OCSP" and not attrs["OCSPURL"].startswith(O.OCSP_URL_PREFIX):
                raise MqscError(O.RC_ATTR_VALUE_ERROR, "OCSPURL")  # [V] "must start with the string http:// in lowercase"
        if kind == "CHANNEL" and not self.seeding:
            if otype in O.XMITQ_TYPES and not attrs["XMITQ"].strip():
                raise MqscError(O.RC_XMIT_Q_NAME_ERROR, "XMITQ")
            if otype in O.CONNAME_REQUIRED and not attrs["CONNAME"].strip():
                raise MqscError(O.RC_MISSING_CONN_NAME, "CONNAME")
        return attrs

    def _type_of(self, kind, qualifier, name, params, verb):
        """Object type from the command: CHLTYPE (mandatory on DEFINE and ALTER, IBM-ALT-CHL-SVRCONN), the queue qualifier,
        or TRPTYPE for listeners (mandatory on DEFINE; on ALTER per config alter_listener_requires_trptype)."""
        if kind == "CHANNEL":
            chltype = params.pop("CHLTYPE", None)
            if not isinstance(chltype, str) or chltype.upper() not in O.ENUMS["CHLTYPE"]:
                raise MqscError(O.RC_CHANNEL_TYPE_ERROR, name)
            return chltype.upper()
        if kind == "AUTHINFO":
            # AUTHTYPE is on the main line of DEFINE and ALTER AUTHINFO, and Change Authentication Information requires
            # AuthInfoType (IBM-ALT-AUTHINFO, IBM-PCF-AUTHINFO): missing or not one of the four, 4005 ([I] the reason).
            authtype = params.pop("AUTHTYPE", None)
            if not isinstance(authtype, str) or authtype.upper() not in O.AUTHINFO_ATTRS:
                raise MqscError(O.RC_ATTR_VALUE_ERROR, "AUTHTYPE")
            return authtype.upper()
        if kind == "LISTENER":
            trptype = params.get("TRPTYPE")
            if trptype is None and (verb == "DEFINE" or self.settings.config("alter_listener_requires_trptype")):
                raise MqscError(O.RC_PROTOCOL_TYPE_ERROR, name)
            # LU62/NETBIOS/SPX are Windows-only and we emulate UNIX, so the only TRPTYPE is TCP: a different value on ALTER
            # is also the "TRPTYPE is immutable" rejection (IBM-EXPL-LSTR).
            if trptype is not None and (not isinstance(trptype, str) or trptype.upper() != "TCP"):
                raise MqscError(O.RC_PROTOCOL_TYPE_ERROR, name)
        return qualifier if kind == "QUEUE" else None

    def _table(self, kind, otype):
        """The object store an object of this type lives in: CLNTCONN channels in CLNTTBL, other channels in CHANNEL."""
        return self.store["CLNTTBL" if kind == "CHANNEL" and otype == "CLNTCONN" else kind]

    def _wrong_type(self, kind, name):
        """A type that cannot change: CHLTYPE 3034 (IBM-RC3034); an AUTHINFO's AUTHTYPE ("You cannot alter the AUTHTYPE",
        IBM-ALT-AUTHINFO) 4002 MQRCCF_OBJECT_WRONG_TYPE ([I] the reason)."""
        return MqscError(O.RC_CHANNEL_TYPE_ERROR if kind == "CHANNEL" else O.RC_OBJECT_WRONG_TYPE, name)

    def _define(self, kind, qualifier, name, params):
        max_len = {"CHANNEL": O.CHANNEL_NAME_MAX, "SUB": O.SUB_NAME_MAX}.get(kind, O.OBJECT_NAME_MAX)
        if not O.valid_name(name, max_len, blanks=kind == "SUB"):
            raise MqscError(O.RC_CHANNEL_NAME_ERROR if kind == "CHANNEL" else O.RC_OBJECT_NAME_ERROR, name)
        otype = self._type_of(kind, qualifier, name, params, "DEFINE")
        replace, noreplace = _flag(params, "REPLACE"), _flag(params, "NOREPLACE")
        replace = replace and not noreplace
        if kind in O.PLAIN_KINDS and not O.PLAIN_KINDS[kind].like and "LIKE" in params:
            raise MqscError(O.RC_PARM_ID_ERROR, "LIKE", ["LIKE"])  # not a keyword of DEFINE SUB ([V] IBM-DEF-SUB)
        like = params.pop("LIKE", None)
        if like is not None and not isinstance(like, str):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "LIKE")
        store = self._table(kind, otype)
        existing = store.get(name)
        if existing and kind == "QUEUE" and existing.otype != otype:
            raise MqscError(O.RC_OBJECT_WRONG_TYPE, name)  # one queue namespace, REPLACE or not ([V] IBM-RC4002)
        if existing and not replace:
            # A subscription that exists: 3311 MQRCCF_SUB_ALREADY_EXISTS ([V] IBM-RC3311, "When processing a ... Create
            # Subscription command, the target Subscription identifier exists").
            raise MqscError(O.RC_SUB_ALREADY_EXISTS if kind == "SUB" else O.RC_OBJECT_ALREADY_EXISTS, name)
        if existing and existing.otype != otype:
            raise self._wrong_type(kind, name)  # CHLTYPE cannot change: 3034 (IBM-RC3034)
        if like is not None:
            base = store.get(like)
            if base is None:
                raise MqscError(O.RC_UNKNOWN_OBJECT, like)
            if base.otype != otype:
                # "You cannot define an authentication information object as LIKE one with a different AUTHTYPE"
                # (IBM-ALT-AUTHINFO): 4003 as for queues ([I] the reason).
                raise MqscError(O.RC_LIKE_OBJECT_WRONG_TYPE, like) if kind in ("QUEUE", "AUTHINFO") else self._wrong_type(kind, like)
        else:
            # A new object, or REPLACE of an existing one: "DEFINE with REPLACE sets all the parameters", those not given to
            # their defaults (IBM-DEF-REPLACE); the object being replaced lends nothing but its messages (IBM-CPYMQMQ-V6).
            default = {"CHANNEL": O.CHANNEL_DEFAULTS.get(otype), "QUEUE": O.QUEUE_DEFAULTS.get(otype), "AUTHINFO": O.AUTHINFO_DEFAULTS.get(otype),
                       "LISTENER": "SYSTEM.DEFAULT.LISTENER.TCP", "SERVICE": "SYSTEM.DEF.SERVICE",
                       **{k: v.default for k, v in O.PLAIN_KINDS.items()}}[kind]
            base = store.get(default)  # defaults come from the (alterable) SYSTEM.DEF.* object when it exists
        attrs = dict(base.attrs) if base is not None and base.otype == otype else dict(self._schema(kind, otype))
        given = dict(params)
        attrs = self._apply(kind, otype, attrs, params)
        if kind == "SUB":
            attrs = self._complete_sub(name, attrs, given, existing)
        if existing and otype == "QLOCAL" and attrs["USAGE"] != existing.attrs["USAGE"]:
            self._check_usage_change(name, force=False)  # REPLACE is an ALTER without FORCE ([I], IBM-CPYMQMQ-V6)
        for key, reason in O.PLAIN_KINDS[kind].unique.items() if kind in O.PLAIN_KINDS else ():
            # One object per value (a topic string: IBM-RC3300), REPLACE or LIKE included; blank is the seeded objects' root.
            if str(attrs[key]).strip() and any(other.attrs[key] == attrs[key] for n, other in store.items() if n != name):
                raise MqscError(reason, attrs[key])
        obj = MQObject(otype, attrs, time.time())
        if existing:
            obj.crwall = existing.crwall
        store[name] = obj
        return self._msg(f"created.{kind}")

    def _alter(self, kind, qualifier, name, params):
        # ALTER CHANNEL ... CHLTYPE(CLNTCONN) addresses the client table ([V] ALTER CHANNEL client-connection syntax; [I] that
        # the other table is not searched: a CLNTCONN-only name altered with CHLTYPE(SVRCONN) is 2085).
        chltype = params.get("CHLTYPE") if kind == "CHANNEL" else None
        obj = self._table(kind, chltype.upper() if isinstance(chltype, str) else None).get(name)
        if obj is None or (kind == "QUEUE" and obj.otype != qualifier):
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        otype = self._type_of(kind, qualifier, name, params, "ALTER")
        if kind in ("CHANNEL", "AUTHINFO") and otype != obj.otype:
            raise self._wrong_type(kind, name)
        fixed = [k for k in O.PLAIN_KINDS[kind].fixed if k in params] if kind in O.PLAIN_KINDS else []
        if fixed:
            raise MqscError(O.RC_PARM_ID_ERROR, fixed[0], [fixed[0]])  # not a keyword of ALTER TOPIC/SUB ([V] syntax)
        force = kind == "QUEUE" and _flag(params, "FORCE")
        given = dict(params)
        attrs = self._apply(kind, obj.otype, dict(obj.attrs), params)
        if kind == "SUB":
            attrs = self._complete_sub(name, attrs, given, False)
        if obj.otype == "QLOCAL" and attrs["USAGE"] != obj.attrs["USAGE"]:
            self._check_usage_change(name, force)
        obj.attrs = attrs
        obj.altwall = time.time()
        return self._msg(f"changed.{kind}")

    def _delete(self, kind, qualifier, name, params):
        table = self.store[kind]
        if kind == "CHANNEL":
            table = self._channel_table(name, params)
        obj = table.get(name)
        if obj is None or (kind == "QUEUE" and obj.otype != qualifier):
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        purge = False
        if qualifier == "QLOCAL":  # PURGE/NOPURGE belong to DELETE QLOCAL only ([V] IBM DELETE queues)
            purge, nopurge = _flag(params, "PURGE"), _flag(params, "NOPURGE")
            purge = purge and not nopurge
        if kind in O.AUTHREC_KINDS and "AUTHREC" in params:  # AUTHREC(YES|NO): the OAM records go too (not emulated)
            _coerce("AUTHREC", params.pop("AUTHREC"), "YES")
        for key in params:
            raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        if kind == "QUEUE":
            self._check_queue_idle(name, purge)
            self.qstate.pop(name, None)
        if table is not self.store["CLNTTBL"]:
            self.status.delete(kind, name)
        del table[name]
        return self._msg(f"deleted.{kind}")

    def _clear(self, kind, qualifier, name, params):
        """CLEAR QLOCAL: empties the queue unless a handle is open (IBM CLEAR QLOCAL; 2042 AMQ8148E [S])."""
        obj = self.store[kind].get(name)
        if obj is None or obj.otype != qualifier:
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        for key in params:
            raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        self._check_queue_idle(name, purge=True)
        if name in self.qstate:
            self.qstate[name].update(CURDEPTH=0, OLDEST=None)
        return self._msg("cleared.QUEUE")

    def _channel_table(self, name, params):
        """DELETE CHANNEL's CHLTABLE: QMGRTBL (the default) holds no CLNTCONN, CLNTTBL holds only them ([V] q085820_). Without
        CHLTABLE, a name only the client table has is not found ([I]; config delete_channel_default_table "either" falls back)."""
        chltable = params.pop("CHLTABLE", None)
        if chltable is not None and (not isinstance(chltable, str) or chltable.upper() not in ("QMGRTBL", "CLNTTBL")):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "CHLTABLE")
        if chltable is not None:
            return self.store["CLNTTBL" if chltable.upper() == "CLNTTBL" else "CHANNEL"]
        if name not in self.store["CHANNEL"] and self.settings.config("delete_channel_default_table") == "either":
            return self.store["CLNTTBL"]
        return self.store["CHANNEL"]

    def _alter_qmgr(self, params):
        attrs = dict(self.qmgr.attrs)
        for key, value in params.items():
            if key not in O.QMGR_ATTRS:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
            attrs[key] = _coerce(key, value, O.QMGR_ATTRS[key], "QMGR")
        if "LOGGEREV" in params and self.qmstatus.get("LOGTYPE") != "LINEAR":
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "LOGGEREV")  # logger events need linear logging ([S] runbook; reason [I])
        self.qmgr.attrs, self.qmgr.altwall = attrs, time.time()
        return [self._msg("changed.QMGR")]

    @staticmethod
    def _msg(key):
        return {"completionCode": 0, "reasonCode": 0, "message": [O.MESSAGES[key]]}

    # ----- START / STOP -----------------------------------------------------------------------------------------
    @staticmethod
    def _options(params, allowed):
        out = {}
        for key, value in params.items():
            if key not in allowed:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
            if not isinstance(value, str) or value.upper() not in allowed[key]:
                raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
            out[key] = value.upper()
        return out

    def _get(self, kind, name):
        # START/STOP address the queue manager's table; a name only the client table holds is a CLNTCONN, which START and
        # STOP refuse (3034, RuntimeStatus.start_channel).
        obj = self.store[kind].get(name) or (self.store["CLNTTBL"].get(name) if kind == "CHANNEL" else None)
        if obj is None:
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        return obj

    def _start_stop(self, verb, kind, name, params):
        """Options first, then the object, then its runtime status (RuntimeStatus.start_channel and so on)."""
        opts = self._options(params, START_STOP_OPTIONS.get((verb, kind), {"IGNSTATE": O.YESNO}))
        obj = self._get(kind, name)
        getattr(self.status, f"{verb.lower()}_{kind.lower()}")(name, obj, opts)
        return self._msg(f"{verb.lower()}.{kind}")
