# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Wire format and MQSC semantics of POST .../mqsc (reference §2-§4)."""

import re
import time

import pytest

from conftest import Client, partner


def test_display_shapes_lowercase_keys_numbers_and_blanks(client):
    status, body = client.mqsc("display", "channel", "DEV.APP.SVRCONN", resp=["all"])
    assert status == 200
    assert set(body) == {"commandResponse", "overallCompletionCode", "overallReasonCode"}
    row = body["commandResponse"][0]
    assert (row["completionCode"], row["reasonCode"]) == (0, 0)
    params = row["parameters"]
    assert all(k == k.lower() for k in params)
    assert params["channel"] == "DEV.APP.SVRCONN" and params["chltype"] == "SVRCONN"
    assert params["hbint"] == 300 and params["discint"] == 0 and params["sharecnv"] == 10 and params["maxmsgl"] == 4194304
    assert params["descr"] == "" and params["sslciph"] == "" and params["mcauser"] == "app"
    assert len(params["altdate"]) == 10 and params["alttime"].count(".") == 2


@pytest.mark.parametrize("chltype,present,absent", [
    ("SDR", {"xmitq": "", "discint": 6000, "batchsz": 50, "shortrty": 10, "longtmr": 1200, "mcatype": "PROCESS"}, ("sslcauth", "sharecnv")),
    ("SVR", {"sslcauth": "REQUIRED", "xmitq": ""}, ("sharecnv",)),
    ("RCVR", {"mrrty": 10, "mrtmr": 1000, "putaut": "DEF", "sslcauth": "REQUIRED"}, ("discint", "xmitq", "conname")),
    ("RQSTR", {"conname": "", "userid": "", "mcatype": "PROCESS"}, ("xmitq",)),
    ("SVRCONN", {"discint": 0, "maxinst": 999999999, "maxinstc": 999999999, "sharecnv": 10}, ("xmitq", "batchsz")),
    ("CLNTCONN", {"affinity": "PREFERRED", "clntwght": 0, "defrecon": "NO", "qmname": ""}, ("xmitq", "sslcauth")),
    ("CLUSSDR", {"cluster": "", "clwlwght": 50, "mcatype": "THREAD"}, ("xmitq", "sslcauth")),
    ("CLUSRCVR", {"cluster": "", "putaut": "DEF", "sslcauth": "REQUIRED", "mrrty": 10}, ("xmitq",)),
    ("AMQP", {"port": 5672, "tproot": "SYSTEM.BASE.TOPIC", "tmpqprfx": "AMQP.*", "amqpka": "AUTO"}, ("xmitq", "hbint")),
])
def test_system_def_channels_per_type(client, chltype, present, absent):
    rows = client.ok("DISPLAY", "CHANNEL", "SYSTEM.DEF.*", params={"chltype": chltype}, resp=["all"])
    assert len(rows) == 1 and rows[0]["chltype"] == chltype
    assert {k: rows[0][k] for k in present} == present
    assert not set(absent) & set(rows[0])


def test_case_insensitive_verbs_qualifiers_keys_and_enum_values(client):
    client.ok("DeFiNe", "ChAnNeL", "APP.SVRCONN", params={"ChlType": "svrconn", "DESCR": "Mixed Case kept", "sslcauth": "optional"})
    row = client.ok("DISPLAY", "CHANNEL", "APP.SVRCONN", resp=["DESCR", "sslcauth"])[0]
    assert row == {"channel": "APP.SVRCONN", "chltype": "SVRCONN", "descr": "Mixed Case kept", "sslcauth": "OPTIONAL"}
    client.fails(2085, "DISPLAY", "CHANNEL", "app.svrconn")  # names are case-sensitive and exact


def test_display_without_response_parameters_is_identity_only_and_configurable(srv, client):
    assert client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.1") == [{"queue": "DEV.QUEUE.1", "type": "QLOCAL"}]
    srv.model.set_config(display_default="all")
    assert client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.1")[0]["maxdepth"] == 5000


def test_generic_names_one_element_per_object(client):
    assert [r["queue"] for r in client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.*")] == ["DEV.QUEUE.1", "DEV.QUEUE.2", "DEV.QUEUE.3"]
    assert len(client.ok("DISPLAY", "CHANNEL", "*")) == 13  # 9 SYSTEM.DEF.*, 2 SYSTEM.AUTO.* (CHAD models), 2 DEV.*
    all_queues = client.ok("DISPLAY", "QUEUE", "*")
    assert {"QLOCAL", "QMODEL"} <= {r["type"] for r in all_queues}
    assert [r["queue"] for r in client.ok("DISPLAY", "QUEUE", "*", params={"type": "QMODEL"})] == \
        ["DEV.APP.MODEL.QUEUE", "SYSTEM.DEFAULT.MODEL.QUEUE"]
    msg = client.fails(2085, "DISPLAY", "QLOCAL", "NOPE.*")
    assert msg == ["AMQ8147E: IBM MQ object NOPE.* not found."]


def test_where_filter(client):
    rows = client.ok("DISPLAY", "QLOCAL", "*", params={"where": "usage eq xmitq"})
    assert [r["queue"] for r in rows] == ["SYSTEM.CLUSTER.TRANSMIT.QUEUE"]
    rows = client.ok("DISPLAY", "CHANNEL", "*", params={"WHERE": "hbint lt 301"}, resp=["hbint"])
    assert rows and all(r["hbint"] < 301 for r in rows)
    assert client.ok("DISPLAY", "QLOCAL", "DEV.*", params={"where": "queue lk DEV.Q*"}) == [
        {"queue": f"DEV.QUEUE.{i}", "type": "QLOCAL"} for i in (1, 2, 3)]


def test_define_alter_delete_lifecycle_with_altdate(client, monkeypatch):
    client.ok("DEFINE", "QLOCAL", "APP.Q", params={"maxdepth": 10, "descr": "app queue"})
    client.fails(4001, "DEFINE", "QLOCAL", "APP.Q")
    client.ok("DEFINE", "QLOCAL", "APP.Q", params={"replace": "yes", "defpsist": "yes"})
    row = client.ok("DISPLAY", "QLOCAL", "APP.Q", resp=["all"])[0]
    # IBM-DEF-REPLACE: the attributes not given go back to SYSTEM.DEFAULT.LOCAL.QUEUE's (MAXDEPTH 5000, DESCR blank).
    assert (row["maxdepth"], row["defpsist"], row["descr"], row["curdepth"]) == (5000, "YES", "", 0)
    client.ok("ALTER", "QLOCAL", "APP.Q", params={"maxdepth": 10})
    from mqemu import qmgr  # pylint: disable=import-outside-toplevel
    monkeypatch.setattr(qmgr.time, "time", lambda: 4102444800.0)  # 2100-01-01 (UTC)
    client.ok("ALTER", "QLOCAL", "APP.Q", params={"maxdepth": 20})
    row = client.ok("DISPLAY", "QLOCAL", "APP.Q", resp=["maxdepth", "altdate", "alttime"])[0]
    assert row["maxdepth"] == 20 and row["altdate"].startswith(("2099-12-31", "2100-01-01"))
    client.fails(2085, "ALTER", "QREMOTE", "APP.Q", params={"descr": "x"})  # wrong queue type
    client.fails(4002, "DEFINE", "QALIAS", "APP.Q", params={"replace": "yes"})
    client.ok("DELETE", "QLOCAL", "APP.Q", params={"purge": "yes"})
    client.fails(2085, "DELETE", "QLOCAL", "APP.Q")
    assert client.mqsc("DELETE", "QUEUE", "DEV.QUEUE.1")[1]["commandResponse"][0]["reasonCode"] == 3008  # DELETE QUEUE is not MQSC


def test_define_defaults_from_system_def_and_like(client):
    client.ok("ALTER", "CHANNEL", "SYSTEM.DEF.SVRCONN", params={"chltype": "SVRCONN", "sharecnv": 1})
    client.ok("DEFINE", "CHANNEL", "C1", params={"chltype": "SVRCONN"})
    client.ok("DEFINE", "CHANNEL", "C2", params={"chltype": "SVRCONN", "like": "DEV.APP.SVRCONN"})
    rows = client.ok("DISPLAY", "CHANNEL", "C*", resp=["sharecnv", "mcauser"])
    assert [(r["sharecnv"], r["mcauser"]) for r in rows] == [(1, ""), (10, "app")]
    client.fails(2085, "DEFINE", "CHANNEL", "C3", params={"chltype": "SVRCONN", "like": "NOPE"})
    client.fails(3034, "DEFINE", "CHANNEL", "C3", params={"chltype": "RCVR", "like": "DEV.APP.SVRCONN"})


def test_define_replace_sets_every_attribute_not_given_to_its_default(client):
    # IBM-DEF-REPLACE: "ALTER with REPLACE does not change unspecified parameters, but DEFINE with REPLACE sets all the
    # parameters ... all the other attributes, which are given their default values ... if the queue was previously put
    # inhibited, this is changed to put enabled".
    client.ok("DEFINE", "QLOCAL", "ORANGE.LOCAL.QUEUE", params={"put": "disabled", "maxdepth": 100, "descr": "d"})
    client.ok("DEFINE", "QLOCAL", "ORANGE.LOCAL.QUEUE", params={"maxmsgl": 10000, "replace": "yes"})
    row = client.ok("DISPLAY", "QLOCAL", "ORANGE.LOCAL.QUEUE", resp=["put", "maxdepth", "maxmsgl", "descr"])[0]
    assert (row["put"], row["maxdepth"], row["maxmsgl"], row["descr"]) == ("ENABLED", 5000, 10000, "")
    # The defaults are the current SYSTEM.DEF* object's, and LIKE's object replaces them.
    client.ok("ALTER", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", params={"trptype": "TCP", "backlog": 7})
    client.ok("DEFINE", "LISTENER", "L1", params={"trptype": "TCP", "port": 1500, "descr": "d"})
    client.ok("DEFINE", "LISTENER", "L1", params={"trptype": "TCP", "port": 1501, "replace": "yes"})
    assert client.ok("DISPLAY", "LISTENER", "L1", resp=["descr", "backlog"])[0] == {"listener": "L1", "descr": "", "backlog": 7}
    client.ok("DEFINE", "CHANNEL", "C1", params={"chltype": "SVRCONN", "mcauser": "x", "sharecnv": 1})
    client.ok("DEFINE", "CHANNEL", "C1", params={"chltype": "SVRCONN", "like": "DEV.APP.SVRCONN", "replace": "yes"})
    row = client.ok("DISPLAY", "CHANNEL", "C1", resp=["mcauser", "sharecnv"])[0]
    assert (row["mcauser"], row["sharecnv"]) == ("app", 10)


def test_define_replace_keeps_the_messages_and_refuses_a_usage_change_on_a_busy_queue(client):
    # IBM-CPYMQMQ-V6: on replace "any messages already on that queue are retained"; the command "fails if an application
    # has the queue open or the USAGE attribute is changed" (there: IBM i's CPYMQMQ; the same rule as ALTER without
    # FORCE is [I] for MQSC).
    client.ok("DEFINE", "QLOCAL", "XQ", params={"usage": "xmitq"})
    client.ctl("POST", "qmgr/QM1/queue/XQ/messages", {"count": 2})
    client.ok("DEFINE", "QLOCAL", "XQ", params={"usage": "xmitq", "descr": "again", "replace": "yes"})
    assert client.ok("DISPLAY", "QLOCAL", "XQ", resp=["curdepth", "descr"])[0]["curdepth"] == 2
    client.fails(3210, "DEFINE", "QLOCAL", "XQ", params={"replace": "yes"})  # USAGE back to NORMAL, with messages on it
    assert client.ok("DISPLAY", "QLOCAL", "XQ", resp=["usage", "descr"])[0]["descr"] == "again"


def test_channel_validation_reason_codes(client):
    client.fails(3034, "DEFINE", "CHANNEL", "X1", params={})  # CHLTYPE mandatory on DEFINE
    client.ok("DEFINE", "CHANNEL", "X1", params={"chltype": "RCVR"})
    client.fails(3034, "ALTER", "CHANNEL", "X1", params={"descr": "no chltype"})  # ... and on ALTER
    client.fails(3034, "ALTER", "CHANNEL", "X1", params={"chltype": "SDR"})  # immutable
    client.fails(3034, "DEFINE", "CHANNEL", "X1", params={"chltype": "SVRCONN", "replace": "yes"})
    client.fails(4052, "DEFINE", "CHANNEL", "X2", params={"chltype": "SVRCONN", "xmitq": "Q"})
    client.fails(4045, "DEFINE", "CHANNEL", "X2", params={"chltype": "SDR", "conname": "h(1)"})  # XMITQ required on SDR/SVR
    client.fails(4061, "DEFINE", "CHANNEL", "X2", params={"chltype": "SDR", "xmitq": "Q"})
    for chltype in ("RQSTR", "CLNTCONN", "CLUSSDR"):
        client.fails(4061, "DEFINE", "CHANNEL", "X2", params={"chltype": chltype})
    client.ok("DEFINE", "CHANNEL", "X2", params={"chltype": "SVR", "xmitq": "Q"})  # CONNAME optional on SVR
    client.ok("DEFINE", "CHANNEL", "X3", params={"chltype": "CLUSRCVR"})  # and on CLUSRCVR
    client.fails(4041, "DEFINE", "CHANNEL", "X4", params={"chltype": "SVRCONN", "batchsz": 10})  # valid for other types only
    client.fails(3014, "DEFINE", "CHANNEL", "X4", params={"chltype": "SVRCONN", "bogus": 1})
    client.fails(4005, "DEFINE", "CHANNEL", "X4", params={"chltype": "SVRCONN", "hbint": "soon"})
    client.fails(4005, "DEFINE", "CHANNEL", "X4", params={"chltype": "SVRCONN", "sslcauth": "MAYBE"})
    client.fails(4044, "DEFINE", "CHANNEL", "A" * 21, params={"chltype": "SVRCONN"})
    client.fails(4044, "DEFINE", "CHANNEL", "BAD NAME", params={"chltype": "SVRCONN"})
    client.ok("DEFINE", "CHANNEL", "a.B_c/d%" + "x" * 12, params={"chltype": "SVRCONN"})
    client.fails(4008, "DEFINE", "LISTENER", "L" * 49, params={"trptype": "TCP"})
    client.fails(4008, "DEFINE", "SERVICE", "S*", params={})
    client.fails(4008, "DEFINE", "QLOCAL", "Q-1")
    client.ok("DEFINE", "QLOCAL", "Q" * 48)


def test_invalid_attribute_can_be_http_400(srv, client):
    srv.model.set_config(invalid_attribute_mode="http400")
    status, body = client.mqsc("DEFINE", "QLOCAL", "Q1", params={"nosuch": 1})
    assert status == 400 and body["error"][0]["msgId"].startswith("MQWB")


def test_listener_trptype_rules(srv, client):
    client.fails(3036, "DEFINE", "LISTENER", "L1", params={"port": 1500})
    client.fails(3036, "DEFINE", "LISTENER", "L1", params={"trptype": "LU62"})
    client.ok("DEFINE", "LISTENER", "L1", params={"trptype": "tcp", "port": 1500})
    row = client.ok("DISPLAY", "LISTENER", "L1", resp=["all"])[0]
    assert {k: row[k] for k in ("trptype", "port", "ipaddr", "backlog", "control")} == \
        {"trptype": "TCP", "port": 1500, "ipaddr": "", "backlog": 0, "control": "MANUAL"}
    client.fails(3036, "ALTER", "LISTENER", "L1", params={"trptype": "NETBIOS"})
    client.fails(3036, "ALTER", "LISTENER", "L1", params={"port": 1501})  # TRPTYPE on the ALTER main line
    srv.model.set_config(alter_listener_requires_trptype=False)
    client.ok("ALTER", "LISTENER", "L1", params={"port": 1501})


def test_response_parameters_trap_on_mutating_commands(srv, client):
    status, body = client.mqsc("DEFINE", "QLOCAL", "TRAP.Q", resp=["all"])
    assert status == 200 and body == {"commandResponse": [], "overallCompletionCode": 0, "overallReasonCode": 0}
    client.fails(2085, "DISPLAY", "QLOCAL", "TRAP.Q")
    assert srv.model.journal()[0]["mutating"] is True
    srv.model.set_config(response_parameters_noop=False)
    client.ok("DEFINE", "QLOCAL", "TRAP.Q", resp=["all"])
    client.ok("DISPLAY", "QLOCAL", "TRAP.Q")


def test_qmgr_and_qmstatus(srv, client):
    row = client.ok("DISPLAY", "QMGR")[0]  # DISPLAY QMGR shows ALL by default
    assert row["qmname"] == "QM1" and row["deadq"] == "DEV.DEAD.LETTER.QUEUE" and row["cmdlevel"] == 942 and row["platform"] == "UNIX"
    client.ok("ALTER", "QMGR", params={"descr": "hello"})
    assert client.ok("DISPLAY", "QMGR", resp=["descr"]) == [{"qmname": "QM1", "descr": "hello"}]
    assert client.mqsc("DISPLAY", "QMGR", "QM1")[1]["commandResponse"][0]["reasonCode"] == 3008  # QMGR takes no name
    assert client.ok("DISPLAY", "QMSTATUS") == [{"qmname": "QM1", "status": "RUNNING"}]
    srv.model.set_qmstatus("QM1", logutil=85, loginuse=40)
    row = client.ok("DISPLAY", "QMSTATUS", resp=["all"])[0]
    assert (row["logutil"], row["loginuse"], row["chinit"], row["cmdserv"], row["conns"]) == (85, 40, "RUNNING", "RUNNING", 22)


def test_malformed_bodies_are_400(srv, client):
    for body in ([], {"type": "nope"}, {"type": "runCommandJSON", "command": "DISPLAY"},
                 {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMGR", "parameters": []},
                 {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMGR", "responseParameters": "all"},
                 {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMGR", "extra": 1},
                 {"type": "runCommand", "parameters": {"command": 5}}):
        status, resp = client.post(body)
        assert status == 400 and resp["error"][0]["msgId"] == "MQWB0007E", body
    resp = client.session.post(f"{srv.base_url}/admin/action/qmgr/QM1/mqsc", data=b"{not json", timeout=5,
                               headers={"Content-Type": "application/json"})
    assert resp.status_code == 400 and resp.headers["Content-Type"] == "application/json; charset=utf-8"


def test_run_command_text(client):
    status, body = client.text("DEFINE QLOCAL(lower.case) DESCR('It''s kept') MAXDEPTH(7)")
    assert status == 200 and body["commandResponse"][0]["text"] == ["AMQ8006I: IBM MQ queue created."]
    status, body = client.text("dis ql('lower.case') ALL")
    assert status == 200 and body["commandResponse"][0]["text"] == ["AMQ8147E: IBM MQ object lower.case not found."]
    rows = client.ok("DISPLAY", "QLOCAL", "LOWER.CASE", resp=["descr", "maxdepth"])  # unquoted name folded to upper case
    assert rows == [{"queue": "LOWER.CASE", "type": "QLOCAL", "descr": "It's kept", "maxdepth": 7}]
    client.text("DEFINE QLOCAL('quoted.lower')")
    assert client.ok("DISPLAY", "QLOCAL", "quoted.lower")
    status, body = client.text("DIS QL(LOWER.CASE) DESCR MAXDEPTH")
    text = body["commandResponse"][0]["text"]
    assert text[0] == "AMQ8409I: Display Queue details." and "DESCR(It's kept)" in " ".join(text)
    client.text("DEFINE CHANNEL(T.SDR) CHLTYPE(SDR) CONNAME('host(1414)') XMITQ(XQ) REPLACE")
    client.text("DEFINE CHANNEL(T.SDR) CHLTYPE(SDR) CONNAME(other(1415)) XMITQ(XQ) REPLACE")
    assert client.ok("DISPLAY", "CHANNEL", "T.SDR", resp=["conname"])[0]["conname"] == "OTHER(1415)"
    status, body = client.text("DEFINE QLOCAL(BROKEN) DESCR('unterminated)")
    assert body["commandResponse"][0]["reasonCode"] == 3008 and body["commandResponse"][0]["text"][0].startswith("AMQ8405I")
    status, body = client.text("START CHANNEL(NOPE)")
    assert body["commandResponse"][0]["text"] == ["AMQ8147E: IBM MQ object NOPE not found."]
    body = client.text("DIS CHS(*)")[1]
    assert body["commandResponse"][0]["text"] == ["AMQ8420I: Channel Status not found."]
    body = client.text("DIS QMGR DESCR")[1]
    assert body["commandResponse"][0]["text"][1].split() == ["QMNAME(QM1)", "DESCR(", ")"]


def test_webuser_role_gets_2035_on_mutations(srv):
    srv.model.users["app"] = ("pw", "MQWebUser")
    user = Client(srv, "app", "pw")
    user.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.1")
    user.fails(2035, "DEFINE", "QLOCAL", "U.Q")
    srv.model.set_config(webuser_mutations="403")
    assert user.mqsc("DEFINE", "QLOCAL", "U.Q")[0] == 403


TRAP = [
    ("ALTER", "QLOCAL", "DEV.QUEUE.1", {"descr": "trap"}),
    ("DEFINE", "QLOCAL", "DEV.QUEUE.1", {"descr": "trap", "replace": "yes"}),
    ("DELETE", "QLOCAL", "DEV.QUEUE.1", None),
    ("ALTER", "CHANNEL", "DEV.APP.SVRCONN", {"chltype": "SVRCONN", "descr": "trap"}),
    ("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", None),
    ("STOP", "LISTENER", "DEV.LISTENER.TCP", None),
    ("ALTER", "QMGR", None, {"descr": "trap"}),
]


def _world(client):
    return [client.ok("DISPLAY", q, "*", resp=["all"]) for q in ("QUEUE", "CHANNEL", "LSSTATUS")] + [client.ok("DISPLAY", "QMGR")]


@pytest.mark.parametrize("command", TRAP, ids=[f"{c[0]}-{c[1]}" for c in TRAP])
def test_response_parameters_trap_changes_nothing(srv, client, command):
    before = _world(client)
    srv.model.clear_journal()
    for resp in (["all"], ["descr"], []):
        status, body = client.mqsc(*command, resp=resp)
        assert (status, body) == (200, {"commandResponse": [], "overallCompletionCode": 0, "overallReasonCode": 0})
    assert _world(client) == before
    assert [(e["response_parameters"], e["mutating"]) for e in srv.model.journal()][:3] == [(["all"], True), (["descr"], True), ([], True)]


def test_response_parameters_honoured_when_configured(srv, client):
    srv.model.set_config(response_parameters_noop=False)
    assert client.ok("ALTER", "QLOCAL", "DEV.QUEUE.1", params={"descr": "real"}, resp=["all"]) == [["AMQ8008I: IBM MQ queue changed."]]
    assert client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.1", resp=["descr"])[0]["descr"] == "real"
    client.ok("DELETE", "QLOCAL", "DEV.QUEUE.1", resp=["all"])
    client.fails(2085, "DISPLAY", "QLOCAL", "DEV.QUEUE.1")


def test_generic_names_on_every_display(client):
    for name in ("GEN.A", "GEN.B", "gen.c"):
        client.ok("DEFINE", "LISTENER", name, params={"trptype": "TCP"})
        client.ok("DEFINE", "SERVICE", name, params={"servtype": "SERVER", "startcmd": "/opt/mqm/bin/x"})
        partner(client, name)
        client.ok("DEFINE", "CHANNEL", name, params={"chltype": "SDR", "conname": "qm2host", "xmitq": "XQ"})  # port 1414
    assert [r["listener"] for r in client.ok("DISPLAY", "LISTENER", "GEN.*")] == ["GEN.A", "GEN.B"]  # case-sensitive prefix
    assert [r["service"] for r in client.ok("DISPLAY", "SERVICE", "gen*")] == ["gen.c"]
    assert len(client.ok("DISPLAY", "LISTENER", "*")) == 5 and len(client.ok("DISPLAY", "SERVICE", "*")) == 4
    client.fails(2085, "DISPLAY", "LISTENER", "GEN")  # no implicit prefix match
    client.fails(2085, "DISPLAY", "LISTENER", "GEN.*A")  # '*' only counts at the end
    for name in ("GEN.A", "GEN.B", "gen.c"):
        for qualifier in ("LISTENER", "SERVICE", "CHANNEL"):
            client.ok("START", qualifier, name)
    assert [(r["channel"], r["status"]) for r in client.ok("DISPLAY", "CHSTATUS", "GEN*")] == [("GEN.A", "RUNNING"), ("GEN.B", "RUNNING")]
    assert [r["listener"] for r in client.ok("DISPLAY", "LSSTATUS", "*")] == ["DEV.LISTENER.TCP", "GEN.A", "GEN.B", "gen.c"]
    assert [r["service"] for r in client.ok("DISPLAY", "SVSTATUS", "GEN.*")] == ["GEN.A", "GEN.B"]
    status, body = client.mqsc("DISPLAY", "SVSTATUS", "*")
    assert status == 200 and len(body["commandResponse"]) == 3
    assert all(set(e) == {"completionCode", "reasonCode", "parameters"} for e in body["commandResponse"])


def _aged(srv, kind, name):
    obj = srv.model.qmgrs["QM1"].qmgr if kind == "QMGR" else srv.model.qmgrs["QM1"].store[kind][name]
    obj.altwall = 365 * 86400.0 + 43200  # 1971-01-01 12:00 UTC
    return obj


ALTERS = [
    ("CHANNEL", "CHANNEL", "DEV.APP.SVRCONN", {"chltype": "SVRCONN", "descr": "x"}),
    ("LISTENER", "LISTENER", "DEV.LISTENER.TCP", {"trptype": "TCP", "descr": "x"}),
    ("SERVICE", "SERVICE", "SYSTEM.DEF.SERVICE", {"descr": "x"}),
    ("QUEUE", "QLOCAL", "DEV.QUEUE.1", {"descr": "x"}),
    ("QUEUE", "QMODEL", "DEV.APP.MODEL.QUEUE", {"descr": "x"}),
    ("QMGR", "QMGR", None, {"descr": "x"}),
]


@pytest.mark.parametrize("kind,qualifier,name,params", ALTERS, ids=[a[1] for a in ALTERS])
def test_altdate_alttime_change_on_alter_and_replace(srv, client, kind, qualifier, name, params):
    today = {time.strftime("%Y-%m-%d")}
    _aged(srv, kind, name)
    row = client.ok("DISPLAY", qualifier, name, resp=["altdate", "alttime"])[0]
    assert row["altdate"].startswith("1971-01-0") and re.fullmatch(r"\d\d\.\d\d\.\d\d", row["alttime"])
    bad = dict(params, descr="x" * 65)  # too long: the failed ALTER must not touch ALTDATE
    assert client.mqsc("ALTER", qualifier, name, params=bad)[1]["overallCompletionCode"] == 2
    assert client.ok("DISPLAY", qualifier, name, resp=["altdate"])[0]["altdate"].startswith("1971")
    client.ok("ALTER", qualifier, name, params=params)
    today.add(time.strftime("%Y-%m-%d"))
    row = client.ok("DISPLAY", qualifier, name, resp=["altdate", "alttime", "descr"])[0]
    assert row["altdate"] in today and row["descr"] == "x"
    if kind not in ("QMGR",):
        _aged(srv, kind, name)
        client.ok("DEFINE", qualifier, name, params=dict(params, replace="yes"))
        assert client.ok("DISPLAY", qualifier, name, resp=["altdate"])[0]["altdate"] in today | {time.strftime("%Y-%m-%d")}


def test_replace_keeps_queue_creation_date(srv, client):
    srv.model.qmgrs["QM1"].store["QUEUE"]["DEV.QUEUE.2"].crwall = 365 * 86400.0 + 43200
    client.ok("DEFINE", "QLOCAL", "DEV.QUEUE.2", params={"replace": "yes", "descr": "new"})
    row = client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.2", resp=["crdate", "altdate"])[0]
    assert row["crdate"].startswith("1971") and not row["altdate"].startswith("1971")


def test_like_replace_and_noreplace(client):
    client.ok("DEFINE", "LISTENER", "BASE.L", params={"trptype": "TCP", "port": 1700, "backlog": 7, "descr": "base"})
    client.ok("DEFINE", "LISTENER", "COPY.L", params={"trptype": "TCP", "like": "BASE.L", "port": 1701})
    row = client.ok("DISPLAY", "LISTENER", "COPY.L", resp=["port", "backlog", "descr"])[0]
    assert (row["port"], row["backlog"], row["descr"]) == (1701, 7, "base")  # copied, explicit values win
    client.ok("DEFINE", "SERVICE", "BASE.S", params={"servtype": "SERVER", "startcmd": "/opt/mqm/a", "startarg": "-m QM1"})
    client.ok("DEFINE", "SERVICE", "COPY.S", params={"like": "BASE.S"})
    row = client.ok("DISPLAY", "SERVICE", "COPY.S", resp=["servtype", "startcmd", "startarg"])[0]
    assert (row["servtype"], row["startcmd"], row["startarg"]) == ("SERVER", "/opt/mqm/a", "-m QM1")
    client.ok("DEFINE", "QLOCAL", "COPY.Q", params={"like": "SYSTEM.CLUSTER.TRANSMIT.QUEUE"})
    assert client.ok("DISPLAY", "QLOCAL", "COPY.Q", resp=["usage"])[0]["usage"] == "XMITQ"
    client.fails(4003, "DEFINE", "QREMOTE", "COPY.R", params={"like": "COPY.Q"})  # LIKE another type: MQRCCF_LIKE_OBJECT_WRONG_TYPE
    client.fails(2085, "DEFINE", "LISTENER", "COPY.X", params={"trptype": "TCP", "like": "NOPE"})
    # REPLACE on a new name creates; NOREPLACE (the default) refuses an existing one; REPLACE with LIKE copies again.
    client.ok("DEFINE", "QLOCAL", "NEW.Q", params={"replace": "yes", "maxdepth": 3})
    client.fails(4001, "DEFINE", "QLOCAL", "NEW.Q", params={"noreplace": "yes", "maxdepth": 4})
    body = client.text("DEFINE QLOCAL(NEW.Q) MAXDEPTH(5) NOREPLACE")[1]
    assert body["commandResponse"][0]["reasonCode"] == 4001
    client.text("DEFINE QLOCAL(NEW.Q) LIKE(DEV.QUEUE.1) REPLACE")
    assert client.ok("DISPLAY", "QLOCAL", "NEW.Q", resp=["maxdepth"])[0]["maxdepth"] == 5000


@pytest.mark.parametrize("text,name,descr", [
    ("DEFINE QLOCAL(abc.q) DESCR(mixed Case)", "ABC.Q", "MIXED CASE"),  # unquoted: folded to upper case
    ("define qlocal('abc.q') descr('mixed Case')", "abc.q", "mixed Case"),  # quoted: case kept
    ("DEF QL('Abc') DESCR('it''s')", "Abc", "it's"),  # '' is a quote
    ("DEFINE QLOCAL( ABC.Q2 ) DESCR( 'x y' )", "ABC.Q2", "x y"),  # blanks around values ignored
    ("DEFINE   QLOCAL(ABC.Q3)   DESCR('(paren)')", "ABC.Q3", "(paren)"),
])
def test_run_command_quoting_table(client, text, name, descr):
    status, body = client.text(text)
    assert status == 200 and body["overallCompletionCode"] == 0, body
    assert client.ok("DISPLAY", "QLOCAL", name, resp=["descr"])[0]["descr"] == descr


@pytest.mark.parametrize("text,reason", [
    ("DIS Q(DEV.QUEUE.1)", 0), ("DIS QL(DEV.QUEUE.1)", 0), ("DIS QM(DEV.APP.MODEL.QUEUE)", 0), ("DIS QA(DEV.QUEUE.1)", 2085),
    ("DIS QR(DEV.QUEUE.1)", 2085), ("DIS CHL(DEV.APP.SVRCONN)", 0), ("DIS CHS(DEV.APP.SVRCONN)", 3065),
    ("STA LISTENER(SYSTEM.DEFAULT.LISTENER.TCP)", 0), ("DEF CHL(T.C) CHLTYPE(svrconn)", 0), ("DESC QL(DEV.QUEUE.1)", 3008),
    ("DISPLAY", 3008), ("DIS QL(DEV.QUEUE.1) NOSUCHATTR", 3014), ("", 3008),
])
def test_run_command_abbreviations(client, text, reason):
    status, body = client.text(text)
    assert status == 200 and [e["reasonCode"] for e in body["commandResponse"]][:1] == [reason], body


def test_run_command_display_one_element_per_object(client):
    status, body = client.text("DIS QL(DEV.QUEUE.*) MAXDEPTH")
    assert status == 200 and len(body["commandResponse"]) == 3
    for i, element in enumerate(body["commandResponse"], 1):
        assert element["text"][0] == "AMQ8409I: Display Queue details."
        assert " ".join(element["text"][1:]).split() == [f"QUEUE(DEV.QUEUE.{i})", "TYPE(QLOCAL)", "MAXDEPTH(5000)"]
    body = client.text("DIS QMSTATUS ALL")[1]
    assert body["commandResponse"][0]["text"][0].startswith("AMQ8705I") and "CMDSERV(RUNNING)" in " ".join(body["commandResponse"][0]["text"])


def test_where_edge_cases(client):
    assert client.mqsc("DISPLAY", "QLOCAL", "*", params={"where": "maxdepth gt 999999"})[1] == \
        {"commandResponse": [], "overallCompletionCode": 0, "overallReasonCode": 0}  # filtered out: empty success
    client.fails(3014, "DISPLAY", "QLOCAL", "*", params={"where": "nosuch eq 1"})
    client.fails(3014, "DISPLAY", "QLOCAL", "*", params={"where": "maxdepth about 1"})
    rows = client.ok("DISPLAY", "CHANNEL", "*", params={"where": "CHLTYPE NE svrconn"})
    assert rows and all(r["chltype"] != "SVRCONN" for r in rows)
    assert [r["listener"] for r in client.ok("DISPLAY", "LSSTATUS", "*", params={"where": "port eq 1414"})] == ["DEV.LISTENER.TCP"]
    client.fails(3014, "DISPLAY", "QLOCAL", "DEV.QUEUE.1", resp=["nosuch"])
