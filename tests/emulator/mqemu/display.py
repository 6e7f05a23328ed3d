# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""DISPLAY output of one queue manager and the /mqsc response around every command's elements.

DISPLAY reads the queue manager's object store and runtime status; it never changes an object, only drops status records
whose state has ended (RuntimeStatus.live).
"""

import re
import time

from . import objects as O
from .parse import KIND, MqscError
from .status import NOT_IN_USE

SUBSTATE = {"BINDING": "NETCONNECT", "RUNNING": "MQGET"}
CHSTATUS_KEYS = ("channel", "chltype", "conname", "current", "rqmname", "status", "substate", "xmitq")  # always returned [R]
CHSTATUS_VALID = {k.upper() for k in CHSTATUS_KEYS} | {
    "CHSTADA", "CHSTATI", "MCASTAT", "STOPREQ", "INDOUBT", "CURMSGS", "CURSEQNO", "LSTSEQNO", "BATCHES", "MSGS", "BYTSSENT", "BYTSRCVD",
    "BUFFSSENT", "BUFFSRCVD", "LSTMSGDA", "LSTMSGTI", "HBINT", "KAINT", "MCAUSER", "SSLCIPH", "SSLPEER", "MONCHL", "STATCHL", "CURSHCNV",
    "MAXSHCNV", "SSLCERTI", "SSLKEYDA", "SSLKEYTI"}
LSSTATUS_KEYS = ("listener", "status", "pid")
SVSTATUS_KEYS = ("service", "status", "pid")
WHERE_OPS = ("EQ", "NE", "LT", "GT", "LE", "GE", "LK", "NL")
FLAG_KEYS = set(O.NEGATIONS.values())  # runmqsc shows TRIGGER/NOTRIGGER, SHARE/NOSHARE, HARDENBO/NOHARDENBO


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


def display(qm, cmd, params):
    """DISPLAY on queue manager qm -> response elements, one per row (params: the filters, popped as they are read)."""
    return {"QMGR": _display_qmgr, "QMSTATUS": _display_qmstatus, "CHSTATUS": _display_chstatus, "LSSTATUS": _display_lsstatus,
            "SVSTATUS": _display_svstatus, "QSTATUS": _display_qstatus}.get(cmd.qualifier, _display_objects)(qm, cmd, params)


def _project(qm, rows, resp, identity, valid):
    """responseParameters: None -> identity keys only (runmqsc without ALL, [I]; config display_default),
    ["all"] -> everything, a list -> identity keys plus those asked for."""
    if resp is None:
        keys = None if qm.settings.config("display_default") == "all" else identity
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


def _filter(params, allowed, valid):
    """Pop DISPLAY filter keywords; anything else is not a valid keyword here."""
    where = _where(params, valid)
    filters = {}
    for key, value in params.items():
        if key not in allowed:
            raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        filters[key] = value
    return where, filters


def _object_row(qm, kind, name, obj):
    attrs = {k.lower(): ("********" if k in O.SECRET_KEYS and v else v) for k, v in sorted(obj.attrs.items())}
    plain = O.PLAIN_KINDS.get(kind)
    if plain:
        attrs.update({k.lower(): derive(name, obj.attrs) for k, derive in plain.derived.items()})
        row = {plain.ident[0]: name, **{k: attrs[k] for k in plain.ident[1:]}}
    else:
        row = {"CHANNEL": {"channel": name, "chltype": obj.otype}, "QUEUE": {"queue": name, "type": obj.otype},
               "LISTENER": {"listener": name}, "SERVICE": {"service": name}, "AUTHINFO": {"authinfo": name, "authtype": obj.otype}}[kind]
    row.update(attrs)
    row.update({k.lower(): v for k, v in O.QUEUE_SHOWN.get(obj.otype, {}).items()})
    if obj.otype == "QLOCAL":
        state = qm.qstate.get(name, O.EMPTY_QUEUE)
        row.update(curdepth=state["CURDEPTH"], ipprocs=state["IPPROCS"], opprocs=state["OPPROCS"])
    if kind in ("QUEUE", "SUB"):
        row.update(crdate=O.mq_date(obj.crwall), crtime=O.mq_time(obj.crwall))
    row.update(altdate=O.mq_date(obj.altwall), alttime=O.mq_time(obj.altwall))
    return row


def _display_objects(qm, cmd, params):
    kind = KIND[cmd.qualifier]
    plain = O.PLAIN_KINDS.get(kind)
    if plain:
        ident, schema_keys = plain.ident, set(plain.attrs) | set(plain.derived)
    else:
        ident = {"CHANNEL": ("channel", "chltype"), "QUEUE": ("queue", "type"), "LISTENER": ("listener",),
                 "SERVICE": ("service",), "AUTHINFO": ("authinfo", "authtype")}[kind]
        schema_keys = {"CHANNEL": O.ALL_CHANNEL_KEYS, "LISTENER": O.LISTENER_ATTRS, "SERVICE": O.SERVICE_ATTRS,
                       "QUEUE": {k for a in O.QUEUE_ATTRS.values() for k in a} | {"DEFTYPE"}, "AUTHINFO": O.ALL_AUTHINFO_KEYS}[kind]
    valid = {k.upper() for k in ident} | set(schema_keys) | set(O.QUEUE_RUNTIME_KEYS)
    # DISPLAY QUEUE selects by TYPE, and like the other typed displays by TARGTYPE, CLUSTER and CLUSNL ([V] IBM DISPLAY
    # QUEUE); DISPLAY TOPIC by TYPE(LOCAL|CLUSTER|ALL) and CLUSTER, DISPLAY SUB by SUBTYPE and DURABLE, and by SUBID with or
    # without a name ([V] their pages).
    # DISPLAY CHANNEL selects a type with TYPE(...) (or CHLTYPE), as DISPLAY QUEUE does with TYPE ([V] IBM q086040_); DISPLAY
    # AUTHINFO with AUTHTYPE(ALL|CRLLDAP|IDPWLDAP|IDPWOS|OCSP) ([V] IBM-DIS-AUTHINFO).
    allowed = {"CHANNEL": ("CHLTYPE", "TYPE"), "QUEUE": ("TYPE", "TARGTYPE", "CLUSTER", "CLUSNL"), "TOPIC": ("TYPE", "CLUSTER"),
               "SUB": ("SUBTYPE", "DURABLE", "SUBID"), "AUTHINFO": ("AUTHTYPE",)}.get(kind, ())
    where, filters = _filter(params, allowed, valid)
    want_type = None if plain else (filters.pop("CHLTYPE", None) or filters.pop("TYPE", None) or filters.pop("AUTHTYPE", None)
                                    or (cmd.qualifier if kind == "QUEUE" and cmd.qualifier != "QUEUE" else None))
    if kind == "QUEUE" and (not isinstance(want_type, (str, type(None)))
                            or (want_type and want_type.upper() not in O.QUEUE_DISPLAY_TYPES)):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, "TYPE")
    if kind == "AUTHINFO" and want_type is not None and (not isinstance(want_type, str)
                                                         or want_type.upper() not in ("ALL", *O.AUTHINFO_ATTRS)):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, "AUTHTYPE")
    want_type = want_type.upper() if isinstance(want_type, str) and want_type.upper() != "ALL" else None

    # Attribute filters match like generic names, enumerations in any case; ALL matches everything; a row without the
    # attribute (another queue type) does not match.
    wants = {k.lower(): str(v) if k in ("CLUSTER", "CLUSNL") else str(v).upper() for k, v in filters.items()}
    objects = list(qm.store[kind].items())
    if kind == "CHANNEL":
        # Both tables: a SVRCONN and a CLNTCONN of one name are two rows, the queue manager's first ([V] q027540_ / [I]).
        objects += qm.store["CLNTTBL"].items()
    pattern = "*" if cmd.name is None else cmd.name  # DISPLAY SUB SUBID(...) without a name
    rows = [row for row in (_object_row(qm, kind, n, o) for n, o in sorted(objects, key=lambda item: item[0])
                            if O.generic_match(pattern, n) and (want_type is None or o.otype == want_type))
            if all(want == "ALL" or (key in row and O.generic_match(want, str(row[key]))) for key, want in wants.items())]
    if not rows:
        raise MqscError(O.RC_UNKNOWN_OBJECT, pattern)  # 2085 rather than an empty list (pymqrest ef36c2f)
    return _project(qm, [r for r in rows if where is None or where(r)], cmd.response, ident, valid)


# DISPLAY QSTATUS TYPE(QUEUE) fields in runmqsc order ([S] DIS QSTATUS(DEV.QUEUE.1) on an MQ 9.2 container); a specific
# name shows them all, a generic name only QUEUE, TYPE and CURDEPTH ([S] dis qs(X*) transcript).
QSTATUS_KEYS = ("queue", "type", "curdepth", "curfsize", "curmaxfs", "ipprocs", "lgetdate", "lgettime", "lputdate",
                "lputtime", "medialog", "monq", "msgage", "opprocs", "qtime", "uncom")
# TYPE(HANDLE): one row per open handle (IBM DISPLAY QSTATUS handle status); values are those of a local application.
QSTATUS_HANDLE_KEYS = ("queue", "type", "appldesc", "appltag", "appltype", "browse", "channel", "conname", "astate", "hstate",
                       "input", "inquire", "output", "pid", "qmurid", "set", "tid", "urid", "urtype", "userid")


def _qstatus_rows(qm, name, obj, qtype, opentype):
    state = qm.qstate.get(name, O.EMPTY_QUEUE)
    if qtype == "HANDLE":
        handles = [("SHARED", "NO")] * (state["IPPROCS"] if opentype in ("ALL", "INPUT") else 0) + \
                  [("NO", "YES")] * (state["OPPROCS"] if opentype in ("ALL", "OUTPUT") else 0)
        return [{"queue": name, "type": "HANDLE", "appldesc": "", "appltag": "mqemu", "appltype": "USER", "browse": "NO",
                 "channel": "", "conname": "", "astate": "NONE", "hstate": "INACTIVE", "input": inp, "inquire": "NO",
                 "output": out, "pid": 4000 + i, "qmurid": "0.0", "set": "NO", "tid": 1, "urid": "", "urtype": "QMGR",
                 "userid": "mqm"} for i, (inp, out) in enumerate(handles)]
    # Monitoring fields are blank unless queue monitoring is on (MONQ, QMGR meaning the queue manager's MONQ).
    monq = obj.attrs["MONQ"] if obj.attrs["MONQ"] != "QMGR" else qm.qmgr.attrs["MONQ"]
    mon = monq not in ("OFF", "NONE")

    def stamp(wall):
        return (O.mq_date(wall), O.mq_time(wall)) if mon and wall else ("", "")
    lget, lput = stamp(state["LGET"]), stamp(state["LPUT"])
    age = int(time.time() - state["OLDEST"]) if mon and state["OLDEST"] else ("" if not mon else 0)
    return [{"queue": name, "type": "QUEUE", "curdepth": state["CURDEPTH"], "curfsize": 1, "curmaxfs": 2088960,
             "ipprocs": state["IPPROCS"], "lgetdate": lget[0], "lgettime": lget[1], "lputdate": lput[0], "lputtime": lput[1],
             "medialog": "", "monq": monq, "msgage": age, "opprocs": state["OPPROCS"], "qtime": "", "uncom": "NO"}]


def _display_qstatus(qm, cmd, params):
    """DISPLAY QSTATUS(generic) [TYPE(QUEUE|HANDLE)] [OPENTYPE(ALL|INPUT|OUTPUT)]: local queues only."""
    valid = {k.upper() for k in QSTATUS_KEYS + QSTATUS_HANDLE_KEYS}
    where, filters = _filter(params, ("TYPE", "OPENTYPE"), valid)
    qtype, opentype = (str(filters.get(k, d)).upper() for k, d in (("TYPE", "QUEUE"), ("OPENTYPE", "ALL")))
    if qtype not in ("QUEUE", "HANDLE"):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, "TYPE")
    if opentype not in ("ALL", "INPUT", "OUTPUT"):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, "OPENTYPE")
    local = [(n, o) for n, o in sorted(qm.store["QUEUE"].items()) if o.otype == "QLOCAL" and O.generic_match(cmd.name, n)]
    if not local:
        raise MqscError(O.RC_UNKNOWN_OBJECT, cmd.name)  # [I] as DISPLAY QLOCAL: no local queue of that name
    rows = [r for n, o in local for r in _qstatus_rows(qm, n, o, qtype, opentype)]
    resp = cmd.response
    if resp is None and qm.settings.config("display_default") != "all":
        generic = cmd.name.endswith("*")
        resp = ["curdepth"] if qtype == "QUEUE" and generic else (["all"] if not generic else [])
    return _project(qm, [r for r in rows if where is None or where(r)], resp, ("queue", "type"), valid)


def _qmgr_row(qm):
    created = qm.qmgr.crwall
    attrs = {k.lower(): ("********" if k in O.SECRET_KEYS and v else v) for k, v in sorted({**qm.qmgr.attrs, **O.QMGR_SHOWN}.items())}
    return {"qmname": qm.name, **attrs, "qmid": f"{qm.name}_{time.strftime('%Y-%m-%d_%H.%M.%S', time.localtime(created))}",
            "crdate": O.mq_date(created), "crtime": O.mq_time(created),
            "altdate": O.mq_date(qm.qmgr.altwall), "alttime": O.mq_time(qm.qmgr.altwall)}


def _display_qmgr(qm, cmd, params):
    row = _qmgr_row(qm)
    valid = {k.upper() for k in row} | set(O.QMGR_GROUPS)
    _filter(params, (), valid)
    resp = cmd.response
    if resp is not None:
        groups = [O.QMGR_GROUPS.get(r.upper()) for r in resp]
        resp = ["all"] if () in groups else [k for r, g in zip(resp, groups) for k in (g if g is not None else (r,))]
    # DISPLAY QMGR without attributes shows ALL in runmqsc ([R]).
    return _project(qm, [row], resp if resp is not None else ["all"], ("qmname",), valid)


# DISPLAY QMSTATUS TYPE(NATIVEHA) keywords ([V] IBM-QMSTATUS-94 syntax diagram "Native HA attributes").
NATIVEHA_KEYS = ("ACKLSN", "BACKLOG", "CONNACTV", "GRPADDR", "GRPNAME", "GRPROLE", "GRPVER", "GRSTATUS", "HAINITDA", "HAINITL",
                 "HAINITTI", "HASTATUS", "INITTIME", "INSTANCE", "INSYNC", "LIVETIME", "NHATYPE", "RCOVLSN", "RCOVTIME",
                 "REPLADDR", "ROLE", "SYNCTIME", "TYPE")
# TYPE(QMGR) fields of a queue manager that is not Native HA ([S] INSTANA 9.4.2: GRPLSN( ) GRPNAME( ) GRPROLE(NOTCONFIG)
# INSTANCE( ) QUORUM( )).
NOT_NATIVEHA = {"grplsn": "", "grpname": "", "grprole": "NOTCONFIG", "instance": "", "quorum": ""}


def _display_qmstatus(qm, cmd, params):
    now = time.monotonic()
    if str(params.get("TYPE", "QMGR")).upper() == "NATIVEHA":
        return _display_nativeha(qm, cmd, params, now)
    linear = qm.qmstatus.get("LOGTYPE") == "LINEAR"
    status = {**(O.QMSTATUS_LINEAR if linear else {}), **qm.qmstatus}
    life = qm.life
    # CHINIT and CMDSERV follow the start milestones (STARTING, then RUNNING: MQSVC_STATUS_* [V] Inquire QMgr Status)
    row = {"qmname": qm.name, "type": "QMGR", "status": "RUNNING", "chinit": life.chinit_state(now),
           "cmdserv": life.cmdserv_state(now, qm.settings.cmdserv_down()),
           "startda": O.mq_date(qm.started_wall), "startti": O.mq_time(qm.started_wall), "datpath": f"/var/mqm/qmgrs/{qm.name}",
           # circular logging: the linear-only fields are not shown, even when set through the control API ([S] INSTANA)
           **{k.lower(): v for k, v in status.items() if linear or k not in O.QMSTATUS_LINEAR},
           # Native HA: the active instance's name, QUORUM(in sync/3) and the group ([V] IBM-QMSTATUS-94; nativeha.py);
           # a multi-instance queue manager permits standbys
           **(life.group.qmgr_fields(now) if life.group else NOT_NATIVEHA),
           **({"standby": "PERMIT"} if life.kind == "multi" else {})}
    row["conns"] = qm.connection_count(now)
    valid = {k.upper() for k in row} | set(O.QMSTATUS_LOG) | {"LOG"}
    where, filters = _filter(params, ("TYPE",), valid)
    if str(filters.get("TYPE", "QMGR")).upper() != "QMGR":
        raise MqscError(O.RC_ATTR_VALUE_ERROR, "TYPE")
    resp = cmd.response
    if resp is not None and any(r.upper() == "LOG" for r in resp):
        resp = [k for r in resp for k in (O.QMSTATUS_LOG if r.upper() == "LOG" else (r,))]
    return _project(qm, [row] if where is None or where(row) else [], resp, ("qmname", "status"), valid)


def _display_nativeha(qm, cmd, params, now):
    """DISPLAY QMSTATUS TYPE(NATIVEHA) [NHATYPE(INSTANCE|GROUP|ALL)]: one row per instance of the group as the active
    instance reports it (nativeha.Group.qmstatus_rows). ALL is the default without requested attributes ([V]
    IBM-QMSTATUS-94); GROUP rows belong to cross-region replication, which is not emulated (none). On a queue manager that
    is not Native HA: 4005 ([I] reason)."""
    where, filters = _filter(params, ("TYPE", "NHATYPE"), set(NATIVEHA_KEYS))
    nhatype = str(filters.get("NHATYPE", "INSTANCE")).upper()
    if qm.life.group is None:
        raise MqscError(O.RC_ATTR_VALUE_ERROR, "TYPE")
    if nhatype not in ("INSTANCE", "GROUP", "ALL"):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, "NHATYPE")
    rows = qm.life.group.qmstatus_rows(now) if nhatype != "GROUP" else []
    rows = [row for row in rows if where is None or where(row)]
    return _project(qm, rows, ["all"] if cmd.response is None else cmd.response, ("instance", "type"), set(NATIVEHA_KEYS))


def _chstatus_row(qm, name, obj, rec, state):
    info, attrs = rec.info, obj.attrs
    return {"channel": name, "chltype": obj.otype, "conname": info["conname"], "current": "",
            "rqmname": info.get("rqmname", ""), "status": state, "substate": SUBSTATE.get(state, ""),
            "xmitq": info["xmitq"] if obj.otype in O.XMITQ_TYPES else "",
            "chstada": O.mq_date(info["wall"]), "chstati": O.mq_time(info["wall"]),
            "mcastat": "NOTRUNNING" if state in NOT_IN_USE else "RUNNING", "stopreq": "YES" if state == "STOPPING" else "NO",
            "indoubt": "NO", "curmsgs": 0, "curseqno": 0, "lstseqno": 0, "batches": 0, "msgs": 0, "bytssent": 0, "bytsrcvd": 0,
            "buffssent": 0, "buffsrcvd": 0, "lstmsgda": "", "lstmsgti": "", "hbint": attrs.get("HBINT", 0),
            "kaint": attrs.get("KAINT", "AUTO"), "mcauser": info.get("mcauser", attrs.get("MCAUSER", "")), "sslciph": attrs.get("SSLCIPH", ""),
            "sslpeer": attrs.get("SSLPEER", ""), "monchl": attrs.get("MONCHL", "QMGR"), "statchl": attrs.get("STATCHL", "QMGR"),
            **_tls_fields(info.get("tls") if state == "RUNNING" else None),
            **({"curshcnv": 1, "maxshcnv": attrs["SHARECNV"]} if obj.otype == "SVRCONN" and info.get("client") else {})}


def _tls_fields(tls):
    """A TLS instance's peer certificate issuer and its last secret-key reset, the handshake (keyrepo.peer_info); blank for
    a channel without TLS or one not RUNNING yet."""
    if not tls:
        return {"sslcerti": "", "sslkeyda": "", "sslkeyti": ""}
    return {"sslcerti": tls["sslcerti"], "sslkeyda": O.mq_date(tls["sslkey_wall"]), "sslkeyti": O.mq_time(tls["sslkey_wall"])}


def _display_chstatus(qm, cmd, params):
    now = time.monotonic()
    valid = CHSTATUS_VALID
    where, filters = _filter(params, ("CHLTYPE", "CONNAME", "XMITQ", "CURRENT", "SAVED"), valid)
    rows = []
    for name in sorted(qm.status.chstatus):
        obj = qm.store["CHANNEL"].get(name)
        if obj is None or not O.generic_match(cmd.name, name):
            continue
        for rec in qm.status.live_channel(name, now):
            row = _chstatus_row(qm, name, obj, rec, qm.status.view("CHANNEL", name, rec, now))
            if all(str(row.get(k.lower(), "")).upper() == str(v).upper() for k, v in filters.items()
                   if k in ("CHLTYPE", "CONNAME", "XMITQ")):
                rows.append(row)
    if not rows:
        raise MqscError(O.RC_CHL_STATUS_NOT_FOUND, cmd.name)  # AMQ8420I [S] / 3065 [V]
    return _project(qm, [r for r in rows if where is None or where(r)], cmd.response, CHSTATUS_KEYS, valid)


def _runtime_rows(qm, cmd, params, kind, table, key, ident, not_found):
    now = time.monotonic()
    rows = []
    for name in sorted(table):
        if not O.generic_match(cmd.name, name) or qm.status.live(table, kind, name, now) is None:
            continue
        rec = table[name]
        info = rec.info
        row = {key: name, "status": qm.status.view(kind, name, rec, now), "pid": info["pid"],
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
    where, _filters = _filter(params, (), valid)
    if not rows:
        raise MqscError(not_found, cmd.name)  # a stopped listener/service has no status record ([S] INSTANA)
    return _project(qm, [r for r in rows if where is None or where(r)], cmd.response, ident, valid)


def _display_lsstatus(qm, cmd, params):
    return _runtime_rows(qm, cmd, params, "LISTENER", qm.status.lsstatus, "listener", LSSTATUS_KEYS, O.RC_LSTR_STATUS_NOT_FOUND)


def _display_svstatus(qm, cmd, params):
    return _runtime_rows(qm, cmd, params, "SERVICE", qm.status.svstatus, "service", SVSTATUS_KEYS, O.RC_SERV_STATUS_NOT_FOUND)


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
    text = {k: ",".join(v) if isinstance(v, list) else v for k, v in params.items()}  # lists as runmqsc: NAMES(A,B)
    pairs = ["CURRENT" if k == "current" else (k.upper() if v == "YES" else f"NO{k.upper()}") if k.upper() in FLAG_KEYS
             else f"{k.upper()}({v if v != '' else ' '})" for k, v in text.items()]
    return [("   " + pairs[i].ljust(40) + (pairs[i + 1] if i + 1 < len(pairs) else "")).rstrip() for i in range(0, len(pairs), 2)]
