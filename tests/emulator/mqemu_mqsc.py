# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""MQSC semantics of one emulated queue manager: command parsing, object store and lazy runtime status.

State is lazy: a status record stores when its current phase sequence began and where it ends; the visible state is
computed from the monotonic clock whenever it is read, so no thread runs per object.
"""

import os
import re
import threading
import time
from dataclasses import dataclass, field

import mqemu_objects as O


class BadRequest(Exception):
    """The request body is malformed: HTTP 400 before any MQSC runs."""


class MqscError(Exception):
    """One failed MQSC command: an element with completionCode 2 and an MQ reason code."""

    def __init__(self, reason, name="", extra=()):
        super().__init__(reason)
        self.reason = reason
        self.name = name
        self.lines = [O.MESSAGES[reason].format(name=name), *extra]


@dataclass
class Command:
    """A parsed MQSC command; keys of params are upper-case MQSC keywords."""

    verb: str
    qualifier: str
    name: object = None
    params: dict = field(default_factory=dict)
    response: object = None
    text: bool = False
    source: str = ""
    error: object = None  # a runCommand syntax error, reported once the queue manager is reached

    @property
    def mutating(self):
        return self.verb != "DISPLAY"


# runmqsc abbreviations that clients commonly type.
ALIASES = {"DIS": "DISPLAY", "DEF": "DEFINE", "CHL": "CHANNEL", "CHS": "CHSTATUS", "QL": "QLOCAL", "QR": "QREMOTE",
           "QA": "QALIAS", "QM": "QMODEL", "Q": "QUEUE", "STA": "START"}
QUEUE_TYPES = ("QLOCAL", "QREMOTE", "QALIAS", "QMODEL")
KIND = {"CHANNEL": "CHANNEL", "LISTENER": "LISTENER", "SERVICE": "SERVICE", "QUEUE": "QUEUE", **{q: "QUEUE" for q in QUEUE_TYPES}}
SUPPORTED = {
    **{("DEFINE", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", *QUEUE_TYPES)},
    **{("ALTER", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "QMGR", *QUEUE_TYPES)},
    **{("DELETE", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", *QUEUE_TYPES)},
    **{("DISPLAY", q): None for q in ("CHANNEL", "LISTENER", "SERVICE", "QUEUE", "QMGR", "QMSTATUS", "CHSTATUS", "LSSTATUS",
                                      "SVSTATUS", *QUEUE_TYPES)},
    **{(v, q): None for v in ("START", "STOP") for q in ("CHANNEL", "LISTENER", "SERVICE")},
}
BODY_KEYS = {"type", "command", "qualifier", "name", "parameters", "responseParameters"}


def _syntax(source):
    return MqscError(O.RC_COMMAND_FAILED, extra=[source])


def parse_body(body, strict_keys=True):
    """Validate a /mqsc JSON body and return a Command (BadRequest -> 400, MqscError -> element)."""
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    if strict_keys and set(body) - BODY_KEYS:
        raise BadRequest(f"Unknown attribute(s) {sorted(set(body) - BODY_KEYS)} in the request body.")
    kind = body.get("type")
    if kind == "runCommand":
        params = body.get("parameters")
        if not isinstance(params, dict) or not isinstance(params.get("command"), str) or set(params) != {"command"}:
            raise BadRequest("runCommand needs parameters.command as a string.")
        return parse_text(params["command"])
    if kind != "runCommandJSON":
        raise BadRequest("The type attribute must be 'runCommandJSON' or 'runCommand'.")
    for key in ("command", "qualifier"):
        if not isinstance(body.get(key), str) or not body[key].strip():
            raise BadRequest(f"The {key} attribute is required and must be a string.")
    name = body.get("name")
    if name is not None and not isinstance(name, str):
        raise BadRequest("The name attribute must be a string.")
    params = body.get("parameters", {})
    if not isinstance(params, dict):
        raise BadRequest("The parameters attribute must be a JSON object.")
    for key, value in params.items():
        ok = isinstance(value, (str, int, float)) and not isinstance(value, bool)
        if not (ok or (isinstance(value, list) and all(isinstance(v, (str, int)) for v in value))):
            raise BadRequest(f"The value of parameter '{key}' has a type that is not valid.")
    resp = body.get("responseParameters")
    if resp is not None and not (isinstance(resp, list) and all(isinstance(r, str) for r in resp)):
        raise BadRequest("The responseParameters attribute must be an array of strings.")
    verb, qual = body["command"].strip().upper(), body["qualifier"].strip().upper()
    source = f"{verb} {qual}" + (f"({name})" if name else "")
    return Command(ALIASES.get(verb, verb), ALIASES.get(qual, qual), name or None, {k.upper(): v for k, v in params.items()},
                   resp, False, source)


def _finish_value(pieces):
    """One list item from (text, quoted) pieces: blanks outside the quotes are not part of the value (so DESCR( 'x y' )
    is 'x y', like DESCR('x y')); without quotes the value is stripped (and was folded to upper case already)."""
    while pieces and not pieces[0][1] and not pieces[0][0].strip():
        pieces.pop(0)
    while pieces and not pieces[-1][1] and not pieces[-1][0].strip():
        pieces.pop()
    value = "".join(piece for piece, _quoted in pieces)
    return value if any(quoted for _piece, quoted in pieces) else value.strip()


def _paren_value(text, i, source):
    """Parse a parenthesised MQSC value starting after '('; unquoted text folds to upper case, '...' keeps case."""
    items, cur, depth = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "'":
            j = i + 1
            while True:
                j = text.find("'", j)
                if j < 0:
                    raise _syntax(source)
                if text[j + 1:j + 2] == "'":  # '' is an escaped quote
                    j += 2
                    continue
                break
            cur.append((text[i + 1:j].replace("''", "'"), True))
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                items.append(_finish_value(cur))
                return (items[0] if len(items) == 1 else items), i + 1
            depth -= 1
        elif c == "," and depth == 0:
            items.append(_finish_value(cur))
            cur = []
            i += 1
            continue
        cur.append((c.upper(), False))
        i += 1
    raise _syntax(source)


_WORD = re.compile(r"[A-Za-z0-9_.*/%+\-]+")


def tokenize(text):
    """Split MQSC text into (KEYWORD, value-or-None) pairs."""
    tokens, i = [], 0
    source = text.strip()
    while i < len(text):
        if text[i].isspace() or text[i] in ",;":
            i += 1
            continue
        m = _WORD.match(text, i)
        if not m:
            raise _syntax(source)
        word, i = m.group(0).upper(), m.end()
        while i < len(text) and text[i] == " ":
            i += 1
        value = None
        if i < len(text) and text[i] == "(":
            value, i = _paren_value(text, i + 1, source)
        tokens.append((word, value))
    return tokens


def parse_text(text):
    """runCommand: one MQSC command as typed in runmqsc (no continuation characters)."""
    try:
        return _parse_text(text)
    except MqscError as err:
        words = (text.upper().replace("(", " ").split() + ["", ""])[:2]
        return Command(ALIASES.get(words[0], words[0]), ALIASES.get(words[1], words[1]), None, {}, None, True, text.strip(), err)


def _parse_text(text):
    source = text.strip()
    tokens = tokenize(text)
    if len(tokens) < 2 or tokens[0][1] is not None:
        raise _syntax(source)
    verb = ALIASES.get(tokens[0][0], tokens[0][0])
    qual, name = tokens[1]
    qual = ALIASES.get(qual, qual)
    if isinstance(name, list):
        raise _syntax(source)
    params, resp = {}, None
    for key, value in tokens[2:]:
        if value is None and verb == "DISPLAY":
            resp = (resp or []) + [key]  # DISPLAY CHANNEL(X) DESCR CONNAME / ALL
        else:
            params[key] = "YES" if value is None else value  # keyword-only flags such as REPLACE
    return Command(verb, qual, name, params, resp, True, source)


class Status:
    """A lazily evaluated runtime status record: phases [(state, seconds)] from t0, then final (None = record gone).

    stuck: a 'stuck' fault matched when the transition began; while that fault stays, the last phase never ends.
    """

    __slots__ = ("t0", "phases", "final", "info", "stuck")

    def __init__(self, t0, phases, final, info, stuck=False):
        self.t0, self.phases, self.final, self.info, self.stuck = t0, phases, final, info, stuck

    def view(self, now, stuck=False):
        elapsed = now - self.t0
        for i, (state, seconds) in enumerate(self.phases):
            if elapsed < seconds or (stuck and i == len(self.phases) - 1):
                return state
            elapsed -= seconds
        return self.final


# Channel states that make a channel "in use" for START/DELETE (IBM-CHL-STATES: RETRYING and STOPPED are not active;
# the emulator also treats its own STARTING phase as in use because a start is already under way).
NOT_IN_USE = ("STOPPED", "RETRYING")
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


class QueueManager:
    """One emulated queue manager. All methods run under self.lock (taken by the model)."""

    def __init__(self, name, model, seed):
        self.name, self.model = name, model
        self.lock = threading.RLock()
        self.store = {"CHANNEL": {}, "LISTENER": {}, "SERVICE": {}, "QUEUE": {}}
        wall = time.time()
        self.qmgr = MQObject(None, dict(O.QMGR_ATTRS, SSLKEYR=f"/var/mqm/qmgrs/{name}/ssl/key",
                                        CERTLABL=f"ibmwebspheremq{name.lower()}"), wall)
        self.qmstatus = dict(O.QMSTATUS_BASE)
        self.chstatus, self.lsstatus, self.svstatus = {}, {}, {}
        self.ended_state, self.start_at, self.running_at, self.started_wall = "ended", 0.0, 0.0, wall
        self.pid = 1000
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
        """End the queue manager: listeners and services end; STOPPED channel records are saved (IBM-DIS-CHS-ZH), except
        SVRCONN ones, which are reset when the channel initiator stops (IBM-RESTART-CHL); RETRYING is remembered."""
        self.ended_state = "endedImmediately" if immediate else "ended"
        self.start_at = None
        self.lsstatus.clear()
        self.svstatus.clear()
        now = time.monotonic()
        for name in list(self.chstatus):
            obj, kept = self.store["CHANNEL"][name], []
            for rec in self.chstatus[name]:
                # A pending STOP completes as the qmgr ends; a sender heading for RETRYING is saved as RETRYING.
                if rec.final == "RETRYING" or (rec.final == "STOPPED" and obj.otype != "SVRCONN"):
                    kept.append(Status(now, [], rec.final, rec.info))
            if kept:
                self.chstatus[name] = kept[:1]
            else:
                del self.chstatus[name]

    def start(self, start_at, running_at):
        """Schedule start: 'starting' from start_at, 'running' from running_at; CONTROL(QMGR|STARTONLY) objects start then."""
        self.start_at, self.running_at = start_at, running_at
        self.started_wall = time.time() + (running_at - time.monotonic())
        for name, recs in self.chstatus.items():
            if recs and recs[0].final == "RETRYING":
                self.chstatus[name] = [self._channel_start_record(name, self.store["CHANNEL"][name], running_at)]
        for name, obj in self.store["LISTENER"].items():
            if obj.attrs["CONTROL"] != "MANUAL" and name not in self.lsstatus:
                self.lsstatus[name] = self._listener_record(name, obj, running_at)
        for name, obj in self.store["SERVICE"].items():
            if obj.attrs["CONTROL"] != "MANUAL" and obj.attrs["SERVTYPE"] == "SERVER" and obj.attrs["STARTCMD"].strip():
                self.svstatus[name] = self._service_record(name, obj, running_at)

    def attach_clients(self, channel, count):
        obj = self.store["CHANNEL"].get(channel)
        if obj is None or obj.otype != "SVRCONN":
            raise LookupError(f"SVRCONN channel {channel} not found on {self.name}")
        recs = self._live_chstatus(channel, time.monotonic())
        if any(self._view("CHANNEL", channel, r, time.monotonic()) == "STOPPED" for r in recs) and count:
            raise ValueError(f"channel {channel} is STOPPED; MQ refuses client connections until it is started")
        recs = [Status(time.monotonic(), [], "RUNNING", {"conname": f"10.0.{i // 250}.{i % 250 + 1}", "client": True,
                                                         "wall": time.time()}) for i in range(count)]
        if recs:
            self.chstatus[channel] = recs
        else:
            self.chstatus.pop(channel, None)

    # ----- helpers ---------------------------------------------------------------------------------------------
    def _timing(self, key):
        return float(self.model.timing[key])

    def _view(self, kind, name, rec, now):
        return rec.view(now, rec.stuck and self.model.is_stuck(self.name, kind, name))

    def _status(self, kind, name, t0, phases, final, info):
        return Status(t0, phases, final, info, self.model.is_stuck(self.name, kind, name))

    def _live_chstatus(self, name, now):
        recs = [r for r in self.chstatus.get(name, []) if self._view("CHANNEL", name, r, now) is not None]
        if recs:
            self.chstatus[name] = recs
        else:
            self.chstatus.pop(name, None)
        return recs

    def _live(self, table, kind, name, now):
        rec = table.get(name)
        if rec is not None and self._view(kind, name, rec, now) is None:
            del table[name]
            rec = None
        return rec

    def _next_pid(self):
        self.pid += 1
        return self.pid

    def _channel_start_record(self, name, obj, t0):
        # The start time is spread over INITIALIZING/STARTING/BINDING (IBM-CURRENT-ACTIVE flow); a CONNAME whose every
        # host ends in '.invalid' can never connect, so the channel ends in RETRYING (and keeps retrying).
        third = self._timing("channel_start") / 3
        conname = obj.attrs.get("CONNAME", "")
        hosts = [c.split("(")[0].strip().lower() for c in conname.split(",") if c.strip()]
        final = "RETRYING" if hosts and all(h.endswith(".invalid") for h in hosts) else "RUNNING"
        info = {"conname": conname, "xmitq": obj.attrs.get("XMITQ", ""), "wall": time.time() + (t0 - time.monotonic())}
        return self._status("CHANNEL", name, t0, [("INITIALIZING", third), ("STARTING", third), ("BINDING", third)], final, info)

    def _listener_record(self, name, obj, t0):
        port, final = obj.attrs["PORT"], "RUNNING"
        conflict = port and any(other != name and not rec.info.get("conflict") and rec.info["PORT"] == port
                                and self._view("LISTENER", other, rec, time.monotonic()) is not None
                                for other, rec in self.lsstatus.items())
        if conflict:  # runmqlsr cannot bind a port another listener holds (config listener_port_conflict)
            final = {"vanish": None, "starting": "STARTING", "ignore": "RUNNING"}[self.model.config["listener_port_conflict"]]
        info = dict(obj.attrs, pid=self._next_pid(), wall=time.time() + (t0 - time.monotonic()), conflict=bool(conflict))
        return self._status("LISTENER", name, t0, [("STARTING", self._timing("listener_start"))], final, info)

    def _service_record(self, name, obj, t0):
        cmd = obj.attrs["STARTCMD"].strip()
        runs = self.model.config["service_command_check"] == "always" or cmd.startswith(("+MQ_INSTALL_PATH+", "/opt/mqm/")) \
            or os.path.exists(cmd)
        info = dict(obj.attrs, pid=self._next_pid(), wall=time.time() + (t0 - time.monotonic()))
        return self._status("SERVICE", name, t0, [("STARTING", self._timing("service_start"))], "RUNNING" if runs else None, info)

    # ----- dispatch --------------------------------------------------------------------------------------------
    def execute(self, cmd):
        """Run one command; returns a list of response elements (MqscError is turned into one failing element)."""
        if cmd.error is not None:
            raise cmd.error
        if (cmd.verb, cmd.qualifier) not in SUPPORTED:
            raise _syntax(cmd.source)
        if (cmd.name is None) != (cmd.qualifier in ("QMGR", "QMSTATUS")):
            raise _syntax(cmd.source)  # QMGR/QMSTATUS take no name; every other object needs one
        params = dict(cmd.params)
        if cmd.verb == "DISPLAY":
            return getattr(self, f"_display_{cmd.qualifier.lower()}", self._display_objects)(cmd, params)
        if cmd.qualifier == "QMGR":
            return self._alter_qmgr(params)
        kind = KIND[cmd.qualifier]
        if cmd.verb in ("START", "STOP"):
            return [getattr(self, f"_{cmd.verb.lower()}_{kind.lower()}")(cmd.name, params)]
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
            if trptype is None and (verb == "DEFINE" or self.model.config["alter_listener_requires_trptype"]):
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
        elif existing and self.model.config["replace_mode"] == "alter":
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
        now = time.monotonic()
        if kind == "CHANNEL":
            if any(self._view(kind, name, r, now) not in NOT_IN_USE for r in self._live_chstatus(name, now)):
                raise MqscError(O.RC_CHANNEL_IN_USE, name)  # §4.2 [R]
            self.chstatus.pop(name, None)  # deleting a channel deletes its saved status
        elif kind == "LISTENER" and self._live(self.lsstatus, kind, name, now):
            raise MqscError(O.RC_LISTENER_RUNNING, name)
        elif kind == "SERVICE" and self._live(self.svstatus, kind, name, now):
            raise MqscError(O.RC_SERVICE_RUNNING, name)
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

    def _start_channel(self, name, params):
        ignstate = self._options(params, {"IGNSTATE": O.YESNO}).get("IGNSTATE") == "YES"
        obj = self._get("CHANNEL", name)
        if obj.otype == "CLNTCONN":
            raise MqscError(O.RC_CHANNEL_TYPE_ERROR, name)  # START is not valid for CLNTCONN (IBM-STA-CHL)
        now = time.monotonic()
        recs = self._live_chstatus(name, now)
        if any(self._view("CHANNEL", name, r, now) not in NOT_IN_USE for r in recs):
            if ignstate:
                return self._msg("start.CHANNEL")
            raise MqscError(O.RC_CHANNEL_IN_USE, name)  # AMQ9514E [S]
        self.chstatus.pop(name, None)  # re-enable: the STOPPED (or RETRYING) record goes
        if obj.otype in O.INITIATING_TYPES:
            self.chstatus[name] = [self._channel_start_record(name, obj, now)]
        return self._msg("start.CHANNEL")

    def _stop_channel(self, name, params):
        opts = self._options(params, {"MODE": ("QUIESCE", "FORCE", "TERMINATE"), "STATUS": ("STOPPED", "INACTIVE"),
                                      "IGNSTATE": O.YESNO})
        obj = self._get("CHANNEL", name)
        if obj.otype == "CLNTCONN":
            raise MqscError(O.RC_CHANNEL_TYPE_ERROR, name)
        final = None if opts.get("STATUS") == "INACTIVE" else "STOPPED"
        now = time.monotonic()
        recs = self._live_chstatus(name, now)
        active = [r for r in recs if self._view("CHANNEL", name, r, now) != "STOPPED"]
        info = {"conname": "" if obj.otype == "SVRCONN" else obj.attrs.get("CONNAME", ""), "xmitq": obj.attrs.get("XMITQ", ""),
                "wall": time.time()}
        if not active:
            if opts.get("IGNSTATE") == "YES":
                return self._msg("stop.CHANNEL")
            if not recs and final and self.model.config["stop_inactive_channel"] == "stopped_record":
                self.chstatus[name] = [Status(now, [], "STOPPED", info)]  # §5.1 [R] alternative
                return self._msg("stop.CHANNEL")
            raise MqscError(O.RC_CHANNEL_NOT_ACTIVE, name)
        # FORCE/TERMINATE do not wait for the batch to finish, so they take half the stop time.
        seconds = self._timing("channel_stop") * (1.0 if opts.get("MODE", "QUIESCE") == "QUIESCE" else 0.5)
        if obj.otype != "SVRCONN":
            info.update(conname=active[0].info["conname"], xmitq=active[0].info["xmitq"])
        # One STOPPING record replaces every instance; SVRCONN clients are disconnected (IBM-STOP-MQI).
        self.chstatus[name] = [self._status("CHANNEL", name, now, [("STOPPING", seconds)], final, info)]
        return self._msg("stop.CHANNEL")

    def _start_listener(self, name, params):
        ignstate = self._options(params, {"IGNSTATE": O.YESNO}).get("IGNSTATE") == "YES"
        obj = self._get("LISTENER", name)
        now = time.monotonic()
        if self._live(self.lsstatus, "LISTENER", name, now):
            if ignstate:
                return self._msg("start.LISTENER")
            raise MqscError(O.RC_LISTENER_STARTED, name)
        self.lsstatus[name] = self._listener_record(name, obj, now)
        return self._msg("start.LISTENER")

    def _stop_listener(self, name, params):
        ignstate = self._options(params, {"IGNSTATE": O.YESNO}).get("IGNSTATE") == "YES"
        self._get("LISTENER", name)
        now = time.monotonic()
        rec = self._live(self.lsstatus, "LISTENER", name, now)
        if rec is None:
            if ignstate:
                return self._msg("stop.LISTENER")
            raise MqscError(O.RC_LISTENER_STOPPED, name)  # AMQ8731W [S]
        if self._view("LISTENER", name, rec, now) != "STOPPING":
            self.lsstatus[name] = self._status("LISTENER", name, now, [("STOPPING", self._timing("listener_stop"))], None, rec.info)
        return self._msg("stop.LISTENER")

    def _start_service(self, name, params):
        ignstate = self._options(params, {"IGNSTATE": O.YESNO}).get("IGNSTATE") == "YES"
        obj = self._get("SERVICE", name)
        if not obj.attrs["STARTCMD"].strip():
            raise MqscError(O.RC_NO_START_CMD, name)
        if obj.attrs["SERVTYPE"] == "COMMAND":
            return self._msg("start.SERVICE")  # COMMAND services run unmonitored: no status ever (IBM-SVC-WORK)
        now = time.monotonic()
        if self._live(self.svstatus, "SERVICE", name, now):
            if ignstate:
                return self._msg("start.SERVICE")
            raise MqscError(O.RC_SERVICE_RUNNING, name)
        self.svstatus[name] = self._service_record(name, obj, now)
        return self._msg("start.SERVICE")

    def _stop_service(self, name, params):
        ignstate = self._options(params, {"IGNSTATE": O.YESNO}).get("IGNSTATE") == "YES"
        obj = self._get("SERVICE", name)
        if not obj.attrs["STOPCMD"].strip():
            raise MqscError(O.RC_NO_STOP_CMD, name)
        if obj.attrs["SERVTYPE"] == "COMMAND":
            return self._msg("stop.SERVICE")
        now = time.monotonic()
        rec = self._live(self.svstatus, "SERVICE", name, now)
        if rec is None:
            if ignstate:
                return self._msg("stop.SERVICE")
            raise MqscError(O.RC_SERVICE_STOPPED, name)
        if self._view("SERVICE", name, rec, now) != "STOPPING":
            self.svstatus[name] = self._status("SERVICE", name, now, [("STOPPING", self._timing("service_stop"))], None, rec.info)
        return self._msg("stop.SERVICE")

    # ----- DISPLAY ----------------------------------------------------------------------------------------------
    def _project(self, rows, resp, identity, valid):
        """responseParameters: None -> identity keys only (runmqsc without ALL, [I]; config display_default),
        ["all"] -> everything, a list -> identity keys plus those asked for."""
        if resp is None:
            keys = None if self.model.config["display_default"] == "all" else identity
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

    def connection_count(self, now):
        """QMSTATUS CONNS: the configured base plus one per attached SVRCONN client instance."""
        clients = sum(1 for n, recs in self.chstatus.items() for r in recs
                      if r.info.get("client") and self._view("CHANNEL", n, r, now) == "RUNNING")
        return int(self.qmstatus.get("CONNS", 0)) + clients

    def _display_qmstatus(self, cmd, params):
        now = time.monotonic()
        row = {"qmname": self.name, "status": "RUNNING", "chinit": "RUNNING",
               "cmdserv": "STOPPED" if self.model.cmdserv_down(self.name) else "RUNNING",
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
        for name in sorted(self.chstatus):
            obj = self.store["CHANNEL"].get(name)
            if obj is None or not O.generic_match(cmd.name, name):
                continue
            for rec in self._live_chstatus(name, now):
                row = self._chstatus_row(name, obj, rec, self._view("CHANNEL", name, rec, now))
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
            if not O.generic_match(cmd.name, name) or self._live(table, kind, name, now) is None:
                continue
            rec = table[name]
            info = rec.info
            row = {key: name, "status": self._view(kind, name, rec, now), "pid": info["pid"],
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
        return self._runtime_rows(cmd, params, "LISTENER", self.lsstatus, "listener", LSSTATUS_KEYS, O.RC_LSTR_STATUS_NOT_FOUND)

    def _display_svstatus(self, cmd, params):
        return self._runtime_rows(cmd, params, "SERVICE", self.svstatus, "service", SVSTATUS_KEYS, O.RC_SERV_STATUS_NOT_FOUND)


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
