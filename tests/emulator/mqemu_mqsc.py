"""MQSC semantics of one emulated queue manager: command parsing, object store and lazy runtime status.

State is lazy: a status record stores when its current phase sequence began and where it ends; the visible state is
computed from the monotonic clock whenever it is read, so no thread runs per object.
"""

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
import mqemu_objects as O
from mqemu_parse import KIND, QUEUE_TYPES, Command, MqscError, syntax_error
from mqemu_status import NOT_IN_USE, RuntimeStatus

SUPPORTED = {
    **{("DEFINE", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", *QUEUE_TYPES)},
    **{("ALTER", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "QMGR", *QUEUE_TYPES)},
    **{("DELETE", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", *QUEUE_TYPES)},
    **{("DISPLAY", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "QUEUE", "QMGR", "QMSTATUS", "CHSTATUS", "LSSTATUS",
                                      "SVSTATUS", *QUEUE_TYPES)},
    **{(v, q): None for v in ("START", "STOP") for q in ("CHANNEL", "LISTENER", "SERVICE")},
}
# Options of START and STOP; every other START/STOP takes only IGNSTATE.
START_STOP_OPTIONS = {("STOP", "CHANNEL"): {"MODE": ("QUIESCE", "FORCE", "TERMINATE"), "STATUS": ("STOPPED", "INACTIVE"),
                                            "IGNSTATE": O.YESNO}}


SUBSTATE = {"BINDING": "NETCONNECT", "RUNNING": "MQGET"}
CHSTATUS_KEYS = ("channel", "chltype", "conname", "current", "rqmname", "status", "substate", "xmitq")  # always returned [R]
CHSTATUS_VALID = {k.upper() for k in CHSTATUS_KEYS} | {
    "CHSTADA", "CHSTATI", "MCASTAT", "STOPREQ", "INDOUBT", "CURMSGS", "CURSEQNO", "LSTSEQNO", "BATCHES", "MSGS", "BYTSSENT", "BYTSRCVD",
    "BUFFSSENT", "BUFFSRCVD", "LSTMSGDA", "LSTMSGTI", "HBINT", "KAINT", "MCAUSER", "SSLCIPH", "SSLPEER", "MONCHL", "STATCHL", "CURSHCNV",
    "MAXSHCNV"}
LSSTATUS_KEYS = ("listener", "status", "pid")
SVSTATUS_KEYS = ("service", "status", "pid")
WHERE_OPS = ("EQ", "NE", "LT", "GT", "LE", "GE", "LK", "NL")


def _flag(params, key):
    """Keyword-only flags arrive as "replace": "yes" (pymqrest, real container) or as a bare runmqsc keyword."""
    value = params.pop(key, None)
    return isinstance(value, str) and value.upper() in ("YES", "Y", "")


def _coerce(key, value, default):
    if key in O.ENUMS:
        if not isinstance(value, str) or value.upper() not in O.ENUMS[key]:
            raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
        return value.upper()
    if key in O.INT_OR_AUTO and isinstance(value, str) and value.upper() == "AUTO":
        return "AUTO"
    if isinstance(default, int) or key in O.INT_OR_AUTO:
        if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
            return int(value)
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    if isinstance(value, list):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    value = str(value)
    if len(value) > O.MAX_LEN.get(key, 10000):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    return value


def _where(params, valid):
    """Parse WHERE('keyword op value') into a row predicate (case-insensitive keywords and string values)."""
    clause = params.pop("WHERE", None)
    if clause is None:
        return None
    m = re.match(r"^\s*(\w+)\s+(\w+)\s+(.*?)\s*$", str(clause))
    if not m or m.group(2).upper() not in WHERE_OPS or m.group(1).upper() not in valid:
        raise MqscError(O.RC_PARM_ID_ERROR, str(clause))
    key, op, want = m.group(1).lower(), m.group(2).upper(), m.group(3).strip("'")

    def pred(row):
        have = row.get(key)
        if have is None:
            return False
        if op in ("LK", "NL"):
            return O.generic_match(want.upper(), str(have).upper()) == (op == "LK")
        if isinstance(have, int) and want.lstrip("-").isdigit():
            a, b = have, int(want)
        else:
            a, b = str(have).upper(), want.upper()
        return {"EQ": a == b, "NE": a != b, "LT": a < b, "GT": a > b, "LE": a <= b, "GE": a >= b}[op]
    return pred


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
    CONFIG_KEYS = ("alter_listener_requires_trptype", "display_default", "listener_port_conflict", "replace_mode",
                   "service_command_check", "stop_inactive_channel")

    seconds: Callable  # seconds(key) -> float: length of one timed phase (TIMING_KEYS, e.g. "channel_start")
    config: Callable  # config(key) -> current value of one of CONFIG_KEYS (README "Configurable behaviours")
    stuck: Callable  # stuck(kind, name) -> bool: a 'stuck' fault for this queue manager matches the object now
    cmdserv_down: Callable  # cmdserv_down() -> bool: a 'cmdserv_down' fault for this queue manager is present


class QueueManager:
    """One emulated queue manager. All methods run under self.lock (taken by the model)."""

    def __init__(self, name, settings, seed):
        self.name, self.settings = name, settings
        self.lock = threading.RLock()
        self.store = {"CHANNEL": {}, "LISTENER": {}, "SERVICE": {}, "QUEUE": {}}
        wall = time.time()
        self.qmgr = MQObject(None, dict(O.QMGR_ATTRS, SSLKEYR=f"/var/mqm/qmgrs/{name}/ssl/key",
                                        CERTLABL=f"ibmwebspheremq{name.lower()}"), wall)
        self.qmstatus = dict(O.QMSTATUS_BASE)
        self.status = RuntimeStatus(self.store, settings)
        self.ended_state, self.start_at, self.running_at, self.started_wall = "ended", 0.0, 0.0, wall
        self.seeding = True  # crtmqm creates SYSTEM.DEF.SENDER etc. with blank XMITQ/CONNAME, bypassing MQSC checks
        for verb, qual, oname, params in O.seed_definitions(seed):
            self.execute(Command(verb, qual, oname, dict(params)))
        self.seeding = False
        self.start(time.monotonic() - 3600.0, time.monotonic() - 3600.0)  # already running; CONTROL(QMGR) objects up

    # ----- queue manager lifecycle (control API) -------------------------------------------------------------
    def state(self, now):
        if self.start_at is None or now < self.start_at:
            return self.ended_state
        return "starting" if now < self.running_at else "running"

    def stop(self, immediate=False):
        """End the queue manager; what happens to status records is RuntimeStatus.end."""
        self.ended_state = "endedImmediately" if immediate else "ended"
        self.start_at = None
        self.status.end()

    def start(self, start_at, running_at):
        """Schedule start: 'starting' from start_at, 'running' from running_at; CONTROL(QMGR|STARTONLY) objects start then."""
        self.start_at, self.running_at = start_at, running_at
        self.started_wall = time.time() + (running_at - time.monotonic())
        self.status.begin(running_at)

    def attach_clients(self, channel, count):
        obj = self.store["CHANNEL"].get(channel)
        if obj is None or obj.otype != "SVRCONN":
            raise LookupError(f"SVRCONN channel {channel} not found on {self.name}")
        self.status.attach_clients(channel, count)

    def connection_count(self, now):
        """QMSTATUS CONNS: the configured base plus one per attached SVRCONN client instance."""
        return int(self.qmstatus.get("CONNS", 0)) + self.status.client_count(now)

    # ----- dispatch --------------------------------------------------------------------------------------------
    def execute(self, cmd):
        """Run one command; returns a list of response elements (MqscError is turned into one failing element)."""
        if cmd.error is not None:
            raise cmd.error
        if (cmd.verb, cmd.qualifier) not in SUPPORTED:
            raise syntax_error(cmd.source)
        if (cmd.name is None) != (cmd.qualifier in ("QMGR", "QMSTATUS")):
            raise syntax_error(cmd.source)  # QMGR/QMSTATUS take no name; every other object needs one
        params = dict(cmd.params)
        if cmd.verb == "DISPLAY":
            return getattr(self, f"_display_{cmd.qualifier.lower()}", self._display_objects)(cmd, params)
        if cmd.qualifier == "QMGR":
            return self._alter_qmgr(params)
        kind = KIND[cmd.qualifier]
        if cmd.verb in ("START", "STOP"):
            return [self._start_stop(cmd.verb, kind, cmd.name, params)]
        return [getattr(self, f"_{cmd.verb.lower()}")(kind, cmd.qualifier, cmd.name, params)]

    # ----- DEFINE / ALTER / DELETE ----------------------------------------------------------------------------
    def _schema(self, kind, otype):
        return {"CHANNEL": O.CHANNEL_ATTRS.get(otype), "LISTENER": O.LISTENER_ATTRS, "SERVICE": O.SERVICE_ATTRS,
                "QUEUE": O.QUEUE_ATTRS.get(otype)}[kind]

    def _apply(self, kind, otype, attrs, params):
        schema = self._schema(kind, otype)
        for key, value in params.items():
            if key not in schema:
                if kind == "CHANNEL" and key == "XMITQ":
                    raise MqscError(O.RC_XMIT_Q_NAME_WRONG_TYPE, key)
                if kind == "CHANNEL" and key in O.ALL_CHANNEL_KEYS:
                    raise MqscError(O.RC_WRONG_CHANNEL_TYPE, key)
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
            attrs[key] = _coerce(key, value, schema[key])
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
        if kind == "LISTENER":
            trptype = params.get("TRPTYPE")
            if trptype is None and (verb == "DEFINE" or self.settings.config("alter_listener_requires_trptype")):
                raise MqscError(O.RC_PROTOCOL_TYPE_ERROR, name)
            # LU62/NETBIOS/SPX are Windows-only and we emulate UNIX, so the only TRPTYPE is TCP: a different value on ALTER
            # is also the "TRPTYPE is immutable" rejection (IBM-EXPL-LSTR).
            if trptype is not None and (not isinstance(trptype, str) or trptype.upper() != "TCP"):
                raise MqscError(O.RC_PROTOCOL_TYPE_ERROR, name)
        return qualifier if kind == "QUEUE" else None

    def _wrong_type(self, kind, name):
        return MqscError(O.RC_CHANNEL_TYPE_ERROR if kind == "CHANNEL" else O.RC_OBJECT_WRONG_TYPE, name)

    def _define(self, kind, qualifier, name, params):
        max_len = O.CHANNEL_NAME_MAX if kind == "CHANNEL" else O.OBJECT_NAME_MAX
        if not O.valid_name(name, max_len):
            raise MqscError(O.RC_CHANNEL_NAME_ERROR if kind == "CHANNEL" else O.RC_OBJECT_NAME_ERROR, name)
        otype = self._type_of(kind, qualifier, name, params, "DEFINE")
        replace, noreplace = _flag(params, "REPLACE"), _flag(params, "NOREPLACE")
        replace = replace and not noreplace
        like = params.pop("LIKE", None)
        if like is not None and not isinstance(like, str):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "LIKE")
        store = self.store[kind]
        existing = store.get(name)
        if existing and not replace:
            raise MqscError(O.RC_OBJECT_ALREADY_EXISTS, name)
        if existing and existing.otype != otype:
            raise self._wrong_type(kind, name)  # CHLTYPE cannot change: 3034 (IBM-RC3034)
        if like is not None:
            base = store.get(like)
            if base is None:
                raise MqscError(O.RC_UNKNOWN_OBJECT, like)
            if base.otype != otype:
                raise self._wrong_type(kind, like)
        elif existing and self.settings.config("replace_mode") == "alter":
            base = existing  # REPLACE acts like ALTER with the given attributes ([R]; config replace_mode)
        else:
            default = {"CHANNEL": O.CHANNEL_DEFAULTS.get(otype), "QUEUE": O.QUEUE_DEFAULTS.get(otype),
                       "LISTENER": "SYSTEM.DEFAULT.LISTENER.TCP", "SERVICE": "SYSTEM.DEF.SERVICE"}[kind]
            base = store.get(default)  # defaults come from the (alterable) SYSTEM.DEF.* object when it exists
        attrs = dict(base.attrs) if base is not None and base.otype == otype else dict(self._schema(kind, otype))
        attrs = self._apply(kind, otype, attrs, params)
        obj = MQObject(otype, attrs, time.time())
        if existing:
            obj.crwall = existing.crwall
        store[name] = obj
        return self._msg(f"created.{kind}")

    def _alter(self, kind, qualifier, name, params):
        obj = self.store[kind].get(name)
        if obj is None or (kind == "QUEUE" and obj.otype != qualifier):
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        otype = self._type_of(kind, qualifier, name, params, "ALTER")
        if kind == "CHANNEL" and otype != obj.otype:
            raise MqscError(O.RC_CHANNEL_TYPE_ERROR, name)
        obj.attrs = self._apply(kind, obj.otype, dict(obj.attrs), params)
        obj.altwall = time.time()
        return self._msg(f"changed.{kind}")

    def _delete(self, kind, qualifier, name, params):
        obj = self.store[kind].get(name)
        if obj is None or (kind == "QUEUE" and obj.otype != qualifier):
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        if kind == "QUEUE":
            _flag(params, "PURGE")
            _flag(params, "NOPURGE")
        for key in params:
            raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        self.status.delete(kind, name)
        del self.store[kind][name]
        return self._msg(f"deleted.{kind}")

    def _alter_qmgr(self, params):
        attrs = dict(self.qmgr.attrs)
        for key, value in params.items():
            if key not in O.QMGR_ATTRS:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
            attrs[key] = _coerce(key, value, O.QMGR_ATTRS[key])
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
        obj = self.store[kind].get(name)
        if obj is None:
            raise MqscError(O.RC_UNKNOWN_OBJECT, name)
        return obj

    def _start_stop(self, verb, kind, name, params):
        """Options first, then the object, then its runtime status (RuntimeStatus.start_channel and so on)."""
        opts = self._options(params, START_STOP_OPTIONS.get((verb, kind), {"IGNSTATE": O.YESNO}))
        obj = self._get(kind, name)
        getattr(self.status, f"{verb.lower()}_{kind.lower()}")(name, obj, opts)
        return self._msg(f"{verb.lower()}.{kind}")

    # ----- DISPLAY ----------------------------------------------------------------------------------------------
    def _project(self, rows, resp, identity, valid):
        """responseParameters: None -> identity keys only (runmqsc without ALL, [I]; config display_default),
        ["all"] -> everything, a list -> identity keys plus those asked for."""
        if resp is None:
            keys = None if self.settings.config("display_default") == "all" else identity
        elif any(r.upper() == "ALL" for r in resp):
            keys = None
        else:
            for r in resp:
                if r.upper() not in valid:
                    raise MqscError(O.RC_PARM_ID_ERROR, r, [r])
            keys = list(identity) + [r.lower() for r in resp if r.lower() not in identity]
        out = []
        for row in rows:
            params = row if keys is None else {k: row[k] for k in keys if k in row}
            out.append({"completionCode": 0, "reasonCode": 0, "parameters": params})
        return out

    @staticmethod
    def _filter(params, allowed, valid):
        """Pop DISPLAY filter keywords; anything else is not a valid keyword here."""
        where = _where(params, valid)
        filters = {}
        for key, value in params.items():
            if key not in allowed:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
            filters[key] = value
        return where, filters

    def _object_row(self, kind, name, obj):
        attrs = {k.lower(): ("********" if k == "PASSWORD" and v else v) for k, v in sorted(obj.attrs.items())}
        row = {"CHANNEL": {"channel": name, "chltype": obj.otype}, "QUEUE": {"queue": name, "type": obj.otype},
               "LISTENER": {"listener": name}, "SERVICE": {"service": name}}[kind]
        row.update(attrs)
        if obj.otype == "QLOCAL":
            row.update(curdepth=0, ipprocs=0, opprocs=0)
        if kind == "QUEUE":
            row.update(crdate=O.mq_date(obj.crwall), crtime=O.mq_time(obj.crwall))
        row.update(altdate=O.mq_date(obj.altwall), alttime=O.mq_time(obj.altwall))
        return row

    def _display_objects(self, cmd, params):
        kind = KIND[cmd.qualifier]
        ident = {"CHANNEL": ("channel", "chltype"), "QUEUE": ("queue", "type"), "LISTENER": ("listener",),
                 "SERVICE": ("service",)}[kind]
        schema_keys = {"CHANNEL": O.ALL_CHANNEL_KEYS, "LISTENER": O.LISTENER_ATTRS, "SERVICE": O.SERVICE_ATTRS,
                       "QUEUE": {k for a in O.QUEUE_ATTRS.values() for k in a}}[kind]
        valid = {k.upper() for k in ident} | set(schema_keys) | {"ALTDATE", "ALTTIME", "CRDATE", "CRTIME", "CURDEPTH", "IPPROCS", "OPPROCS"}
        allowed = {"CHANNEL": ("CHLTYPE",), "QUEUE": ("TYPE",)}.get(kind, ())
        where, filters = self._filter(params, allowed, valid)
        want_type = (filters.get("CHLTYPE") or filters.get("TYPE") or (cmd.qualifier if kind == "QUEUE" and cmd.qualifier != "QUEUE"
                                                                       else None))
        want_type = want_type.upper() if isinstance(want_type, str) and want_type.upper() != "ALL" else None
        rows = [self._object_row(kind, n, o) for n, o in sorted(self.store[kind].items())
                if O.generic_match(cmd.name, n) and (want_type is None or o.otype == want_type)]
        if not rows:
            raise MqscError(O.RC_UNKNOWN_OBJECT, cmd.name)  # 2085 rather than an empty list (pymqrest ef36c2f)
        return self._project([r for r in rows if where is None or where(r)], cmd.response, ident, valid)

    def _qmgr_row(self):
        created = self.qmgr.crwall
        return {"qmname": self.name, **{k.lower(): v for k, v in self.qmgr.attrs.items()}, "ccsid": 1208, "cmdlevel": 942,
                "version": "09040200", "platform": "UNIX", "qmid": f"{self.name}_{time.strftime('%Y-%m-%d_%H.%M.%S', time.localtime(created))}",
                "crdate": O.mq_date(created), "crtime": O.mq_time(created),
                "altdate": O.mq_date(self.qmgr.altwall), "alttime": O.mq_time(self.qmgr.altwall)}

    def _display_qmgr(self, cmd, params):
        row = self._qmgr_row()
        valid = {k.upper() for k in row} | {"CHINIT", "CLUSTER", "EVENT", "PUBSUB", "SYSTEM"}  # pymqrest response macros
        self._filter(params, (), valid)
        resp = cmd.response
        if resp is not None and any(r.upper() in ("CHINIT", "CLUSTER", "EVENT", "PUBSUB", "SYSTEM") for r in resp):
            resp = ["all"]
        # DISPLAY QMGR without attributes shows ALL in runmqsc ([R]).
        return self._project([row], resp if resp is not None else ["all"], ("qmname",), valid)

    def _display_qmstatus(self, cmd, params):
        now = time.monotonic()
        row = {"qmname": self.name, "status": "RUNNING", "chinit": "RUNNING",
               "cmdserv": "STOPPED" if self.settings.cmdserv_down() else "RUNNING",
               "startda": O.mq_date(self.started_wall), "startti": O.mq_time(self.started_wall),
               "datpath": f"/var/mqm/qmgrs/{self.name}", **{k.lower(): v for k, v in self.qmstatus.items()}}
        row["conns"] = self.connection_count(now)
        valid = {k.upper() for k in row}
        self._filter(params, ("TYPE",), valid)
        return self._project([row], cmd.response, ("qmname", "status"), valid)

    def _chstatus_row(self, name, obj, rec, state):
        info, attrs = rec.info, obj.attrs
        return {"channel": name, "chltype": obj.otype, "conname": info["conname"], "current": "",
                "rqmname": "", "status": state, "substate": SUBSTATE.get(state, ""),
                "xmitq": info["xmitq"] if obj.otype in O.XMITQ_TYPES else "",
                "chstada": O.mq_date(info["wall"]), "chstati": O.mq_time(info["wall"]),
                "mcastat": "NOTRUNNING" if state in NOT_IN_USE else "RUNNING", "stopreq": "YES" if state == "STOPPING" else "NO",
                "indoubt": "NO", "curmsgs": 0, "curseqno": 0, "lstseqno": 0, "batches": 0, "msgs": 0, "bytssent": 0, "bytsrcvd": 0,
                "buffssent": 0, "buffsrcvd": 0, "lstmsgda": "", "lstmsgti": "", "hbint": attrs.get("HBINT", 0),
                "kaint": attrs.get("KAINT", "AUTO"), "mcauser": attrs.get("MCAUSER", ""), "sslciph": attrs.get("SSLCIPH", ""),
                "sslpeer": attrs.get("SSLPEER", ""), "monchl": attrs.get("MONCHL", "QMGR"), "statchl": attrs.get("STATCHL", "QMGR"),
                **({"curshcnv": 1, "maxshcnv": attrs["SHARECNV"]} if obj.otype == "SVRCONN" and info.get("client") else {})}

    def _display_chstatus(self, cmd, params):
        now = time.monotonic()
        valid = CHSTATUS_VALID
        where, filters = self._filter(params, ("CHLTYPE", "CONNAME", "XMITQ", "CURRENT", "SAVED"), valid)
        rows = []
        for name in sorted(self.status.chstatus):
            obj = self.store["CHANNEL"].get(name)
            if obj is None or not O.generic_match(cmd.name, name):
                continue
            for rec in self.status.live_channel(name, now):
                row = self._chstatus_row(name, obj, rec, self.status.view("CHANNEL", name, rec, now))
                if all(str(row.get(k.lower(), "")).upper() == str(v).upper() for k, v in filters.items()
                       if k in ("CHLTYPE", "CONNAME", "XMITQ")):
                    rows.append(row)
        if not rows:
            raise MqscError(O.RC_CHL_STATUS_NOT_FOUND, cmd.name)  # AMQ8420I [S] / 3065 [V]
        return self._project([r for r in rows if where is None or where(r)], cmd.response, CHSTATUS_KEYS, valid)

    def _runtime_rows(self, cmd, params, kind, table, key, ident, not_found):
        now = time.monotonic()
        rows = []
        for name in sorted(table):
            if not O.generic_match(cmd.name, name) or self.status.live(table, kind, name, now) is None:
                continue
            rec = table[name]
            info = rec.info
            row = {key: name, "status": self.status.view(kind, name, rec, now), "pid": info["pid"],
                   "startda": O.mq_date(info["wall"]), "startti": O.mq_time(info["wall"]), "descr": info["DESCR"],
                   "control": info["CONTROL"]}
            if kind == "LISTENER":
                # Status shows the effective values: BACKLOG 0 -> 100 and blank IPADDR -> '*' ([S] INSTANA).
                row.update(trptype=info["TRPTYPE"], ipaddr=info["IPADDR"] or "*", port=info["PORT"], backlog=info["BACKLOG"] or 100)
            else:
                row.update({k.lower(): info[k] for k in ("SERVTYPE", "STARTCMD", "STARTARG", "STOPCMD", "STOPARG", "STDOUT", "STDERR")})
            rows.append(row)
        valid = {"LISTENER": {"LISTENER", "STATUS", "PID", "STARTDA", "STARTTI", "DESCR", "TRPTYPE", "CONTROL", "IPADDR", "PORT",
                              "BACKLOG"},
                 "SERVICE": {"SERVICE", "STATUS", "PID", "STARTDA", "STARTTI", "DESCR", "CONTROL", "SERVTYPE", "STARTCMD",
                             "STARTARG", "STOPCMD", "STOPARG", "STDOUT", "STDERR"}}[kind]
        where, _filters = self._filter(params, (), valid)
        if not rows:
            raise MqscError(not_found, cmd.name)  # a stopped listener/service has no status record ([S] INSTANA)
        return self._project([r for r in rows if where is None or where(r)], cmd.response, ident, valid)

    def _display_lsstatus(self, cmd, params):
        return self._runtime_rows(cmd, params, "LISTENER", self.status.lsstatus, "listener", LSSTATUS_KEYS, O.RC_LSTR_STATUS_NOT_FOUND)

    def _display_svstatus(self, cmd, params):
        return self._runtime_rows(cmd, params, "SERVICE", self.status.svstatus, "service", SVSTATUS_KEYS, O.RC_SERV_STATUS_NOT_FOUND)


def failure(err):
    return {"completionCode": 2, "reasonCode": err.reason, "message": list(err.lines)}


def envelope(cmd, elements):
    """Build the /mqsc response; runCommand puts every line in 'text' (DISPLAY rows as simplified runmqsc lines)."""
    if cmd is not None and cmd.text:
        header = O.DISPLAY_HEADERS.get(KIND.get(cmd.qualifier, cmd.qualifier), "")
        elements = [{"completionCode": e["completionCode"], "reasonCode": e["reasonCode"],
                     "text": e["message"] if "message" in e else [header, *format_rows(e["parameters"])]} for e in elements]
    failed = any(e["completionCode"] == 2 for e in elements)
    return {"commandResponse": elements, "overallCompletionCode": 2 if failed else 0,
            "overallReasonCode": O.RC_COMMAND_FAILED if failed else 0}


def format_rows(params):
    """runmqsc style: KEYWORD(value) pairs, two per line, blanks as '( )', CURRENT as a bare keyword."""
    pairs = ["CURRENT" if k == "current" else f"{k.upper()}({v if v != '' else ' '})" for k, v in params.items()]
    return [("   " + pairs[i].ljust(40) + (pairs[i + 1] if i + 1 < len(pairs) else "")).rstrip() for i in range(0, len(pairs), 2)]
