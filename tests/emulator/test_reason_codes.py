# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every reason code the issue lists, as one table, through runCommandJSON and runCommand (reference §3.2).

Each case: setup steps that must succeed, then one command that must fail with HTTP 200, overall 2/3008 and exactly one
element carrying the reason code and its message: an AMQ message, or, where the AMQ id is unknown, the reason's name (an
id known to mean something else is never used). Message ids are only asserted where the reference has them as [S]/[F].
"""

import re

import pytest

from mqemu import chlauth, network, oam, security
from mqemu import objects as O

MESSAGE = re.compile(r"^(AMQ\d{4}[IWE]|MQRCCF_[A-Z_]+): ")


def _sdr(name, conname="qm2host(1414)"):
    return ("DEFINE", "CHANNEL", name, {"chltype": "SDR", "conname": conname, "xmitq": "XQ"})


def _partner(name):
    """A sender runs only with its partner (network.py): XMITQ XQ on QM1, a RCVR of the same name on QM2 (qm2host)."""
    def define(srv):
        for qmgr, command in (("QM1", "DEFINE QLOCAL(XQ) USAGE(XMITQ) REPLACE"), ("QM2", f"DEFINE CHANNEL('{name}') CHLTYPE(RCVR) REPLACE")):
            assert srv.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}})[1]["overallCompletionCode"] == 0
    return define


def _svc(name, **params):
    return ("DEFINE", "SERVICE", name, {"servtype": "SERVER", **params})


def _clients(count):
    def attach(srv):
        srv.model.attach_clients("QM1", "DEV.APP.SVRCONN", count)
    return attach


def _cmdserv_down(srv):
    srv.model.add_fault({"qmgr": "QM1", "kind": "cmdserv_down"})


def _put(queue):
    def put(srv):
        srv.model.queue_control("QM1", queue, "put", count=1)
    return put


def _open(queue):
    def open_(srv):
        srv.model.queue_control("QM1", queue, "open", ipprocs=1)
    return open_


RUNNING_SERVICE = _svc("S.RUN", startcmd="/opt/mqm/bin/x", stopcmd="/opt/mqm/bin/y")

# (id, reason, AMQ id or None, setup steps, failing command (verb, qualifier, name, params))
CASES = [
    ("2085-display", 2085, "AMQ8147E", [], ("DISPLAY", "QLOCAL", "NO.SUCH.Q", None)),
    ("2085-generic", 2085, "AMQ8147E", [], ("DISPLAY", "CHANNEL", "NO.SUCH.*", None)),
    ("2085-alter", 2085, "AMQ8147E", [], ("ALTER", "LISTENER", "NO.SUCH", {"trptype": "TCP"})),
    ("2085-delete", 2085, "AMQ8147E", [], ("DELETE", "SERVICE", "NO.SUCH", None)),
    ("2085-start", 2085, "AMQ8147E", [], ("START", "CHANNEL", "NO.SUCH", None)),
    ("3065", 3065, "AMQ8420I", [_sdr("C.IDLE")], ("DISPLAY", "CHSTATUS", "C.IDLE", None)),
    ("3065-generic", 3065, "AMQ8420I", [], ("DISPLAY", "CHSTATUS", "*", None)),
    ("3250", 3250, None, [], ("DISPLAY", "LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP", None)),
    ("3252", 3252, None, [RUNNING_SERVICE], ("DISPLAY", "SVSTATUS", "S.RUN", None)),
    ("3252-command-service", 3252, None, [("DEFINE", "SERVICE", "S.CMD", {"startcmd": "/opt/mqm/bin/x"}),
                                          ("START", "SERVICE", "S.CMD", None)], ("DISPLAY", "SVSTATUS", "S.CMD", None)),
    ("4031-start", 4031, "AMQ9514E", [_partner("C.RUN"), _sdr("C.RUN"), ("START", "CHANNEL", "C.RUN", None)], ("START", "CHANNEL", "C.RUN", None)),
    ("4031-delete", 4031, "AMQ9514E", [_partner("C.RUN"), _sdr("C.RUN"), ("START", "CHANNEL", "C.RUN", None)], ("DELETE", "CHANNEL", "C.RUN", None)),
    ("4031-svrconn", 4031, "AMQ9514E", [_clients(2)], ("DELETE", "CHANNEL", "DEV.APP.SVRCONN", None)),
    ("4064-never-run", 4064, "AMQ9533E", [_sdr("C.IDLE")], ("STOP", "CHANNEL", "C.IDLE", {"status": "INACTIVE"})),
    ("4064-stopped", 4064, None, [_partner("C.RUN"), _sdr("C.RUN"), ("START", "CHANNEL", "C.RUN", None), ("STOP", "CHANNEL", "C.RUN", None)],
     ("STOP", "CHANNEL", "C.RUN", None)),
    ("3233", 3233, None, [("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", None)],
     ("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", None)),
    ("3249", 3249, None, [], ("DELETE", "LISTENER", "DEV.LISTENER.TCP", None)),
    ("3234", 3234, "AMQ8731W", [], ("STOP", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", None)),
    ("3251-start", 3251, None, [RUNNING_SERVICE, ("START", "SERVICE", "S.RUN", None)], ("START", "SERVICE", "S.RUN", None)),
    ("3251-delete", 3251, None, [RUNNING_SERVICE, ("START", "SERVICE", "S.RUN", None)], ("DELETE", "SERVICE", "S.RUN", None)),
    ("3253", 3253, None, [RUNNING_SERVICE], ("STOP", "SERVICE", "S.RUN", None)),
    ("3262", 3262, None, [_svc("S.BLANK")], ("START", "SERVICE", "S.BLANK", None)),
    ("3262-before-3251", 3262, None, [_svc("S.NOSTOP", startcmd="/opt/mqm/bin/x"), ("START", "SERVICE", "S.NOSTOP", None),
                                      ("ALTER", "SERVICE", "S.NOSTOP", {"startcmd": " "})], ("START", "SERVICE", "S.NOSTOP", None)),
    ("3263", 3263, None, [_svc("S.BLANK")], ("STOP", "SERVICE", "S.BLANK", None)),
    ("3263-before-3253", 3263, None, [_svc("S.NOSTOP", startcmd="/opt/mqm/bin/x")], ("STOP", "SERVICE", "S.NOSTOP", None)),
    ("4001-channel", 4001, None, [], ("DEFINE", "CHANNEL", "DEV.APP.SVRCONN", {"chltype": "SVRCONN"})),
    ("4001-noreplace", 4001, None, [], ("DEFINE", "QLOCAL", "DEV.QUEUE.1", {"noreplace": "yes"})),
    ("4001-listener", 4001, None, [], ("DEFINE", "LISTENER", "DEV.LISTENER.TCP", {"trptype": "TCP"})),
    ("3034-missing", 3034, None, [], ("DEFINE", "CHANNEL", "C.X", {"descr": "no type"})),
    ("3034-alter-type", 3034, None, [], ("ALTER", "CHANNEL", "DEV.APP.SVRCONN", {"chltype": "RCVR"})),
    ("3034-replace-type", 3034, None, [], ("DEFINE", "CHANNEL", "DEV.APP.SVRCONN", {"chltype": "RCVR", "replace": "yes"})),
    ("3034-start-clntconn", 3034, None, [], ("START", "CHANNEL", "SYSTEM.DEF.CLNTCONN", None)),
    ("3034-stop-clntconn", 3034, None, [], ("STOP", "CHANNEL", "SYSTEM.DEF.CLNTCONN", None)),
    ("4052", 4052, None, [], ("DEFINE", "CHANNEL", "C.X", {"chltype": "RCVR", "xmitq": "XQ"})),
    ("4061-sdr", 4061, None, [], ("DEFINE", "CHANNEL", "C.X", {"chltype": "SDR", "xmitq": "XQ"})),
    ("4061-alter-blank", 4061, None, [_sdr("C.S")], ("ALTER", "CHANNEL", "C.S", {"chltype": "SDR", "conname": " "})),
    ("4008-length", 4008, None, [], ("DEFINE", "QLOCAL", "Q" * 49, None)),
    ("4008-chars", 4008, None, [], ("DEFINE", "SERVICE", "BAD-NAME", None)),
    ("4044-length", 4044, "MQRCCF_CHANNEL_NAME_ERROR", [], ("DEFINE", "CHANNEL", "C" * 21, {"chltype": "SVRCONN"})),
    ("4044-chars", 4044, "MQRCCF_CHANNEL_NAME_ERROR", [], ("DEFINE", "CHANNEL", "BAD NAME", {"chltype": "SVRCONN"})),
    ("3204", 3204, "MQRCCF_COMMAND_INHIBITED", [_cmdserv_down], ("DISPLAY", "QMGR", None, None)),
    # IBM-RC3210: "Object is in use, but could be changed specifying Force ... because it is open through the API, or for
    # certain parameter changes, because there are messages currently on the queue".
    ("3210-messages", 3210, "MQRCCF_OBJECT_OPEN_FORCE", [("DEFINE", "QLOCAL", "Q.X", {"usage": "XMITQ"}), _put("Q.X")],
     ("ALTER", "QLOCAL", "Q.X", {"usage": "NORMAL"})),
    ("3210-open", 3210, "MQRCCF_OBJECT_OPEN_FORCE", [_open("DEV.QUEUE.1")], ("ALTER", "QLOCAL", "DEV.QUEUE.1", {"usage": "XMITQ"})),
    ("3008-unsupported", 3008, "AMQ8405I", [], ("PING", "CHANNEL", "DEV.APP.SVRCONN", None)),
]


def _setup(srv, client, steps):
    for step in steps:
        if callable(step):
            step(srv)
        else:
            client.ok(*step)


def _text(verb, qualifier, name, params):
    """The same command as runmqsc text; names and values are quoted so that their case is kept."""
    out = f"{verb} {qualifier}" + (f"('{name}')" if name is not None else "")
    for key, value in (params or {}).items():
        out += f" {key.upper()}" if value == "yes" else f" {key.upper()}({value})" if isinstance(value, int) else f" {key.upper()}('{value}')"
    return out


@pytest.mark.parametrize("form", ["json", "text"])
@pytest.mark.parametrize("reason,amq,steps,command", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reason_code(srv, client, form, reason, amq, steps, command):
    _setup(srv, client, steps)
    if form == "json":
        status, body = client.mqsc(*command)
    else:
        status, body = client.text(_text(*command))
    assert status == 200, body
    assert (body["overallCompletionCode"], body["overallReasonCode"]) == (2, 3008), body
    assert len(body["commandResponse"]) == 1, body
    element = body["commandResponse"][0]
    assert (element["completionCode"], element["reasonCode"]) == (2, reason), body
    lines = element["message" if form == "json" else "text"]
    assert lines and MESSAGE.match(lines[0]) and set(element) == {"completionCode", "reasonCode", "message" if form == "json" else "text"}
    if amq:
        assert lines[0].startswith(amq + ":"), lines
    entry = srv.model.journal()[-1]
    assert (entry["http_status"], entry["completion_code"], entry["reason_code"]) == (200, 2, 3008)
    assert entry["command"] == command[0] and entry["qualifier"] == command[1]


def test_failed_commands_change_nothing(srv, client):
    """A failing DEFINE/ALTER leaves the object store exactly as it was."""
    def snapshot():
        return [client.ok("DISPLAY", qualifier, "*", resp=["all"]) for qualifier in ("CHANNEL", "QUEUE", "LISTENER", "SERVICE")]

    before = snapshot()
    srv.model.clear_journal()
    attempted = [case[4] for case in CASES if case[4][0] in ("DEFINE", "ALTER") and not case[3]]
    for command in attempted:
        client.mqsc(*command)
    assert [e["reason_code"] for e in srv.model.journal()] == [3008] * len(attempted)
    assert snapshot() == before


def test_no_amq_id_has_two_meanings():
    """An AMQ id names one message: a text seen in real output keeps its id, and an id whose meaning is unknown is not
    borrowed from another message (audit W6: AMQ8118E, AMQ8146E, AMQ8633I and AMQ8096I were)."""
    texts = list(O.MESSAGES.values()) + list(O.DISPLAY_HEADERS.values())
    texts += [f"{msgid}: {text}" for msgid, _reason, text in (getattr(network, n) for n in dir(network) if n.startswith("ERR_"))]
    # security's success texts and the error log's messages (security.py registers its reasons' texts into O.MESSAGES)
    texts += [chlauth.SET_MESSAGE, oam.SET_MESSAGE, security.REFRESH_MESSAGE, security.RUNCHECK_MESSAGE]
    texts += [message for message, _explanation in security.LOG.values() if message]
    meanings = {}
    for text in texts:
        msgid, _sep, rest = text.partition(": ")
        if re.fullmatch(r"AMQ\d{4}[IWE]", msgid):
            meanings.setdefault(msgid, set()).add(rest)
    assert {msgid: rest for msgid, rest in meanings.items() if len(rest) > 1 and msgid != "AMQ8405I"} == {}
    # Known elsewhere: AMQ8118E queue manager does not exist, AMQ8146E queue manager not available (strmqm, endmqm).
    assert not {"AMQ8118E", "AMQ8146E"} & set(meanings)
    # AMQ8405I is runmqsc's syntax error, the one message of both 3008 and 3014.
    assert O.MESSAGES[O.RC_COMMAND_FAILED] == O.MESSAGES[O.RC_PARM_ID_ERROR]
